import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';
import { HANDLER_SUGGESTION_VIEWS, type HandlerSuggestionView } from '../../../miniprogram/shared/contract/suggestion';
import type { Database } from '../../core/cloud';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

/** Which of a unit's suggestions each tab holds, and in which order. */
function viewQuery(db: Database, view: HandlerSuggestionView, departmentId: string): { filter: object; order: PageOrder } {
  const _ = db.command;
  return view === 'todo'
    ? {
        filter: _.or([
          { activeUnitIds: departmentId, status: _.in(['assigned', 'rehandling']) },
          { leadDepartmentId: departmentId, followUp: true },
        ]),
        order: { field: 'deadline.dueAt', direction: 'asc' },
      }
    : { filter: { unitIds: departmentId }, order: { field: 'updatedAt', direction: 'desc' } };
}

/**
 * A unit's handlers: 待办 — what the unit is at work on now (to answer, to send views on, to handle
 * again) and B-class answers whose promised work it still has to report, soonest due first — or
 * every suggestion ever assigned to it, latest first. Two database requests, and on the first
 * page one count per tab (待办 2): four.
 */
export const listAssigned: Handler<'suggestion.listAssigned'> = async ({ view, cursor, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['handler']);
  const { db, now } = ctx;
  const departmentId = caller.handler?.departmentId ?? '';
  const { filter, order } = viewQuery(db, view, departmentId);
  const page = { collection: COLLECTIONS.suggestions, where: [filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, counts] = await Promise.all([
    readPage<SuggestionDocument>(db, page),
    cursor === undefined ? countPerTab(db, COLLECTIONS.suggestions, HANDLER_SUGGESTION_VIEWS, (tab) => viewQuery(db, tab, departmentId).filter) : undefined,
  ]);
  return { items: items.map((row) => suggestionSummary(row, now, caller)), nextCursor, ...(counts ? { counts } : {}) };
};
