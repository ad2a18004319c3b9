import { applyPlan, refusalOf, WEEKDAYS, type Case } from '../support/casePlans';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import { caseReferralWith, DEFAULT_CASE_REFERRAL } from '../../cloudfunctions/core/caseReferral';
import {
  isBouncing,
  openCase,
  planAccept,
  planAnswer,
  planAssign,
  planReferBack,
  planReroute,
  referBackUntil,
  type CaseActor,
  type CaseEnv,
} from '../../miniprogram/shared/domain/casework';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { endOfShanghaiDay } from '../../miniprogram/shared/domain/workingDays';

const envAt = (date: string, time = '10:00'): CaseEnv & { referral: typeof DEFAULT_CASE_REFERRAL } => ({
  now: shanghaiInstant(date, time),
  deadlines: DEFAULT_CASE_DEADLINES,
  calendar: WEEKDAYS,
  referral: DEFAULT_CASE_REFERRAL,
});

const STAFF: CaseActor = { role: 'staff', id: 'staff-openid' };
const ROADS: CaseActor = { role: 'handler', id: 'handler-roads', name: '区交通局' };
const HOUSING: CaseActor = { role: 'handler', id: 'handler-housing', name: '区住建局' };
const ROADS_DEPT = { _id: 'dept-roads', name: '区交通局' };
const HOUSING_DEPT = { _id: 'dept-housing', name: '区住建局' };
const PARKS_DEPT = { _id: 'dept-parks', name: '区园林局' };

/** Submitted Monday 2026-11-02, accepted, assigned on Tuesday 11-03 to the departments named. */
function assignedTo(...departments: Array<{ _id: string; name: string }>): Case {
  const createdAt = shanghaiInstant('2026-11-02', '09:00');
  const fresh: Case = { status: 'received', statusChangedAt: createdAt, createdAt, ...openCase(createdAt, envAt('2026-11-02')), timeline: [] };
  const accepted = applyPlan(fresh, planAccept(fresh, {}, envAt('2026-11-02', '15:00'), STAFF));
  return applyPlan(accepted, planAssign(accepted, { departments, note: '请办理' }, envAt('2026-11-03'), STAFF));
}

describe('how long a department may send a case back, and when a case bounces', () => {
  test('seven working days from the assignment by default; the setting is checked', () => {
    // Assigned Tuesday 11-03: the seventh working day after is Thursday 11-12, to its end.
    expect(referBackUntil(shanghaiInstant('2026-11-03', '10:00'), DEFAULT_CASE_REFERRAL, WEEKDAYS)).toEqual(endOfShanghaiDay('2026-11-12'));
    expect(caseReferralWith({ workingDays: 3 })).toEqual({ workingDays: 3, bounceFlagAt: 2 });
    expect(caseReferralWith(undefined)).toBe(DEFAULT_CASE_REFERRAL);
    expect(() => caseReferralWith({ workingDay: 3 })).toThrow(/unknown case referral limit "workingDay"/);
    expect(() => caseReferralWith({ bounceFlagAt: 1 })).toThrow(RangeError);
    expect(() => caseReferralWith({ workingDays: 2.5 })).toThrow(RangeError);
    expect(isBouncing({ referralCount: 1 }, DEFAULT_CASE_REFERRAL)).toBe(false);
    expect(isBouncing({ referralCount: 2 }, DEFAULT_CASE_REFERRAL)).toBe(true);
  });
});

