import { COLLECTIONS } from '../../../infra/database';
import type { Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { CASE_PAGE_SIZE } from './listCases';
import { readPage, type PageOrder } from '../../core/paging';

/**
 * A handler's cases: 待办 (assigned to their department and not answered yet, the soonest due
 * first) or all the department was ever assigned, newest first. Two database requests.
 */
export const listAssigned: Handler<'casework.listAssigned'> = async ({ view, cursor, pageSize = CASE_PAGE_SIZE }, ctx) => {
  const worker = await loadWorker(ctx, 'handler');
  const { db, now } = ctx;
  const departmentId = worker.scope.departmentId;
  const [filter, order]: [Record<string, unknown>, PageOrder] =
    view === 'todo'
      ? [
          { pendingDepartmentIds: departmentId, status: 'assigned' },
          { field: 'deadline.dueAt', direction: 'asc' },
        ]
      : [{ departmentIds: departmentId }, { field: 'createdAt', direction: 'desc' }];
  const page = { collection: COLLECTIONS.opinions, where: [filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, calendar] = await Promise.all([readPage<OpinionDocument>(db, page), ctx.calendar()]);
  return { items: items.map((row) => caseSummary(row, { now, calendar })), nextCursor };
};
