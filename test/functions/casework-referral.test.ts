import { ok, useTestRuntime, FIRST_RATE_TURN, refusedWith } from '../support/runtime';
import { opinionFor } from './helpers/cloud';
import { BEISHAN_STAFF, JB_HOUSING_HANDLER, JIANGNAN_STAFF, JN_CIVIL_HANDLER, JN_HOUSING_HANDLER } from '../support/people';

/**
 * 退回 for opinion cases, through the functions: a department that is not responsible sends a case
 * back within seven working days of its assignment, staff re-route it, the next department's clock
 * starts at the re-routing, the resident's timeline says so in plain words (not the reason), and a
 * case sent back twice is flagged to staff. Runs at ORDINARY_MORNING, Wednesday 2026-11-18 10:00.
 */

const t = useTestRuntime({ frozen: true });

async function assignedToHousing(resident: string): Promise<string> {
  const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: resident }));
  ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
  ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请核实处理' }, { openid: JIANGNAN_STAFF }));
  return opinionId;
}

describe('a department sends a case back and staff re-route it', () => {
  const resident = 'referral-resident-1';
  let opinionId: string;

  beforeAll(async () => {
    opinionId = await assignedToHousing(resident);
  });

  test('the assigned handler sees 退回 offered until the seventh working day; others may not send it back', async () => {
    const seen = ok(await t.call('casework.get', { opinionId }, { openid: JN_HOUSING_HANDLER }));
    expect(seen.actions).toEqual(['answer', 'referBack']);
    // Assigned Wednesday 11-18: seven working days later is Friday 11-27, to its end.
    expect(seen.referBackUntil).toBe('2026-11-27T16:00:00.000Z');
    expect(await t.call('casework.referBack', { opinionId, reason: '公交站台属交通部门管理' }, { openid: JN_CIVIL_HANDLER })).toEqual(refusedWith('CASE.NOT_FOUND'));
    expect(await t.call('casework.referBack', { opinionId, reason: '公交站台属交通部门管理' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.referBack', { opinionId, reason: '短' }, { openid: JN_HOUSING_HANDLER })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { reason: expect.any(String) },
    });
  });

  test('it sends it back: the case waits for staff; the resident is told a department is being found again, not why', async () => {
    const answer = await t.raw('casework', { action: 'casework.referBack', payload: { opinionId, reason: '公交站台属交通部门管理' } }, { openid: JN_HOUSING_HANDLER });
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'referred', statusLabel: '重新确定承办单位中', event: 'referredBack' } });
    // Two for the queue counters (办理中 → 待交办 and 退回待改派).
    expect(answer.databaseRequests).toBe(8 + FIRST_RATE_TURN);

    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine.timeline.at(-1)).toEqual({
      type: 'referredBack',
      label: '承办单位认为不属本单位职责，正在重新确定承办单位',
      actorName: '江南区住房和城乡建设局',
      at: expect.any(String),
    });
    expect(JSON.stringify(mine)).not.toContain('公交站台属交通部门管理');

    const staffView = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(staffView).toMatchObject({ status: 'referred', referralOpen: true, referralCount: 1, bounced: false, departmentNames: [], actions: ['reroute'] });
    expect(staffView.assignments[0]).toMatchObject({ departmentId: 'dept-jn-zhujian', referral: { reason: '公交站台属交通部门管理' } });
    expect(staffView.assignableDepartments.map((d) => d._id)).toContain('dept-jn-jiaotong');

    const queue = ok(await t.call('casework.list', { view: 'referred', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(queue.items.map((i) => i.opinionId)).toContain(opinionId);
    const toAssign = ok(await t.call('casework.list', { view: 'toAssign', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(toAssign.items.map((i) => i.opinionId)).toContain(opinionId);
    // Sent back, the department no longer owes it: off its 待办 (it still sees the case it was given), nothing to answer.
    const todo = ok(await t.call('casework.listAssigned', { view: 'todo', pageSize: 50 }, { openid: JN_HOUSING_HANDLER }));
    expect(todo.items.map((i) => i.opinionId)).not.toContain(opinionId);
    expect(await t.call('casework.answer', { opinionId, category: 'solved', text: '已经处理完毕。' }, { openid: JN_HOUSING_HANDLER })).toEqual(
      refusedWith('CASE.ILLEGAL_TRANSITION'),
    );
  });

  test('staff outside the station cannot re-route it; nor to a retired or unrelated department', async () => {
    expect(await t.call('casework.reroute', { opinionId, departmentIds: ['dept-jn-jiaotong'], note: '请交通局办理' }, { openid: BEISHAN_STAFF })).toEqual(
      refusedWith('CASE.NOT_FOUND'),
    );
    expect(await t.call('casework.reroute', { opinionId, departmentIds: ['dept-jn-shizheng'], note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.DEPARTMENT_UNAVAILABLE'),
    );
    expect(await t.call('casework.reroute', { opinionId, departmentIds: ['dept-jb-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.DEPARTMENT_UNAVAILABLE'),
    );
  });

  test('staff re-route it two days later: the next department gets its fifteen working days from then', async () => {
    t.clock.set(new Date('2026-11-20T02:00:00.000Z'));
    const answer = await t.raw(
      'casework',
      { action: 'casework.reroute', payload: { opinionId, departmentIds: ['dept-jn-jiaotong'], note: '站台属交通局管理' } },
      { openid: JIANGNAN_STAFF },
    );
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'assigned', statusLabel: '办理中', event: 'rerouted' } });
    expect(answer.databaseRequests).toBe(9 + FIRST_RATE_TURN);
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    const next = view.assignments.find((a) => a.departmentId === 'dept-jn-jiaotong');
    // Fifteen working days from Friday 11-20: Friday 12-11 (not from the first assignment on 11-18).
    expect(next).toMatchObject({ assignedAt: '2026-11-20T02:00:00.000Z', dueAt: '2026-12-11T16:00:00.000Z', answer: null, referral: null });
    expect(view).toMatchObject({
      status: 'assigned',
      referralOpen: false,
      departmentNames: ['江南区交通运输局'],
      deadline: { stage: 'answer', dueAt: '2026-12-11T16:00:00.000Z' },
    });
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: resident }));
    expect(mine.timeline.at(-1)).toEqual({ type: 'rerouted', label: '已重新交办承办单位', at: '2026-11-20T02:00:00.000Z', note: '改由：江南区交通运输局' });
    expect(await t.call('casework.reroute', { opinionId, departmentIds: ['dept-jn-minzheng'], note: '再改派' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.ILLEGAL_TRANSITION'),
    );
  });
});

describe('the window closes, and a case that keeps bouncing is flagged', () => {
  test('after seven working days a department can no longer send it back', async () => {
    t.clock.set(new Date('2026-11-18T02:00:00.000Z'));
    const opinionId = await assignedToHousing('referral-resident-2');
    t.clock.set(new Date('2026-11-28T02:00:00.000Z'));
    const seen = ok(await t.call('casework.get', { opinionId }, { openid: JN_HOUSING_HANDLER }));
    expect(seen.actions).toEqual(['answer']);
    expect(seen.referBackUntil).toBeNull();
    expect(await t.call('casework.referBack', { opinionId, reason: '不属本单位职责范围' }, { openid: JN_HOUSING_HANDLER })).toEqual(
      expect.objectContaining({ ok: false, code: 'CASE.REFER_WINDOW_CLOSED', message: '交办已超过可退回的期限，请按时办理；确有困难请联系人大工作人员' }),
    );
  });

  test('sent back, insisted on, sent back again: staff see it flagged 多次退回', async () => {
    t.clock.set(new Date('2026-11-18T02:00:00.000Z'));
    const opinionId = await assignedToHousing('referral-resident-3');
    ok(await t.call('casework.referBack', { opinionId, reason: '不属本单位职责范围' }, { openid: JN_HOUSING_HANDLER }));
    ok(await t.call('casework.reroute', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '经研究确属住建局职责' }, { openid: JIANGNAN_STAFF }));
    ok(await t.call('casework.referBack', { opinionId, reason: '仍认为不属本单位职责' }, { openid: JN_HOUSING_HANDLER }));
    const { items } = ok(await t.call('casework.list', { view: 'referred', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    expect(items.find((i) => i.opinionId === opinionId)).toMatchObject({ referralOpen: true, referralCount: 2, bounced: true });
    const timeline = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF })).timeline.map((e) => e.type);
    expect(timeline.slice(-3)).toEqual(['referredBack', 'rerouted', 'referredBack']);
    expect(await t.call('casework.get', { opinionId }, { openid: JB_HOUSING_HANDLER })).toEqual(refusedWith('CASE.NOT_FOUND'));
  });
});
