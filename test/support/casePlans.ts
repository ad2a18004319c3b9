import { isRefusal, type CaseChange, type CasePlan, type CaseRecord } from '../../miniprogram/shared/domain/casework';
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import type { OpinionEvent } from '../../miniprogram/shared/domain/opinion';
import { isoWeekday } from '../../miniprogram/shared/domain/time';

/**
 * What the domain tests of casework share: a calendar that fixes working days, a case with its
 * timeline, and the database's part of a plan played in memory.
 */

/** Monday to Friday, every year known: the holiday calendar has its own tests (caseDeadlines.test.ts). */
export const WEEKDAYS: WorkingCalendar = { isWorkingDay: (date) => isoWeekday(date) <= 5, knowsYear: () => true, unknownYears: () => [], holidayOn: () => null };

export type Case = CaseRecord & { timeline: OpinionEvent[] };

/** Applies a plan the way the database would: the fields set, counters raised, events appended. */
export function applyPlan(record: Case, plan: CasePlan): Case {
  if (isRefusal(plan)) throw new Error(`refused: ${plan.refused}`);
  expect(plan.from).toContain(record.status);
  const after: Case = { ...record, ...plan.set, timeline: [...record.timeline, ...plan.events] };
  for (const [counter, by] of Object.entries(plan.increment) as Array<[keyof CaseChange['increment'], number]>) after[counter] = (record[counter] ?? 0) + by;
  return after;
}

/** The refusal's reason, or undefined when the plan goes ahead. */
export const refusalOf = (plan: CasePlan): string | undefined => (isRefusal(plan) ? plan.refused : undefined);

/**
 * A case's events from its first answer published to its close: rated 不满意, reopened, assigned
 * again, answered, published and rated once more. The domain plays it, and the functions store it.
 */
export const REOPENED_THEN_CLOSED: ReadonlyArray<OpinionEvent['type']> = ['answerPublished', 'rated', 'reopened', 'assigned', 'departmentAnswered', 'answerPublished', 'rated'];
