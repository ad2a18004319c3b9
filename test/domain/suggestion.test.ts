import { WEEKDAYS } from '../support/casePlans';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import { newSuggestionDocument, withChange, type SuggestionDocument } from '../../infra/documents/suggestions';
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import {
  isSuggestionRefusal,
  planAnswer,
  planAssign,
  planDecideExtension,
  planFollowUp,
  planMarkKey,
  planReferBack,
  planRequestExtension,
  planReroute,
  planRespondInvitation,
  planReview,
  planSaveDraft,
  planSendView,
  planSubmit,
  planVerdict,
  remindersDue,
  SUGGESTION_STATUSES,
  viewsStillAwaited,
  type SuggestionActor,
  type SuggestionEnv,
  type SuggestionPlan,
  type SuggestionStatus,
} from '../../cloudfunctions/suggestion/machine';
import { DEFAULT_SUGGESTION_LIMITS, dueAfterMonths, suggestionLimitsWith } from '../../cloudfunctions/suggestion/limits';
import { SUGGESTION_FIGURES } from '../../miniprogram/shared/domain/suggestionStats';
import { SUGGESTION_FIGURE_PREDICATES, percent2, suggestionRates } from '../../cloudfunctions/suggestion/figureDefinitions';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { endOfShanghaiDay } from '../../miniprogram/shared/domain/workingDays';

const envAt = (date: string, time = '10:00', calendar: WorkingCalendar = WEEKDAYS): SuggestionEnv => ({
  now: shanghaiInstant(date, time),
  limits: DEFAULT_SUGGESTION_LIMITS,
  calendar,
});

const LIU: SuggestionActor = { role: 'deputy', id: 'dp-005', name: '刘德明' };
const ZHAO: SuggestionActor = { role: 'deputy', id: 'dp-006', name: '赵红梅' };
const STAFF: SuggestionActor = { role: 'staff', id: 'staff-city' };
const HOUSING: SuggestionActor = { role: 'handler', id: 'h-housing', name: '市住建局' };
const ROADS: SuggestionActor = { role: 'handler', id: 'h-roads', name: '市交通局' };
const HOUSING_DEPT = { _id: 'dept-housing', name: '市住建局' };
const ROADS_DEPT = { _id: 'dept-roads', name: '市交通局' };
const PARKS_DEPT = { _id: 'dept-parks', name: '市园林局' };

function apply(doc: SuggestionDocument, plan: SuggestionPlan, at: Date): SuggestionDocument {
  if (isSuggestionRefusal(plan)) throw new Error(`refused: ${plan.refused}`);
  return withChange(doc, plan.set, plan.events, at);
}
const refusalOf = (plan: SuggestionPlan) => (isSuggestionRefusal(plan) ? plan.refused : undefined);

function drafted(coSigners: Array<{ deputyId: string; name: string }> = []): SuggestionDocument {
  const now = shanghaiInstant('2026-11-02', '09:00');
  const doc = newSuggestionDocument(
    'sg-1',
    'req-1',
    { session: { _id: 'ss-1', name: '第六次会议', areaPath: ['area-city'] }, delegation: { _id: 'area-district', name: '江南区' }, deputy: { _id: 'dp-005', name: '刘德明' } },
    now,
  );
  const fields = {
    title: '关于快递员驿站的建议',
    cause: '快递员休息没有去处。',
    content: '建议设立驿站。',
    category: 'socialSecurity' as const,
    opinions: [{ opinionId: 'op-1', trackingNo: 'NH01-261102-001' }],
    coSigners,
  };
  return apply(doc, planSaveDraft(null, fields, { now }, LIU), now);
}

/** Drafted, submitted Monday 11-02, registered as 第1号 and assigned Tuesday 11-03 to 住建局 with 交通局 as `role`. */
function assigned(role: 'lead' | 'joint' = 'lead'): SuggestionDocument {
  let doc = drafted();
  doc = apply(doc, planSubmit(doc, envAt('2026-11-02'), LIU), envAt('2026-11-02').now);
  doc = apply(doc, planReview(doc, { decision: 'register', number: 1 }, envAt('2026-11-02'), STAFF), envAt('2026-11-02').now);
  const env = envAt('2026-11-03');
  return apply(doc, planAssign(doc, { mode: role === 'lead' ? 'lead' : 'joint', lead: HOUSING_DEPT, others: [ROADS_DEPT], note: '请办理' }, env, STAFF), env.now);
}

