/**
 * Deadlines counted in working days of the Shanghai calendar. Whether a date is a working day
 * (weekends, statutory holidays, 调休 working weekends) is asked of `isWorkingDay`, which the back
 * end answers from the same holiday calendar booking uses (cloudfunctions/core/workingCalendar.ts).
 */
import type { IsWorkingDay } from './holidays';
import { addDays, shanghaiDate, shanghaiInstant } from './time';

/** Longer than any run of days off in a year (the Spring Festival with its weekends). */
const MAX_DAYS_OFF_IN_A_ROW = 31;

/**
 * The `count`-th working day after `date` (the date itself does not count): a case submitted on
 * Wednesday 2026-09-30 with 3 working days is due Saturday 2026-10-10, the 调休 working day after
 * the National Day week.
 */
export function addWorkingDays(date: string, count: number, isWorkingDay: IsWorkingDay): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${count}`);
  let day = date;
  for (let found = 0; found < count;) {
    let skipped = 0;
    do {
      day = addDays(day, 1);
      skipped += 1;
      if (skipped > MAX_DAYS_OFF_IN_A_ROW) throw new RangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}`);
    } while (!isWorkingDay(day));
    found += 1;
  }
  return day;
}

/** The instant a Shanghai calendar day ends (midnight starting the next day). */
export function endOfShanghaiDay(date: string): Date {
  return shanghaiInstant(addDays(date, 1));
}

/**
 * When something started at `start` with `workingDays` to do it is due: the end of the
 * `workingDays`-th working day after the start's Shanghai date. Overdue from that instant on.
 */
export function dueAfterWorkingDays(start: Date, workingDays: number, isWorkingDay: IsWorkingDay): Date {
  return endOfShanghaiDay(addWorkingDays(shanghaiDate(start), workingDays, isWorkingDay));
}

/** The end of the Shanghai day `days` calendar days after `start`'s date (for waiting on residents, not on offices). */
export function dueAfterCalendarDays(start: Date, days: number): Date {
  return endOfShanghaiDay(addDays(shanghaiDate(start), days));
}

export function isPastDue(dueAt: Date | string, now: Date): boolean {
  return now.getTime() >= new Date(dueAt).getTime();
}

/** Longer than any case waits: a bad or ancient date must not spin. */
const MAX_DAYS_COUNTED = 20 * 366;

/**
 * How many working days late something due at `dueAt` is at `now`: the working days after the last
 * allowed day (the Shanghai day `dueAt` ends), up to and including `now`'s day. 0 while in time, and
 * also 0 when only days off have passed since (due the end of 09-30, on 10-03 it is late by no
 * working day; on 10-08 by one).
 */
export function overdueWorkingDays(dueAt: Date | string, now: Date, isWorkingDay: IsWorkingDay): number {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due) || now.getTime() < due) return 0;
  const today = shanghaiDate(now);
  // The instant just before the deadline is still inside the last allowed day.
  let day = addDays(shanghaiDate(new Date(due - 1)), 1);
  let count = 0;
  for (let i = 0; day <= today && i < MAX_DAYS_COUNTED; i += 1, day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
