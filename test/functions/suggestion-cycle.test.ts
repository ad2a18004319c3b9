import type { TabbedPage } from '../../miniprogram/shared/contract/opinion';
import { DEPUTY_SUGGESTION_VIEWS, type DeputySuggestionView, type SuggestionDetail, type SuggestionSummary } from '../../miniprogram/shared/contract/suggestion';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, RATE_TURN, useTestRuntime, refusedWith } from '../support/runtime';
import { allowMessages, outbox } from './helpers/cloud';
import { bindDeputies, BEISHAN, citySession, CITY, draft, DEPUTIES, JIANGNAN, residentOpinion } from './helpers/suggestions';
import { CITY_HOUSING_HANDLER, JB_HOUSING_HANDLER, JN_HOUSING_HANDLER } from '../support/people';

/**
 * A 代表建议 through the functions, from the deputy's draft to their verdict, as deputies, congress
 * staff and units' handlers do it: drafted with residents' opinions and 联名 co-signers, returned
 * and revised, registered, assigned to a 主办 unit with a 协办 unit, the 协办 views first, an
 * extension approved, a B-class answer every deputy behind it receives, 不满意 → 重新办理 with its
 * own clock, then 满意. Every refusal on the way. The clock starts Wednesday 2026-11-18 10:00.
 */
let deputies: Awaited<ReturnType<typeof bindDeputies>>;
let sessionId: string;
const RESIDENTS = { first: 'sg-resident-1', second: 'sg-resident-2', elsewhere: 'sg-resident-3' };
const opinions: Record<keyof typeof RESIDENTS, { opinionId: string; trackingNo: string }> = {} as never;

const t = useTestRuntime({ frozen: true });
beforeAll(async () => {
  deputies = await bindDeputies(t, 'wx-sg');
  sessionId = await citySession(t);
  opinions.first = await residentOpinion(t, RESIDENTS.first, { deputyId: DEPUTIES.liu });
  opinions.second = await residentOpinion(t, RESIDENTS.second, { stationId: 'st-nanhu' });
  opinions.elsewhere = await residentOpinion(t, RESIDENTS.elsewhere, { deputyId: DEPUTIES.zhao });
});

const get = async (suggestionId: string, openid: string): Promise<SuggestionDetail> => ok(await t.call('suggestion.get', { suggestionId }, { openid }));
const lastPublicEvent = async (resident: keyof typeof RESIDENTS) =>
  ok(await t.call('opinion.getMine', { opinionId: opinions[resident].opinionId }, { openid: RESIDENTS[resident] })).timeline.at(-1);

