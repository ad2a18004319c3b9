import { applyPlan, refusalOf, REOPENED_THEN_CLOSED, WEEKDAYS, type Case } from '../support/casePlans';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import {
  actionsFor,
  CASE_ACTIONS,
  CASE_MACHINE,
  canTake,
  combinedOutcome,
  isOverdue,
  openCase,
  followUpAskAt,
  mayReopen,
  planAccept,
  planAnswer,
  planAnswerFollowUp,
  planAskFollowUp,
  planReopen,
  planApprove,
  planAssign,
  planExpireRating,
  planForward,
  planRate,
  planRead,
  planReply,
  planReturn,
  planUrge,
  type CaseActor,
  type CaseChange,
  type CaseEnv,
  type CasePlan,
} from '../../miniprogram/shared/domain/casework';
import { OPINION_STATUSES, type OpinionStatus } from '../../miniprogram/shared/domain/opinion';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { endOfShanghaiDay } from '../../miniprogram/shared/domain/workingDays';

const envAt = (date: string, time = '10:00'): CaseEnv => ({ now: shanghaiInstant(date, time), deadlines: DEFAULT_CASE_DEADLINES, calendar: WEEKDAYS });

const STAFF: CaseActor = { role: 'staff', id: 'staff-openid' };
const DEPUTY: CaseActor = { role: 'deputy', id: 'dp-005', name: '刘德明' };
const ROADS: CaseActor = { role: 'handler', id: 'handler-roads', name: '区交通局' };
const HOUSING: CaseActor = { role: 'handler', id: 'handler-housing', name: '区住建局' };
const RESIDENT: CaseActor = { role: 'resident', id: 'resident-openid' };
const DEPARTMENTS = [
  { _id: 'dept-roads', name: '区交通局' },
  { _id: 'dept-housing', name: '区住建局' },
];

/** A case submitted on Monday 2026-11-02 at 09:00 Shanghai. */
function submitted(): Case {
  const createdAt = shanghaiInstant('2026-11-02', '09:00');
  return { status: 'received', statusChangedAt: createdAt, createdAt, ...openCase(createdAt, envAt('2026-11-02')), timeline: [] };
}

/** The case assigned to both departments on Tuesday 11-03. */
function assignedToBoth(): Case {
  const accepted = applyPlan(submitted(), planAccept(submitted(), {}, envAt('2026-11-02', '15:00'), STAFF));
  return applyPlan(accepted, planAssign(accepted, { departments: DEPARTMENTS, note: '请两单位协同办理' }, envAt('2026-11-03'), STAFF));
}

