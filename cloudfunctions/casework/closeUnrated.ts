import { COLLECTIONS } from '../../infra/database';
import { planExpireRating } from '../../miniprogram/shared/domain/casework';
import { caseUpdate } from '../core/caseChanges';
import { caseEnv } from '../core/caseDeadlines';
import type { Database } from '../core/cloud';

export interface DailyReport {
  /** Cases closed as 未评价 because the resident did not rate within the window. */
  closedUnrated: number;
}

/**
 * What the daily timer does: every case whose rating window has passed is closed as 未评价 —
 * never counted as satisfied — with a public event on its timeline. One conditional update over
 * all of them (status still awaiting a rating, window passed), so a rating that arrives at the
 * same moment wins or loses cleanly, and a second run changes nothing. One database request.
 */
export async function runDailyJobs(db: Database, now: Date): Promise<DailyReport> {
  const _ = db.command;
  const change = planExpireRating(caseEnv(now));
  const { updated } = await db
    .collection(COLLECTIONS.opinions)
    .where({ status: _.in([...change.from]), ratingDueAt: _.neq(null).and(_.lte(now)) })
    .update(caseUpdate(db, change, now));
  return { closedUnrated: updated ?? 0 };
}
