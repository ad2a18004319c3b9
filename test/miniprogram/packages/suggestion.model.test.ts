/**
 * The suggestion pages' rules, driven directly: how a suggestion reads in a list and on its page,
 * what the draft form refuses before asking, what the phone keeps of a draft, which answers an
 * invited deputy is offered, what each form of the staff and units' page checks first, and the
 * figures as cards.
 */
import type { SuggestionDetail, SuggestionStats, SuggestionSummary } from '../../../miniprogram/shared/contract/suggestion';
import type * as WorkModel from '../../../miniprogram/packages/suggestion/work/model';
import type * as Drafts from '../../../miniprogram/packages/suggestion/drafts';
import { toDeputyView } from '../../../miniprogram/packages/suggestion/detail/model';
import { draftErrors, EDIT_MESSAGES } from '../../../miniprogram/packages/suggestion/edit/model';
import { DEPUTY_SUGGESTION_TABS } from '../../../miniprogram/packages/suggestion/mine/model';
import { STAFF_SUGGESTION_TABS } from '../../../miniprogram/packages/suggestion/staff/model';
import { sessionItem } from '../../../miniprogram/packages/suggestion/sessions/model';
import { suggestionCards, unitRowView } from '../../../miniprogram/packages/suggestion/stats/model';
import { suggestionDrillUrl } from '../../../miniprogram/packages/suggestion/routes';
import { suggestionDeadlineLabel, suggestionItemView, suggestionPageView } from '../../../miniprogram/packages/suggestion/views';
import { toWorkView, WORK_MESSAGES, type WorkPanel, type WorkState } from '../../../miniprogram/packages/suggestion/work/model';
import { DEPUTY_SUGGESTION_VIEWS, STAFF_SUGGESTION_VIEWS } from '../../../miniprogram/shared/contract/suggestion';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, ok } from '../support/wx-double';

/** Wednesday 2026-11-25, 10:00 in Shanghai. */
const NOW = new Date('2026-11-25T02:00:00.000Z');

const summary = (fields: Partial<SuggestionSummary> = {}): SuggestionSummary => ({
  suggestionId: 'sg-1',
  numberLabel: '第0012号',
  title: '关于在城区设立快递员爱心驿站的建议',
  category: 'socialSecurity',
  categoryLabel: '社会保障',
  status: 'assigned',
  statusLabel: '办理中',
  kind: 'suggestion',
  kindLabel: '建议',
  sessionId: 'ss-1',
  sessionName: '临江市第十七届人民代表大会第六次会议',
  leadDeputyId: 'dp-005',
  leadDeputyName: '刘德明',
  coSignerNames: ['赵红梅'],
  leadUnitName: '临江市住房和城乡建设局',
  deadline: { stage: 'answer', stageLabel: '答复', dueDate: '2027-02-18', dueAt: '2027-02-18T16:00:00.000Z', overdue: false, holidaysUnknown: false },
  overdue: false,
  answerClass: null,
  answerClassLabel: '',
  verdict: null,
  key: false,
  followUp: false,
  rehandleCount: 0,
  referralOpen: false,
  referralCount: 0,
  bounced: false,
  extensionPending: false,
  submittedAt: '2026-11-18T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  ...fields,
});

const detail = (fields: Partial<SuggestionDetail> = {}): SuggestionDetail => ({
  ...summary(),
  viewer: 'staff',
  cause: '快递员休息没有去处。',
  content: '建议设立爱心驿站。',
  opinions: [{ opinionId: 'op-1', trackingNo: 'NH01-261118-001' }],
  coSigners: [{ deputyId: 'dp-006', name: '赵红梅', state: 'accepted', stateLabel: '已同意联名' }],
  units: [
    {
      departmentId: 'd1',
      departmentName: '临江市住房和城乡建设局',
      role: 'lead',
      roleLabel: '主办',
      assignedAt: '2026-11-18T02:00:00.000Z',
      dueAt: '2027-02-18T16:00:00.000Z',
      active: true,
      view: null,
      referral: null,
    },
    {
      departmentId: 'd2',
      departmentName: '江南区住房和城乡建设局',
      role: 'assist',
      roleLabel: '协办',
      assignedAt: '2026-11-18T02:00:00.000Z',
      dueAt: '2026-12-18T16:00:00.000Z',
      active: true,
      view: { text: '可腾出场地', at: '2026-11-20T02:00:00.000Z' },
      referral: null,
    },
  ],
  answers: [],
  verdicts: [],
  extension: null,
  keyLeader: null,
  timeline: [{ type: 'assigned', label: '交办承办单位', at: '2026-11-18T02:00:00.000Z', actorRole: 'staff', note: '主办：临江市住房和城乡建设局', internalNote: '请研究选址' }],
  actions: [],
  referBackUntil: null,
  extensionRoomMonths: 0,
  assignableDepartments: [],
  awaitingViewsFrom: [],
  ...fields,
});

