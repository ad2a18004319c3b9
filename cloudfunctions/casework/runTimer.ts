import { COLLECTIONS } from '../../infra/database';
import { planExpireRating, recountDeadline } from '../../miniprogram/shared/domain/casework';
import { caseUpdate } from '../core/caseChanges';
import { settleStaleCases } from '../core/caseCounters';
import { caseEnv } from '../core/caseDeadlines';
import type { CallContext } from '../core/handler';
import type { OpinionDocument } from '../../infra/documents/opinions';

export interface TimerReport {
  /** Cases closed as 未评价 because the resident did not rate within the window. */
  closedUnrated: number;
  /** Deadlines counted across a year nobody had recorded, counted again now that it is recorded. */
  deadlinesRecounted: number;
  /** Cases whose statistics counters were brought up to date (changed by this or an earlier firing, or turned overdue). */
  casesSettled: number;
}

/** Recounted per firing at most: a year's recording reaches every affected case within a few firings. */
const RECOUNT_BATCH = 200;

/**
 * Every case whose rating window has passed is closed as 未评价 — never counted as satisfied — with
 * a public event on its timeline. One conditional update over all of them (status still awaiting a
 * rating, window passed), so a rating that arrives at the same moment wins or loses cleanly, and a
 * second run changes nothing.
 */
async function closeUnrated(ctx: CallContext): Promise<number> {
  const { db, now } = ctx;
  const _ = db.command;
  const change = planExpireRating(ctx);
  const { updated } = await db
    .collection(COLLECTIONS.opinions)
    .where({ status: _.in([...change.from]), ratingDueAt: _.neq(null).and(_.lte(now)) })
    .update(caseUpdate(db, change, now));
  return updated ?? 0;
}

/**
 * Deadlines counted while a year's holidays were unknown (only weekends were days off) are counted
 * again once staff record the year. Each is written only if the case still runs that same deadline.
 * One request when there is nothing to recount.
 */
async function recountProvisionalDeadlines(ctx: CallContext): Promise<number> {
  const { db, now } = ctx;
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where({ 'deadline.provisional': true })
    .limit(RECOUNT_BATCH)
    .field({ _id: true, deadline: true, assignments: true })
    .get();
  const cases = data as Array<Pick<OpinionDocument, '_id' | 'deadline' | 'assignments'>>;
  if (cases.length === 0) return 0;
  const env = await caseEnv(ctx);
  const _ = db.command;
  const written = await Promise.all(
    cases.map(async (opinion) => {
      const recounted = recountDeadline(opinion as OpinionDocument, env);
      if (!recounted || !opinion.deadline) return 0;
      const { updated } = await db
        .collection(COLLECTIONS.opinions)
        .where({ _id: opinion._id, 'deadline.dueAt': opinion.deadline.dueAt, 'deadline.stage': opinion.deadline.stage })
        .update({ deadline: _.set(recounted.deadline), assignments: _.set(recounted.assignments ?? []), updatedAt: now, countsStale: true });
      return updated;
    }),
  );
  return written.reduce((sum, n) => sum + n, 0);
}

/**
 * What the casework timer does at every firing (hourly). Every part is idempotent; the counters
 * are settled last, so the cases the first two parts changed are counted in the same firing.
 */
export async function runCaseworkTimer(ctx: CallContext): Promise<TimerReport> {
  const [closedUnrated, deadlinesRecounted] = await Promise.all([closeUnrated(ctx), recountProvisionalDeadlines(ctx)]);
  const casesSettled = await settleStaleCases(ctx.db, ctx.now);
  return { closedUnrated, deadlinesRecounted, casesSettled };
}
