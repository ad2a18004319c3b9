import { COLLECTIONS } from '../../infra/database';
import { RATE_GROUPS, type RateGroup, type RateGroupName } from '../../miniprogram/shared/rateLimits';
import type { Database } from './cloud';
import { addUnlessDuplicate } from './databaseErrors';

/**
 * The local runtime's key, in the invocation context, for a factor its configuration applies to
 * every limit (tests that are not about limits raise them; CloudBase's context never carries it).
 */
export const LOCAL_RUNTIME_RATE_SCALE = 'localRuntimeRateLimitScale';

export function rateLimitScale(context: unknown): number {
  if (typeof context !== 'object' || context === null) return 1;
  const scale = (context as Record<string, unknown>)[LOCAL_RUNTIME_RATE_SCALE];
  return typeof scale === 'number' && Number.isFinite(scale) && scale >= 1 ? scale : 1;
}

/** Shanghai is UTC+8 all year: day windows start at its midnight. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function windowStart(now: Date, windowMs: number): number {
  return Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / windowMs) * windowMs - SHANGHAI_OFFSET_MS;
}

interface WindowCount {
  start: number;
  count: number;
}

/** One caller's counts in one group: a `w<windowMs>` field per window of the group. */
interface RateCounterDocument {
  _id: string;
  [window: `w${number}`]: WindowCount | undefined;
  updatedAt: Date;
}

export type RateTurn = { admitted: true } | { admitted: false; retryAfterMs: number };

/** The counter of `caller` in `group`: one document per caller and group. */
function counterId(group: RateGroupName, caller: string): string {
  return `${group}:${caller}`;
}

/**
 * Removes every rate-limit counter of `caller` (an account being deleted: its counters name it).
 * One database request.
 */
export async function forgetCaller(db: Database, caller: string): Promise<void> {
  const ids = (Object.keys(RATE_GROUPS) as RateGroupName[]).map((group) => counterId(group, caller));
  await db
    .collection(COLLECTIONS.rateCounters)
    .where({ _id: db.command.in(ids) })
    .remove();
}

/** Contention only ever comes from the same caller's own concurrent calls; a few rounds settle it. */
const ROUNDS = 5;

/**
 * Takes one turn of `caller` in `group` at `now`, atomically: one conditional update increments
 * every window's count only where each count is under its limit and each window is the current
 * one, so concurrent calls are admitted exactly up to the limit. When it matches nothing the
 * counter is read once to tell why: missing (the caller's first call creates it with its turn
 * taken), a limit reached (refused, with when the fullest window ends) or a window that has ended
 * (restarted with this turn, the others counting it, in one conditional write). One database
 * request for an admitted call in the same windows; three for a first call or a new window; two
 * for a refusal.
 */
export async function takeTurn(db: Database, group: RateGroupName, caller: string, now: Date, scale = 1): Promise<RateTurn> {
  const spec: RateGroup = RATE_GROUPS[group];
  const windows = spec.windows.map((w) => ({
    field: `w${w.windowMs}` as const,
    start: windowStart(now, w.windowMs),
    end: windowStart(now, w.windowMs) + w.windowMs,
    max: w.max * scale,
  }));
  const counters = db.collection(COLLECTIONS.rateCounters);
  const _ = db.command;
  const id = counterId(group, caller);
  /** The conditional write that counts this turn in `running` windows: each still the one it was, and under its limit. */
  const countIn = (running: typeof windows) => {
    const where: Record<string, unknown> = { _id: id };
    const update: Record<string, unknown> = { updatedAt: now };
    for (const w of running) {
      where[`${w.field}.start`] = w.start;
      where[`${w.field}.count`] = _.lt(w.max);
      update[`${w.field}.count`] = _.inc(1);
    }
    return { where, update };
  };

  for (let round = 0; round < ROUNDS; round += 1) {
    const turn = countIn(windows);
    const { updated } = await counters.where(turn.where).update(turn.update);
    if (updated === 1) return { admitted: true };

    const { data } = await counters.where({ _id: id }).limit(1).get();
    const counter = (data as RateCounterDocument[])[0];
    if (!counter) {
      // The caller's first call in this group: create the counter with this turn taken.
      const fresh: Record<string, unknown> = { _id: id, updatedAt: now };
      for (const w of windows) fresh[w.field] = { start: w.start, count: 1 };
      if (await addUnlessDuplicate(counters, fresh)) return { admitted: true };
      continue;
    }
    const current = windows.filter((w) => counter[w.field]?.start === w.start);
    const full = current.filter((w) => (counter[w.field]?.count ?? 0) >= w.max);
    if (full.length > 0) return { admitted: false, retryAfterMs: Math.max(...full.map((w) => w.end - now.getTime())) };
    const ended = windows.filter((w) => counter[w.field]?.start !== w.start);
    if (ended.length === 0) continue;
    // Windows that have ended start again with this turn; the others count it; all in one conditional write.
    const { where: rollover, update: counts } = countIn(current);
    for (const w of ended) {
      const previous = counter[w.field]?.start;
      rollover[`${w.field}.start`] = previous === undefined ? _.exists(false) : previous;
      counts[w.field] = _.set({ start: w.start, count: 1 });
    }
    const rolled = await counters.where(rollover).update(counts);
    if (rolled.updated === 1) return { admitted: true };
  }
  // Still contended after every round: refuse rather than admit past the limit.
  const shortest = windows.reduce((a, b) => (a.end < b.end ? a : b));
  return { admitted: false, retryAfterMs: shortest.end - now.getTime() };
}
