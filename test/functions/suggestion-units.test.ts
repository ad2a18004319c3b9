import ExcelJS from 'exceljs';
import type { TabbedPage } from '../../miniprogram/shared/contract/opinion';
import {
  HANDLER_SUGGESTION_VIEWS,
  STAFF_SUGGESTION_VIEWS,
  type HandlerSuggestionView,
  type StaffSuggestionView,
  type SuggestionDetail,
  type SuggestionSummary,
} from '../../miniprogram/shared/contract/suggestion';
import { SUGGESTION_FIGURES } from '../../miniprogram/shared/domain/suggestionStats';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, refusedWith } from '../support/runtime';
import { outbox } from './helpers/cloud';
import { assigned, bindDeputies, bindHandler, citySession, CITY, draft, JIANGNAN, registered } from './helpers/suggestions';
import { CITY_HOUSING_HANDLER, CITY_TRANSPORT_HANDLER } from '../support/people';

/**
 * What units do with a suggestion and what staff count: 会办 units answering jointly, 退回 and
 * re-routing with a fresh clock for the next unit, a suggestion bouncing between units flagged, the
 * referral window closing, reminders before the deadline, the supervision list of the overdue, a
 * late B answer followed up, 一般意见 and 重点督办 — and the session's figures, each drilled down,
 * and the Excel workbook. The clock starts Wednesday 2026-11-18 10:00.
 */
let deputies: Awaited<ReturnType<typeof bindDeputies>>;
let sessionId: string;
const JN_TRANSPORT = 'wx-su-h-jn-jiaotong';

const t = useTestRuntime({ frozen: true });
beforeAll(async () => {
  deputies = await bindDeputies(t, 'wx-su');
  await bindHandler(t, JN_TRANSPORT, 'dept-jn-jiaotong');
  sessionId = await citySession(t);
});

const get = async (suggestionId: string, openid: string): Promise<SuggestionDetail> => ok(await t.call('suggestion.get', { suggestionId }, { openid }));
const at = (date: string, time = '10:00') => t.clock.set(shanghaiInstant(date, time));