describe('sessions', () => {
  test('deputies of the city congress see its open session; a district deputy, a resident and staff elsewhere do not', async () => {
    expect(ok(await t.call('suggestion.listSessions', { purpose: 'submit' }, { openid: deputies.liu })).sessions.map((s) => s._id)).toContain(sessionId);
    expect(ok(await t.call('suggestion.listSessions', { purpose: 'submit' }, { openid: deputies.wu })).sessions.map((s) => s._id)).not.toContain(sessionId);
    expect(await t.call('suggestion.listSessions', { purpose: 'submit' }, { openid: RESIDENTS.first })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(ok(await t.call('suggestion.listSessions', { purpose: 'manage' }, { openid: CITY })).sessions.find((s) => s._id === sessionId)).toMatchObject({
      areaName: '临江市',
      open: true,
      acceptsFrom: '2026-11-01',
      acceptsUntil: '2027-01-31',
    });
    expect(ok(await t.call('suggestion.listSessions', { purpose: 'manage' }, { openid: JIANGNAN })).sessions.map((s) => s._id)).not.toContain(sessionId);
    expect(await t.call('suggestion.listSessions', { purpose: 'manage' }, { openid: BEISHAN })).toEqual(refusedWith('AUTH.FORBIDDEN'));
  });

  test('staff set sessions up only for congresses in their area; a retried create answers the same session', async () => {
    const payload = {
      clientRequestId: 'session-retry-001',
      areaId: 'area-jiangnan',
      name: '江南区第三届人民代表大会第五次会议',
      acceptsFrom: '2026-12-01',
      acceptsUntil: '2026-12-31',
      active: true,
    };
    const first = ok(await t.call('suggestion.saveSession', payload, { openid: JIANGNAN }));
    expect(ok(await t.call('suggestion.saveSession', payload, { openid: JIANGNAN })).session._id).toBe(first.session._id);
    expect(first.session).toMatchObject({ areaName: '江南区', open: false });
    expect(await t.call('suggestion.saveSession', { ...payload, clientRequestId: 'session-retry-002', areaId: 'area-linjiang' }, { openid: JIANGNAN })).toEqual(
      refusedWith('ADMIN.OUT_OF_SCOPE'),
    );
    expect(await t.call('suggestion.saveSession', { ...payload, clientRequestId: 'session-retry-003', areaId: 'area-hubin' }, { openid: JIANGNAN })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { areaId: '只能为市、区（县）、乡镇人大设立会议' },
    });
    expect(await t.call('suggestion.saveSession', { ...payload, acceptsUntil: '2026-11-30' }, { openid: JIANGNAN })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { acceptsUntil: '结束日期不能早于开始日期' },
    });
    const renamed = ok(await t.call('suggestion.saveSession', { ...payload, sessionId: first.session._id, name: '江南区第三届人民代表大会第六次会议' }, { openid: JIANGNAN }));
    expect(renamed.session.name).toBe('江南区第三届人民代表大会第六次会议');
  });
});

