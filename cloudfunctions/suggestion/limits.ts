/**
 * The time limits of 代表建议办理: how long a unit has to answer, how long an extension may reach,
 * how long 协办 units have to send their views, how long 重新办理 may take, how soon a unit may
 * send a suggestion back (退回) — settings with the common statutory defaults, which an environment
 * can override (settings.ts reads `SUGGESTION_LIMITS`).
 *
 * Month limits are calendar months from the day the clock started; a limit ending on a day off
 * moves to the next working day (期限届满日为法定节假日的，顺延至节假日后的第一个工作日), by the same
 * holiday calendar every other deadline uses.
 */
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import type { MonthDeadline } from '../../miniprogram/shared/domain/suggestion';
import { addDays, addMonths, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { dueAfterWorkingDays, endOfShanghaiDay } from '../../miniprogram/shared/domain/workingDays';

export interface SuggestionLimits {
  /** Months from assignment to the answer (办理期限). */
  answerMonths: number;
  /** The most months from assignment an approved extension may reach. */
  maxMonths: number;
  /** Months a 协办 unit has to send its views to the 主办 unit. */
  assistMonths: number;
  /** Months a 重新办理 may take after the deputy was not satisfied. */
  rehandleMonths: number;
  /** Working days after its assignment within which a unit may send a suggestion or case back (退回). */
  referBackWorkingDays: number;
  /** Calendar days before a deadline on which the units still owing are reminded. */
  remindDaysBefore: number[];
  /** Referrals of one suggestion from which it is flagged to staff as bouncing between units. */
  bounceFlagAt: number;
}

export const DEFAULT_SUGGESTION_LIMITS: SuggestionLimits = {
  answerMonths: 3,
  maxMonths: 6,
  assistMonths: 1,
  rehandleMonths: 1,
  referBackWorkingDays: 7,
  remindDaysBefore: [15, 3],
  bounceFlagAt: 2,
};

const RANGES: Record<Exclude<keyof SuggestionLimits, 'remindDaysBefore'>, [number, number]> = {
  answerMonths: [1, 12],
  maxMonths: [1, 24],
  assistMonths: [1, 12],
  rehandleMonths: [1, 12],
  referBackWorkingDays: [1, 30],
  bounceFlagAt: [2, 10],
};

function whole(value: unknown, what: string, [min, max]: [number, number]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`suggestion limit ${what} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The defaults with overrides applied, e.g. `{ "answerMonths": 2, "remindDaysBefore": [10] }`.
 * Unknown keys and values out of range are refused rather than silently ignored.
 */
export function suggestionLimitsWith(overrides: unknown): SuggestionLimits {
  if (overrides === undefined || overrides === null) return DEFAULT_SUGGESTION_LIMITS;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new RangeError('suggestion limits must be an object');
  const limits: SuggestionLimits = { ...DEFAULT_SUGGESTION_LIMITS, remindDaysBefore: [...DEFAULT_SUGGESTION_LIMITS.remindDaysBefore] };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'remindDaysBefore') {
      if (!Array.isArray(value) || value.length > 5) throw new RangeError('suggestion limit remindDaysBefore must be a list of at most 5 day counts');
      limits.remindDaysBefore = [...new Set(value.map((days) => whole(days, 'remindDaysBefore', [1, 60])))].sort((a, b) => b - a);
    } else if (key in RANGES) {
      const name = key as keyof typeof RANGES;
      limits[name] = whole(value, name, RANGES[name]);
    } else {
      throw new RangeError(`unknown suggestion limit "${key}"; known: ${[...Object.keys(RANGES), 'remindDaysBefore'].join(', ')}`);
    }
  }
  if (limits.maxMonths < limits.answerMonths) throw new RangeError('suggestion limit maxMonths must not be shorter than answerMonths');
  return limits;
}

/** Longer than any run of days off. */
const MAX_DAYS_OFF = 31;

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: string, calendar: Pick<WorkingCalendar, 'isWorkingDay'>): string {
  let day = date;
  for (let i = 0; !calendar.isWorkingDay(day); i += 1) {
    if (i > MAX_DAYS_OFF) throw new RangeError(`no working day within ${MAX_DAYS_OFF} days after ${date}`);
    day = addDays(day, 1);
  }
  return day;
}

/**
 * `months` calendar months after `start`'s Shanghai date (the same day of the month, clamped to the
 * month's end), moved to the next working day when it is a day off.
 */
export function dueAfterMonths(start: Date, months: number, calendar: WorkingCalendar): MonthDeadline {
  const nominal = addMonths(shanghaiDate(start), months);
  const dueDate = workingDayOnOrAfter(nominal, calendar);
  const deadline: MonthDeadline = { startedAt: start, dueDate, dueAt: endOfShanghaiDay(dueDate) };
  if (calendar.unknownYears(nominal, dueDate).length > 0) deadline.provisional = true;
  return deadline;
}

/** Until when a unit assigned at `assignedAt` may send the suggestion or case back (退回). */
export function referBackDue(assignedAt: Date, limits: Pick<SuggestionLimits, 'referBackWorkingDays'>, calendar: WorkingCalendar): Date {
  return dueAfterWorkingDays(assignedAt, limits.referBackWorkingDays, calendar.isWorkingDay);
}