describe('会办, 退回 and re-routing', () => {
  let suggestionId: string;

  beforeAll(async () => {
    at('2026-11-18');
    suggestionId = await assigned(
      t,
      deputies.zhao,
      sessionId,
      { title: '关于优化青石镇公交线路的建议' },
      { mode: 'joint', leadDepartmentId: 'dept-city-jiaotong', otherDepartmentIds: ['dept-jn-jiaotong'], note: '请两单位会同研究' },
    );
  });

  test('会办 units share the answer deadline; each sees its part', async () => {
    const seen = await get(suggestionId, CITY);
    expect(seen.units.map((u) => [u.departmentName, u.roleLabel, u.dueAt])).toEqual([
      ['临江市交通运输局', '会办（牵头）', shanghaiInstant('2027-02-19').toISOString()],
      ['江南区交通运输局', '会办', shanghaiInstant('2027-02-19').toISOString()],
    ]);
    expect((await get(suggestionId, JN_TRANSPORT)).myRole).toBe('joint');
  });

  test('the leading unit sends it back within seven working days: the clock stops and staff are told', async () => {
    at('2026-11-20');
    const before = (await outbox(t)).length;
    expect(ok(await t.call('suggestion.referBack', { suggestionId, reason: '线路调整属区交通局职责' }, { openid: CITY_TRANSPORT_HANDLER }))).toMatchObject({
      status: 'referred',
      statusLabel: '承办单位退回，待重新交办',
    });
    const sent = (await outbox(t)).slice(before).map((m) => m.request);
    expect(sent.map((m) => m.touser)).toEqual([CITY]);
    expect(sent[0]).toMatchObject({ template_id: 'lxq-suggestion-unit', data: expect.objectContaining({ thing2: { value: '承办单位申请退回' } }) });
    const seen = await get(suggestionId, CITY);
    expect(seen).toMatchObject({ status: 'referred', deadline: null, referralOpen: true, referralCount: 1, bounced: false, leadUnitName: null, actions: ['markKey', 'reroute'] });
    expect(seen.units[0]?.referral).toEqual({ reason: '线路调整属区交通局职责', at: expect.any(String) });
    expect(JSON.stringify(await get(suggestionId, deputies.zhao))).not.toContain('线路调整属区交通局职责');
    expect(ok(await t.call('suggestion.list', { view: 'referred', pageSize: 50 }, { openid: CITY })).items.map((i) => i.suggestionId)).toContain(suggestionId);
    expect(await t.call('suggestion.answer', { suggestionId, answerClass: 'A', text: '已经优化青石镇公交线路，增开了两条支线。' }, { openid: CITY_TRANSPORT_HANDLER })).toEqual(
      refusedWith('SUGGESTION.NOT_FOUND'),
    );
  });

  test('re-routed three days later: the next lead gets three full months from then', async () => {
    at('2026-11-23');
    expect(await t.call('suggestion.reroute', { suggestionId, departmentId: 'dept-jn-jiaotong', note: '改由区局牵头' }, { openid: CITY })).toEqual(
      refusedWith('SUGGESTION.DEPARTMENT_UNAVAILABLE'),
    );
    expect(await t.call('suggestion.reroute', { suggestionId, departmentId: 'dept-city-zhujian', note: '改由住建局牵头' }, { openid: JIANGNAN })).toEqual(
      refusedWith('SUGGESTION.NOT_FOUND'),
    );
    ok(await t.call('suggestion.reroute', { suggestionId, departmentId: 'dept-city-zhujian', note: '改由住建局牵头' }, { openid: CITY }));
    const seen = await get(suggestionId, CITY_HOUSING_HANDLER);
    expect(seen).toMatchObject({ status: 'assigned', myRole: 'lead', referralOpen: false, deadline: { dueDate: '2027-02-23' }, leadUnitName: '临江市住房和城乡建设局' });
    // The 会办 unit still at work answers with the new lead: its date follows.
    expect(seen.units.find((u) => u.departmentId === 'dept-jn-jiaotong')?.dueAt).toBe(shanghaiInstant('2027-02-24').toISOString());
    expect(await t.call('suggestion.reroute', { suggestionId, departmentId: 'dept-city-jiaotong', note: '再改派' }, { openid: CITY })).toEqual(
      refusedWith('SUGGESTION.ILLEGAL_TRANSITION'),
    );
  });

  test('sent back a second time: flagged 多次退回 to staff; staff insist on the first unit', async () => {
    const before = (await outbox(t)).length;
    ok(await t.call('suggestion.referBack', { suggestionId, reason: '公交线路不属住建部门职责' }, { openid: CITY_HOUSING_HANDLER }));
    expect((await outbox(t)).slice(before)[0]?.request).toMatchObject({ data: expect.objectContaining({ thing2: { value: '多次退回（2次），请协调' } }) });
    const listed = ok(await t.call('suggestion.list', { view: 'toAssign', pageSize: 50 }, { openid: CITY })).items.find((i) => i.suggestionId === suggestionId);
    expect(listed).toMatchObject({ bounced: true, referralCount: 2 });
    ok(await t.call('suggestion.reroute', { suggestionId, departmentId: 'dept-city-jiaotong', note: '经研究仍由交通局牵头' }, { openid: CITY }));
    expect((await get(suggestionId, CITY_TRANSPORT_HANDLER)).actions).toEqual(['answer', 'requestExtension', 'referBack']);
  });

  test('after seven working days a unit can no longer send it back', async () => {
    at('2026-12-03');
    expect((await get(suggestionId, CITY_TRANSPORT_HANDLER)).actions).toEqual(['answer', 'requestExtension']);
    expect(await t.call('suggestion.referBack', { suggestionId, reason: '仍然不属本单位职责' }, { openid: CITY_TRANSPORT_HANDLER })).toEqual(
      refusedWith('SUGGESTION.REFER_WINDOW_CLOSED'),
    );
  });

  test('会办: the lead answers only once the other unit’s views are in, whatever the date', async () => {
    const answer = { suggestionId, answerClass: 'B' as const, text: '已会同江南区交通运输局制定青石镇公交线路优化方案，拟新开两条支线。', reason: '2027年春节前开通' };
    expect(await t.call('suggestion.answer', answer, { openid: CITY_TRANSPORT_HANDLER })).toEqual(refusedWith('SUGGESTION.VIEWS_PENDING'));
    ok(await t.call('suggestion.sendView', { suggestionId, text: '同意新开两条支线，区局负责站点建设。' }, { openid: JN_TRANSPORT }));
    ok(await t.call('suggestion.answer', answer, { openid: CITY_TRANSPORT_HANDLER }));
    expect((await get(suggestionId, deputies.zhao)).answers[0]).toMatchObject({
      departmentName: '临江市交通运输局',
      jointNames: ['江南区交通运输局'],
      answerClass: 'B',
      onTime: true,
    });
  });

  test('基本满意 closes it; the B answer stays on the follow-up list until the unit reports the work done', async () => {
    ok(await t.call('suggestion.rate', { suggestionId, verdict: 'basicallySatisfied' }, { openid: deputies.zhao }));
    expect(ok(await t.call('suggestion.list', { view: 'followUp', pageSize: 50 }, { openid: CITY })).items.map((i) => i.suggestionId)).toContain(suggestionId);
    expect(ok(await t.call('suggestion.listAssigned', { view: 'todo', pageSize: 50 }, { openid: CITY_TRANSPORT_HANDLER })).items.map((i) => i.suggestionId)).toContain(
      suggestionId,
    );
    expect((await get(suggestionId, CITY_TRANSPORT_HANDLER)).actions).toEqual(['followUp']);
    expect(await t.call('suggestion.followUp', { suggestionId, answerClass: 'A', text: '两条支线已于1月开通运行。' }, { openid: JN_TRANSPORT })).toEqual(
      refusedWith('SUGGESTION.NOT_FOUND'),
    );
    at('2027-01-20');
    const before = (await outbox(t)).length;
    ok(await t.call('suggestion.followUp', { suggestionId, answerClass: 'A', text: '两条支线已于1月开通运行。' }, { openid: CITY_TRANSPORT_HANDLER }));
    expect((await outbox(t)).slice(before).map((m) => m.request.touser)).toEqual([deputies.zhao]);
    expect(await get(suggestionId, CITY)).toMatchObject({ followUp: false, answerClass: 'A', status: 'closed' });
    expect(await t.call('suggestion.followUp', { suggestionId, answerClass: 'A', text: '再次报告两条支线的运行情况。' }, { openid: CITY_TRANSPORT_HANDLER })).toEqual(
      refusedWith('SUGGESTION.NOT_FOLLOW_UP'),
    );
  });
});