describe('the deputy drafts, co-signers answer, the deputy submits', () => {
  let suggestionId: string;
  const payload = () =>
    draft(sessionId, {
      clientRequestId: 'draft-liu-courier-1',
      opinionTrackingNos: [opinions.first.trackingNo, opinions.second.trackingNo.toLowerCase()],
      coSignerIds: [DEPUTIES.zhao, DEPUTIES.zhang],
    });

  test('a draft with the residents’ opinions and two deputies invited: they get a message each; a retry lands on the same draft', async () => {
    const before = (await outbox(t)).length;
    const first = await t.raw('suggestion', { action: 'suggestion.saveDraft', payload: payload() }, { openid: deputies.liu });
    const saved = ok(first.body as never) as { suggestion: SuggestionDetail };
    suggestionId = saved.suggestion.suggestionId;
    expect(saved.suggestion).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      viewer: 'lead',
      leadDeputyName: '刘德明',
      sessionName: '临江市第十七届人民代表大会第六次会议',
      actions: ['edit', 'submit'],
      opinions: [
        { opinionId: opinions.first.opinionId, trackingNo: opinions.first.trackingNo },
        { opinionId: opinions.second.opinionId, trackingNo: opinions.second.trackingNo },
      ],
      coSigners: [
        { deputyId: DEPUTIES.zhao, name: '赵红梅', state: 'invited', stateLabel: '待回复' },
        { deputyId: DEPUTIES.zhang, name: '张丽', state: 'invited', stateLabel: '待回复' },
      ],
    });
    // Residents stay private: the deputy sees tracking numbers, never names or phones.
    expect(JSON.stringify(saved.suggestion)).not.toMatch(/contact|phone|authorOpenid/);
    const sent = (await outbox(t)).slice(before).map((m) => m.request);
    expect(sent.map((m) => m.touser).sort()).toEqual([deputies.zhang, deputies.zhao].sort());
    expect(sent[0]).toMatchObject({ template_id: 'lxq-suggestion-deputy', page: `packages/suggestion/detail/index?suggestionId=${suggestionId}` });

    const again = ok(await t.call('suggestion.saveDraft', payload(), { openid: deputies.liu }));
    expect(again.suggestion).toEqual(saved.suggestion);
    expect((await outbox(t)).length).toBe(before + 2);
  });

  test('what a deputy may not attach or invite, and who may not draft', async () => {
    const base = { ...payload(), clientRequestId: 'draft-liu-bad-1' };
    expect(await t.call('suggestion.saveDraft', { ...base, opinionTrackingNos: [opinions.elsewhere.trackingNo] }, { openid: deputies.liu })).toEqual(
      refusedWith('SUGGESTION.OPINION_UNAVAILABLE'),
    );
    expect(await t.call('suggestion.saveDraft', { ...base, opinionTrackingNos: ['NH01-990101-999'] }, { openid: deputies.liu })).toEqual(
      refusedWith('SUGGESTION.OPINION_UNAVAILABLE'),
    );
    expect(await t.call('suggestion.saveDraft', { ...base, coSignerIds: [DEPUTIES.wu] }, { openid: deputies.liu })).toEqual(refusedWith('SUGGESTION.COSIGNER_UNAVAILABLE'));
    expect(await t.call('suggestion.saveDraft', { ...base, coSignerIds: [DEPUTIES.liu] }, { openid: deputies.liu })).toEqual(refusedWith('SUGGESTION.LEAD_IS_COSIGNER'));
    expect(await t.call('suggestion.saveDraft', { ...base, opinionTrackingNos: [] }, { openid: deputies.wu })).toEqual(refusedWith('SUGGESTION.SESSION_CLOSED'));
    expect(await t.call('suggestion.saveDraft', base, { openid: RESIDENTS.first })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('suggestion.saveDraft', { ...base, title: '短' }, { openid: deputies.liu })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { title: '请至少写4个字' },
    });
    expect(await t.call('suggestion.saveDraft', { ...base, opinionTrackingNos: ['12345'] }, { openid: deputies.liu })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });

  test('the invited deputy finds it among their invitations; staff do not see a draft', async () => {
    const first = await t.raw('suggestion', { action: 'suggestion.listMine', payload: { view: 'invitations' } }, { openid: deputies.zhao });
    const { items, counts } = ok(first.body as never) as TabbedPage<SuggestionSummary, DeputySuggestionView>;
    expect(items.find((i) => i.suggestionId === suggestionId)).toMatchObject({ myInvitation: 'invited', leadDeputyName: '刘德明' });
    // The tabs say what each holds (待回复邀请 1): the caller, the page and one count per tab.
    const listed = async (view: DeputySuggestionView) => ok(await t.call('suggestion.listMine', { view, pageSize: 50 }, { openid: deputies.zhao })).items.length;
    expect(counts).toEqual({ led: await listed('led'), coSigned: await listed('coSigned'), invitations: items.length });
    expect(counts?.invitations).toBeGreaterThan(0);
    expect(first.databaseRequests).toBe(2 + DEPUTY_SUGGESTION_VIEWS.length);
    const lead = ok(await t.call('suggestion.listMine', { view: 'led' }, { openid: deputies.liu }));
    expect(lead.counts?.led).toBe(lead.items.length);
    expect(lead.counts?.led).toBeGreaterThan(0);
    expect((await get(suggestionId, deputies.zhao)).actions).toEqual(['respond']);
    expect(await t.call('suggestion.get', { suggestionId }, { openid: CITY })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
    expect(await t.call('suggestion.get', { suggestionId }, { openid: deputies.wu })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
  });

  test('submitting while an invitation is unanswered is refused; one accepts, one declines, then it goes through', async () => {
    expect(await t.call('suggestion.submit', { suggestionId }, { openid: deputies.liu })).toEqual(refusedWith('SUGGESTION.COSIGNERS_PENDING'));
    expect(ok(await t.call('suggestion.respond', { suggestionId, accept: true }, { openid: deputies.zhao }))).toMatchObject({ state: 'accepted', status: 'draft' });
    expect(ok(await t.call('suggestion.respond', { suggestionId, accept: false }, { openid: deputies.zhang }))).toMatchObject({ state: 'declined' });
    expect(await t.call('suggestion.respond', { suggestionId, accept: true }, { openid: deputies.liu })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));

    const answer = await t.raw('suggestion', { action: 'suggestion.submit', payload: { suggestionId } }, { openid: deputies.liu });
    expect(answer.body).toEqual({ ok: true, data: { suggestionId, status: 'submitted', statusLabel: '待审查' } });
    expect(answer.databaseRequests).toBe(4 + RATE_TURN);
    expect(await lastPublicEvent('first')).toEqual({
      type: 'suggestionSubmitted',
      label: '代表已把您的意见写进代表建议',
      at: expect.any(String),
      note: '刘德明代表根据您的意见提出代表建议《关于在城区设立快递员爱心驿站的建议》',
    });
    expect((await lastPublicEvent('second'))?.type).toBe('suggestionSubmitted');
  });

  test('submitting again (a retry) answers the same and writes nothing; the declined deputy no longer sees it', async () => {
    const before = (await get(suggestionId, deputies.liu)).timeline.length;
    expect(ok(await t.call('suggestion.submit', { suggestionId }, { openid: deputies.liu }))).toEqual({ suggestionId, status: 'submitted', statusLabel: '待审查' });
    expect((await get(suggestionId, deputies.liu)).timeline).toHaveLength(before);
    expect(await t.call('suggestion.get', { suggestionId }, { openid: deputies.zhang })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
    expect(await t.call('suggestion.respond', { suggestionId, accept: true }, { openid: deputies.zhao })).toEqual(refusedWith('SUGGESTION.INVITATION_CLOSED'));
    const { items } = ok(await t.call('suggestion.listMine', { view: 'coSigned' }, { openid: deputies.zhao }));
    expect(items.find((i) => i.suggestionId === suggestionId)).toMatchObject({ coSignerNames: ['赵红梅'], myInvitation: 'accepted' });
  });

  describe('staff review it: back to the deputy, then 立案', () => {
    test('only the city congress’s staff may review it', async () => {
      expect(await t.call('suggestion.get', { suggestionId }, { openid: JIANGNAN })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
      expect(await t.call('suggestion.review', { suggestionId, decision: 'register' }, { openid: JIANGNAN })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
      expect(await t.call('suggestion.review', { suggestionId, decision: 'register' }, { openid: BEISHAN })).toEqual(refusedWith('AUTH.FORBIDDEN'));
      expect(await t.call('suggestion.review', { suggestionId, decision: 'register' }, { openid: deputies.liu })).toEqual(refusedWith('AUTH.FORBIDDEN'));
      expect(await t.call('suggestion.list', { view: 'toReview' }, { openid: JN_HOUSING_HANDLER })).toEqual(refusedWith('AUTH.FORBIDDEN'));
      const { items } = ok(await t.call('suggestion.list', { view: 'toReview', pageSize: 50 }, { openid: CITY }));
      expect(items.map((i) => i.suggestionId)).toContain(suggestionId);
      expect((await get(suggestionId, CITY)).actions).toEqual(['review']);
    });

    test('returned with the reason, revised by the deputy and submitted again: residents are not told twice', async () => {
      expect(await t.call('suggestion.review', { suggestionId, decision: 'return' }, { openid: CITY })).toMatchObject({
        ok: false,
        code: 'COMMON.INVALID_INPUT',
        fields: { note: '请写明理由，代表会看到' },
      });
      expect(ok(await t.call('suggestion.review', { suggestionId, decision: 'return', note: '请补充驿站选址和经费来源' }, { openid: CITY }))).toMatchObject({
        status: 'returned',
        statusLabel: '已退回修改',
        numberLabel: '',
      });
      const seen = await get(suggestionId, deputies.liu);
      expect(seen.timeline.at(-1)).toMatchObject({ type: 'returned', label: '退回代表修改', note: '请补充驿站选址和经费来源' });
      expect(seen.actions).toEqual(['edit', 'submit']);

      const revised = { ...payload(), suggestionId, content: `${payload().content}经费由市总工会会费和区财政共同承担，首批选址在湖滨社区和青石镇。` };
      expect(ok(await t.call('suggestion.saveDraft', revised, { openid: deputies.liu })).suggestion).toMatchObject({
        status: 'returned',
        coSigners: [{ state: 'accepted' }, { state: 'declined' }],
      });
      ok(await t.call('suggestion.submit', { suggestionId }, { openid: deputies.liu }));
      const timeline = ok(await t.call('opinion.getMine', { opinionId: opinions.first.opinionId }, { openid: RESIDENTS.first })).timeline;
      expect(timeline.filter((e) => e.type === 'suggestionSubmitted')).toHaveLength(1);
    });

    test('立案: the session’s first number; the deputy is told, and so are the residents', async () => {
      const before = (await outbox(t)).length;
      expect(ok(await t.call('suggestion.review', { suggestionId, decision: 'register', note: '符合立案条件' }, { openid: CITY }))).toEqual({
        suggestionId,
        status: 'registered',
        statusLabel: '已立案待交办',
        numberLabel: '第0001号',
      });
      expect((await outbox(t)).slice(before).map((m) => m.request.touser)).toEqual([deputies.liu]);
      expect(await lastPublicEvent('first')).toMatchObject({ type: 'suggestionRegistered', note: '代表建议《关于在城区设立快递员爱心驿站的建议》已立案，将交有关单位办理' });
      expect(await t.call('suggestion.review', { suggestionId, decision: 'register' }, { openid: CITY })).toEqual(refusedWith('SUGGESTION.ILLEGAL_TRANSITION'));
      // Deputies do not read staff's internal notes.
      expect(JSON.stringify(await get(suggestionId, deputies.liu))).not.toContain('符合立案条件');
      expect(JSON.stringify(await get(suggestionId, CITY))).toContain('符合立案条件');
    });
  });

  describe('assigned to a 主办 and a 协办 unit; the legal clock', () => {
    test('staff choose among the city’s units and those below it; a retired one is refused', async () => {
      const seen = await get(suggestionId, CITY);
      expect(seen.actions).toEqual(['assign', 'markKey']);
      expect(seen.assignableDepartments.map((d) => d._id)).toEqual(expect.arrayContaining(['dept-city-zhujian', 'dept-jn-zhujian', 'dept-bs-gov']));
      expect(seen.assignableDepartments.map((d) => d._id)).not.toContain('dept-jn-shizheng');
      expect(
        await t.call('suggestion.assign', { suggestionId, mode: 'lead', leadDepartmentId: 'dept-jn-shizheng', otherDepartmentIds: [], note: '请办理' }, { openid: CITY }),
      ).toEqual(refusedWith('SUGGESTION.DEPARTMENT_UNAVAILABLE'));
    });

    test('assigned: three months for the answer (moved past days off), one month for the 协办 views; every unit is told', async () => {
      const before = (await outbox(t)).length;
      const answer = await t.raw(
        'suggestion',
        {
          action: 'suggestion.assign',
          payload: { suggestionId, mode: 'lead', leadDepartmentId: 'dept-city-zhujian', otherDepartmentIds: ['dept-jn-zhujian'], note: '请住建局牵头研究选址' },
        },
        { openid: CITY },
      );
      expect(answer.body).toEqual({ ok: true, data: { suggestionId, status: 'assigned', statusLabel: '办理中' } });
      const seen = await get(suggestionId, CITY);
      expect(seen.deadline).toMatchObject({ stage: 'answer', stageLabel: '答复', dueDate: '2027-02-18', overdue: false });
      expect(seen.units).toEqual([
        expect.objectContaining({ departmentId: 'dept-city-zhujian', role: 'lead', roleLabel: '主办', dueAt: shanghaiInstant('2027-02-19').toISOString(), active: true }),
        expect.objectContaining({ departmentId: 'dept-jn-zhujian', role: 'assist', roleLabel: '协办', dueAt: shanghaiInstant('2026-12-19').toISOString(), active: true }),
      ]);
      expect(seen.leadUnitName).toBe('临江市住房和城乡建设局');
      const sent = (await outbox(t)).slice(before).map((m) => m.request);
      expect(sent.map((m) => m.touser).sort()).toEqual([CITY_HOUSING_HANDLER, JN_HOUSING_HANDLER].sort());
      expect(sent[0]).toMatchObject({ template_id: 'lxq-suggestion-unit', page: `packages/suggestion/work/index?suggestionId=${suggestionId}` });
      expect(await lastPublicEvent('first')).toMatchObject({
        type: 'suggestionAssigned',
        note: '代表建议《关于在城区设立快递员爱心驿站的建议》已交临江市住房和城乡建设局（主办）、江南区住房和城乡建设局（协办）办理',
      });
    });

    test('each unit sees it on its 待办 in its role; another unit does not', async () => {
      const lead = ok(await t.call('suggestion.listAssigned', { view: 'todo' }, { openid: CITY_HOUSING_HANDLER })).items.find((i) => i.suggestionId === suggestionId);
      expect(lead).toMatchObject({ myRole: 'lead', numberLabel: '第0001号' });
      const assist = ok(await t.call('suggestion.listAssigned', { view: 'todo' }, { openid: JN_HOUSING_HANDLER })).items.find((i) => i.suggestionId === suggestionId);
      expect(assist).toMatchObject({ myRole: 'assist' });
      expect(ok(await t.call('suggestion.listAssigned', { view: 'all', pageSize: 50 }, { openid: JB_HOUSING_HANDLER })).items.map((i) => i.suggestionId)).not.toContain(
        suggestionId,
      );
      expect(await t.call('suggestion.get', { suggestionId }, { openid: JB_HOUSING_HANDLER })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
      expect((await get(suggestionId, CITY_HOUSING_HANDLER)).actions).toEqual(['answer', 'requestExtension', 'referBack']);
      expect((await get(suggestionId, JN_HOUSING_HANDLER)).actions).toEqual(['sendView', 'referBack']);
    });

    test('the 主办 unit waits for the 协办 views; the 协办 unit sends them once, and they reach the 主办 unit', async () => {
      t.clock.set(shanghaiInstant('2026-12-01', '10:00'));
      const answer = { suggestionId, answerClass: 'A' as const, text: '已在全市设立驿站二十处，提供饮水、充电和休息服务，并在地图上标注位置。' };
      expect(await t.call('suggestion.answer', answer, { openid: CITY_HOUSING_HANDLER })).toEqual(refusedWith('SUGGESTION.VIEWS_PENDING'));
      expect((await get(suggestionId, CITY_HOUSING_HANDLER)).awaitingViewsFrom).toEqual(['江南区住房和城乡建设局']);
      expect(await t.call('suggestion.sendView', { suggestionId, text: '湖滨社区服务中心一楼可以腾出空间设置驿站。' }, { openid: CITY_HOUSING_HANDLER })).toEqual(
        refusedWith('SUGGESTION.ILLEGAL_TRANSITION'),
      );
      const before = (await outbox(t)).length;
      ok(await t.call('suggestion.sendView', { suggestionId, text: '湖滨社区服务中心一楼可以腾出空间设置驿站。' }, { openid: JN_HOUSING_HANDLER }));
      expect((await outbox(t)).slice(before).map((m) => m.request.touser)).toEqual([CITY_HOUSING_HANDLER]);
      expect(await t.call('suggestion.sendView', { suggestionId, text: '再补充一点意见，供主办单位参考。' }, { openid: JN_HOUSING_HANDLER })).toEqual(
        refusedWith('SUGGESTION.VIEW_ALREADY_SENT'),
      );
      const lead = await get(suggestionId, CITY_HOUSING_HANDLER);
      expect(lead.units[1]?.view).toEqual({ text: '湖滨社区服务中心一楼可以腾出空间设置驿站。', at: expect.any(String) });
      expect(lead.awaitingViewsFrom).toEqual([]);
      // The deputy follows the handling, but not what the units tell each other.
      expect((await get(suggestionId, deputies.liu)).units[1]?.view).toBeNull();
    });

    test('an extension within six months is asked for, and approved: the deadline moves to the next working day', async () => {
      expect(await t.call('suggestion.requestExtension', { suggestionId, months: 4, reason: '驿站选址需要征求各区意见。' }, { openid: CITY_HOUSING_HANDLER })).toEqual(
        refusedWith('SUGGESTION.EXTENSION_LIMIT'),
      );
      expect(await t.call('suggestion.requestExtension', { suggestionId, months: 2, reason: '驿站选址需要征求各区意见。' }, { openid: JN_HOUSING_HANDLER })).toEqual(
        refusedWith('SUGGESTION.ILLEGAL_TRANSITION'),
      );
      ok(await t.call('suggestion.requestExtension', { suggestionId, months: 2, reason: '驿站选址需要征求各区意见。' }, { openid: CITY_HOUSING_HANDLER }));
      expect(await t.call('suggestion.requestExtension', { suggestionId, months: 1, reason: '驿站选址需要征求各区意见。' }, { openid: CITY_HOUSING_HANDLER })).toEqual(
        refusedWith('SUGGESTION.EXTENSION_PENDING'),
      );
      expect(ok(await t.call('suggestion.list', { view: 'extensions', pageSize: 50 }, { openid: CITY })).items.find((i) => i.suggestionId === suggestionId)).toMatchObject({
        extensionPending: true,
      });
      expect(await t.call('suggestion.decideExtension', { suggestionId, approve: true }, { openid: JIANGNAN })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
      // Five months from 11-18 is Sunday 2027-04-18: due Monday the 19th.
      expect(ok(await t.call('suggestion.decideExtension', { suggestionId, approve: true, note: '同意延期两个月' }, { openid: CITY }))).toMatchObject({ dueDate: '2027-04-19' });
      expect(await t.call('suggestion.decideExtension', { suggestionId, approve: true }, { openid: CITY })).toEqual(refusedWith('SUGGESTION.ILLEGAL_TRANSITION'));
      const seen = await get(suggestionId, CITY_HOUSING_HANDLER);
      expect(seen).toMatchObject({ deadline: { dueDate: '2027-04-19' }, extension: { months: 2, state: 'approved', stateLabel: '已同意' }, extensionRoomMonths: 1 });
      expect(seen.units[0]?.dueAt).toBe(shanghaiInstant('2027-04-20').toISOString());
    });
  });

  describe('the answer, the verdict, 重新办理', () => {
    test('a B answer needs its plan; answered, every deputy behind it and each resident get a message', async () => {
      t.clock.set(shanghaiInstant('2026-12-20', '10:00'));
      const answer = { suggestionId, answerClass: 'B' as const, text: '我局已会同市总工会制定全市爱心驿站建设方案，首批二十处正在选址建设中。' };
      expect(await t.call('suggestion.answer', answer, { openid: CITY_HOUSING_HANDLER })).toMatchObject({
        ok: false,
        code: 'COMMON.INVALID_INPUT',
        fields: { reason: '请写明解决计划和完成时限' },
      });
      expect(await t.call('suggestion.answer', { ...answer, reason: '2027年6月底前建成' }, { openid: JN_HOUSING_HANDLER })).toEqual(refusedWith('SUGGESTION.ILLEGAL_TRANSITION'));
      // Each allowed one message of the template when they submitted their opinion.
      for (const resident of [RESIDENTS.first, RESIDENTS.second]) await allowMessages(t, resident, 'lxq-suggestion-resident');
      const before = (await outbox(t)).length;
      expect(ok(await t.call('suggestion.answer', { ...answer, reason: '2027年6月底前建成' }, { openid: CITY_HOUSING_HANDLER }))).toEqual({
        suggestionId,
        status: 'answered',
        statusLabel: '已答复待评价',
      });
      const sent = (await outbox(t)).slice(before).map((m) => m.request);
      const toldBy = (template: string) => sent.filter((m) => m.template_id === template).map((m) => m.touser);
      expect(toldBy('lxq-suggestion-deputy').sort()).toEqual([deputies.liu, deputies.zhao].sort());
      expect(toldBy('lxq-suggestion-resident').sort()).toEqual([RESIDENTS.first, RESIDENTS.second].sort());
      expect(await lastPublicEvent('second')).toMatchObject({
        type: 'suggestionAnswered',
        note: '临江市住房和城乡建设局已答复代表建议《关于在城区设立快递员爱心驿站的建议》：B类（正在解决或列入计划解决）',
      });
    });

    test('the co-signer reads the answer; only the lead deputy judges it', async () => {
      const coSigner = await get(suggestionId, deputies.zhao);
      expect(coSigner.answers).toEqual([
        expect.objectContaining({ kind: 'answer', answerClass: 'B', reason: '2027年6月底前建成', onTime: true, departmentName: '临江市住房和城乡建设局' }),
      ]);
      expect(coSigner.actions).toEqual([]);
      expect(await t.call('suggestion.rate', { suggestionId, verdict: 'satisfied' }, { openid: deputies.zhao })).toEqual(refusedWith('SUGGESTION.NOT_FOUND'));
      expect((await get(suggestionId, deputies.liu)).actions).toEqual(['rate']);
    });

    test('不满意 needs what is wrong; it opens 重新办理 at once with a month of its own, and the 主办 unit is told', async () => {
      expect(await t.call('suggestion.rate', { suggestionId, verdict: 'dissatisfied' }, { openid: deputies.liu })).toMatchObject({
        ok: false,
        code: 'COMMON.INVALID_INPUT',
        fields: { comment: expect.any(String) },
      });
      const before = (await outbox(t)).length;
      expect(ok(await t.call('suggestion.rate', { suggestionId, verdict: 'dissatisfied', comment: '建设进度太慢，请先利用现有场地开放' }, { openid: deputies.liu }))).toMatchObject(
        { status: 'rehandling', statusLabel: '重新办理中' },
      );
      expect((await outbox(t)).slice(before).map((m) => m.request.touser)).toEqual([CITY_HOUSING_HANDLER]);
      const seen = await get(suggestionId, CITY_HOUSING_HANDLER);
      expect(seen).toMatchObject({ rehandleCount: 1, deadline: { stage: 'rehandle', stageLabel: '重新办理答复', dueDate: '2027-01-20' }, actions: ['answer'] });
      expect(await lastPublicEvent('first')).toMatchObject({ type: 'suggestionRehandling' });
    });

    test('answered again (A), then 满意: it closes; residents hear it closed', async () => {
      t.clock.set(shanghaiInstant('2027-01-08', '10:00'));
      ok(
        await t.call(
          'suggestion.answer',
          { suggestionId, answerClass: 'A', text: '已利用社区党群服务中心等现有场地开放驿站二十处，提供饮水充电休息服务。' },
          { openid: CITY_HOUSING_HANDLER },
        ),
      );
      expect(ok(await t.call('suggestion.rate', { suggestionId, verdict: 'satisfied' }, { openid: deputies.liu }))).toMatchObject({ status: 'closed', statusLabel: '已办结' });
      const seen = await get(suggestionId, deputies.liu);
      expect(seen).toMatchObject({ answerClass: 'A', verdict: { value: 'satisfied', label: '满意' }, followUp: false, actions: [] });
      expect(seen.answers.map((a) => a.kindLabel)).toEqual(['答复', '重新办理答复']);
      expect(seen.verdicts.map((v) => v.label)).toEqual(['不满意', '满意']);
      expect(await lastPublicEvent('first')).toMatchObject({ type: 'suggestionClosed', note: '代表建议《关于在城区设立快递员爱心驿站的建议》已办结' });
      expect(await t.call('suggestion.rate', { suggestionId, verdict: 'satisfied' }, { openid: deputies.liu })).toEqual(refusedWith('SUGGESTION.ILLEGAL_TRANSITION'));
    });
  });
});
