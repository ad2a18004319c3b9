/**
 * The case handling and statistics pages' rules, driven directly: how a deadline reads, which
 * buttons a case shows, what each form refuses before asking the back end, the figures as cards,
 * and the resident's rating.
 */
import { HANDLER_CASE_VIEWS, STAFF_CASE_VIEWS, type CaseDetail, type CaseStats, type CaseSummary } from '../../../miniprogram/shared/contract/casework';
import type { MyOpinionDetail } from '../../../miniprogram/shared/contract/opinion';
import type * as CaseModel from '../../../miniprogram/packages/staff/case/model';
import type * as OpinionModel from '../../../miniprogram/pages/opinion/model';
import { caseItemView, deadlineLabel } from '../../../miniprogram/packages/staff/case-views';
import { assignDueNoteOf, CASE_MESSAGES, contactOf, toCaseView, type CaseState } from '../../../miniprogram/packages/staff/case/model';
import { CASE_TABS, isStaffCaseView } from '../../../miniprogram/packages/staff/cases/model';
import { ASSIGNED_TABS } from '../../../miniprogram/packages/staff/assigned/model';
import { boundView } from '../../../miniprogram/packages/staff/bind/model';
import { drillItems, drillQuery } from '../../../miniprogram/packages/staff/drill-down/model';
import { figureCards, projectCards, toStatsView } from '../../../miniprogram/packages/staff/stats/model';
import { drillDownUrl, lastMonth, scopeFromKey, scopeKey, thisMonth } from '../../../miniprogram/packages/staff/stats-query';
import { toMyOpinionView, RATING_MESSAGES, type RatingState } from '../../../miniprogram/pages/opinion/model';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, ok, refused } from '../support/wx-double';
import { installDialogs } from '../support/wx-dialogs';

/** Wednesday 2026-11-25, 10:00 in Shanghai. */
const NOW = new Date('2026-11-25T02:00:00.000Z');

const summary = (fields: Partial<CaseSummary> = {}): CaseSummary => ({
  opinionId: 'case-1',
  trackingNo: 'NH01-261113-001',
  category: 'health',
  categoryLabel: '医疗卫生',
  excerpt: '社区卫生服务中心没有儿科',
  stationId: 'st-nanhu',
  stationName: '南湖街道人大代表联络站',
  deputyName: null,
  status: 'received',
  statusLabel: '已提交',
  createdAt: '2026-11-13T06:00:00.000Z',
  deadline: null,
  overdue: false,
  round: 1,
  departmentNames: [],
  urgeCount: 0,
  outcome: null,
  rating: null,
  referralOpen: false,
  referralCount: 0,
  bounced: false,
  ...fields,
});

const detail = (fields: Partial<CaseDetail> = {}): CaseDetail => ({
  ...summary(),
  text: '社区卫生服务中心没有儿科，孩子发烧要跑很远。',
  photos: [],
  contact: { phone: '138****5678', mayContact: false },
  acceptedAt: null,
  resolvedAt: null,
  ratingDueAt: null,
  closedAt: null,
  lateStages: [],
  assignments: [],
  pendingDepartmentIds: [],
  ratingDetail: null,
  followUpDetail: null,
  timeline: [],
  actions: [],
  assignableDepartments: [],
  assignWorkingDays: null,
  assignDueDate: null,
  assignDueAt: null,
  assignDueHolidaysUnknown: false,
  referBackUntil: null,
  ...fields,
});

