/**
 * The program's one source of time, and the Asia/Shanghai calendar it is read in.
 *
 * "Now" is a `Clock`: production passes `systemClock` (the only place the wall clock is read),
 * the local runtime and tests pass a clock they set. Everything else receives an instant.
 *
 * Cloud functions run in UTC and phones may be set to anything, but a reception day is a Shanghai
 * date, so calendar questions are answered here with dayjs in a fixed +08:00 offset (China keeps
 * no daylight saving since 1991). dayjs's timezone plugin is not used in shared code: it needs
 * `Intl` time-zone data, which WeChat's Android JS engine lacks (dayjs#2635); a test checks this
 * module against that plugin on Node, where the data exists.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Where "now" comes from. */
export interface Clock {
  now(): Date;
}

/** The real time. Read nowhere else: a test names the instant it runs at instead. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `at` (tests of pure code, a timer's own instant). */
export function fixedClock(at: Date): Clock {
  const time = at.getTime();
  return { now: () => new Date(time) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant seen on a Shanghai wall clock. */
export function inShanghai(instant: Date | string | number) {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** A Shanghai calendar date as a dayjs value at its midnight (UTC arithmetic: no zone can shift it). */
function calendarDay(date: string) {
  return dayjs.utc(date);
}

/** YYYY-MM-DD of the Shanghai calendar day that contains `instant`. */
export function shanghaiDate(instant: Date): string {
  return inShanghai(instant).format('YYYY-MM-DD');
}

/** The Shanghai hour (0–23) at `instant`. */
export function shanghaiHour(instant: Date): number {
  return inShanghai(instant).hour();
}

/** `09:05`: the Shanghai wall-clock time of an instant, comparable with a slot's `HH:mm`. */
export function shanghaiTimeOfDay(instant: Date): string {
  return inShanghai(instant).format('HH:mm');
}

/** The instant a Shanghai wall-clock time happens, e.g. ('2026-12-15', '09:00'). */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return dayjs.utc(`${date}T${time}`).subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toDate();
}

/** A calendar date `days` later (or earlier), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return calendarDay(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  return calendarDay(date).add(months, 'month').format('YYYY-MM-DD');
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return calendarDay(to).diff(calendarDay(from), 'day');
}

/** Whether text is a YYYY-MM-DD date that exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const day = calendarDay(text);
  return day.isValid() && day.year() === Number(match[1]) && day.month() + 1 === Number(match[2]) && day.date() === Number(match[3]);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = calendarDay(date).day();
  return day === 0 ? 7 : day;
}

/** The year of a calendar date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The calendar years from `from` to `to`, both included. */
export function yearsBetween(from: string, to: string): number[] {
  const years: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1) years.push(year);
  return years;
}

/** The first day of the month containing `date`. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** `2026年11月23日 10:05`: an instant on a Shanghai wall clock, as messages and pages show it. */
export function shanghaiClock(instant: Date): string {
  return inShanghai(instant).format('YYYY年M月D日 HH:mm');
}

/** `2026年11月30日`: the Shanghai calendar date of an instant. */
export function shanghaiDay(instant: Date): string {
  return inShanghai(instant).format('YYYY年M月D日');
}
