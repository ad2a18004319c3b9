/**
 * Which calendar dates a reception rule gives. Pure calendar arithmetic on `YYYY-MM-DD`
 * strings: no machine time zone is involved. Whether a date is a working day (weekends,
 * statutory holidays and 调休 working days) is asked of `isWorkingDay`, which the back end
 * answers from a maintained holiday calendar.
 */
import type { IsWorkingDay } from './holidays';
import type { ReceptionPattern } from './reception';
import { addDays, addMonths, isoWeekday } from './time';

export interface ScheduledDate {
  /** The day residents are received. */
  date: string;
  /** The day the rule names; differs from `date` when a weekend or holiday moved it. */
  nominalDate: string;
}

/** A year's worth of days off: no run of holidays and weekends is longer. */
const MAX_DAYS_OFF_IN_A_ROW = 31;

/** `date` itself when it is a working day, else the next working day. */
export function nextWorkingDay(date: string, isWorkingDay: IsWorkingDay): string {
  let day = date;
  for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i += 1, day = addDays(day, 1)) {
    if (isWorkingDay(day)) return day;
  }
  throw new RangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}`);
}

function nominalDates(pattern: ReceptionPattern, from: string, until: string): string[] {
  const dates: string[] = [];
  if (pattern.kind === 'monthly') {
    // Start a month early: last month's day may have moved into the range.
    for (let month = addMonths(`${from.slice(0, 7)}-01`, -1); month < until; month = addMonths(month, 1)) {
      dates.push(`${month.slice(0, 8)}${String(pattern.dayOfMonth).padStart(2, '0')}`);
    }
    return dates;
  }
  let day = addDays(from, -MAX_DAYS_OFF_IN_A_ROW);
  day = addDays(day, (pattern.weekday - isoWeekday(day) + 7) % 7);
  for (; day < until; day = addDays(day, 7)) dates.push(day);
  return dates;
}

/**
 * The reception days a pattern gives from `from` (inclusive) until `until` (exclusive), each
 * moved to the next working day when it falls on a weekend or holiday. Two nominal days that
 * move onto the same date (a weekly rule across the Spring Festival) give one reception day.
 */
export function scheduledDates(pattern: ReceptionPattern, range: { from: string; until: string }, isWorkingDay: IsWorkingDay): ScheduledDate[] {
  const byDate = new Map<string, ScheduledDate>();
  for (const nominalDate of nominalDates(pattern, range.from, range.until)) {
    const date = nextWorkingDay(nominalDate, isWorkingDay);
    if (date >= range.from && date < range.until && !byDate.has(date)) byDate.set(date, { date, nominalDate });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The generation window: from today until the same day SCHEDULE_HORIZON_MONTHS later. */
export function horizon(today: string, months: number): { from: string; until: string } {
  return { from: today, until: addMonths(today, months) };
}

/** 每月15日 / 每周三, for a station page or the staff form. */
export function describePattern(pattern: ReceptionPattern): string {
  if (pattern.kind === 'monthly') return `每月${pattern.dayOfMonth}日（遇节假日顺延）`;
  return `每周${'一二三四五六日'[pattern.weekday - 1] ?? ''}（遇节假日顺延）`;
}
