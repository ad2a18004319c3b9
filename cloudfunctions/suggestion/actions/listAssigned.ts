import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';
import { readPage, type PageOrder } from '../../core/paging';

/**
 * A unit's handlers: 待办 — what the unit is at work on now (to answer, to send views on, to handle
 * again) and B-class answers whose promised work it still has to report, soonest due first — or
 * every suggestion ever assigned to it, latest first. Two database requests.
 */
export const listAssigned: Handler<'suggestion.listAssigned'> = async ({ view, cursor, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['handler']);
  const { db, now } = ctx;
  const _ = db.command;
  const departmentId = caller.handler?.departmentId ?? '';
  const [filter, order]: [object, PageOrder] =
    view === 'todo'
      ? [
          _.or([
            { activeUnitIds: departmentId, status: _.in(['assigned', 'rehandling']) },
            { leadDepartmentId: departmentId, followUp: true },
          ]),
          { field: 'deadline.dueAt', direction: 'asc' },
        ]
      : [{ unitIds: departmentId }, { field: 'updatedAt', direction: 'desc' }];
  const page = { collection: COLLECTIONS.suggestions, where: [filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const { items, nextCursor } = await readPage<SuggestionDocument>(db, page);
  return { items: items.map((row) => suggestionSummary(row, now, caller)), nextCursor };
};
