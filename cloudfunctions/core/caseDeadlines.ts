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
  const text = process.env.CASE_DEADLINES;
  if (!text) return caseDeadlinesWith(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RangeError(`CASE_DEADLINES is not JSON: ${text}`);
  }
  return caseDeadlinesWith(parsed);
}

/** What the case planners need: the time, the deadlines and the holiday calendar. */
export async function caseEnv(ctx: Pick<CallContext, 'now' | 'calendar'>): Promise<CaseEnv> {
  return { now: ctx.now, deadlines: caseDeadlines(), calendar: await ctx.calendar() };
}
