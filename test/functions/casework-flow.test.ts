import {
  HANDLER_CASE_VIEWS,
  STAFF_CASE_COUNTED_VIEWS,
  type CaseDetail,
  type CaseSummary,
  type HandlerCaseView,
  type StaffCaseView,
} from '../../miniprogram/shared/contract/casework';
import type { TabbedPage } from '../../miniprogram/shared/contract/opinion';
import { FIRST_RATE_TURN, ok, RATE_TURN, useTestRuntime, refusedWith, onlyOne } from '../support/runtime';
import { allowMessages, bindDeputiesBeforeAll, opinionFor, outbox } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JB_HOUSING_HANDLER, JIANGNAN_STAFF, JN_CIVIL_HANDLER, JN_HOUSING_HANDLER } from '../support/people';
import { REOPENED_THEN_CLOSED } from '../support/casePlans';

/**
 * Case handling through the functions, as staff, departments' handlers and residents see it:
 * 受理 → 交办 → 办理 → 审核 → 回访 → 不满意 → 二次交办 → 满意, every refusal on the way.
 * Seeded: 江南区 staff (demo-staff-jiangnan), 北山 station staff (demo-staff-beishan), the city
 * administrator (demo-staff-city), and handlers of 江南区住建局, 江南区民政局 and 江北区住建局.
 */
/** 刘德明 (dp-005) receives at 南湖 (st-nanhu). */
const LIU = 'wx-liu';
/** 王志强 (dp-003) receives at 临江 and 北山, not at 南湖. */
const WANG = 'wx-wang-casework';

const t = useTestRuntime();
bindDeputiesBeforeAll(t, { [LIU]: 'dp-005', [WANG]: 'dp-003' });

async function submit(openid: string, target: { deputyId: string } | { stationId: string } = { stationId: 'st-nanhu' }): Promise<string> {
  return ok(await t.call('opinion.submit', opinionFor(target), { openid })).opinionId;
}

async function detail(opinionId: string, openid = JIANGNAN_STAFF): Promise<CaseDetail> {
  return ok(await t.call('casework.get', { opinionId }, { openid }));
}