describe('reminders, the supervision list and a late answer', () => {
  let suggestionId: string;

  beforeAll(async () => {
    at('2026-11-18');
    const assignment = { mode: 'lead' as const, leadDepartmentId: 'dept-city-zhujian', otherDepartmentIds: ['dept-city-jiaotong'], note: '请住建局牵头' };
    suggestionId = await assigned(t, deputies.liu, sessionId, { title: '关于加强湖滨路夜间照明的建议' }, assignment);
  });

  test('the 协办 unit is reminded 15 and 3 days before its views are due; once each, however often the timer fires', async () => {
    // The demo's suggestions are reminded too: only this one's messages are looked at.
    const mine = async (since: number) =>
      (await outbox(t))
        .slice(since)
        .map((m) => m.request)
        .filter((m) => String(m.page).endsWith(suggestionId));
    at('2026-12-03', '09:10');
    const before = (await outbox(t)).length;
    expect((await t.fireTimer('suggestion')).body).toMatchObject({ ok: true, data: { reminded: expect.any(Number) } });
    expect((await t.fireTimer('suggestion')).body).toEqual({ ok: true, data: { reminded: 0, deadlinesRecounted: 0 } });
    expect(await mine(before)).toEqual([
      expect.objectContaining({
        touser: CITY_TRANSPORT_HANDLER,
        data: expect.objectContaining({ thing2: { value: '请按期向主办单位提出协办意见' }, date3: { value: '2026-12-18' } }),
      }),
    ]);
    at('2026-12-15', '09:10');
    const later = (await outbox(t)).length;
    await t.fireTimer('suggestion');
    expect((await mine(later)).map((m) => m.touser)).toEqual([CITY_TRANSPORT_HANDLER]);
    expect((await get(suggestionId, CITY)).timeline.filter((e) => e.type === 'reminded')).toHaveLength(2);
  });

  test('past the 协办 deadline the lead no longer waits; past its own, it is on the supervision list', async () => {
    at('2027-02-03', '09:10');
    const before = (await outbox(t)).length;
    await t.fireTimer('suggestion');
    expect(
      (await outbox(t))
        .slice(before)
        .map((m) => m.request)
        .filter((m) => String(m.page).endsWith(suggestionId)),
    ).toEqual([expect.objectContaining({ touser: CITY_HOUSING_HANDLER, data: expect.objectContaining({ thing2: { value: '请按期答复' }, date3: { value: '2027-02-18' } }) })]);
    expect((await get(suggestionId, CITY_HOUSING_HANDLER)).awaitingViewsFrom).toEqual([]);
    at('2027-02-20');
    const overdue = ok(await t.call('suggestion.list', { view: 'overdue', pageSize: 50 }, { openid: CITY })).items.find((i) => i.suggestionId === suggestionId);
    expect(overdue).toMatchObject({ overdue: true, deadline: { dueDate: '2027-02-18', overdue: true } });
  });

  test('answered late: recorded as not on time, and still counted as answered', async () => {
    ok(
      await t.call(
        'suggestion.answer',
        { suggestionId, answerClass: 'C', text: '湖滨路照明改造需与道路改造同步实施，目前暂不具备条件。', reason: '道路改造计划尚未批复' },
        { openid: CITY_HOUSING_HANDLER },
      ),
    );
    expect(await get(suggestionId, CITY)).toMatchObject({ overdue: true, answers: [expect.objectContaining({ onTime: false })] });
    ok(await t.call('suggestion.rate', { suggestionId, verdict: 'dissatisfied', comment: '请先安装临时照明' }, { openid: deputies.liu }));
    ok(await t.call('suggestion.answer', { suggestionId, answerClass: 'A', text: '已在湖滨路安装临时照明灯具四十盏，道路改造时一并永久改造。' }, { openid: CITY_HOUSING_HANDLER }));
    // After 重新办理 the verdict is final, whatever it is.
    expect(ok(await t.call('suggestion.rate', { suggestionId, verdict: 'dissatisfied', comment: '临时照明亮度不够' }, { openid: deputies.liu }))).toMatchObject({
      status: 'closed',
    });
  });
});

