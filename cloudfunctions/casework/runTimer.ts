import { COLLECTIONS } from '../../infra/database';
import { isRefusal, planAskFollowUp, planExpireRating, recountDeadline } from '../../miniprogram/shared/domain/casework';
import { caseUpdate, writeCaseChange } from '../core/caseChanges';
import { settleStaleCases } from '../core/caseCounters';
import { caseDeadlines, caseEnv } from '../core/caseDeadlines';
import type { CallContext } from '../core/handler';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { notifyFollowUp } from './notifications';

export interface TimerReport {
  /** Cases closed as 未评价 because the resident did not rate within the window. */
  closedUnrated: number;
  /** Deadlines counted across a year nobody had recorded, counted again now that it is recorded. */
  deadlinesRecounted: number;
  /** Cases whose statistics counters were brought up to date (changed by this or an earlier firing, or turned overdue). */
  casesSettled: number;
  /** Residents asked the 回访 (is the problem really solved?) of a case closed followUpDays ago. */
  followUpsAsked: number;
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
  const change = planExpireRating({ now, deadlines: caseDeadlines() });
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

/** Asked per firing at most: a day's closings reach their residents within a few hourly firings. */
const FOLLOW_UP_BATCH = 100;

/**
 * 回访: every closed case whose follow-up day has come (followUpDays after closing, at 10:00 in
 * Shanghai: due is an instant compared with the firing's instant, so a firing that never came is
 * caught up by the next one) is asked once. The ask is written first, guarded by the due instant
 * read, so two firings cannot both ask; then the resident is told through the one door
 * (residentNotice: a subscribe message while they have an acceptance of the 回访 template left,
 * else 我的消息). One request when nothing is due.
 */
async function askFollowUps(ctx: CallContext): Promise<number> {
  const { db, now } = ctx;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where({ followUpDueAt: _.neq(null).and(_.lte(now)) })
    .limit(FOLLOW_UP_BATCH)
    .field({ _id: true, status: true, followUpDueAt: true, followUp: true, authorOpenid: true, trackingNo: true, category: true, text: true })
    .get();
  const asked = await Promise.all(
    (data as OpinionDocument[]).map(async (opinion) => {
      const change = planAskFollowUp(opinion, ctx);
      if (isRefusal(change) || !(await writeCaseChange(db, opinion._id, change, now))) return 0;
      if (opinion.authorOpenid) await notifyFollowUp(db, opinion, now);
      return 1;
    }),
  );
  return asked.reduce<number>((sum, n) => sum + n, 0);
}

/**
 * What the casework timer does at every firing (hourly). Every part is idempotent; the counters
 * are settled last, so the cases the other parts changed are counted in the same firing.
 */
export async function runCaseworkTimer(ctx: CallContext): Promise<TimerReport> {
  // A case closed as 未评价 now is asked its 回访 weeks later, never in this firing.
  const [closedUnrated, deadlinesRecounted, followUpsAsked] = await Promise.all([closeUnrated(ctx), recountProvisionalDeadlines(ctx), askFollowUps(ctx)]);
  const casesSettled = await settleStaleCases(ctx.db, ctx.now);
  return { closedUnrated, deadlinesRecounted, casesSettled, followUpsAsked };
}
