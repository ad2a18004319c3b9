import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { SUGGESTION_FIGURE_LABELS } from '../figureDefinitions';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { figureQuery, statsTarget } from '../figures';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';

/**
 * The suggestions behind one figure of suggestion.stats, with the same session, delegation and
 * unit: the figure's own query, so the list and the number agree. In the order they were submitted.
 * About four database requests.
 */
export const drillDown: Handler<'suggestion.drillDown'> = async ({ figure, cursor = 0, pageSize = SUGGESTION_PAGE_SIZE, ...request }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const { db, now } = ctx;
  const target = await statsTarget(ctx, caller, request);
  const { data } = await db
    .collection(COLLECTIONS.suggestions)
    .where(db.command.and([target.narrowed, figureQuery(db, figure, now)]))
    .orderBy('submittedAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(pageSize + 1)
    .field(SUMMARY_FIELDS)
    .get();
  const rows = data as SuggestionDocument[];
  return {
    figure,
    label: SUGGESTION_FIGURE_LABELS[figure],
    items: rows.slice(0, pageSize).map((row) => suggestionSummary(row, now)),
    nextCursor: rows.length > pageSize ? cursor + pageSize : null,
  };
};