describe('staff accept and assign; departments answer; staff review; the resident rates', () => {
  const resident = 'case-resident-1';
  let opinionId: string;

  beforeAll(async () => {
    opinionId = await submit(resident);
  });

  test('a new opinion waits to be accepted, with the accept deadline running', async () => {
    const { items } = ok(await t.call('casework.list', { view: 'toAccept', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    const row = items.find((i) => i.opinionId === opinionId);
    expect(row).toMatchObject({ status: 'received', deadline: { stage: 'accept', stageLabel: '受理', overdue: false }, overdue: false, round: 0 });
  });

  test('only staff covering the station may see or accept it; handlers and residents are refused', async () => {
    for (const openid of [BEISHAN_STAFF, JB_HOUSING_HANDLER]) {
      expect(await t.call('casework.get', { opinionId }, { openid })).toEqual(refusedWith('CASE.NOT_FOUND'));
    }
    expect(await t.call('casework.accept', { opinionId }, { openid: BEISHAN_STAFF })).toEqual(refusedWith('CASE.NOT_FOUND'));
    expect(await t.call('casework.accept', { opinionId }, { openid: JN_HOUSING_HANDLER })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.accept', { opinionId }, { openid: resident })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.list', { view: 'all' }, { openid: resident })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.accept', { opinionId })).toEqual(refusedWith('AUTH.REQUIRED'));
    // Another case id, and one that does not exist, read the same for staff outside the area.
    const missing = await t.raw('casework', { action: 'casework.get', payload: { opinionId: 'f'.repeat(32) } }, { openid: BEISHAN_STAFF });
    const outside = await t.raw('casework', { action: 'casework.get', payload: { opinionId } }, { openid: BEISHAN_STAFF });
    expect(missing.body).toEqual(outside.body);
    expect(missing.databaseRequests).toBe(outside.databaseRequests);
  });

  test('江南区 staff accept it: the resident sees 已受理 with the note; accepting again is an illegal transition', async () => {
    const answer = await t.raw('casework', { action: 'casework.accept', payload: { opinionId, note: '已受理，我们将尽快交有关部门办理' } }, { openid: JIANGNAN_STAFF });
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'accepted', statusLabel: '已受理', event: 'accepted' } });
    // One more than the figures alone: the case leaves 待受理 for 待交办 in its station's and areas' queue counters.
    expect(answer.databaseRequests).toBe(9 + FIRST_RATE_TURN);
    expect(await t.call('casework.accept', { opinionId }, { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'CASE.ILLEGAL_TRANSITION',
      message: '这件意见当前的办理状态不能进行此操作，可能已被他人处理，请刷新后查看',
    });
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine).toMatchObject({ status: 'accepted', statusLabel: '已受理', canRate: false });
    expect(mine.timeline.at(-1)).toEqual({ type: 'accepted', label: '联络站已受理您的意见', at: expect.any(String), note: '已受理，我们将尽快交有关部门办理' });
  });

  test('the case offers the departments of its area and the areas above, active ones only', async () => {
    const answer = await t.raw('casework', { action: 'casework.get', payload: { opinionId } }, { openid: JIANGNAN_STAFF });
    expect(answer.databaseRequests).toBe(4);
    const view = ok(answer.body as never) as CaseDetail;
    expect(view.actions).toEqual(['assign']);
    const ids = view.assignableDepartments.map((d) => d._id);
    expect(ids).toEqual(expect.arrayContaining(['dept-jn-zhujian', 'dept-jn-minzheng', 'dept-jn-jiaotong', 'dept-city-zhujian', 'dept-city-jiaotong']));
    expect(ids.indexOf('dept-jn-zhujian')).toBeLessThan(ids.indexOf('dept-city-zhujian'));
    expect(ids).not.toContain('dept-jb-zhujian');
    expect(ids).not.toContain('dept-qs-gov');
    expect(ids).not.toContain('dept-jn-shizheng');
  });

  test('a department of another district, a retired one, or an unknown one cannot be assigned', async () => {
    for (const departmentIds of [['dept-jb-zhujian'], ['dept-jn-shizheng'], ['dept-jn-zhujian', 'dept-nowhere']]) {
      expect(await t.call('casework.assign', { opinionId, departmentIds, note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.DEPARTMENT_UNAVAILABLE'));
    }
    expect(await t.call('casework.assign', { opinionId, departmentIds: [], note: '请办理' }, { openid: JIANGNAN_STAFF })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { departmentIds: '请至少选择一个承办单位' },
    });
  });

  test('assigned to two departments: the resident sees which, not the instruction', async () => {
    const answer = await t.raw(
      'casework',
      { action: 'casework.assign', payload: { opinionId, departmentIds: ['dept-jn-zhujian', 'dept-jn-minzheng'], note: '请住建局牵头，民政局配合' } },
      { openid: JIANGNAN_STAFF },
    );
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'assigned', statusLabel: '办理中', event: 'assigned' } });
    // No figure moves, the queues do (待交办 → 办理中): the counter documents found, then moved.
    expect(answer.databaseRequests).toBe(9 + RATE_TURN);
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'assigned', note: '交办单位：江南区住房和城乡建设局、江南区民政局' });
    expect(JSON.stringify(mine)).not.toContain('牵头');
  });

  test('each department’s handler finds it among their to-dos; a handler of another department does not', async () => {
    for (const handler of [JN_HOUSING_HANDLER, JN_CIVIL_HANDLER]) {
      const { items } = ok(await t.call('casework.listAssigned', { view: 'todo' }, { openid: handler }));
      expect(items.map((i) => i.opinionId)).toContain(opinionId);
    }
    const { items } = ok(await t.call('casework.listAssigned', { view: 'todo' }, { openid: JB_HOUSING_HANDLER }));
    expect(items.map((i) => i.opinionId)).not.toContain(opinionId);
    expect(await t.call('casework.listAssigned', { view: 'todo' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('AUTH.FORBIDDEN'));
  });

  test('a handler of another department can neither see nor answer it; staff cannot answer for a department', async () => {
    const payload = { opinionId, category: 'solved' as const, text: '已经处理好了' };
    expect(await t.call('casework.answer', payload, { openid: JB_HOUSING_HANDLER })).toEqual(refusedWith('CASE.NOT_FOUND'));
    expect(await t.call('casework.get', { opinionId }, { openid: JB_HOUSING_HANDLER })).toEqual(refusedWith('CASE.NOT_FOUND'));
    expect(await t.call('casework.answer', payload, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.review', { opinionId, decision: 'approve' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.ILLEGAL_TRANSITION'));
  });

  test('列入计划 needs a reason; the first answer leaves the case with the other department', async () => {
    expect(await t.call('casework.answer', { opinionId, category: 'planned', text: '列入明年计划' }, { openid: JN_HOUSING_HANDLER })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { reason: '列入计划或留作参考时请说明理由' },
    });
    const answer = await t.raw(
      'casework',
      { action: 'casework.answer', payload: { opinionId, category: 'planned', text: '已列入明年老旧小区改造', reason: '需列入年度预算' } },
      { openid: JN_HOUSING_HANDLER },
    );
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'assigned', statusLabel: '办理中', event: 'departmentAnswered' } });
    expect(answer.databaseRequests).toBe(6 + RATE_TURN);
    expect(await t.call('casework.answer', { opinionId, category: 'solved', text: '我们又看了一下' }, { openid: JN_HOUSING_HANDLER })).toEqual(
      refusedWith('CASE.ALREADY_ANSWERED'),
    );
    const view = await detail(opinionId, JN_HOUSING_HANDLER);
    expect(view.actions).toEqual([]);
    expect(view.pendingDepartmentIds).toEqual(['dept-jn-minzheng']);
    // The resident does not see a department's answer before staff review it.
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine.timeline.map((e) => e.type)).not.toContain('departmentAnswered');
  });

  test('when the last department answers, it waits for staff review', async () => {
    const view = await detail(opinionId, JN_CIVIL_HANDLER);
    expect(view.actions).toEqual(['answer', 'referBack']);
    expect(ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已为老人加装扶手' }, { openid: JN_CIVIL_HANDLER }))).toMatchObject({
      status: 'answered',
      statusLabel: '办理结果审核中',
    });
    const { items } = ok(await t.call('casework.list', { view: 'toReview', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(items.find((i) => i.opinionId === opinionId)).toMatchObject({ deadline: { stage: 'review' } });
  });

  test('staff return one department’s answer: only it answers again', async () => {
    expect(await t.call('casework.review', { opinionId, decision: 'return' }, { openid: JIANGNAN_STAFF })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { note: '退回重办时请写明需要重新办理的内容' },
    });
    expect(await t.call('casework.review', { opinionId, decision: 'return', note: '重办', departmentIds: ['dept-jb-zhujian'] }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.DEPARTMENT_UNAVAILABLE'),
    );
    expect(
      ok(await t.call('casework.review', { opinionId, decision: 'return', note: '外墙安全隐患请先行处置', departmentIds: ['dept-jn-zhujian'] }, { openid: JIANGNAN_STAFF })),
    ).toEqual({ opinionId, status: 'assigned', statusLabel: '办理中', event: 'returned', notified: false });
    expect(await t.call('casework.answer', { opinionId, category: 'solved', text: '我们再答复一次' }, { openid: JN_CIVIL_HANDLER })).toEqual(refusedWith('CASE.ALREADY_ANSWERED'));
    ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已先行清除松动瓷砖并设置防护网' }, { openid: JN_HOUSING_HANDLER }));
  });

  test('staff approve: the resident sees the answers, is asked to rate them and gets a message', async () => {
    await allowMessages(t, resident, 'lxq-case-answered');
    const before = (await outbox(t)).length;
    const answer = await t.raw('casework', { action: 'casework.review', payload: { opinionId, decision: 'approve', note: '已电话核实' } }, { openid: JIANGNAN_STAFF });
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'awaitingRating', statusLabel: '待评价', event: 'answerPublished', notified: true } });
    // Four, and the acceptance spent; one for the queues (待审核 → 待评价).
    expect(answer.databaseRequests).toBe(10 + RATE_TURN);
    expect(onlyOne((await outbox(t)).slice(before)).request).toMatchObject({
      touser: resident,
      template_id: 'lxq-case-answered',
      page: `pages/opinion/index?opinionId=${opinionId}`,
      data: { thing2: { value: '办理结果：已解决' }, thing4: { value: '请查看答复并评价是否满意' } },
    });

    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine).toMatchObject({ status: 'awaitingRating', canRate: true, ratingDueAt: expect.any(String), outcome: { category: 'solved', label: '已解决' } });
    expect(mine.timeline.at(-1)).toMatchObject({
      type: 'answerPublished',
      label: '办理结果已答复，请您评价',
      note: '江南区住房和城乡建设局【已解决】已先行清除松动瓷砖并设置防护网\n江南区民政局【已解决】已为老人加装扶手',
    });
    expect(JSON.stringify(mine)).not.toMatch(/已电话核实|重办|internalNote/);
  });

  test('only the author may rate, and 不满意 must say why', async () => {
    // The snoop's first call creates their rate-limit counter; both measured calls then cost alike.
    await t.raw('opinion', { action: 'opinion.rate', payload: { opinionId: 'e'.repeat(32), rating: 'satisfied' } }, { openid: 'case-snoop' });
    const theirs = await t.raw('opinion', { action: 'opinion.rate', payload: { opinionId, rating: 'satisfied' } }, { openid: 'case-snoop' });
    const missing = await t.raw('opinion', { action: 'opinion.rate', payload: { opinionId: 'f'.repeat(32), rating: 'satisfied' } }, { openid: 'case-snoop' });
    expect(theirs.body).toEqual({ ok: false, code: 'OPINION.NOT_FOUND', message: '没有找到这条意见，请返回列表刷新后再试' });
    expect(missing.body).toEqual(theirs.body);
    expect(theirs.databaseRequests).toBe(missing.databaseRequests);
    expect(await t.call('opinion.rate', { opinionId, rating: 'dissatisfied' }, { openid: resident })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { comment: '请说说哪里不满意，我们会重新交办' },
    });
    expect(await t.call('opinion.rate', { opinionId, rating: 'excellent' as never }, { openid: resident })).toMatchObject({ code: 'COMMON.INVALID_INPUT' });
  });

  test('不满意 reopens it for 二次交办; rating twice is refused', async () => {
    const answer = await t.raw(
      'opinion',
      { action: 'opinion.rate', payload: { opinionId, rating: 'dissatisfied', comment: '防护网挡住了通道，瓷砖还是没修' } },
      { openid: resident },
    );
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'reopened', statusLabel: '重新交办中', event: 'rated' } });
    expect(answer.databaseRequests).toBe(8 + RATE_TURN);
    expect(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident })).toEqual({
      ok: false,
      code: 'OPINION.ALREADY_RATED',
      message: '您已经评价过这次答复了，感谢您的反馈',
    });
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine).toMatchObject({ canRate: false, rating: { value: 'dissatisfied', label: '不满意', comment: '防护网挡住了通道，瓷砖还是没修' } });
    expect(mine.outcome).toBeUndefined();
    expect(mine.timeline.slice(-2).map((e) => [e.type, e.note ?? null])).toEqual([
      ['rated', '不满意：防护网挡住了通道，瓷砖还是没修'],
      ['reopened', null],
    ]);
    const { items } = ok(await t.call('casework.list', { view: 'toAssign', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(items.find((i) => i.opinionId === opinionId)).toMatchObject({ status: 'reopened', deadline: { stage: 'assign' }, rating: { value: 'dissatisfied' } });
  });

  test('二次交办 keeps the first round; the second answer, approved and rated 满意, closes the case', async () => {
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '群众不满意，请本月内修复外墙' }, { openid: JIANGNAN_STAFF }));
    expect(await t.call('casework.answer', { opinionId, category: 'solved', text: '上一轮答过了' }, { openid: JN_CIVIL_HANDLER })).toEqual(refusedWith('CASE.ALREADY_ANSWERED'));
    ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已修复3号楼外墙并拆除防护网' }, { openid: JN_HOUSING_HANDLER }));
    ok(await t.call('casework.review', { opinionId, decision: 'approve' }, { openid: JIANGNAN_STAFF }));
    expect(ok(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident }))).toMatchObject({ status: 'closed', statusLabel: '已办结' });
    expect(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident })).toEqual(refusedWith('OPINION.ALREADY_RATED'));
    expect(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '再办一次' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.ILLEGAL_TRANSITION'),
    );

    const view = await detail(opinionId);
    expect(view).toMatchObject({ status: 'closed', round: 2, outcome: { category: 'solved' }, ratingDetail: { value: 'satisfied', label: '满意' }, actions: [] });
    expect(view.assignments.map((a) => [a.round, a.departmentName, a.answer?.categoryLabel])).toEqual([
      [1, '江南区住房和城乡建设局', '已解决'],
      [1, '江南区民政局', '已解决'],
      [2, '江南区住房和城乡建设局', '已解决'],
    ]);
    expect(view.timeline.map((e) => e.type)).toEqual([
      'received',
      'accepted',
      'assigned',
      'departmentAnswered',
      'departmentAnswered',
      'returned',
      'departmentAnswered',
      ...REOPENED_THEN_CLOSED,
    ]);
    // Who did what is shown by role and name; no account id (an OPENID) leaves the store.
    expect(view.timeline.find((e) => e.type === 'accepted')).toMatchObject({ actorRole: 'staff', actorLabel: expect.stringMatching(/^人大工作人员/) });
    expect(view.timeline.filter((e) => e.type === 'departmentAnswered').map((e) => [e.actorRole, e.actorLabel])).toEqual([
      ['handler', '承办部门 江南区住房和城乡建设局'],
      ['handler', '承办部门 江南区民政局'],
      ['handler', '承办部门 江南区住房和城乡建设局'],
      ['handler', '承办部门 江南区住房和城乡建设局'],
    ]);
    expect(JSON.stringify(view)).not.toContain(JIANGNAN_STAFF);
    expect(JSON.stringify(view)).not.toContain(JN_HOUSING_HANDLER);
    expect(view.timeline.find((e) => e.type === 'returned')).toMatchObject({ public: false, internalNote: '外墙安全隐患请先行处置' });
  });
});

