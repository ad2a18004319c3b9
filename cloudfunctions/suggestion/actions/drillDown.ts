import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { SUGGESTION_FIGURE_LABELS } from '../figureDefinitions';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { figureQuery, statsTarget } from '../figures';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';
import { readPage, type PageOrder } from '../../core/paging';

/**
 * The suggestions behind one figure of suggestion.stats, with the same session, delegation and
 * unit: the figure's own query, so the list and the number agree. In the order they were submitted.
 * About four database requests.
 */
export const drillDown: Handler<'suggestion.drillDown'> = async ({ figure, cursor, pageSize = SUGGESTION_PAGE_SIZE, ...request }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const { db, now } = ctx;
  const target = await statsTarget(ctx, caller, request);
  const order: PageOrder = { field: 'submittedAt', direction: 'asc' };
  const where = [target.narrowed, figureQuery(db, figure, now)];
  const { items, nextCursor } = await readPage<SuggestionDocument>(db, { collection: COLLECTIONS.suggestions, where, order, cursor, pageSize, fields: SUMMARY_FIELDS });
  return {
    figure,
    label: SUGGESTION_FIGURE_LABELS[figure],
    items: items.map((row) => suggestionSummary(row, now)),
    nextCursor,
  };
};