describe('a suggestion in a list', () => {
  it('says who is behind it, who handles it, when it is due and what staff must not miss', () => {
    expect(suggestionItemView(summary({ key: true, bounced: true, referralCount: 2, extensionPending: true }), NOW)).toMatchObject({
      numberLabel: '第0012号',
      statusTheme: 'primary',
      deputiesLabel: '刘德明领衔 · 赵红梅联名',
      unitLabel: '主办：临江市住房和城乡建设局',
      deadlineText: '2月18日 周四前答复',
      overdue: false,
      flagsLabel: '重点督办 · 多次退回（2次） · 延期待批',
      dateLabel: '2026年11月18日提交',
    });
    expect(suggestionItemView(summary({ kind: 'criticism', kindLabel: '批评意见' }), NOW).numberLabel).toBe('第0012号 · 批评意见');
    expect(suggestionItemView(summary({ myInvitation: 'invited' }), NOW).mineLabel).toBe('邀请您联名，待您回复');
    expect(suggestionItemView(summary({ myRole: 'assist' }), NOW).mineLabel).toBe('本单位协办');
    expect(suggestionItemView(summary({ deadline: null, overdue: true, answerClass: 'C', verdict: { value: 'satisfied', label: '满意' } }), NOW)).toMatchObject({
      deadlineText: '曾超期答复',
      resultLabel: 'C类 · 代表评价：满意',
    });
  });

  it('reads a deadline: past (red), today, or a date that may still move past unrecorded holidays', () => {
    const deadline = summary().deadline!;
    expect(suggestionDeadlineLabel({ ...deadline, overdue: true }, NOW)).toEqual({ text: '答复已超期（2月18日 周四截止）', overdue: true });
    expect(suggestionDeadlineLabel({ ...deadline, dueDate: '2026-11-25', dueAt: '2026-11-25T16:00:00.000Z' }, NOW)).toEqual({ text: '今天内答复', overdue: false });
    expect(suggestionDeadlineLabel({ ...deadline, holidaysUnknown: true }, NOW).text).toBe('2月18日 周四前答复（假期安排未录入，日期可能顺延）');
    expect(suggestionDeadlineLabel(null, NOW)).toEqual({ text: '', overdue: false });
  });

  it('offers every queue of the contract', () => {
    expect(Object.keys(STAFF_SUGGESTION_TABS)).toEqual([...STAFF_SUGGESTION_VIEWS]);
    expect(Object.keys(DEPUTY_SUGGESTION_TABS)).toEqual([...DEPUTY_SUGGESTION_VIEWS]);
  });
});

describe('one suggestion on its page', () => {
  it('shows the units with their dates, the views and reasons staff and units keep, and the record newest first', () => {
    const view = suggestionPageView(detail(), NOW);
    expect(view.units.map((u) => [u.name, u.roleLabel, u.meta, u.view])).toEqual([
      ['临江市住房和城乡建设局', '主办', '2026年11月18日交办 · 2027年2月18日前答复', ''],
      ['江南区住房和城乡建设局', '协办', '2026年11月18日交办 · 2026年12月18日前提出协办意见', '协办意见：可腾出场地'],
    ]);
    expect(view.timeline[0]).toMatchObject({ label: '交办承办单位', note: '主办：临江市住房和城乡建设局\n（内部说明）请研究选址' });
    expect(view.trackingNos).toEqual(['NH01-261118-001']);
  });

  it('an invited deputy is offered the answer they have not given; the lead deputy is told what 不满意 does', () => {
    expect(toDeputyView(detail({ viewer: 'coSigner', myInvitation: 'invited', actions: ['respond'] }), NOW)).toMatchObject({
      canAccept: true,
      canDecline: true,
      invitationLabel: '刘德明代表邀请您联名这件建议',
    });
    expect(toDeputyView(detail({ viewer: 'coSigner', myInvitation: 'accepted', actions: ['respond'] }), NOW)).toMatchObject({
      canAccept: false,
      canDecline: true,
      invitationLabel: '您已同意联名',
    });
    expect(toDeputyView(detail({ viewer: 'lead', status: 'answered', actions: ['rate'] }), NOW)).toMatchObject({
      canRate: true,
      rateNote: '选择“不满意”，承办单位将在一个月内重新办理。',
    });
    expect(toDeputyView(detail({ viewer: 'lead', status: 'answered', actions: ['rate'], rehandleCount: 1 }), NOW).rateNote).toBe('这是重新办理后的答复，您的评价为最终评价。');
  });

  it('tells a unit what it waits for and until when it may send it back; says when nothing is to be done', () => {
    const lead = toWorkView(
      detail({ viewer: 'handler', myRole: 'lead', actions: ['answer', 'referBack'], awaitingViewsFrom: ['江南区住房和城乡建设局'], referBackUntil: '2026-11-27T16:00:00.000Z' }),
      NOW,
    );
    expect(lead).toMatchObject({
      canAnswer: true,
      canReferBack: true,
      myRoleLabel: '本单位：主办',
      awaitingNote: '还在等待：江南区住房和城乡建设局的意见，收到后才能答复',
      referBackNote: '如不属本单位职责，请在2026年11月27日当天结束前申请退回',
      noActionNote: '',
    });
    expect(toWorkView(detail({ status: 'answered', actions: ['markKey'] }), NOW).noActionNote).toBe('正在等待领衔代表评价');
    expect(toWorkView(detail({ status: 'rehandling', viewer: 'handler', actions: ['answer'] }), NOW).answerLabel).toBe('重新答复');
  });
});