describe('the state machine', () => {
  test('every transition names the statuses it starts from, where it can lead, and who may take it', () => {
    // Read as "from → to, by whom": each list in its order, alternatives joined by |.
    const rules = Object.fromEntries(Object.entries(CASE_MACHINE).map(([action, r]) => [action, `${r.from.join(' | ')} → ${r.to.join(' | ')}, by ${r.actors.join(' | ')}`]));
    expect(rules).toEqual({
      read: 'received → read, by deputy',
      accept: 'received | read → accepted, by staff',
      reply: 'received | read | accepted → replied, by deputy',
      forward: 'received | read | accepted → forwarded, by deputy',
      assign: 'accepted | forwarded | reopened → assigned, by staff',
      answer: 'assigned → assigned | answered, by handler',
      return: 'answered → assigned, by staff',
      approve: 'answered → awaitingRating, by staff',
      urge: 'assigned → assigned, by staff',
      rate: 'replied | awaitingRating → closed | reopened, by resident',
      expireRating: 'replied | awaitingRating → closed, by system',
      referBack: 'assigned → assigned | referred, by handler',
      reroute: 'assigned | referred → assigned, by staff',
      askFollowUp: 'closed → closed, by system',
      answerFollowUp: 'closed → closed, by resident',
      reopen: 'closed → reopened, by staff',
    });
    for (const rule of Object.values(CASE_MACHINE)) expect(Object.keys(rule)).toEqual(['from', 'to', 'actors']);
    for (const rule of Object.values(CASE_MACHINE)) for (const status of [...rule.from, ...rule.to]) expect(OPINION_STATUSES).toContain(status);
  });

  test('a closed case takes only the 回访: asked by the timer, answered by the resident, reopened by staff after 没有解决', () => {
    expect(CASE_ACTIONS.filter((action) => canTake(action, 'closed'))).toEqual(['askFollowUp', 'answerFollowUp', 'reopen']);
  });

  test('what each role may do, by status', () => {
    expect(actionsFor('received', 'staff')).toEqual(['accept']);
    expect(actionsFor('received', 'deputy')).toEqual(['read', 'reply', 'forward']);
    expect(actionsFor('forwarded', 'staff')).toEqual(['assign']);
    // 改派 only once a department has sent it back (the case page shows it then: casework.get).
    expect(actionsFor('assigned', 'staff')).toEqual(['urge', 'reroute']);
    expect(actionsFor('assigned', 'handler')).toEqual(['answer', 'referBack']);
    expect(actionsFor('referred', 'staff')).toEqual(['reroute']);
    expect(actionsFor('answered', 'staff')).toEqual(['return', 'approve']);
    expect(actionsFor('awaitingRating', 'resident')).toEqual(['rate']);
    expect(actionsFor('replied', 'resident')).toEqual(['rate']);
    expect(actionsFor('reopened', 'staff')).toEqual(['assign']);
    // Only after the resident answered 没有解决 at the 回访 (mayReopen; the case page hides it otherwise).
    expect(actionsFor('closed', 'staff')).toEqual(['reopen']);
  });

  /** Every planner from every status its transition does not start from: refused, never written. */
  const PLANNERS: Record<string, { action: (typeof CASE_ACTIONS)[number]; plan: (record: Case) => CasePlan }> = {
    read: { action: 'read', plan: (r) => planRead(r, envAt('2026-11-05'), DEPUTY) },
    accept: { action: 'accept', plan: (r) => planAccept(r, {}, envAt('2026-11-05'), STAFF) },
    reply: { action: 'reply', plan: (r) => planReply(r, { text: '已处理' }, envAt('2026-11-05'), DEPUTY) },
    forward: { action: 'forward', plan: (r) => planForward(r, { note: '需交办' }, envAt('2026-11-05'), DEPUTY) },
    assign: { action: 'assign', plan: (r) => planAssign(r, { departments: DEPARTMENTS, note: '交办' }, envAt('2026-11-05'), STAFF) },
    return: { action: 'return', plan: (r) => planReturn(r, { note: '重办' }, envAt('2026-11-05'), STAFF) },
    approve: { action: 'approve', plan: (r) => planApprove(r, {}, envAt('2026-11-05'), STAFF) },
    urge: { action: 'urge', plan: (r) => planUrge(r, { note: '请加快' }, envAt('2026-11-05'), STAFF) },
    reopen: { action: 'reopen', plan: (r) => planReopen(r, { note: '重新交办' }, envAt('2026-11-05'), STAFF) },
  };
  test.each(Object.keys(PLANNERS))('%s is refused as an illegal transition from every other status', (name) => {
    const { action, plan } = PLANNERS[name]!;
    for (const status of OPINION_STATUSES as readonly OpinionStatus[]) {
      if (canTake(action, status)) continue;
      expect([status, refusalOf(plan({ ...assignedToBoth(), status }))]).toEqual([status, 'illegalTransition']);
    }
  });

  test('a department answering, or a resident rating, from any other status is refused', () => {
    for (const status of OPINION_STATUSES as readonly OpinionStatus[]) {
      const record = { ...assignedToBoth(), status };
      const answer = refusalOf(planAnswer(record, { departmentId: 'dept-roads', category: 'solved', text: '已办' }, envAt('2026-11-05'), ROADS));
      const rate = refusalOf(planRate(record, { rating: 'satisfied' }, envAt('2026-11-05'), RESIDENT));
      expect([status, answer]).toEqual([status, status === 'assigned' ? undefined : status === 'answered' ? 'alreadyAnswered' : 'illegalTransition']);
      expect([status, rate]).toEqual([status, canTake('rate', status) ? undefined : 'notRatable']);
    }
  });
});

