import { COLLECTIONS } from '../../../infra/database';
import type { StaffCaseView } from '../../../miniprogram/shared/contract/casework';
import { counterKey } from '../../../miniprogram/shared/domain/caseCounters';
import { COUNTED_QUEUES, HIDDEN_MODERATION_STATES, QUEUE_STATUSES, type QueueValues } from '../../../miniprogram/shared/domain/caseQueues';
import { readQueueCounts, turnedOverdueSinceCounted } from '../../core/caseCounters';
import type { Database } from '../../core/cloud';
import type { CallContext, Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker, scopeFilter, type CaseWorker } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { readPage, type PageOrder } from '../../core/paging';

export const CASE_PAGE_SIZE = 20;

/** Each work queue: which cases, in which order (work queues oldest first, so nobody waits longest by accident). */
function viewQuery(db: Database, view: StaffCaseView, now: Date): { filter: Record<string, unknown>; order: PageOrder } {
  const _ = db.command;
  switch (view) {
    case 'toAccept':
    case 'toAssign':
    case 'handling':
    case 'toReview':
    case 'awaitingRating':
      return { filter: { status: _.in([...QUEUE_STATUSES[view]]) }, order: { field: 'createdAt', direction: 'asc' } };
    case 'closed':
      return { filter: { status: 'closed' }, order: { field: 'closedAt', direction: 'desc' } };
    case 'referred':
      return { filter: { referralOpen: true }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'overdue':
      // The running deadline passed (caseQueues runningDeadlinePassed, what the 逾期 queue counter counts).
      return { filter: { 'deadline.dueAt': _.lt(now) }, order: { field: 'deadline.dueAt', direction: 'asc' } };
    default:
      return { filter: {}, order: { field: 'createdAt', direction: 'desc' } };
  }
}

/**
 * Whose queue counters the caller's list reads: their station, their area, or one station of their
 * area (read to check it is); null for a station outside their scope, whose list is empty.
 */
async function queuePlace(ctx: CallContext, worker: CaseWorker, stationId: string | undefined): Promise<string | null> {
  const { scope } = worker;
  if (scope.role === 'station') return !stationId || stationId === scope.stationId ? counterKey.station(scope.stationId ?? '') : null;
  if (!stationId) return counterKey.area(scope.areaId);
  const { data } = await ctx.db.collection(COLLECTIONS.stations).where({ _id: stationId }).field({ areaPath: true }).limit(1).get();
  const station = (data as Array<{ areaPath?: string[] }>)[0];
  return station?.areaPath?.includes(scope.areaId) ? counterKey.station(stationId) : null;
}

/**
 * How many cases each work queue holds (not the archive: 已办结, 全部), in the caller's scope: the
 * place's queue counters (one document, kept as cases change: shared/domain/caseQueues.ts), and
 * for 逾期, which the clock changes, the cases in scope whose deadline passed since they were counted
 * (the hourly timer settles them: a count over an hour's deadlines, not over every overdue case).
 */
async function countViews(
  ctx: CallContext,
  worker: CaseWorker,
  stationId: string | undefined,
  scope: ReadonlyArray<Record<string, unknown>>,
): Promise<Partial<Record<StaffCaseView, number>>> {
  const { db, now } = ctx;
  const [queues, turnedOverdue] = await Promise.all([
    queuePlace(ctx, worker, stationId).then((place): Promise<QueueValues | null> => (place ? readQueueCounts(db, place) : Promise.resolve(null))),
    db
      .collection(COLLECTIONS.opinions)
      .where(db.command.and([...scope, turnedOverdueSinceCounted(db, now, 'queue')]))
      .count(),
  ]);
  const counts: Partial<Record<StaffCaseView, number>> = {};
  for (const queue of COUNTED_QUEUES) counts[queue] = queues?.[queue] ?? 0;
  counts.overdue = (counts.overdue ?? 0) + turnedOverdue.total;
  return counts;
}

/**
 * Staff: the cases of their area (station staff: their station; optionally one station of the
 * area), by work queue: 待受理, 待交办, 办理中, 待审核, 待评价, 已办结, 逾期 (past its running deadline now),
 * 退回待改派 (a department sent it back, not re-routed yet),
 * or all. Opinions whose text is held for content review or was rejected are not listed (they are
 * in moderation.listFlagged until published). Three database requests (the caller, the page, the
 * holiday calendar), and on the first page the counts of the work queues (待受理 3): the place's
 * queue counters and a count of the cases turned 逾期 since counted, five (six for one station of an area).
 */
export const listCases: Handler<'casework.list'> = async ({ view, stationId, cursor, pageSize = CASE_PAGE_SIZE }, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  const _ = db.command;
  const { filter, order } = viewQuery(db, view, now);
  // Text held for content review or rejected is no case (staff review it in moderation.listFlagged).
  const scope: Array<Record<string, unknown>> = [scopeFilter(worker), { 'moderation.state': _.nin([...HIDDEN_MODERATION_STATES]) }];
  if (stationId) scope.push({ stationId });
  const page = { collection: COLLECTIONS.opinions, where: [...scope, filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, calendar, counts] = await Promise.all([
    readPage<OpinionDocument>(db, page),
    ctx.calendar(),
    cursor === undefined ? countViews(ctx, worker, stationId, scope) : undefined,
  ]);
  return { items: items.map((row) => caseSummary(row, { now, calendar })), nextCursor, ...(counts ? { counts } : {}) };
};
