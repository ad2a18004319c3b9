import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { Moderation } from '../../miniprogram/shared/domain/moderation';
import { loadCaller, requireStaff, scopeCovers } from '../core/caller';
import { settleCase } from '../core/caseCounters';
import type { Database } from '../core/cloud';
import type { CallContext } from '../core/handler';
import type { OpinionDocument } from '../../infra/documents/opinions';

/** Reviewers are congress staff (station, area, administrator); department handlers are not. One database request. */
export async function loadReviewer(ctx: CallContext): Promise<{ openid: string; scope: StaffScope }> {
  const caller = await loadCaller(ctx);
  return { openid: caller.openid, scope: requireStaff(caller) };
}

/** The reviewer's scope as a query on opinions. */
export function reviewScope(scope: StaffScope): Record<string, unknown> {
  return scope.role === 'station' ? { stationId: scope.stationId } : { areaPath: scope.areaId };
}

export function mayReview(scope: StaffScope, opinion: Pick<OpinionDocument, 'areaPath' | 'stationId'>): boolean {
  return scopeCovers(scope, opinion);
}

const ATTEMPTS = 5;

/**
 * Applies a change to an opinion's moderation without losing a concurrent one (a verdict arriving
 * while staff decide): the write is conditional on the opinion being unchanged since it was read,
 * and is tried again on the fresh copy otherwise. `change` answers null for "nothing to do".
 * Answers the opinion as written, or null when there was nothing to do.
 */
export async function changeModeration(
  db: Database,
  where: Record<string, unknown>,
  change: (opinion: OpinionDocument) => Moderation | null,
  now: Date,
): Promise<OpinionDocument | null> {
  const opinions = db.collection(COLLECTIONS.opinions);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const { data } = await opinions.where(where).limit(1).get();
    const opinion = (data as OpinionDocument[])[0];
    if (!opinion) return null;
    const moderation = change(opinion);
    if (!moderation) return null;
    // Held or rejected text stands in no staff queue: a state that changes moves the queue counters (core/caseCounters.ts).
    const queuesMove = opinion.moderation?.state !== moderation.state;
    const { updated } = await opinions
      .where({ _id: opinion._id, updatedAt: opinion.updatedAt })
      .update({ moderation: db.command.set(moderation), updatedAt: now, ...(queuesMove ? { countsStale: true } : {}) });
    if (updated !== 1) continue;
    if (queuesMove) await settleCase(db, opinion._id, now);
    return { ...opinion, moderation, updatedAt: now };
  }
  throw new Error(`moderation of ${JSON.stringify(where)} kept changing under ${ATTEMPTS} attempts`);
}