describe('deadlines as staff read them', () => {
  it('says late in red with the back end’s count of working days (the phone counts none itself), due today, or the date it is due', () => {
    const stage = { stage: 'accept' as const, stageLabel: '受理' };
    // Due the end of 09-30 and read on 10-12: the back end counts 10-08, 09, 10 (调休 Saturday) and 12 — not the holiday week.
    const afterNationalDay = new Date('2026-10-12T02:00:00.000Z');
    expect(deadlineLabel({ ...stage, dueAt: '2026-09-30T16:00:00.000Z', overdue: true, overdueWorkingDays: 4, holidaysUnknown: false }, afterNationalDay)).toEqual({
      text: '受理已超期 4 个工作日',
      overdue: true,
    });
    // Late only by days off (read on 10-03): late, without a count.
    expect(
      deadlineLabel({ ...stage, dueAt: '2026-09-30T16:00:00.000Z', overdue: true, overdueWorkingDays: 0, holidaysUnknown: false }, new Date('2026-10-03T02:00:00.000Z')),
    ).toEqual({ text: '受理已超期', overdue: true });
    expect(deadlineLabel({ ...stage, dueAt: '2026-11-25T15:59:59.999Z', overdue: false, overdueWorkingDays: 0, holidaysUnknown: false }, NOW)).toEqual({
      text: '今天内完成受理',
      overdue: false,
    });
    expect(deadlineLabel({ ...stage, dueAt: '2026-12-01T15:59:59.999Z', overdue: false, overdueWorkingDays: 0, holidaysUnknown: false }, NOW)).toEqual({
      text: '2026年12月1日前完成受理',
      overdue: false,
    });
    expect(deadlineLabel(null, NOW)).toEqual({ text: '', overdue: false });
  });

  it('shows a case in a list with its departments, rounds, urging and result', () => {
    const item = caseItemView(
      summary({
        deputyName: '林秀英',
        status: 'assigned',
        statusLabel: '办理中',
        deadline: { stage: 'answer', stageLabel: '承办单位办理', dueAt: '2026-11-24T15:59:59.999Z', overdue: true, overdueWorkingDays: 1, holidaysUnknown: false },
        round: 2,
        departmentNames: ['江南区民政局', '临江市住房和城乡建设局'],
        urgeCount: 2,
        outcome: { category: 'planned', label: '列入计划' },
        rating: { value: 'dissatisfied', label: '不满意' },
      }),
      NOW,
    );
    expect(item).toMatchObject({
      placeLabel: '南湖街道人大代表联络站 · 写给林秀英代表',
      deadlineText: '承办单位办理已超期 1 个工作日',
      overdue: true,
      handlingLabel: '交办：江南区民政局、临江市住房和城乡建设局 · 第2轮 · 督办2次',
      resultLabel: '办理结果：列入计划 · 评价：不满意',
    });
    expect(caseItemView(summary({ overdue: true }), NOW)).toMatchObject({ deadlineText: '曾超期', overdue: false });
  });

  it('offers every work queue of the contract, and the handler’s two', () => {
    expect(CASE_TABS.map((t) => t.value)).toEqual([...STAFF_CASE_VIEWS]);
    expect(ASSIGNED_TABS.map((t) => t.value)).toEqual([...HANDLER_CASE_VIEWS]);
    expect(CASE_TABS.map((t) => t.label)).toEqual(['待受理', '待交办', '办理中', '待审核', '待评价', '已办结', '已超期', '退回待改派', '全部']);
    expect(isStaffCaseView('overdue')).toBe(true);
    expect(isStaffCaseView('nonsense')).toBe(false);
    expect(ASSIGNED_TABS.map((t) => t.label)).toEqual(['待办理', '全部']);
  });
});