describe('the limits are settings', () => {
  test('defaults, overrides and what is refused', () => {
    expect(DEFAULT_SUGGESTION_LIMITS).toMatchObject({ answerMonths: 3, maxMonths: 6 });
    expect(suggestionLimitsWith({ ...DEFAULT_SUGGESTION_LIMITS })).toEqual(DEFAULT_SUGGESTION_LIMITS);
    expect(suggestionLimitsWith({ answerMonths: 2, remindDaysBefore: [3, 10, 3] })).toMatchObject({ answerMonths: 2, remindDaysBefore: [10, 3] });
    expect(() => suggestionLimitsWith({ answerMonth: 2 })).toThrow(/unknown suggestion limit "answerMonth"/);
    expect(() => suggestionLimitsWith({ answerMonths: 7 })).toThrow(/maxMonths must not be shorter/);
    expect(() => suggestionLimitsWith({ referBackWorkingDays: 0 })).toThrow(RangeError);
    expect(() => suggestionLimitsWith({ remindDaysBefore: 3 })).toThrow(RangeError);
  });

  test('three months from a month end clamps to the shorter month; a day off moves to the next working day', () => {
    // 11-30 + 3 months = 02-28 (Sunday 2027): due Monday 03-01.
    expect(dueAfterMonths(shanghaiInstant('2026-11-30', '15:00'), 3, WEEKDAYS)).toMatchObject({ dueDate: '2027-03-01', dueAt: endOfShanghaiDay('2027-03-01') });
    // Three months from 2026-07-01 is 10-01, inside the National Day holiday: the first working day after is Thursday 10-08.
    expect(dueAfterMonths(shanghaiInstant('2026-07-01', '10:00'), 3, packageCalendar).dueDate).toBe('2026-10-08');
    // Moved past days off of a year whose holidays nobody recorded: provisional.
    const blind: WorkingCalendar = { ...WEEKDAYS, unknownYears: (from) => (from >= '2027' ? [2027] : []) };
    expect(dueAfterMonths(shanghaiInstant('2026-11-18', '10:00'), 3, blind).provisional).toBe(true);
    expect(dueAfterMonths(shanghaiInstant('2026-05-18', '10:00'), 3, blind).provisional).toBeUndefined();
  });

  test('reminders: each configured day once, the nearer ones together when the timer was late', () => {
    const due = { dueDate: '2027-02-18' };
    expect(remindersDue(due, 'answer', [], shanghaiInstant('2027-02-02', '09:00'), DEFAULT_SUGGESTION_LIMITS)).toEqual([]);
    expect(remindersDue(due, 'answer', [], shanghaiInstant('2027-02-03', '09:00'), DEFAULT_SUGGESTION_LIMITS)).toEqual(['answer:2027-02-18:15']);
    expect(remindersDue(due, 'answer', ['answer:2027-02-18:15'], shanghaiInstant('2027-02-10', '09:00'), DEFAULT_SUGGESTION_LIMITS)).toEqual([]);
    expect(remindersDue(due, 'answer', [], shanghaiInstant('2027-02-16', '09:00'), DEFAULT_SUGGESTION_LIMITS)).toEqual(['answer:2027-02-18:15', 'answer:2027-02-18:3']);
    expect(remindersDue(due, 'answer', [], shanghaiInstant('2027-02-19', '09:00'), DEFAULT_SUGGESTION_LIMITS)).toEqual([]);
  });
});

