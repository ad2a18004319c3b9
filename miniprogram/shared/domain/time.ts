/**
 * Calendar time in Asia/Shanghai, independent of the machine's time zone: cloud functions
 * run in UTC and phones may be set to anything, but a reception day is a Shanghai date.
 * China keeps no daylight saving, so the offset is fixed.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;

/** YYYY-MM-DD of the Shanghai calendar day that contains `instant`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai wall-clock time happens, e.g. ('2026-12-15', '09:00'). */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00.000Z`) - OFFSET_MS);
}

/** A calendar date `days` later (or earlier), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 2026年11月23日 10:05 in Shanghai time, as subscribe messages' time keywords show it. */
export function shanghaiClock(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