describe('a case from submission to closing, through 二次交办', () => {
  test('submission starts the accept clock: three working days', () => {
    const fresh = submitted();
    expect(fresh.deadline).toEqual({ stage: 'accept', startedAt: fresh.createdAt, dueAt: endOfShanghaiDay('2026-11-05') });
    expect(fresh.round).toBe(0);
  });

  test('a deputy reading it leaves the clock running; accepting ends it and starts the next', () => {
    const read = applyPlan(submitted(), planRead(submitted(), envAt('2026-11-02', '11:00'), DEPUTY));
    expect(read.status).toBe('read');
    expect(read.deadline?.stage).toBe('accept');
    const accepted = applyPlan(read, planAccept(read, { note: '已受理' }, envAt('2026-11-03'), STAFF));
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedAt: shanghaiInstant('2026-11-03', '10:00'),
      deadline: { stage: 'respond', dueAt: endOfShanghaiDay('2026-11-10') },
    });
    expect(accepted.lateStages).toBeUndefined();
    expect(accepted.timeline.at(-1)).toEqual({
      type: 'accepted',
      at: shanghaiInstant('2026-11-03', '10:00'),
      actorRole: 'staff',
      actorId: 'staff-openid',
      note: '已受理',
      public: true,
    });
  });

  test('accepting after the deadline records the accept stage as late', () => {
    const late = applyPlan(submitted(), planAccept(submitted(), {}, envAt('2026-11-06'), STAFF));
    expect(late.lateStages).toEqual(['accept']);
    expect(isOverdue(late, shanghaiInstant('2026-11-06', '11:00'))).toBe(true);
    expect(isOverdue(submitted(), shanghaiInstant('2026-11-05', '23:59'))).toBe(false);
    expect(isOverdue(submitted(), shanghaiInstant('2026-11-06', '00:00'))).toBe(true);
  });

  test('assigning to two departments: a round, both pending, each with the answer deadline; the resident sees whom', () => {
    const assigned = assignedToBoth();
    const due = endOfShanghaiDay('2026-11-24');
    expect(assigned).toMatchObject({
      status: 'assigned',
      round: 1,
      departmentIds: ['dept-roads', 'dept-housing'],
      pendingDepartmentIds: ['dept-roads', 'dept-housing'],
      deadline: { stage: 'answer', dueAt: due },
      assignments: [
        { round: 1, departmentId: 'dept-roads', departmentName: '区交通局', dueAt: due, answer: null },
        { round: 1, departmentId: 'dept-housing', departmentName: '区住建局', dueAt: due, answer: null },
      ],
    });
    expect(assigned.timeline.at(-1)).toMatchObject({ type: 'assigned', public: true, note: '交办单位：区交通局、区住建局', internalNote: '请两单位协同办理' });
  });

  test('the first department to answer leaves the case with the other, guarded by who is still pending', () => {
    const assigned = assignedToBoth();
    const plan = planAnswer(assigned, { departmentId: 'dept-roads', category: 'solved', text: '已修复路面' }, envAt('2026-11-10'), ROADS) as CaseChange;
    expect(plan.to).toBe('assigned');
    expect(plan.guard).toEqual({ pendingDepartmentIds: ['dept-roads', 'dept-housing'] });
    const oneLeft = applyPlan(assigned, plan);
    expect(oneLeft).toMatchObject({ status: 'assigned', pendingDepartmentIds: ['dept-housing'], deadline: assigned.deadline });
    expect(oneLeft.timeline.at(-1)).toMatchObject({ type: 'departmentAnswered', actorRole: 'handler', actorName: '区交通局', public: false, internalNote: '【已解决】已修复路面' });

    expect(refusalOf(planAnswer(oneLeft, { departmentId: 'dept-roads', category: 'solved', text: '再答一次' }, envAt('2026-11-10'), ROADS))).toBe('alreadyAnswered');
    expect(refusalOf(planAnswer(oneLeft, { departmentId: 'dept-parks', category: 'solved', text: '不是我们的' }, envAt('2026-11-10'), ROADS))).toBe('notYourDepartment');

    const bothAnswered = applyPlan(
      oneLeft,
      planAnswer(oneLeft, { departmentId: 'dept-housing', category: 'planned', text: '列入明年改造', reason: '需要预算' }, envAt('2026-11-11'), HOUSING),
    );
    expect(bothAnswered).toMatchObject({ status: 'answered', pendingDepartmentIds: [], deadline: { stage: 'review', dueAt: endOfShanghaiDay('2026-11-16') } });
    expect(refusalOf(planAnswer(bothAnswered, { departmentId: 'dept-housing', category: 'solved', text: '改了' }, envAt('2026-11-11'), HOUSING))).toBe('alreadyAnswered');
  });

  test('staff return one answer to be redone, then approve; the resident is shown both answers and asked to rate', () => {
    let record = assignedToBoth();
    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-roads', category: 'solved', text: '已修复路面' }, envAt('2026-11-10'), ROADS));
    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-housing', category: 'reference', text: '不归我们管', reason: '职责不符' }, envAt('2026-11-11'), HOUSING));
    expect(refusalOf(planReturn(record, { note: '重办', departmentIds: ['dept-parks'] }, envAt('2026-11-12'), STAFF))).toBe('departmentNotInRound');

    record = applyPlan(record, planReturn(record, { note: '小区在你局职责范围内，请重办', departmentIds: ['dept-housing'] }, envAt('2026-11-12'), STAFF));
    expect(record).toMatchObject({ status: 'assigned', pendingDepartmentIds: ['dept-housing'], deadline: { stage: 'answer', dueAt: endOfShanghaiDay('2026-12-03') } });
    expect(record.assignments?.map((a) => [a.departmentId, a.answer?.category ?? null])).toEqual([
      ['dept-roads', 'solved'],
      ['dept-housing', null],
    ]);
    expect(record.timeline.at(-1)).toMatchObject({ type: 'returned', public: false, internalNote: '小区在你局职责范围内，请重办' });

    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-housing', category: 'solved', text: '已维修外墙' }, envAt('2026-11-13'), HOUSING));
    record = applyPlan(record, planApprove(record, { note: '内部：核实无误' }, envAt('2026-11-16'), STAFF));
    expect(record).toMatchObject({
      status: 'awaitingRating',
      outcome: 'solved',
      resolvedAt: shanghaiInstant('2026-11-16', '10:00'),
      ratingDueAt: endOfShanghaiDay('2026-11-23'),
      deadline: null,
    });
    expect(record.timeline.at(-1)).toMatchObject({
      type: 'answerPublished',
      public: true,
      note: '区交通局【已解决】已修复路面\n区住建局【已解决】已维修外墙',
      internalNote: '内部：核实无误',
    });
  });

  test('不满意 with a reason reopens it, keeping every round; 二次交办 starts round 2; 满意 closes it', () => {
    let record = assignedToBoth();
    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-roads', category: 'solved', text: '已修复路面' }, envAt('2026-11-10'), ROADS));
    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-housing', category: 'planned', text: '明年改造', reason: '需要预算' }, envAt('2026-11-11'), HOUSING));
    record = applyPlan(record, planApprove(record, {}, envAt('2026-11-12'), STAFF));
    expect(record.outcome).toBe('planned');

    record = applyPlan(record, planRate(record, { rating: 'dissatisfied', comment: '外墙还在掉' }, envAt('2026-11-13'), RESIDENT));
    expect(record).toMatchObject({
      status: 'reopened',
      rating: { value: 'dissatisfied', comment: '外墙还在掉' },
      resolvedAt: null,
      outcome: null,
      ratingDueAt: null,
      deadline: { stage: 'assign', dueAt: endOfShanghaiDay('2026-11-17') },
    });
    expect(record.timeline.slice(-2).map((e) => [e.type, e.public, e.note])).toEqual([
      ['rated', true, '不满意：外墙还在掉'],
      ['reopened', true, undefined],
    ]);
    expect(refusalOf(planRate(record, { rating: 'satisfied' }, envAt('2026-11-13'), RESIDENT))).toBe('alreadyRated');

    record = applyPlan(record, planAssign(record, { departments: [DEPARTMENTS[1]!], note: '群众不满意，请先行维修' }, envAt('2026-11-16'), STAFF));
    expect(record).toMatchObject({ round: 2, pendingDepartmentIds: ['dept-housing'], departmentIds: ['dept-roads', 'dept-housing'] });
    expect(record.assignments?.map((a) => [a.round, a.departmentId])).toEqual([
      [1, 'dept-roads'],
      [1, 'dept-housing'],
      [2, 'dept-housing'],
    ]);
    expect(record.timeline.at(-1)?.note).toBe('已重新交办：区住建局');
    expect(refusalOf(planAnswer(record, { departmentId: 'dept-roads', category: 'solved', text: '我们上轮答过了' }, envAt('2026-11-17'), ROADS))).toBe('alreadyAnswered');

    record = applyPlan(record, planAnswer(record, { departmentId: 'dept-housing', category: 'solved', text: '已先行维修外墙' }, envAt('2026-11-18'), HOUSING));
    record = applyPlan(record, planApprove(record, {}, envAt('2026-11-19'), STAFF));
    expect(record.outcome).toBe('solved');
    record = applyPlan(record, planRate(record, { rating: 'satisfied' }, envAt('2026-11-20'), RESIDENT));
    expect(record).toMatchObject({ status: 'closed', rating: { value: 'satisfied' }, closedAt: shanghaiInstant('2026-11-20', '10:00'), deadline: null });
    expect(refusalOf(planRate(record, { rating: 'satisfied' }, envAt('2026-11-20'), RESIDENT))).toBe('alreadyRated');
    expect(record.timeline.map((e) => e.type)).toEqual(['accepted', 'assigned', 'departmentAnswered', 'departmentAnswered', ...REOPENED_THEN_CLOSED]);
  });

  test('the deputy answers directly: the answer is the resolution and the resident may rate it', () => {
    const replied = applyPlan(submitted(), planReply(submitted(), { text: '已协调解决' }, envAt('2026-11-03'), DEPUTY));
    expect(replied).toMatchObject({
      status: 'replied',
      acceptedAt: shanghaiInstant('2026-11-03', '10:00'),
      resolvedAt: shanghaiInstant('2026-11-03', '10:00'),
      ratingDueAt: endOfShanghaiDay('2026-11-10'),
      deadline: null,
    });
    expect(replied.timeline.at(-1)).toMatchObject({ type: 'replied', actorRole: 'deputy', actorId: 'dp-005', actorName: '刘德明', note: '已协调解决', public: true });
    const closed = applyPlan(replied, planRate(replied, { rating: 'basicallySatisfied' }, envAt('2026-11-04'), RESIDENT));
    expect(closed.status).toBe('closed');
  });

  test('the deputy forwards it: first response, and the assign clock starts', () => {
    const accepted = applyPlan(submitted(), planAccept(submitted(), {}, envAt('2026-11-02', '12:00'), STAFF));
    const forwarded = applyPlan(accepted, planForward(accepted, { note: '需要区里协调' }, envAt('2026-11-04'), DEPUTY));
    expect(forwarded).toMatchObject({
      status: 'forwarded',
      acceptedAt: shanghaiInstant('2026-11-02', '12:00'),
      deadline: { stage: 'assign', dueAt: endOfShanghaiDay('2026-11-06') },
    });
    expect(forwarded.timeline.at(-1)).toMatchObject({ type: 'forwarded', public: true, internalNote: '需要区里协调' });
    expect(forwarded.timeline.at(-1)?.note).toBeUndefined();
  });

  test('urging counts and keeps the clock; only while departments are handling it', () => {
    const assigned = assignedToBoth();
    const plan = planUrge(assigned, { note: '请加快办理' }, envAt('2026-11-20'), STAFF) as CaseChange;
    expect(plan.increment).toEqual({ urgeCount: 1 });
    const urged = applyPlan(assigned, plan);
    expect(urged).toMatchObject({ status: 'assigned', urgeCount: 1, lastUrgedAt: shanghaiInstant('2026-11-20', '10:00'), deadline: assigned.deadline });
    expect(urged.timeline.at(-1)).toMatchObject({ type: 'urged', public: false, internalNote: '请加快办理' });
    expect(applyPlan(urged, planUrge(urged, { note: '再催' }, envAt('2026-11-21'), STAFF)).urgeCount).toBe(2);
  });

  test('a resident may not rate before there is an answer, nor after the window closed it as 未评价', () => {
    expect(refusalOf(planRate(submitted(), { rating: 'satisfied' }, envAt('2026-11-03'), RESIDENT))).toBe('notRatable');
    expect(refusalOf(planRate(assignedToBoth(), { rating: 'satisfied' }, envAt('2026-11-03'), RESIDENT))).toBe('notRatable');
    const replied = applyPlan(submitted(), planReply(submitted(), { text: '已解决' }, envAt('2026-11-03'), DEPUTY));
    const expired = applyPlan(replied, planExpireRating(envAt('2026-11-11', '10:30')));
    expect(expired).toMatchObject({ status: 'closed', rating: { value: 'none' }, ratingDueAt: null, closedAt: shanghaiInstant('2026-11-11', '10:30') });
    expect(expired.timeline.at(-1)).toMatchObject({ type: 'closedUnrated', actorRole: 'system', public: true });
    expect(refusalOf(planRate(expired, { rating: 'satisfied' }, envAt('2026-11-12'), RESIDENT))).toBe('notRatable');
  });
});