describe('drafting and 联名', () => {
  test('co-signers keep their answers across saves; new ones are invited, those taken off are no longer asked', () => {
    let doc = drafted([{ deputyId: 'dp-006', name: '赵红梅' }]);
    doc = apply(doc, planRespondInvitation(doc, { accept: true }, envAt('2026-11-02'), ZHAO), envAt('2026-11-02').now);
    const fields = {
      title: doc.title,
      cause: doc.cause,
      content: doc.content,
      category: doc.category,
      opinions: doc.opinions,
      coSigners: [
        { deputyId: 'dp-006', name: '赵红梅' },
        { deputyId: 'dp-004', name: '张丽' },
      ],
    };
    const plan = planSaveDraft(doc, fields, envAt('2026-11-02'), LIU);
    doc = apply(doc, plan, envAt('2026-11-02').now);
    expect(doc.coSigners.map((c) => [c.deputyId, c.state])).toEqual([
      ['dp-006', 'accepted'],
      ['dp-004', 'invited'],
    ]);
    expect(doc.timeline.at(-1)).toMatchObject({ type: 'invited', note: '张丽' });
    doc = apply(doc, planSaveDraft(doc, { ...fields, coSigners: [{ deputyId: 'dp-006', name: '赵红梅' }] }, envAt('2026-11-02'), LIU), envAt('2026-11-02').now);
    expect(doc.coSignerIds).toEqual(['dp-006']);
    expect(refusalOf(planSaveDraft(doc, { ...fields, coSigners: [{ deputyId: 'dp-005', name: '刘德明' }] }, envAt('2026-11-02'), LIU))).toBe('leadIsCoSigner');
  });

  test('submission waits for every answer; residents are told once', () => {
    const doc = drafted([{ deputyId: 'dp-006', name: '赵红梅' }]);
    expect(refusalOf(planSubmit(doc, envAt('2026-11-02'), LIU))).toBe('coSignersPending');
    const answered = apply(doc, planRespondInvitation(doc, { accept: false }, envAt('2026-11-02'), ZHAO), envAt('2026-11-02').now);
    const plan = planSubmit(answered, envAt('2026-11-02'), LIU);
    expect(plan).toMatchObject({
      set: { status: 'submitted', toldOpinionIds: ['op-1'] },
      tellResidents: { opinionIds: ['op-1'], event: { type: 'suggestionSubmitted', public: true } },
    });
    const submitted = apply(answered, plan, envAt('2026-11-02').now);
    const returned = apply(submitted, planReview(submitted, { decision: 'return', note: '请补充' }, envAt('2026-11-03'), STAFF), envAt('2026-11-03').now);
    expect(planSubmit(returned, envAt('2026-11-04'), LIU)).not.toHaveProperty('tellResidents');
    expect(refusalOf(planRespondInvitation(submitted, { accept: true }, envAt('2026-11-02'), ZHAO))).toBe('invitationClosed');
  });
});

describe('every planner refuses the statuses it does not start from', () => {
  const base = assigned();
  const planners: Record<string, { from: readonly SuggestionStatus[]; plan: (doc: SuggestionDocument) => SuggestionPlan }> = {
    submit: { from: ['draft', 'returned'], plan: (d) => planSubmit(d, envAt('2026-11-05'), LIU) },
    review: { from: ['submitted'], plan: (d) => planReview(d, { decision: 'register', number: 2 }, envAt('2026-11-05'), STAFF) },
    assign: { from: ['registered'], plan: (d) => planAssign(d, { mode: 'lead', lead: PARKS_DEPT, others: [], note: '请办理' }, envAt('2026-11-05'), STAFF) },
    verdict: { from: ['answered'], plan: (d) => planVerdict(d, { verdict: 'satisfied' }, envAt('2026-11-05'), LIU) },
    markKey: {
      from: ['registered', 'assigned', 'referred', 'answered', 'rehandling', 'closed'],
      plan: (d) => planMarkKey(d, { key: true, leader: '王明' }, envAt('2026-11-05'), STAFF),
    },
  };
  test.each(Object.keys(planners))('%s', (name) => {
    const { from, plan } = planners[name]!;
    for (const status of SUGGESTION_STATUSES) {
      const refused = refusalOf(plan({ ...base, status }));
      expect([status, refused === 'illegalTransition']).toEqual([status, !from.includes(status)]);
    }
  });
});