describe('what the forms check before asking', () => {
  it('the draft form: every field the contract requires', () => {
    const blank = { clientRequestId: 'abcdefgh12', suggestionId: '', sessionId: '', title: '', cause: '', content: '', category: '' as const, trackingNos: [], coSigners: [] };
    expect(draftErrors(blank)).toEqual({
      session: EDIT_MESSAGES.session,
      title: EDIT_MESSAGES.title,
      cause: EDIT_MESSAGES.cause,
      content: EDIT_MESSAGES.content,
      category: EDIT_MESSAGES.category,
    });
    expect(
      draftErrors({
        ...blank,
        sessionId: 'ss',
        title: '关于驿站的建议',
        cause: '快递员休息没有去处，群众反映',
        content: '建议依托社区党群服务中心设立爱心驿站，提供饮水和休息',
        category: 'other',
      }),
    ).toEqual({});
  });

  it('the phone keeps a draft, and reads back what it can of a damaged one', () => {
    installWx({
      functions: fixtureFunctions({}),
      storage: {
        'suggestion.draft.new': {
          clientRequestId: 'bad id!',
          title: '关于驿站的建议',
          category: 'nonsense',
          trackingNos: ['NH01-261118-001', 7],
          coSigners: [{ deputyId: 'dp-6', name: '赵红梅' }, { deputyId: 1 }],
        },
      },
    });
    const drafts = freshApp<typeof Drafts>('packages/suggestion/drafts');
    const kept = drafts.loadSuggestionDraft('');
    expect(kept).toMatchObject({ title: '关于驿站的建议', category: '', trackingNos: ['NH01-261118-001'], coSigners: [{ deputyId: 'dp-6', name: '赵红梅' }] });
    expect(kept?.clientRequestId).toMatch(/^[a-z0-9]{20}$/);
    expect(drafts.loadSuggestionDraft('sg-unknown')).toBeNull();
  });

  it('the staff and units’ page: each form says what is missing, and nothing is sent', async () => {
    const wx = installWx({
      functions: fixtureFunctions({
        'suggestion.get': ok(
          detail({
            status: 'registered',
            actions: ['assign', 'markKey'],
            extensionRoomMonths: 2,
            assignableDepartments: [
              { _id: 'd1', name: '临江市住房和城乡建设局', areaId: 'a' },
              { _id: 'd2', name: '江南区住房和城乡建设局', areaId: 'b' },
            ],
          }),
        ),
      }),
    });
    const { createSuggestionWork } = freshApp<typeof WorkModel>('packages/suggestion/work/model');
    let state: Partial<WorkState> = {};
    const work = createSuggestionWork('sg-1', (change) => (state = { ...state, ...change }));
    await work.load();
    expect(state.monthChoices).toEqual([1, 2]);
    /** Opens a form and sends it as it is: what it says is missing. */
    const sentAsIs = async (panel: WorkPanel, send: () => void | Promise<void>) => {
      work.open(panel);
      await send();
      return state.fieldError;
    };

    expect(await sentAsIs('assign', () => work.assign())).toBe(WORK_MESSAGES.lead);
    work.toggleUnit('d2');
    work.toggleUnit('d1');
    expect(state.units).toEqual([
      { id: 'd1', name: '临江市住房和城乡建设局', lead: false, other: true },
      { id: 'd2', name: '江南区住房和城乡建设局', lead: true, other: false },
    ]);
    await work.assign();
    expect(state.fieldError).toBe(WORK_MESSAGES.assignNote);

    expect(await sentAsIs('review', () => work.review())).toBe(WORK_MESSAGES.decision);
    work.chooseDecision('general');
    await work.review();
    expect(state.fieldError).toBe(WORK_MESSAGES.reasonForDeputy);

    expect(await sentAsIs('answer', () => work.answer())).toBe(WORK_MESSAGES.answerClass);
    work.chooseClass('C');
    expect(state.needsReason).toBe(true);
    work.setText('因条件限制，这项工作暂时不能开展，请代表理解。');
    await work.answer();
    expect(state.fieldError).toBe(WORK_MESSAGES.reasonC);

    expect(await sentAsIs('markKey', () => work.markKey(true))).toBe(WORK_MESSAGES.leader);
    expect(await sentAsIs('requestExtension', () => work.requestExtension())).toBe(WORK_MESSAGES.months);
    expect(await sentAsIs('referBack', () => work.referBack())).toBe(WORK_MESSAGES.referReason);
    expect(wx.cloudCalls.map((call) => call.action)).toEqual(['suggestion.get']);
  });
});