describe('一般意见, 重点督办, and the figures of the session', () => {
  let noted: string;
  let keyed: string;

  beforeAll(async () => {
    at('2026-11-25');
    const { suggestion } = ok(await t.call('suggestion.saveDraft', draft(sessionId, { title: '关于举办城市马拉松的建议' }), { openid: deputies.zhang }));
    noted = suggestion.suggestionId;
    ok(await t.call('suggestion.submit', { suggestionId: noted }, { openid: deputies.zhang }));
    keyed = await registered(t, deputies.zhang, sessionId, { title: '关于建设城市绿道的建议' });
  });

  test('转为一般意见 with the reason: it leaves handling, the deputy reads why', async () => {
    ok(await t.call('suggestion.review', { suggestionId: noted, decision: 'general', note: '属于活动安排，转体育局研究参考' }, { openid: CITY }));
    expect(await get(noted, deputies.zhang)).toMatchObject({
      status: 'noted',
      statusLabel: '已转为一般意见',
      timeline: expect.arrayContaining([expect.objectContaining({ type: 'noted', note: '属于活动安排，转体育局研究参考' })]),
    });
  });

  test('重点督办 under a named leader', async () => {
    expect(await t.call('suggestion.markKey', { suggestionId: keyed, key: true }, { openid: CITY })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { leader: '请写明督办领导' },
    });
    ok(await t.call('suggestion.markKey', { suggestionId: keyed, key: true, leader: '市人大常委会副主任王明' }, { openid: CITY }));
    expect(await get(keyed, deputies.zhang)).toMatchObject({ key: true, keyLeader: '市人大常委会副主任王明' });
    expect(ok(await t.call('suggestion.list', { view: 'key', sessionId, pageSize: 50 }, { openid: CITY })).items.map((i) => i.suggestionId)).toEqual([keyed]);
  });

  test('the session’s figures, as congresses publish them', async () => {
    at('2027-02-20');
    const stats = ok(await t.call('suggestion.stats', { sessionId }, { openid: CITY }));
    expect(stats.session).toEqual({ id: sessionId, name: '临江市第十七届人民代表大会第六次会议', areaName: '临江市' });
    expect(stats.counts).toEqual({
      received: 4,
      registered: 3,
      noted: 1,
      returned: 0,
      answered: 2,
      answeredOnTime: 1,
      overdue: 1,
      classA: 2,
      classB: 0,
      classC: 0,
      followUp: 0,
      rated: 2,
      satisfied: 1,
      dissatisfied: 1,
      rehandled: 1,
      key: 1,
      extended: 0,
      referred: 1,
      bounced: 1,
    });
    expect(stats.rates).toEqual({ answeredRate: 66.67, onTimeRate: 50, classAShare: 100, classBShare: 0, classCShare: 0, satisfactionRate: 50 });
    expect(stats.byUnit.find((u) => u.departmentId === 'dept-city-jiaotong')).toMatchObject({
      name: '临江市交通运输局',
      lead: 1,
      assisting: 1,
      answered: 1,
      answeredOnTime: 1,
      classA: 1,
      satisfied: 1,
    });
    expect(stats.byUnit.find((u) => u.departmentId === 'dept-city-zhujian')).toMatchObject({
      lead: 1,
      assisting: 0,
      answered: 1,
      answeredOnTime: 0,
      overdue: 1,
      dissatisfied: 1,
      rehandled: 1,
    });
    expect(stats.byUnit.find((u) => u.departmentId === 'dept-jn-jiaotong')).toMatchObject({ lead: 0, assisting: 1 });
    expect(stats.byArea.map((a) => [a.name, a.received])).toEqual([
      ['江北区', 2],
      ['江南区', 2],
    ]);
    expect(await t.call('suggestion.stats', { sessionId }, { openid: JIANGNAN })).toEqual(refusedWith('ADMIN.OUT_OF_SCOPE'));
  });

  test('every figure drills down to exactly the suggestions it counts', async () => {
    const stats = ok(await t.call('suggestion.stats', { sessionId }, { openid: CITY }));
    for (const figure of SUGGESTION_FIGURES) {
      const drill = ok(await t.call('suggestion.drillDown', { sessionId, figure, pageSize: 50 }, { openid: CITY }));
      expect([figure, drill.items.length]).toEqual([figure, stats.counts[figure]]);
    }
    const unit = ok(await t.call('suggestion.stats', { sessionId, departmentId: 'dept-city-jiaotong', unitRole: 'assist' }, { openid: CITY }));
    expect(unit.unit).toEqual({ id: 'dept-city-jiaotong', name: '临江市交通运输局', role: 'assist' });
    expect(unit.counts.received).toBe(1);
    const area = ok(await t.call('suggestion.drillDown', { sessionId, areaId: 'area-jiangbei', figure: 'received' }, { openid: CITY }));
    expect(area.items.map((i) => i.leadDeputyName)).toEqual(['张丽', '张丽']);
  });

  test('the Excel workbook in the published layout', async () => {
    const file = ok(await t.call('suggestion.export', { sessionId }, { openid: CITY }));
    expect(file).toMatchObject({ fileName: '代表建议办理情况_临江市第十七届人民代表大会第六次会议.xlsx', suggestionCount: 4 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await fetch(file.url)).arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总体情况', '承办单位', '代表团', '建议清单']);
    const units = workbook.getWorksheet('承办单位');
    expect((units?.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['序号', '承办单位', '主办件数', '协办（会办）件数']);
    const list = workbook.getWorksheet('建议清单');
    expect(list?.rowCount).toBe(5);
    expect((list?.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['第0001号', '关于优化青石镇公交线路的建议', '建议', '社会保障', '赵红梅']);
  });
});

describe('a deadline moved past days off of a year nobody recorded', () => {
  test('is marked so, and counted again once staff record the year', async () => {
    at('2027-02-22');
    const later = await citySession(t, { name: '临江市第十七届人大常委会第三十二次会议', acceptsFrom: '2027-02-01', acceptsUntil: '2027-06-30' });
    const suggestionId = await registered(t, deputies.liu, later, { title: '关于错峰开放学校运动场的建议' });
    ok(await t.call('suggestion.assign', { suggestionId, mode: 'lead', leadDepartmentId: 'dept-city-zhujian', otherDepartmentIds: [], note: '请研究' }, { openid: CITY }));
    // Three months from Monday 2027-02-22 is Saturday 05-22: Monday 05-24 by weekends alone, while 2027 is unknown.
    expect((await get(suggestionId, CITY)).deadline).toMatchObject({ dueDate: '2027-05-24', holidaysUnknown: true });
    const year = {
      year: 2027,
      holidays: [
        { name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: [] },
        { name: '测试假期', from: '2027-05-24', to: '2027-05-25', workdays: [] },
      ],
    };
    ok(await t.call('admin.saveHolidayYear', year, { openid: CITY }));
    at('2027-02-22', '11:00');
    expect((await t.fireTimer('suggestion')).body).toMatchObject({ ok: true, data: { deadlinesRecounted: expect.any(Number) } });
    const seen = await get(suggestionId, CITY);
    expect(seen.deadline).toMatchObject({ dueDate: '2027-05-26', holidaysUnknown: false });
    expect(seen.units[0]?.dueAt).toBe(shanghaiInstant('2027-05-27').toISOString());
  });
});

describe('代表建议办理 tab counts', () => {
  test('the first page says how many suggestions each work queue holds, counted in the database; a later page brings none', async () => {
    const listed = async (view: StaffSuggestionView): Promise<number> => {
      let cursor: string | undefined;
      let total = 0;
      do {
        const page = ok(await t.call('suggestion.list', cursor === undefined ? { view, pageSize: 50 } : { view, cursor, pageSize: 50 }, { openid: CITY }));
        total += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return total;
    };
    const first = await t.raw('suggestion', { action: 'suggestion.list', payload: { view: 'toReview', pageSize: 1 } }, { openid: CITY });
    // The caller, the page, and one count per queue.
    expect(first.databaseRequests).toBe(2 + STAFF_SUGGESTION_VIEWS.length);
    const { counts, nextCursor } = ok(first.body as never) as TabbedPage<SuggestionSummary, StaffSuggestionView>;
    expect(counts).toEqual(Object.fromEntries(await Promise.all(STAFF_SUGGESTION_VIEWS.map(async (view) => [view, await listed(view)]))));
    expect(counts?.all).toBeGreaterThan(1);

    const later = await t.raw('suggestion', { action: 'suggestion.list', payload: { view: 'all', pageSize: 1, cursor: nextCursor ?? '' } }, { openid: CITY });
    expect(later.databaseRequests).toBe(2);
    expect(ok(later.body as never)).not.toHaveProperty('counts');
  });

  test('a unit’s 建议承办 counts 待办 and 全部 on its first page', async () => {
    const first = await t.raw('suggestion', { action: 'suggestion.listAssigned', payload: { view: 'todo', pageSize: 50 } }, { openid: CITY_TRANSPORT_HANDLER });
    expect(first.databaseRequests).toBe(2 + HANDLER_SUGGESTION_VIEWS.length);
    const { items, counts } = ok(first.body as never) as TabbedPage<SuggestionSummary, HandlerSuggestionView>;
    const all = ok(await t.call('suggestion.listAssigned', { view: 'all', pageSize: 50 }, { openid: CITY_TRANSPORT_HANDLER })).items;
    expect(counts).toEqual({ todo: items.length, all: all.length });
    expect(counts?.all).toBeGreaterThan(0);
  });
});
