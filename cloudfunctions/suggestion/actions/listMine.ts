import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { EDITABLE } from '../machine';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { DEPUTY_SUGGESTION_VIEWS, type DeputySuggestionView } from '../../../miniprogram/shared/contract/suggestion';
import type { Database } from '../../core/cloud';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

export const SUGGESTION_PAGE_SIZE = 20;

/** Which of a deputy's suggestions each tab holds. */
function viewFilter(db: Database, view: DeputySuggestionView, deputyId: string): object {
  const _ = db.command;
  return view === 'led'
    ? { leadDeputyId: deputyId }
    : view === 'coSigned'
      ? { coSignerIds: deputyId, coSigners: _.elemMatch({ deputyId, state: 'accepted' }) }
      : { coSignerIds: deputyId, status: _.in([...EDITABLE]), coSigners: _.elemMatch({ deputyId, state: 'invited' }) };
}

/**
 * A deputy's suggestions: those they lead (drafts included), those they co-signed, and the
 * invitations to co-sign still waiting for their answer; latest changed first. Two database
 * requests, and on the first page one count per tab (待回复邀请 1): five.
 */
export const listMine: Handler<'suggestion.listMine'> = async ({ view, cursor, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['deputy']);
  const { db, now } = ctx;
  const deputyId = caller.deputy?.deputyId ?? '';
  const order: PageOrder = { field: 'updatedAt', direction: 'desc' };
  const page = { collection: COLLECTIONS.suggestions, where: [viewFilter(db, view, deputyId)], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, counts] = await Promise.all([
    readPage<SuggestionDocument>(db, page),
    cursor === undefined ? countPerTab(db, COLLECTIONS.suggestions, DEPUTY_SUGGESTION_VIEWS, (tab) => viewFilter(db, tab, deputyId)) : undefined,
  ]);
  return { items: items.map((row) => suggestionSummary(row, now, caller)), nextCursor, ...(counts ? { counts } : {}) };
};