describe('figures and sessions', () => {
  const stats: SuggestionStats = {
    session: { id: 'ss-1', name: '临江市第十七届人民代表大会第六次会议', areaName: '临江市' },
    area: null,
    unit: null,
    counts: {
      received: 182,
      registered: 170,
      noted: 8,
      returned: 4,
      answered: 170,
      answeredOnTime: 168,
      overdue: 2,
      classA: 154,
      classB: 12,
      classC: 4,
      followUp: 5,
      rated: 165,
      satisfied: 163,
      dissatisfied: 2,
      rehandled: 2,
      key: 10,
      extended: 3,
      referred: 6,
      bounced: 1,
    },
    rates: { answeredRate: 100, onTimeRate: 98.82, classAShare: 90.59, classBShare: 7.06, classCShare: 2.35, satisfactionRate: 98.79 },
    byUnit: [],
    byArea: [],
    generatedAt: '2026-11-25T02:00:00.000Z',
    holidaysUnknownYears: [],
  };

  it('cards read like the published report: 182 件 received, all answered, A类件 90.59%', () => {
    expect(suggestionCards(stats).map((c) => `${c.label} ${c.value}`)).toEqual([
      '收到建议 182',
      '答复率 100%',
      '按期答复率 98.82%',
      'A类占比 90.59%',
      '代表满意率 98.79%',
      '重新办理 2',
      '超期 2',
      'B类跟踪落实 5',
      '重点督办 10',
      '多次退回 1',
    ]);
    expect(suggestionCards(stats).find((c) => c.label === '超期')).toMatchObject({ figure: 'overdue', alarming: true });
    expect(
      unitRowView({
        departmentId: 'd1',
        name: '市住建局',
        lead: 8,
        assisting: 3,
        answered: 8,
        answeredOnTime: 7,
        classA: 5,
        classB: 2,
        classC: 1,
        rated: 8,
        satisfied: 8,
        dissatisfied: 0,
        rehandled: 0,
        overdue: 1,
        rates: { answeredRate: 100, onTimeRate: 87.5, classAShare: 62.5, classBShare: 25, classCShare: 12.5, satisfactionRate: 100 },
      }),
    ).toEqual({
      key: 'd1',
      name: '市住建局',
      counts: '主办 8 · 协办（会办） 3 · 已答复 8',
      rates: '按期 87.5% · A类 62.5% · 满意 100%',
      overdue: true,
    });
    expect(suggestionDrillUrl({ sessionId: 'ss-1', figure: 'received', departmentId: 'd1' })).toBe(
      '/packages/suggestion/drill/index?sessionId=ss-1&figure=received&departmentId=d1',
    );
  });

  it('a session says when it accepts suggestions and whether it does now', () => {
    expect(
      sessionItem({ _id: 'ss-1', areaId: 'a', areaName: '临江市', name: '第六次会议', acceptsFrom: '2026-11-01', acceptsUntil: '2027-01-31', active: true, open: true }),
    ).toEqual({
      id: 'ss-1',
      name: '第六次会议',
      meta: '临江市 · 11月1日 周日 至 1月31日 周日 · 正在接收建议',
    });
    expect(
      sessionItem({ _id: 'ss-2', areaId: 'a', areaName: '临江市', name: '第五次会议', acceptsFrom: '2026-01-01', acceptsUntil: '2026-02-28', active: false, open: false }).meta,
    ).toMatch(/已停用$/);
  });
});
