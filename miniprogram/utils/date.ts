/**
 * Dates as residents read them. Reception days are Asia/Shanghai calendar dates (`YYYY-MM-DD`)
 * and instants are shown on a Shanghai wall clock, through the one time module: never through
 * the phone's local time, so a phone set to another time zone still shows the right day.
 */
import { isCalendarDate, isoWeekday, shanghaiClock, shanghaiDay } from '../shared/domain/time';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** `2025-11-15` → `11月15日 周六`; anything that is not a real date is shown as it came. */
export function formatReceptionDate(date: string): string {
  if (!isCalendarDate(date)) return date;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAYS[isoWeekday(date) - 1]}`;
}

/** `[{ start: '09:00', end: '11:30' }, …]` → `09:00–11:30、14:00–16:00`. */
export function formatTimeWindows(windows: ReadonlyArray<{ start: string; end: string }>): string {
  return windows.map((window) => `${window.start}–${window.end}`).join('、');
}

function instantOf(iso: string): Date | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time);
}

/** An instant (ISO 8601) as a Shanghai date and time: `2025年11月23日 14:05`; anything unparsable as it came. */
export function formatDateTime(iso: string): string {
  const instant = instantOf(iso);
  return instant ? shanghaiClock(instant) : iso;
}

/** An instant (ISO 8601) as its Shanghai calendar date: `2025年11月30日`. */
export function formatDate(iso: string): string {
  const instant = instantOf(iso);
  return instant ? shanghaiDay(instant) : iso;
}