describe('one case, as staff or a handler works it', () => {
  it('shows only the buttons the back end allows now', () => {
    expect(toCaseView(detail({ actions: ['accept'] }), NOW)).toMatchObject({
      canAccept: true,
      canAssign: false,
      canReview: false,
      canUrge: false,
      canAnswer: false,
      noActionNote: '',
    });
    expect(toCaseView(detail({ actions: ['return', 'approve'] }), NOW).canReview).toBe(true);
    expect(toCaseView(detail({ actions: ['answer'] }), NOW).canAnswer).toBe(true);
    expect(toCaseView(detail({ status: 'awaitingRating', ratingDueAt: '2026-12-01T00:00:00.000Z' }), NOW)).toMatchObject({
      noActionNote: '正在等待群众评价，不需要操作',
      ratingLabel: '等待群众评价（2026年12月1日前）',
    });
  });

  it('marks internal notes on the timeline and lists every round of assignment, newest first', () => {
    const view = toCaseView(
      detail({
        round: 2,
        lateStages: [{ stage: 'accept', stageLabel: '受理' }],
        assignments: [
          {
            round: 1,
            departmentId: 'd1',
            departmentName: '江南区民政局',
            assignedAt: '2026-11-16T02:00:00.000Z',
            dueAt: '2026-12-04T15:59:59.999Z',
            answer: { category: 'planned', categoryLabel: '列入计划', text: '列入明年计划', reason: '需招聘医生', at: '2026-11-18T02:00:00.000Z' },
            overdueWorkingDays: 0,
            referral: null,
          },
          {
            round: 2,
            departmentId: 'd1',
            departmentName: '江南区民政局',
            assignedAt: '2026-11-24T02:00:00.000Z',
            dueAt: '2026-11-20T15:59:59.999Z',
            answer: null,
            overdueWorkingDays: 3,
            referral: null,
          },
        ],
        timeline: [
          {
            type: 'assigned',
            label: '已交办有关部门办理',
            at: '2026-11-16T02:00:00.000Z',
            actorRole: 'staff',
            actorLabel: '人大工作人员',
            note: '请研究',
            internalNote: '抓紧',
            public: false,
          },
        ],
      }),
      NOW,
    );
    expect(view.lateLabel).toBe('曾超期：受理');
    expect(view.roundLabel).toBe('第2轮交办（二次交办）');
    expect(view.assignments.map((a) => [a.meta, a.answerLabel])).toEqual([
      ['第2轮 · 2026年11月24日交办 · 2026年11月20日前答复 · 已超期 3 个工作日', '尚未答复'],
      ['第1轮 · 2026年11月16日交办 · 2026年12月4日前答复', '办理结果：列入计划（2026年11月18日 10:00）'],
    ]);
    expect(view.assignments[1]?.answerReason).toBe('理由：需招聘医生');
    expect(view.timeline[0]).toMatchObject({ label: '已交办有关部门办理（内部）', note: '请研究\n（内部说明）抓紧' });
  });

  it('promises on the 交办 form the deadline the back end says an assignment made now gets, never a default of its own', () => {
    expect(assignDueNoteOf({ assignWorkingDays: 15, assignDueDate: '2026-10-22', assignDueHolidaysUnknown: false })).toBe(
      '现在交办，承办单位应在15个工作日内（10月22日 周四当天结束前）办理答复。',
    );
    expect(assignDueNoteOf({ assignWorkingDays: null, assignDueDate: null, assignDueHolidaysUnknown: false })).toBe('办理期限交办后显示。');
  });

  it('says when a deadline was counted across a year whose holidays nobody recorded, instead of a date that looks sure', () => {
    expect(assignDueNoteOf({ assignWorkingDays: 15, assignDueDate: '2027-01-15', assignDueHolidaysUnknown: true })).toBe(
      '现在交办，承办单位应在15个工作日内（1月15日 周五当天结束前）办理答复。该年假期安排未录入，期限按双休日计算，可能偏早；录入后自动重算。',
    );
    const due = { stage: 'answer' as const, stageLabel: '承办单位办理', dueAt: '2027-01-15T15:59:59.999Z', overdue: false, overdueWorkingDays: 0, holidaysUnknown: true };
    expect(deadlineLabel(due, NOW)).toEqual({ text: '2027年1月15日前完成承办单位办理（假期安排未录入）', overdue: false });
  });

  it('lets staff call only a resident who agreed, with a full number', () => {
    expect(contactOf({ name: '李阿姨', phone: '13812345678', mayContact: true })).toEqual({ contactLabel: '李阿姨 13812345678（同意联系）', canCall: true, phone: '13812345678' });
    expect(contactOf({ phone: '138****5678', mayContact: false })).toMatchObject({ contactLabel: '138****5678（未同意联系，号码已隐藏）', canCall: false });
    expect(contactOf(null).contactLabel).toBe('未留联系方式');
  });

  it('refuses an assignment without a department or a note, and an answer without its reason, before asking', async () => {
    const wx = installWx({
      functions: fixtureFunctions({
        'casework.get': ok(
          detail({
            status: 'accepted',
            actions: ['assign'],
            assignableDepartments: [{ _id: 'd1', name: '江南区民政局', areaId: 'a' }],
            // Configured to 20 working days (CASE_DEADLINES), counted by the back end with its holiday calendar.
            assignWorkingDays: 20,
            assignDueDate: '2026-12-23',
            assignDueAt: '2026-12-23T16:00:00.000Z',
          }),
        ),
      }),
    });
    const { createCasePage } = freshApp<typeof CaseModel>('packages/staff/case/model');
    let state: Partial<CaseState> = {};
    const page = createCasePage('case-1', (change) => (state = { ...state, ...change }));
    await page.load();
    expect(state.departments).toEqual([{ id: 'd1', name: '江南区民政局', selected: false }]);
    expect(state.assignDueNote).toBe('现在交办，承办单位应在20个工作日内（12月23日 周三当天结束前）办理答复。');

    page.open('assign');
    await page.assign();
    expect(state).toMatchObject({ departmentError: CASE_MESSAGES.noDepartment, noteError: CASE_MESSAGES.assignNote });
    page.toggleDepartment('d1');
    page.setNote('请');
    await page.assign();
    expect(state).toMatchObject({ departmentError: '', noteError: CASE_MESSAGES.assignNote });

    await page.answer();
    expect(state.answerError).toBe('请先选择办理结果');
    page.chooseCategory('reference');
    expect(state.needsReason).toBe(true);
    page.setAnswerText('建议已转有关部门参考。');
    await page.answer();
    expect(state.reasonError).toBe(CASE_MESSAGES.reason);
    await page.urge();
    expect(state.noteError).toBe(CASE_MESSAGES.urgeNote);
    expect(wx.cloudCalls.map((call) => call.action)).toEqual(['casework.get']);
  });
});

