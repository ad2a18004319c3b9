import { isoWeekday } from './time';

/** How a poster sheet is laid out: one A4 poster per station or deputy, or a sheet of eight cut-out cards. */
export const POSTER_LAYOUTS = ['poster', 'cards'] as const;
export type PosterLayout = (typeof POSTER_LAYOUTS)[number];

/** How many stations or deputies one sheet may carry (each needs its own mini-program code). */
export const POSTER_MAX_TARGETS = 40;

/** What one poster or card says: all of it printed text, beside the target's mini-program code. */
export interface PosterContent {
  /** The deputy's or station's name, printed largest. */
  title: string;
  /** 县（区）人大代表, or the station's area (联络站 · 江南区). */
  level: string;
  /** The station(s) where the deputy receives, or the station's address and phone (lines apart by \n). */
  station: string;
  /** The reception schedule, line by line: the standing rule, then the next dated days. */
  schedule: string[];
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** `12月15日（周二）09:00–11:30、14:00–16:00`: a reception day as a poster prints it. */
export function receptionDayLine(day: { date: string; windows: ReadonlyArray<{ start: string; end: string }> }): string {
  const [, month, dayOfMonth] = day.date.split('-').map(Number);
  const windows = day.windows.map((w) => `${w.start}–${w.end}`).join('、');
  return `${month}月${dayOfMonth}日（周${WEEKDAYS[isoWeekday(day.date) - 1]}）${windows}`;
}

/** How many dated days a poster lists after the standing rule. */
export const POSTER_UPCOMING_DAYS = 3;

/**
 * The schedule lines of a poster: the standing rule in staff's words (接待安排, opening hours), then
 * the next reception days (not cancelled) by date; a placeholder when there is nothing to say.
 */
export function posterSchedule(
  rules: ReadonlyArray<string>,
  days: ReadonlyArray<{ date: string; cancelled: boolean; windows: ReadonlyArray<{ start: string; end: string }> }>,
): string[] {
  const standing = [...new Set(rules.map((rule) => rule.trim()).filter(Boolean))];
  const upcoming = [...days]
    .filter((day) => !day.cancelled)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, POSTER_UPCOMING_DAYS)
    .map((day) => `近期接待：${receptionDayLine(day)}`);
  const lines = [...standing, ...upcoming];
  return lines.length > 0 ? lines : ['接待时间请扫码查看'];
}

/**
 * Breaks a line of Chinese (or mixed) text to fit `maxWidth`, measured by `widthOf`: CJK text
 * breaks between any two characters, Latin words and numbers are kept whole when they fit.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9:.\-–/()]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (widthOf(line + token) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A token wider than the line on its own is broken character by character.
    while (widthOf(line) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && widthOf(line.slice(0, cut)) > maxWidth) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
