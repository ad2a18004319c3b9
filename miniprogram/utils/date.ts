/**
 * Dates as residents read them. Reception days are Asia/Shanghai calendar dates
 * (`YYYY-MM-DD`); they are formatted from the string itself, never through the phone's
 * local time, so a phone set to another time zone still shows the right day.
 */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseCalendarDate(date: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through UTC to reject impossible dates such as 2025-02-30.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The weekday of a calendar date, 0 = Sunday; pure calendar arithmetic, no time zone involved. */
export function weekdayOf({ year, month, day }: CalendarDate): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** `2025-11-15` → `11月15日 周六`; anything unparsable is shown as it came. */
export function formatReceptionDate(date: string): string {
  const parsed = parseCalendarDate(date);
  if (!parsed) return date;
  return `${parsed.month}月${parsed.day}日 ${WEEKDAYS[weekdayOf(parsed)]}`;
}

/** `[{ start: '09:00', end: '11:30' }, …]` → `09:00–11:30、14:00–16:00`. */
export function formatTimeWindows(windows: ReadonlyArray<{ start: string; end: string }>): string {
  return windows.map((window) => `${window.start}–${window.end}`).join('、');
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO 8601) as a Shanghai date and time: `2025年11月23日 14:05`; anything unparsable as it came. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const wall = new Date(time + SHANGHAI_OFFSET_MS);
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** An instant (ISO 8601) as its Shanghai calendar date: `2025年11月30日`. */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const wall = new Date(time + SHANGHAI_OFFSET_MS);
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日`;
}