describe('the deputy’s path: accepted by staff, answered by the deputy, rated by the resident', () => {
  test('a deputy may still answer an accepted opinion; the resident rates the reply; it stays in the deputy’s 已回复 tab', async () => {
    const resident = 'case-resident-2';
    const opinionId = await submit(resident, { deputyId: 'dp-005' });
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    const pending = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 50 }, { openid: LIU }));
    expect(pending.items.find((i) => i.opinionId === opinionId)).toMatchObject({ status: 'accepted', statusLabel: '已受理' });

    ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周内处理。' }, { openid: LIU }));
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine).toMatchObject({ status: 'replied', canRate: true });
    expect(ok(await t.call('opinion.rate', { opinionId, rating: 'basicallySatisfied', comment: '希望以后快一点' }, { openid: resident }))).toMatchObject({ status: 'closed' });

    const replied = ok(await t.call('opinion.inbox', { status: 'replied', pageSize: 50 }, { openid: LIU }));
    expect(replied.items.find((i) => i.opinionId === opinionId)).toMatchObject({ status: 'closed', statusLabel: '已办结' });
    const view = await detail(opinionId);
    expect(view).toMatchObject({ acceptedAt: expect.any(String), resolvedAt: expect.any(String), ratingDetail: { value: 'basicallySatisfied' } });
  });

  test('a forwarded opinion waits for staff to assign it; it stays in the deputy’s 已转交 tab', async () => {
    const opinionId = await submit('case-resident-3', { deputyId: 'dp-005' });
    ok(await t.call('opinion.forward', { opinionId, note: '涉及区住建局职责，建议交办' }, { openid: LIU }));
    const { items } = ok(await t.call('casework.list', { view: 'toAssign', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(items.find((i) => i.opinionId === opinionId)).toMatchObject({ status: 'forwarded', deadline: { stage: 'assign' } });
    const view = await detail(opinionId);
    expect(view.timeline.at(-1)).toMatchObject({ type: 'forwarded', actorRole: 'deputy', actorLabel: expect.stringMatching(/^代表 /), internalNote: '涉及区住建局职责，建议交办' });
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF }));
    const forwarded = ok(await t.call('opinion.inbox', { status: 'forwarded', pageSize: 50 }, { openid: LIU }));
    expect(forwarded.items.find((i) => i.opinionId === opinionId)).toMatchObject({ status: 'assigned' });
    expect(await t.call('opinion.reply', { opinionId, text: '我来答复一下吧' }, { openid: LIU })).toEqual(refusedWith('OPINION.ALREADY_HANDLED'));
  });
});

