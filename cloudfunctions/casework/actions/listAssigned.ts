import { COLLECTIONS } from '../../../infra/database';
import type { Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { CASE_PAGE_SIZE } from './listCases';

/**
 * A handler's cases: 待办 (assigned to their department and not answered yet, the soonest due
 * first) or all the department was ever assigned, newest first. Two database requests.
 */
export const listAssigned: Handler<'casework.listAssigned'> = async ({ view, cursor = 0, pageSize = CASE_PAGE_SIZE }, ctx) => {
  const worker = await loadWorker(ctx, 'handler');
  const { db, now } = ctx;
  const departmentId = worker.scope.departmentId;
  const [filter, order] =
    view === 'todo'
      ? [{ pendingDepartmentIds: departmentId, status: 'assigned' }, ['deadline.dueAt', 'asc'] as const]
      : [{ departmentIds: departmentId }, ['createdAt', 'desc'] as const];
  const [{ data }, calendar] = await Promise.all([
    db
      .collection(COLLECTIONS.opinions)
      .where(filter)
      .orderBy(order[0], order[1])
      .orderBy('_id', 'asc')
      .skip(cursor)
      .limit(pageSize + 1)
      .field(SUMMARY_FIELDS)
      .get(),
    ctx.calendar(),
  ]);
  const rows = data as OpinionDocument[];
  return { items: rows.slice(0, pageSize).map((row) => caseSummary(row, { now, calendar })), nextCursor: rows.length > pageSize ? cursor + pageSize : null };
};
