import { COLLECTIONS } from '../../infra/database';
import type { CaseChange } from '../../miniprogram/shared/domain/casework';
import { settleCase } from './caseCounters';
import type { Database } from './cloud';

function isWholeValue(value: unknown): boolean {
  return Array.isArray(value) || (typeof value === 'object' && value !== null && !(value instanceof Date));
}

/**
 * The update that writes a planned change: fields set whole (the SDK would otherwise flatten an
 * object into dotted paths, which fails on a field that is null), counters raised, events
 * appended to the timeline, plus any fields of the use case's own.
 */
export function caseUpdate(db: Database, change: CaseChange, now: Date, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const _ = db.command;
  // Marked in the same write: the statistics counters follow when the case is settled (core/caseCounters.ts).
  const update: Record<string, unknown> = { updatedAt: now, countsStale: true, ...extra };
  for (const [field, value] of Object.entries(change.set)) update[field] = isWholeValue(value) ? _.set(value) : value;
  for (const [field, by] of Object.entries(change.increment)) update[field] = _.inc(by);
  update.timeline = _.push(change.events);
  return update;
}

/**
 * Writes a planned change to one case as a conditional update: only if the case is still in a
 * status the transition starts from (and still holds the change's guard). Answers whether it was
 * written; false means someone else changed the case first. One database request, and the four
 * that bring the statistics counters up to date with the case (core/caseCounters.ts).
 */
export async function writeCaseChange(db: Database, opinionId: string, change: CaseChange, now: Date, extra: Record<string, unknown> = {}): Promise<boolean> {
  const _ = db.command;
  const where: Record<string, unknown> = { _id: opinionId, status: _.in([...change.from]) };
  if (change.guard.pendingDepartmentIds) where.pendingDepartmentIds = _.eq(change.guard.pendingDepartmentIds);
  if (change.guard.followUpDueAt) where.followUpDueAt = change.guard.followUpDueAt;
  if (change.guard.followUpUnanswered) where['followUp.answer'] = null;
  const { updated } = await db
    .collection(COLLECTIONS.opinions)
    .where(where)
    .update(caseUpdate(db, change, now, extra));
  if (updated !== 1) return false;
  await settleCase(db, opinionId, now);
  return true;
}
