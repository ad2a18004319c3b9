import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';

/**
 * A unit's handlers: 待办 — what the unit is at work on now (to answer, to send views on, to handle
 * again) and B-class answers whose promised work it still has to report, soonest due first — or
 * every suggestion ever assigned to it, latest first. Two database requests.
 */
export const listAssigned: Handler<'suggestion.listAssigned'> = async ({ view, cursor = 0, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['handler']);
  const { db, now } = ctx;
  const _ = db.command;
  const departmentId = caller.handler?.departmentId ?? '';
  const [filter, order] =
    view === 'todo'
      ? [
          _.or([
            { activeUnitIds: departmentId, status: _.in(['assigned', 'rehandling']) },
            { leadDepartmentId: departmentId, followUp: true },
          ]),
          ['deadline.dueAt', 'asc'] as const,
        ]
      : [{ unitIds: departmentId }, ['updatedAt', 'desc'] as const];
  const { data } = await db
    .collection(COLLECTIONS.suggestions)
    .where(filter)
    .orderBy(order[0], order[1])
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(pageSize + 1)
    .field(SUMMARY_FIELDS)
    .get();
  const rows = data as SuggestionDocument[];
  return { items: rows.slice(0, pageSize).map((row) => suggestionSummary(row, now, caller)), nextCursor: rows.length > pageSize ? cursor + pageSize : null };
};
