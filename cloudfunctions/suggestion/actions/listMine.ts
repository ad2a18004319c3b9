import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { EDITABLE } from '../machine';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { readPage, type PageOrder } from '../../core/paging';

export const SUGGESTION_PAGE_SIZE = 20;

/**
 * A deputy's suggestions: those they lead (drafts included), those they co-signed, and the
 * invitations to co-sign still waiting for their answer; latest changed first. Two database requests.
 */
export const listMine: Handler<'suggestion.listMine'> = async ({ view, cursor, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['deputy']);
  const { db, now } = ctx;
  const _ = db.command;
  const deputyId = caller.deputy?.deputyId ?? '';
  const filter =
    view === 'led'
      ? { leadDeputyId: deputyId }
      : view === 'coSigned'
        ? { coSignerIds: deputyId, coSigners: _.elemMatch({ deputyId, state: 'accepted' }) }
        : { coSignerIds: deputyId, status: _.in([...EDITABLE]), coSigners: _.elemMatch({ deputyId, state: 'invited' }) };
  const order: PageOrder = { field: 'updatedAt', direction: 'desc' };
  const page = { collection: COLLECTIONS.suggestions, where: [filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const { items, nextCursor } = await readPage<SuggestionDocument>(db, page);
  return { items: items.map((row) => suggestionSummary(row, now, caller)), nextCursor };
};
