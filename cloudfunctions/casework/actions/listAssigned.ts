import { COLLECTIONS } from '../../../infra/database';
import { HANDLER_CASE_VIEWS, type HandlerCaseView } from '../../../miniprogram/shared/contract/casework';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { CASE_PAGE_SIZE } from './listCases';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

/** Which cases each tab holds, and in which order. */
function viewQuery(departmentId: string | undefined, view: HandlerCaseView): { filter: Record<string, unknown>; order: PageOrder } {
  return view === 'todo'
    ? { filter: { pendingDepartmentIds: departmentId, status: 'assigned' }, order: { field: 'deadline.dueAt', direction: 'asc' } }
    : { filter: { departmentIds: departmentId }, order: { field: 'createdAt', direction: 'desc' } };
}

/** How many cases each tab holds: one count per tab on the department's indexed fields. */
function countViews(db: Database, departmentId: string | undefined): Promise<Record<HandlerCaseView, number>> {
  return countPerTab(db, COLLECTIONS.opinions, HANDLER_CASE_VIEWS, (view) => viewQuery(departmentId, view).filter);
}

/**
 * A handler's cases: 待办 (assigned to their department and not answered yet, the soonest due
 * first) or all the department was ever assigned, newest first. Three database requests (the
 * caller, the page, the holiday calendar), and on the first page one count per tab (待办理 2): five.
 */
export const listAssigned: Handler<'casework.listAssigned'> = async ({ view, cursor, pageSize = CASE_PAGE_SIZE }, ctx) => {
  const worker = await loadWorker(ctx, 'handler');
  const { db, now } = ctx;
  const departmentId = worker.scope.departmentId;
  const { filter, order } = viewQuery(departmentId, view);
  const page = { collection: COLLECTIONS.opinions, where: [filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, calendar, counts] = await Promise.all([
    readPage<OpinionDocument>(db, page),
    ctx.calendar(),
    cursor === undefined ? countViews(db, departmentId) : undefined,
  ]);
  return { items: items.map((row) => caseSummary(row, { now, calendar })), nextCursor, ...(counts ? { counts } : {}) };
};
