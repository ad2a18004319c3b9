import { suggestionLimitsWith, type SuggestionLimits } from './limits';
import type { SuggestionEnv } from './machine';
import type { CallContext } from '../core/handler';

/**
 * The time limits in force: the defaults (shared/domain/suggestionLimits.ts) overridden by the
 * environment variable `SUGGESTION_LIMITS`, JSON such as `{"answerMonths":3,"maxMonths":6,
 * "referBackWorkingDays":7}`. Read per call so a changed variable applies at once; a malformed value
 * fails loudly rather than falling back unnoticed.
 */
export function suggestionLimits(): SuggestionLimits {
  const text = process.env.SUGGESTION_LIMITS;
  if (!text) return suggestionLimitsWith(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RangeError(`SUGGESTION_LIMITS is not JSON: ${text}`);
  }
  return suggestionLimitsWith(parsed);
}

/** What the planners need: the time, the limits and the holiday calendar (one database request, once per call). */
export async function suggestionEnv(ctx: Pick<CallContext, 'now' | 'calendar'>): Promise<SuggestionEnv> {
  return { now: ctx.now, limits: suggestionLimits(), calendar: await ctx.calendar() };
}