describe('退回 and 改派', () => {
  test('the only department sends it back: the case waits for staff on the 交办 clock; the reason stays internal', () => {
    const record = assignedTo(ROADS_DEPT);
    const after = applyPlan(record, planReferBack(record, { departmentId: 'dept-roads', reason: '属园林部门职责' }, envAt('2026-11-05'), ROADS));
    expect(after).toMatchObject({ status: 'referred', pendingDepartmentIds: [], referralOpen: true, referralCount: 1, deadline: { stage: 'assign' } });
    expect(after.assignments?.[0]?.referral).toEqual({ reason: '属园林部门职责', at: shanghaiInstant('2026-11-05', '10:00'), by: 'handler-roads' });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'referredBack', public: true, internalNote: '属园林部门职责' });
    expect(after.timeline.at(-1)?.note).toBeUndefined();
  });

  test('after the window, or once answered, or for another department, it is refused', () => {
    const record = assignedTo(ROADS_DEPT, HOUSING_DEPT);
    expect(refusalOf(planReferBack(record, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-13'), ROADS))).toBe('referWindowClosed');
    expect(refusalOf(planReferBack(record, { departmentId: 'dept-parks', reason: '不属本单位' }, envAt('2026-11-05'), ROADS))).toBe('notYourDepartment');
    const answered = applyPlan(record, planAnswer(record, { departmentId: 'dept-roads', category: 'solved', text: '已修复路面' }, envAt('2026-11-04'), ROADS));
    expect(refusalOf(planReferBack(answered, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-05'), ROADS))).toBe('alreadyAnswered');
  });

  test('one of two sends it back: the other keeps at work; when it answers, the case waits for the re-routing, not for review', () => {
    const record = assignedTo(ROADS_DEPT, HOUSING_DEPT);
    const referred = applyPlan(record, planReferBack(record, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-05'), ROADS));
    expect(referred).toMatchObject({ status: 'assigned', pendingDepartmentIds: ['dept-housing'], referralOpen: true });
    const answered = applyPlan(referred, planAnswer(referred, { departmentId: 'dept-housing', category: 'solved', text: '已维修楼道' }, envAt('2026-11-06'), HOUSING));
    expect(answered.status).toBe('referred');
  });

  test('staff re-route it: the next department gets the whole answer time from now, the resident sees 改由', () => {
    const record = assignedTo(ROADS_DEPT);
    const referred = applyPlan(record, planReferBack(record, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-10'), ROADS));
    const rerouted = applyPlan(referred, planReroute(referred, { departments: [PARKS_DEPT], note: '请园林局办理' }, envAt('2026-11-11'), STAFF));
    expect(rerouted).toMatchObject({ status: 'assigned', pendingDepartmentIds: ['dept-parks'], referralOpen: false, deadline: { stage: 'answer' } });
    const parks = rerouted.assignments?.find((a) => a.departmentId === 'dept-parks');
    // Fifteen working days from Wednesday 11-11, not from the first assignment on 11-03.
    expect(parks?.dueAt).toEqual(endOfShanghaiDay('2026-12-02'));
    expect(rerouted.departmentIds).toEqual(['dept-roads', 'dept-parks']);
    expect(rerouted.timeline.at(-1)).toMatchObject({ type: 'rerouted', public: true, note: '改由：区园林局', internalNote: '请园林局办理' });
  });

  test('staff may insist on the same department (a fresh assignment); the second referral flags the case as bouncing', () => {
    const record = assignedTo(ROADS_DEPT);
    const once = applyPlan(record, planReferBack(record, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-04'), ROADS));
    const insisted = applyPlan(once, planReroute(once, { departments: [ROADS_DEPT], note: '确属交通局职责' }, envAt('2026-11-05'), STAFF));
    expect(insisted.assignments?.filter((a) => a.departmentId === 'dept-roads')).toHaveLength(1);
    const twice = applyPlan(insisted, planReferBack(insisted, { departmentId: 'dept-roads', reason: '仍不属本单位' }, envAt('2026-11-06'), ROADS));
    expect(isBouncing(twice, DEFAULT_CASE_REFERRAL)).toBe(true);
  });

  test('re-routing needs an open referral, and never to a department still at work on it', () => {
    const record = assignedTo(ROADS_DEPT, HOUSING_DEPT);
    expect(refusalOf(planReroute(record, { departments: [PARKS_DEPT], note: '改派' }, envAt('2026-11-05'), STAFF))).toBe('illegalTransition');
    const referred = applyPlan(record, planReferBack(record, { departmentId: 'dept-roads', reason: '不属本单位' }, envAt('2026-11-05'), ROADS));
    expect(refusalOf(planReroute(referred, { departments: [HOUSING_DEPT], note: '改派' }, envAt('2026-11-05'), STAFF))).toBe('departmentNotInRound');
  });
});