describe('statistics', () => {
  const stats: CaseStats = {
    from: '2026-11-01',
    to: '2026-11-25',
    scope: { kind: 'area', id: 'area-jiangnan', name: '江南区' },
    projects: null,
    counts: {
      stationVisits: 12,
      residentsReceived: 9,
      collected: 20,
      accepted: 16,
      resolved: 10,
      departmentAnswered: 6,
      solved: 3,
      rated: 8,
      satisfied: 6,
      dissatisfied: 1,
      unrated: 1,
      overdue: 4,
      urged: 2,
      followedUp: 3,
      followUpSolved: 2,
      followUpUnsolved: 1,
    },
    rates: { acceptanceRate: 80, resolutionRate: 50, solvedShare: 50, satisfactionRate: 75, averageFirstResponseHours: 30.5, followUpSolvedRate: 66.7 },
    generatedAt: '2026-11-25T02:00:00.000Z',
    holidaysUnknownYears: [],
  };

  it('shows each figure as a big number with what it is made of, overdue in red', () => {
    const cards = figureCards(stats);
    expect(cards.map((c) => `${c.label} ${c.value}`)).toEqual([
      '进站人次 12',
      '接待人次 9',
      '意见建议 20',
      '受理 16',
      '办结率 50%',
      '已解决占比 50%',
      '满意率 75%',
      '平均首次响应 30.5小时',
      '超期 4',
      '不满意 1',
      '回访解决率 66.7%',
      '回访没有解决 1',
    ]);
    // 回访 is its own figure, apart from the rating right after the answer.
    expect(cards.find((c) => c.label === '回访解决率')).toMatchObject({ figure: 'followedUp', detail: '回访说已经解决 2 件 / 回答 3 件（与满意率分开）' });
    expect(cards.find((c) => c.label === '回访没有解决')).toMatchObject({ figure: 'followUpUnsolved', alarming: true });
    expect(cards.find((c) => c.label === '满意率')?.detail).toBe('满意 6 件 / 评价 8 件（未评价 1 件不计满意）');
    expect(cards.find((c) => c.label === '超期')).toMatchObject({ figure: 'overdue', alarming: true });
    expect(figureCards({ ...stats, rates: { ...stats.rates, satisfactionRate: null } }).find((c) => c.label === '满意率')?.value).toBe('—');
    expect(toStatsView(stats)).toMatchObject({ scopeName: '江南区', rangeLabel: '11月1日 周日 至 11月25日 周三' });
  });

  it('an area’s 票决 figures, from the same answer, open its rounds or the projects they chose', () => {
    const projects = { rounds: 2, chosen: 4, started: 3, completed: 1, rated: 8, satisfied: 7, startRate: 75, completionRate: 25, satisfactionRate: 87.5 };
    const cards = projectCards({ ...stats, projects });
    expect(cards.map((c) => `${c.label} ${c.value}`)).toEqual(['票决活动 2次', '票决确定项目 4个', '开工率 75%', '竣工率 25%', '项目满意率 87.5%']);
    expect(cards[0]?.url).toBe('/packages/project/rounds/index?areaId=area-jiangnan');
    expect(cards[2]?.url).toBe('/packages/figures/items/index?areaId=area-jiangnan&year=2026&drill=projects');
    expect(cards[4]?.detail).toBe('满意和基本满意 7 份 / 代表测评 8 份（测评结束后公布）');
    expect(projectCards({ ...stats, projects: { ...projects, chosen: 0, started: 0, completed: 0, startRate: null, completionRate: null } })[2]?.value).toBe('—');
    expect(projectCards(stats)).toEqual([]);
    expect(projectCards({ ...stats, scope: { kind: 'station', id: 'st-nanhu', name: '南湖' }, projects })).toEqual([]);
  });

  it('defaults to this month, offers last month, and carries the question to the drill-down', () => {
    expect(thisMonth(NOW)).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(lastMonth(NOW)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastMonth(new Date('2026-01-10T02:00:00.000Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(scopeFromKey(scopeKey({ stationId: 'st-nanhu' }))).toEqual({ stationId: 'st-nanhu' });
    expect(scopeFromKey(scopeKey({ deputyId: 'dp-1' }))).toEqual({ deputyId: 'dp-1' });
    expect(scopeFromKey('')).toBeUndefined();
    const url = drillDownUrl('overdue', { from: '2026-11-01', to: '2026-11-25', scope: { stationId: 'st-nanhu' } });
    expect(url).toBe('/packages/staff/drill-down/index?figure=overdue&from=2026-11-01&to=2026-11-25&scope=station%3Ast-nanhu');
    expect(drillQuery({ from: '2026-11-01', to: '2026-11-25', scope: 'station:st-nanhu' })).toEqual({ from: '2026-11-01', to: '2026-11-25', scope: { stationId: 'st-nanhu' } });
  });

  it('lists visits and receptions behind a figure as lines, cases as cards', () => {
    expect(
      drillItems(
        {
          figure: 'stationVisits',
          label: '进站人次',
          kind: 'visits',
          nextCursor: null,
          items: [
            {
              bookingId: 'b1',
              date: '2026-11-20',
              stationId: 's',
              stationName: '南湖街道人大代表联络站',
              kind: 'walkIn',
              visitorName: '郑大姐',
              topic: '养老补贴',
              checkedInAt: null,
            },
          ],
        },
        NOW,
      ),
    ).toEqual([{ kind: 'row', id: 'b1', title: '郑大姐 · 养老补贴', meta: '11月20日 周五 · 南湖街道人大代表联络站 · 现场登记' }]);
    expect(drillItems({ figure: 'collected', label: '收集意见', kind: 'cases', nextCursor: null, items: [summary()] }, NOW)[0]).toMatchObject({ kind: 'case', id: 'case-1' });
  });
});

describe('binding and rating', () => {
  it('takes a handler to 承办工作台 and other staff to 意见办理', () => {
    expect(boundView({ role: 'handler', areaId: 'a', departmentId: 'd', departmentName: '江南区民政局' })).toEqual({
      boundLabel: '江南区民政局 承办单位经办人',
      deskLabel: '进入承办工作台',
      deskUrl: '/packages/staff/assigned/index',
    });
    expect(boundView({ role: 'area', areaId: 'a' })).toMatchObject({ boundLabel: '人大工作人员', deskUrl: '/packages/staff/cases/index' });
    expect(boundView(undefined).boundLabel).toBe('');
  });

  it('asks the resident to rate only while the case awaits it', () => {
    const mine: MyOpinionDetail = {
      opinionId: 'case-1',
      trackingNo: 'NH01-261113-001',
      category: 'health',
      categoryLabel: '医疗卫生',
      text: '没有儿科',
      photos: [],
      target: { kind: 'station', id: 's', name: '南湖街道人大代表联络站', stationName: '南湖街道人大代表联络站' },
      status: 'awaitingRating',
      statusLabel: '待评价',
      createdAt: '2026-11-13T06:00:00.000Z',
      timeline: [],
      canRate: true,
      ratingDueAt: '2026-12-01T15:59:59.999Z',
      outcome: { category: 'planned', label: '列入计划' },
    };
    expect(toMyOpinionView(mine)).toMatchObject({ canRate: true, ratingDueLabel: '请在2026年12月1日前评价', outcomeLabel: '列入计划', ratingLabel: '' });
    const rated = toMyOpinionView({ ...mine, canRate: false, rating: { value: 'dissatisfied', label: '不满意', comment: '太晚了', at: '2026-11-25T02:00:00.000Z' } });
    expect(rated).toMatchObject({ canRate: false, ratingDueLabel: '', ratingLabel: '不满意：太晚了' });
  });

  it('refuses 不满意 without a reason, and sends 满意 in one tap', async () => {
    const payloads: unknown[] = [];
    installWx({
      functions: fixtureFunctions({
        'opinion.rate': (payload: never) => {
          payloads.push(payload);
          return ok({ opinionId: 'case-1', status: 'closed', statusLabel: '已办结', event: 'rated' });
        },
      }),
    });
    const { createRating } = freshApp<typeof OpinionModel>('pages/opinion/model');
    let state: Partial<RatingState> = {};
    let reloads = 0;
    const rating = createRating(
      'case-1',
      (change) => (state = { ...state, ...change }),
      async () => void (reloads += 1),
    );

    await rating.submit();
    expect(state.ratingError).toBe(RATING_MESSAGES.choose);
    rating.choose('dissatisfied');
    await rating.submit();
    expect(state.ratingError).toBe(RATING_MESSAGES.reason);
    expect(payloads).toEqual([]);

    rating.choose('satisfied');
    await rating.submit();
    expect(payloads).toEqual([{ opinionId: 'case-1', rating: 'satisfied' }]);
    expect(reloads).toBe(1);
    expect(state).toMatchObject({ rating: '', ratingError: '', ratingSending: false });
  });
  it('asks to allow the 回访 message with 基本满意 as with 满意, once: not again when the rating is sent again', async () => {
    let answers = 0;
    installWx({
      functions: fixtureFunctions({
        'opinion.rate': () => {
          answers += 1;
          return answers === 1 ? refused('COMMON.INTERNAL') : ok({ opinionId: 'case-1', status: 'closed', statusLabel: '已办结', event: 'rated' });
        },
        'account.grantSubscriptions': () => ok({ remaining: { 'lxq-case-follow-up': 1 } }),
      }),
    });
    const dialogs = installDialogs();
    const { createRating } = freshApp<typeof OpinionModel>('pages/opinion/model');
    let state: Partial<RatingState> = {};
    const rating = createRating(
      'case-1',
      (change) => (state = { ...state, ...change }),
      async () => undefined,
    );

    rating.choose('basicallySatisfied');
    await rating.submit();
    expect(state.ratingError).not.toBe('');
    await rating.submit();

    expect(answers).toBe(2);
    expect(state.ratingError).toBe('');
    expect(dialogs.subscribeRequests).toEqual([['lxq-case-follow-up']]);
  });
});