describe('combining departments’ answers', () => {
  test('已解决 only when every department solved it; else 列入计划 if any planned; else 留作参考', () => {
    expect(combinedOutcome(['solved', 'solved'])).toBe('solved');
    expect(combinedOutcome(['solved', 'planned'])).toBe('planned');
    expect(combinedOutcome(['reference', 'planned'])).toBe('planned');
    expect(combinedOutcome(['solved', 'reference'])).toBe('reference');
    expect(combinedOutcome([])).toBe('reference');
  });
});

describe('回访: weeks after closing, is the problem really solved?', () => {
  /** Replied on Tuesday 11-03, rated 满意 on Wednesday 11-04 at 20:15. */
  function closed(): Case {
    const replied = applyPlan(submitted(), planReply(submitted(), { text: '路灯已修好' }, envAt('2026-11-03'), DEPUTY));
    return applyPlan(replied, planRate(replied, { rating: 'satisfied' }, envAt('2026-11-04', '20:15'), RESIDENT));
  }

  test('closing plans it followUpDays later at 10:00 Shanghai — rated or closed as 未评价 alike', () => {
    expect(DEFAULT_CASE_DEADLINES.followUpDays).toBe(21);
    expect(closed()).toMatchObject({ status: 'closed', followUpDueAt: shanghaiInstant('2026-11-25', '10:00'), followUp: null });
    expect(followUpAskAt(shanghaiInstant('2026-11-04', '23:59'), 14)).toEqual(shanghaiInstant('2026-11-18', '10:00'));
    const replied = applyPlan(submitted(), planReply(submitted(), { text: '已解决' }, envAt('2026-11-03'), DEPUTY));
    expect(applyPlan(replied, planExpireRating(envAt('2026-11-11', '00:35'))).followUpDueAt).toEqual(shanghaiInstant('2026-12-02', '10:00'));
    // 不满意 does not close the case: nothing to follow up yet.
    const reopened = applyPlan(replied, planRate(replied, { rating: 'dissatisfied', comment: '灯还是不亮' }, envAt('2026-11-04'), RESIDENT));
    expect(reopened.followUpDueAt).toBeUndefined();
  });

  test('asked once when its instant has come, never before; the ask is guarded by the due instant read', () => {
    const before = planAskFollowUp(closed(), envAt('2026-11-25', '09:35'));
    expect(refusalOf(before)).toBe('followUpNotAsked');
    const plan = planAskFollowUp(closed(), envAt('2026-11-25', '10:35')) as CaseChange;
    expect(plan.guard).toEqual({ followUpDueAt: shanghaiInstant('2026-11-25', '10:00') });
    const asked = applyPlan(closed(), plan);
    expect(asked).toMatchObject({ status: 'closed', followUpDueAt: null, followUp: { askedAt: shanghaiInstant('2026-11-25', '10:35'), answer: null, answeredAt: null } });
    expect(asked.timeline.at(-1)).toMatchObject({ type: 'followUpAsked', actorRole: 'system', public: true });
    expect(refusalOf(planAskFollowUp(asked, envAt('2026-11-25', '11:35')))).toBe('followUpNotAsked');
  });

  test('the resident answers once, after it was asked; the rating stays as it was', () => {
    expect(refusalOf(planAnswerFollowUp(closed(), { answer: 'solved' }, envAt('2026-11-20'), RESIDENT))).toBe('followUpNotAsked');
    const asked = applyPlan(closed(), planAskFollowUp(closed(), envAt('2026-11-25', '10:35')));
    const plan = planAnswerFollowUp(asked, { answer: 'unsolved', note: '过了两周又不亮了' }, envAt('2026-11-26'), RESIDENT) as CaseChange;
    expect(plan.guard).toEqual({ followUpUnanswered: true });
    const answered = applyPlan(asked, plan);
    expect(answered).toMatchObject({
      status: 'closed',
      rating: { value: 'satisfied' },
      followUp: { answer: 'unsolved', answeredAt: shanghaiInstant('2026-11-26', '10:00'), note: '过了两周又不亮了' },
    });
    expect(answered.timeline.at(-1)).toMatchObject({ type: 'followedUp', public: true, note: '没有解决：过了两周又不亮了' });
    expect(refusalOf(planAnswerFollowUp(answered, { answer: 'solved' }, envAt('2026-11-27'), RESIDENT))).toBe('followUpAnswered');
  });

  test('没有解决 lets staff reopen it for another round; 已经解决 or no answer does not', () => {
    const asked = applyPlan(closed(), planAskFollowUp(closed(), envAt('2026-11-25', '10:35')));
    expect(refusalOf(planReopen(asked, { note: '重新交办' }, envAt('2026-11-27'), STAFF))).toBe('followUpNotUnsolved');
    const solved = applyPlan(asked, planAnswerFollowUp(asked, { answer: 'solved' }, envAt('2026-11-26'), RESIDENT));
    expect(mayReopen(solved)).toBe(false);
    expect(refusalOf(planReopen(solved, { note: '重新交办' }, envAt('2026-11-27'), STAFF))).toBe('followUpNotUnsolved');
    const unsolved = applyPlan(asked, planAnswerFollowUp(asked, { answer: 'unsolved' }, envAt('2026-11-26'), RESIDENT));
    expect(mayReopen(unsolved)).toBe(true);
    const reopened = applyPlan(unsolved, planReopen(unsolved, { note: '回访未解决' }, envAt('2026-11-27'), STAFF));
    expect(reopened).toMatchObject({ status: 'reopened', closedAt: null, resolvedAt: null, followUp: { answer: 'unsolved' }, deadline: { stage: 'assign' } });
    expect(reopened.timeline.at(-1)).toMatchObject({ type: 'reopened', actorRole: 'staff', internalNote: '回访未解决' });
    expect(actionsFor('reopened', 'staff')).toContain('assign');
    expect(refusalOf(planReopen(reopened, { note: '再开' }, envAt('2026-11-28'), STAFF))).toBe('illegalTransition');
  });
});
