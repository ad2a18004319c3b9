import { COLLECTIONS } from '../../../infra/database';
import { STAFF_CASE_COUNTED_VIEWS, type StaffCaseView } from '../../../miniprogram/shared/contract/casework';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker, scopeFilter } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

export const CASE_PAGE_SIZE = 20;

/** Each work queue: which cases, in which order (work queues oldest first, so nobody waits longest by accident). */
function viewQuery(db: Database, view: StaffCaseView, now: Date): { filter: Record<string, unknown>; order: PageOrder } {
  const _ = db.command;
  switch (view) {
    case 'toAccept':
      return { filter: { status: _.in(['received', 'read']) }, order: { field: 'createdAt', direction: 'asc' } };
    case 'toAssign':
      return { filter: { status: _.in(['accepted', 'forwarded', 'reopened', 'referred']) }, order: { field: 'createdAt', direction: 'asc' } };
    case 'handling':
      return { filter: { status: 'assigned' }, order: { field: 'createdAt', direction: 'asc' } };
    case 'toReview':
      return { filter: { status: 'answered' }, order: { field: 'createdAt', direction: 'asc' } };
    case 'awaitingRating':
      return { filter: { status: _.in(['replied', 'awaitingRating']) }, order: { field: 'createdAt', direction: 'asc' } };
    case 'closed':
      return { filter: { status: 'closed' }, order: { field: 'closedAt', direction: 'desc' } };
    case 'referred':
      return { filter: { referralOpen: true }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'overdue':
      return { filter: { 'deadline.dueAt': _.lt(now) }, order: { field: 'deadline.dueAt', direction: 'asc' } };
    default:
      return { filter: {}, order: { field: 'createdAt', direction: 'desc' } };
  }
}

/** How many cases each work queue holds (not the archive: 已办结, 全部), in the caller's scope: one count per queue on indexed fields, no case read. */
function countViews(db: Database, scope: ReadonlyArray<Record<string, unknown>>, now: Date): Promise<Partial<Record<StaffCaseView, number>>> {
  return countPerTab(db, COLLECTIONS.opinions, STAFF_CASE_COUNTED_VIEWS, (view) => db.command.and([...scope, viewQuery(db, view, now).filter]));
}

/**
 * Staff: the cases of their area (station staff: their station; optionally one station of the
 * area), by work queue: 待受理, 待交办, 办理中, 待审核, 待评价, 已办结, 逾期 (past a deadline now),
 * 退回待改派 (a department sent it back, not re-routed yet),
 * or all. Opinions whose text is held for content review or was rejected are not listed (they are
 * in moderation.listFlagged until published). Three database requests (the caller, the page, the
 * holiday calendar), and on the first page one count per work queue (待受理 3): ten.
 */
export const listCases: Handler<'casework.list'> = async ({ view, stationId, cursor, pageSize = CASE_PAGE_SIZE }, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  const _ = db.command;
  const { filter, order } = viewQuery(db, view, now);
  // Text held for content review or rejected is no case (staff review it in moderation.listFlagged).
  const scope: Array<Record<string, unknown>> = [scopeFilter(worker), { 'moderation.state': _.nin(['held', 'rejected']) }];
  if (stationId) scope.push({ stationId });
  const page = { collection: COLLECTIONS.opinions, where: [...scope, filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, calendar, counts] = await Promise.all([
    readPage<OpinionDocument>(db, page),
    ctx.calendar(),
    cursor === undefined ? countViews(db, scope, now) : undefined,
  ]);
  return { items: items.map((row) => caseSummary(row, { now, calendar })), nextCursor, ...(counts ? { counts } : {}) };
};
