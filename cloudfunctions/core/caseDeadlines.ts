import { caseDeadlinesWith, type CaseDeadlineConfig } from '../../miniprogram/shared/domain/caseDeadlines';
import type { CaseEnv } from '../../miniprogram/shared/domain/casework';
import type { CallContext } from './handler';

/**
 * The case deadlines in force: the defaults (shared/domain/caseDeadlines.ts), overridden by the
 * environment variable `CASE_DEADLINES`, JSON such as `{"accept":2,"answer":20,"ratingDays":10}`.
 * Set it alike on the functions that start clocks (opinion, casework). Read per call so a changed
 * variable applies at once; a malformed value fails loudly rather than falling back unnoticed.
 */
export function caseDeadlines(): CaseDeadlineConfig {
  return caseDeadlinesWith(parsedSetting('CASE_DEADLINES', process.env.CASE_DEADLINES));
}

/** A JSON setting's value, or undefined when unset; malformed JSON fails loudly. */
export function parsedSetting(name: string, text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RangeError(`${name} is not JSON: ${text}`);
  }
}

/** What the case planners need: the time, the deadlines and the holiday calendar. */
export async function caseEnv(ctx: Pick<CallContext, 'now' | 'calendar'>): Promise<CaseEnv> {
  return { now: ctx.now, deadlines: caseDeadlines(), calendar: await ctx.calendar() };
}