describe('deputies follow what staff take over: 已交办, read only', () => {
  test('a station’s case staff accept and assign stays in its deputy’s 已交办 tab with its timeline and, later, the rating; they cannot act on it; another station’s deputy sees nothing', async () => {
    const resident = 'case-resident-followed';
    const opinionId = await submit(resident);
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF }));

    const inbox = async (status: 'pending' | 'replied' | 'forwarded' | 'following', openid = LIU) =>
      ok(await t.call('opinion.inbox', { status, pageSize: 50 }, { openid })).items.map((item) => item.opinionId);
    expect(await inbox('pending')).not.toContain(opinionId);
    const following = ok(await t.call('opinion.inbox', { status: 'following', pageSize: 50 }, { openid: LIU }));
    expect(following.items.find((item) => item.opinionId === opinionId)).toMatchObject({ status: 'assigned', statusLabel: '办理中', addressedTo: 'station' });
    const view = ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: LIU }));
    expect(view).toMatchObject({ status: 'assigned', rating: null });
    expect(view.timeline.map((event) => event.type)).toEqual(['received', 'accepted', 'assigned']);

    // Read only: the deputies' turn has passed.
    expect(await t.call('opinion.reply', { opinionId, text: '我来答复一下这件事情' }, { openid: LIU })).toEqual(refusedWith('OPINION.ALREADY_HANDLED'));
    expect(await t.call('opinion.forward', { opinionId, note: '请再交办' }, { openid: LIU })).toEqual(refusedWith('OPINION.ALREADY_HANDLED'));

    // Another station's deputy: not in any tab, not found, nothing to act on.
    for (const status of ['pending', 'replied', 'forwarded', 'following'] as const) expect(await inbox(status, WANG)).not.toContain(opinionId);
    expect(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).toEqual(refusedWith('OPINION.NOT_FOUND'));
    expect(await t.call('opinion.reply', { opinionId, text: '我来答复一下这件事情' }, { openid: WANG })).toEqual(refusedWith('OPINION.NOT_FOUND'));

    ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已安排维修' }, { openid: JN_HOUSING_HANDLER }));
    ok(await t.call('casework.review', { opinionId, decision: 'approve' }, { openid: JIANGNAN_STAFF }));
    ok(await t.call('opinion.rate', { opinionId, rating: 'satisfied', comment: '修得很快' }, { openid: resident }));
    const rated = ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: LIU }));
    expect(rated).toMatchObject({ status: 'closed', rating: { value: 'satisfied', label: '满意', comment: '修得很快', at: expect.any(String) } });
    expect(rated.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['departmentAnswered', 'answerPublished', 'rated']));
    expect(await inbox('following')).toContain(opinionId);
    expect(await inbox('following', WANG)).not.toContain(opinionId);
  });

  test('what the deputies answered or forwarded stays in 已回复 / 已转交, not twice in 已交办', async () => {
    const opinionId = await submit('case-resident-followed-2', { deputyId: 'dp-005' });
    ok(await t.call('opinion.forward', { opinionId, note: '请交办住建局' }, { openid: LIU }));
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF }));
    const following = ok(await t.call('opinion.inbox', { status: 'following', pageSize: 50 }, { openid: LIU })).items.map((item) => item.opinionId);
    expect(following).not.toContain(opinionId);
  });
});