describe('units at work', () => {
  test('the lead waits for 协办 views until their deadline; 会办 views whatever the date', () => {
    const lead = assigned('lead');
    expect(viewsStillAwaited(lead, envAt('2026-11-20').now).map((u) => u.departmentId)).toEqual(['dept-roads']);
    // The 协办 unit's month ended with 12-03: from 12-04 the lead answers without it.
    expect(viewsStillAwaited(lead, envAt('2026-12-04').now)).toEqual([]);
    expect(refusalOf(planAnswer(lead, { departmentId: 'dept-housing', answerClass: 'A', text: '已办' }, envAt('2026-11-20'), HOUSING))).toBe('viewsPending');
    expect(refusalOf(planAnswer(lead, { departmentId: 'dept-housing', answerClass: 'A', text: '已办' }, envAt('2026-12-04'), HOUSING))).toBeUndefined();
    const joint = assigned('joint');
    expect(viewsStillAwaited(joint, envAt('2027-01-20').now).map((u) => u.departmentId)).toEqual(['dept-roads']);
    const viewed = apply(joint, planSendView(joint, { departmentId: 'dept-roads', text: '同意' }, envAt('2026-11-20'), ROADS), envAt('2026-11-20').now);
    expect(refusalOf(planSendView(viewed, { departmentId: 'dept-roads', text: '再说' }, envAt('2026-11-21'), ROADS))).toBe('alreadySent');
    expect(refusalOf(planSendView(viewed, { departmentId: 'dept-housing', text: '主办' }, envAt('2026-11-21'), HOUSING))).toBe('illegalTransition');
    expect(refusalOf(planAnswer(viewed, { departmentId: 'dept-roads', answerClass: 'A', text: '已办' }, envAt('2026-11-21'), ROADS))).toBe('illegalTransition');
    const answered = apply(viewed, planAnswer(viewed, { departmentId: 'dept-housing', answerClass: 'A', text: '已办' }, envAt('2026-11-21'), HOUSING), envAt('2026-11-21').now);
    expect(answered.answers[0]).toMatchObject({ jointNames: ['市交通局'], onTime: true });
  });

  test('extensions: one at a time, never beyond six months, counted from the lead’s assignment', () => {
    const doc = assigned();
    expect(refusalOf(planRequestExtension(doc, { departmentId: 'dept-housing', months: 4, reason: '需要时间' }, envAt('2026-11-20'), HOUSING))).toBe('extensionLimit');
    expect(refusalOf(planRequestExtension(doc, { departmentId: 'dept-roads', months: 1, reason: '需要时间' }, envAt('2026-11-20'), ROADS))).toBe('illegalTransition');
    const asked = apply(doc, planRequestExtension(doc, { departmentId: 'dept-housing', months: 3, reason: '需要时间' }, envAt('2026-11-20'), HOUSING), envAt('2026-11-20').now);
    expect(refusalOf(planRequestExtension(asked, { departmentId: 'dept-housing', months: 1, reason: '需要时间' }, envAt('2026-11-21'), HOUSING))).toBe('extensionPending');
    const refused = apply(asked, planDecideExtension(asked, { approve: false }, envAt('2026-11-22'), STAFF), envAt('2026-11-22').now);
    expect(refused).toMatchObject({ extension: { state: 'refused' }, extensionMonths: 0, deadline: { dueDate: '2027-02-03' } });
    const again = apply(
      refused,
      planRequestExtension(refused, { departmentId: 'dept-housing', months: 3, reason: '需要时间' }, envAt('2026-11-23'), HOUSING),
      envAt('2026-11-23').now,
    );
    const approved = apply(again, planDecideExtension(again, { approve: true }, envAt('2026-11-24'), STAFF), envAt('2026-11-24').now);
    // Six months from Tuesday 11-03 is Monday 2027-05-03.
    expect(approved).toMatchObject({ extensionMonths: 3, deadline: { dueDate: '2027-05-03' } });
    expect(refusalOf(planRequestExtension(approved, { departmentId: 'dept-housing', months: 1, reason: '需要时间' }, envAt('2026-11-25'), HOUSING))).toBe('extensionLimit');
  });

  test('退回 within seven working days; the next lead’s clock starts at the re-routing; the second referral flags it', () => {
    const doc = assigned();
    expect(refusalOf(planReferBack(doc, { departmentId: 'dept-housing', reason: '不属本单位' }, envAt('2026-11-13'), HOUSING))).toBe('referWindowClosed');
    const referred = apply(doc, planReferBack(doc, { departmentId: 'dept-housing', reason: '不属本单位' }, envAt('2026-11-12'), HOUSING), envAt('2026-11-12').now);
    expect(referred).toMatchObject({ status: 'referred', deadline: null, leadDepartmentId: null, referralOpen: true, bounced: false, activeUnitIds: ['dept-roads'] });
    expect(refusalOf(planReroute(referred, { department: ROADS_DEPT, note: '改派' }, envAt('2026-11-16'), STAFF))).toBe('departmentUnavailable');
    const rerouted = apply(referred, planReroute(referred, { department: PARKS_DEPT, note: '改派' }, envAt('2026-11-16'), STAFF), envAt('2026-11-16').now);
    expect(rerouted).toMatchObject({ status: 'assigned', leadDepartmentId: 'dept-parks', referralOpen: false, deadline: { dueDate: '2027-02-16' } });
    expect(refusalOf(planReroute(rerouted, { department: HOUSING_DEPT, note: '改派' }, envAt('2026-11-17'), STAFF))).toBe('noReferral');
    const parks: SuggestionActor = { role: 'handler', id: 'h-parks', name: '市园林局' };
    const twice = apply(rerouted, planReferBack(rerouted, { departmentId: 'dept-parks', reason: '不属本单位' }, envAt('2026-11-17'), parks), envAt('2026-11-17').now);
    expect(twice).toMatchObject({ referralCount: 2, bounced: true });
  });

  test('a 协办 unit leaving keeps the lead at work; staff give its part to another', () => {
    const doc = assigned();
    const left = apply(doc, planReferBack(doc, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-05'), ROADS), envAt('2026-11-05').now);
    expect(left).toMatchObject({ status: 'assigned', referralOpen: true, assistUnitIds: [], deadline: { dueDate: '2027-02-03' } });
    const rerouted = apply(left, planReroute(left, { department: PARKS_DEPT, note: '改派' }, envAt('2026-11-06'), STAFF), envAt('2026-11-06').now);
    expect(rerouted.units.at(-1)).toMatchObject({ departmentId: 'dept-parks', role: 'assist', dueAt: endOfShanghaiDay('2026-12-07') });
    expect(rerouted.deadline?.dueDate).toBe('2027-02-03');
  });
});

describe('the verdict, 重新办理 and follow-up', () => {
  function answered(answerClass: 'A' | 'B'): SuggestionDocument {
    const doc = assigned();
    const env = envAt('2026-12-10');
    return apply(doc, planAnswer(doc, { departmentId: 'dept-housing', answerClass, text: '已办', reason: answerClass === 'B' ? '明年完成' : undefined }, env, HOUSING), env.now);
  }

  test('不满意 opens 重新办理 once, with a month; after it the verdict is final', () => {
    const first = answered('A');
    const rehandling = apply(first, planVerdict(first, { verdict: 'dissatisfied', comment: '没解决' }, envAt('2026-12-11'), LIU), envAt('2026-12-11').now);
    expect(rehandling).toMatchObject({ status: 'rehandling', rehandleCount: 1, deadline: { stage: 'rehandle', dueDate: '2027-01-11' } });
    const second = apply(
      rehandling,
      planAnswer(rehandling, { departmentId: 'dept-housing', answerClass: 'A', text: '已重新办理' }, envAt('2026-12-20'), HOUSING),
      envAt('2026-12-20').now,
    );
    expect(second.answers.map((a) => a.kind)).toEqual(['answer', 'rehandle']);
    const closed = apply(second, planVerdict(second, { verdict: 'dissatisfied', comment: '仍不满意' }, envAt('2026-12-21'), LIU), envAt('2026-12-21').now);
    expect(closed).toMatchObject({ status: 'closed', rehandleCount: 1, verdicts: [{ answerNo: 1 }, { answerNo: 2 }] });
  });

  test('a B answer stays on the follow-up list after 满意 until the lead unit reports A or C', () => {
    const doc = answered('B');
    const closed = apply(doc, planVerdict(doc, { verdict: 'satisfied' }, envAt('2026-12-11'), LIU), envAt('2026-12-11').now);
    expect(closed).toMatchObject({ status: 'closed', followUp: true });
    expect(refusalOf(planFollowUp(closed, { departmentId: 'dept-roads', answerClass: 'A', text: '已完成' }, envAt('2027-03-01'), ROADS))).toBe('notYours');
    const still = apply(closed, planFollowUp(closed, { departmentId: 'dept-housing', answerClass: 'B', text: '进行中' }, envAt('2027-03-01'), HOUSING), envAt('2027-03-01').now);
    expect(still.followUp).toBe(true);
    const done = apply(still, planFollowUp(still, { departmentId: 'dept-housing', answerClass: 'A', text: '已完成' }, envAt('2027-06-01'), HOUSING), envAt('2027-06-01').now);
    expect(done).toMatchObject({ followUp: false, answerClass: 'A', status: 'closed' });
    expect(refusalOf(planFollowUp(done, { departmentId: 'dept-housing', answerClass: 'A', text: '已完成' }, envAt('2027-06-02'), HOUSING))).toBe('notFollowUp');
  });
});

describe('figures', () => {
  test('every figure has a predicate; rates with two decimals, none without anything to divide by', () => {
    expect(Object.keys(SUGGESTION_FIGURE_PREDICATES).sort()).toEqual([...SUGGESTION_FIGURES].sort());
    expect(percent2(82, 91)).toBe(90.11);
    expect(suggestionRates({ registered: 0, answered: 0, answeredOnTime: 0, classA: 0, classB: 0, classC: 0, satisfied: 0, rated: 0 })).toEqual({
      answeredRate: null,
      onTimeRate: null,
      classAShare: null,
      classBShare: null,
      classCShare: null,
      satisfactionRate: null,
    });
  });
});