describe('concurrent actors: the conditional update lets exactly one win', () => {
  test('two staff accepting at once: one accepts, the other is told it moved on; one event', async () => {
    const opinionId = await submit('case-resident-4');
    const answers = await Promise.all([JIANGNAN_STAFF, CITY_STAFF].map((openid) => t.call('casework.accept', { opinionId }, { openid })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([refusedWith('CASE.ILLEGAL_TRANSITION')]);
    expect((await detail(opinionId)).timeline.filter((e) => e.type === 'accepted')).toHaveLength(1);
  });

  test('two departments answering at once: both answers count and the case moves to review once', async () => {
    const opinionId = await submit('case-resident-5');
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian', 'dept-jn-minzheng'], note: '请办理' }, { openid: JIANGNAN_STAFF }));
    const answers = await Promise.all(
      [JN_HOUSING_HANDLER, JN_CIVIL_HANDLER].map((openid) => t.call('casework.answer', { opinionId, category: 'solved', text: `${openid} 已办理` }, { openid })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const view = await detail(opinionId);
    expect(view).toMatchObject({ status: 'answered', pendingDepartmentIds: [] });
    expect(view.assignments.every((a) => a.answer !== null)).toBe(true);
    expect(view.timeline.filter((e) => e.type === 'departmentAnswered')).toHaveLength(2);
  });

  test('a resident tapping 满意 twice: one rating', async () => {
    const resident = 'case-resident-6';
    const opinionId = await submit(resident, { deputyId: 'dp-005' });
    ok(await t.call('opinion.reply', { opinionId, text: '已处理完毕，请查看。' }, { openid: LIU }));
    const answers = await Promise.all([1, 2].map(() => t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([refusedWith('OPINION.ALREADY_RATED')]);
    expect((await detail(opinionId)).timeline.filter((e) => e.type === 'rated')).toHaveLength(1);
  });
});

describe('rating before there is an answer', () => {
  test('is refused while the case is being handled', async () => {
    const resident = 'case-resident-7';
    const opinionId = await submit(resident);
    expect(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident })).toEqual({
      ok: false,
      code: 'OPINION.NOT_RATABLE',
      message: '这条意见现在不能评价：收到办理答复后才能评价，超过评价期限的已自动办结',
    });
  });
});

describe('station staff', () => {
  test('see and work only their own station’s cases', async () => {
    const here = await submit('case-resident-8', { stationId: 'st-beishan' });
    const there = await submit('case-resident-9', { stationId: 'st-linjiang' });
    const { items } = ok(await t.call('casework.list', { view: 'toAccept', pageSize: 50 }, { openid: BEISHAN_STAFF }));
    expect(items.map((i) => i.opinionId)).toContain(here);
    expect(items.map((i) => i.opinionId)).not.toContain(there);
    expect(items.every((i) => i.stationId === 'st-beishan')).toBe(true);
    // 江南区 staff are outside 江北区's stations as much as 北山 staff are outside 临江.
    expect(await t.call('casework.accept', { opinionId: here }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.NOT_FOUND'));
    ok(await t.call('casework.accept', { opinionId: here }, { openid: BEISHAN_STAFF }));
    expect(await t.call('casework.accept', { opinionId: there }, { openid: BEISHAN_STAFF })).toEqual(refusedWith('CASE.NOT_FOUND'));
    const { items: jiangnan } = ok(await t.call('casework.list', { view: 'all', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(jiangnan.map((i) => i.opinionId)).not.toContain(here);
    const view = await detail(here, BEISHAN_STAFF);
    expect(view.assignableDepartments.map((d) => d._id)).toEqual(expect.arrayContaining(['dept-bs-gov', 'dept-jb-zhujian', 'dept-city-zhujian']));
  });
});

describe('work queue counts', () => {
  /** Every case a queue lists, page after page. */
  async function listedCount<V extends string>(action: 'casework.list' | 'casework.listAssigned', view: V, openid: string, stationId?: string): Promise<number> {
    let cursor: string | undefined;
    let total = 0;
    do {
      const payload = { view, pageSize: 50, ...(cursor === undefined ? {} : { cursor }), ...(stationId ? { stationId } : {}) };
      const page = ok(await t.call(action, payload as never, { openid })) as TabbedPage<CaseSummary, V>;
      total += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return total;
  }

  test('the first page of 意见办理 says how many cases each queue holds, counted in the database; a new opinion adds to 待受理', async () => {
    const first = await t.raw('casework', { action: 'casework.list', payload: { view: 'toAccept', pageSize: 1 } }, { openid: JIANGNAN_STAFF });
    // The caller, the page, the holiday calendar (deadlines), the area's queue counters and a count of the cases turned 逾期 since counted.
    expect(first.databaseRequests).toBe(5);
    const { counts } = ok(first.body as never) as TabbedPage<CaseSummary, StaffCaseView>;
    const listed = Object.fromEntries(await Promise.all(STAFF_CASE_COUNTED_VIEWS.map(async (view) => [view, await listedCount('casework.list', view, JIANGNAN_STAFF)])));
    expect(counts).toEqual(listed);
    expect(counts?.toAccept).toBeGreaterThan(0);
    // The archive (已办结, 全部) is not counted: on a city it holds years of cases.
    expect(counts).not.toHaveProperty('closed');
    expect(counts).not.toHaveProperty('all');

    await submit('counted-resident');
    expect(ok(await t.call('casework.list', { view: 'closed' }, { openid: JIANGNAN_STAFF })).counts).toEqual({
      ...counts,
      toAccept: (counts?.toAccept ?? 0) + 1,
    });
    // Station staff count their station only.
    const beishan = ok(await t.call('casework.list', { view: 'all' }, { openid: BEISHAN_STAFF })).counts;
    expect(beishan?.toAccept).toBe(await listedCount('casework.list', 'toAccept', BEISHAN_STAFF));
    expect(beishan?.handling).toBe(await listedCount('casework.list', 'handling', BEISHAN_STAFF));
  });

  test("a station outside the caller's scope shows nothing, and counts nothing: its queue counters are not read for them", async () => {
    // 临江 (江北区) is not 江南区 staff's; 南湖 is not 北山's station staff's.
    const zeros = Object.fromEntries(STAFF_CASE_COUNTED_VIEWS.map((view) => [view, 0]));
    for (const [openid, stationId] of [
      [JIANGNAN_STAFF, 'st-linjiang'],
      [BEISHAN_STAFF, 'st-nanhu'],
    ] as const) {
      const page = ok(await t.call('casework.list', { view: 'toAccept', stationId }, { openid }));
      expect([openid, page.items, page.counts]).toEqual([openid, [], zeros]);
    }
    // Its own area's staff see its queues.
    expect(ok(await t.call('casework.list', { view: 'toAccept', stationId: 'st-linjiang' }, { openid: CITY_STAFF })).counts?.toAccept).toBe(
      await listedCount('casework.list', 'toAccept', CITY_STAFF, 'st-linjiang'),
    );
  });

  test('a later page brings no counts and costs three database requests', async () => {
    const page1 = ok(await t.call('casework.list', { view: 'all', pageSize: 1 }, { openid: JIANGNAN_STAFF }));
    const page2 = await t.raw('casework', { action: 'casework.list', payload: { view: 'all', pageSize: 1, cursor: page1.nextCursor ?? '' } }, { openid: JIANGNAN_STAFF });
    expect(page2.databaseRequests).toBe(3);
    expect(ok(page2.body as never)).not.toHaveProperty('counts');
  });

  test('a handler’s 承办工作台 counts 待办理 and 全部 of their department', async () => {
    const first = await t.raw('casework', { action: 'casework.listAssigned', payload: { view: 'todo' } }, { openid: JN_HOUSING_HANDLER });
    expect(first.databaseRequests).toBe(3 + HANDLER_CASE_VIEWS.length);
    const { counts } = ok(first.body as never) as TabbedPage<CaseSummary, HandlerCaseView>;
    expect(counts).toEqual({
      todo: await listedCount('casework.listAssigned', 'todo', JN_HOUSING_HANDLER),
      all: await listedCount('casework.listAssigned', 'all', JN_HOUSING_HANDLER),
    });
    expect(counts?.all).toBeGreaterThan(0);
  });
});
