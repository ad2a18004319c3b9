import { EDITABLE, planSubmit, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { mutate } from '../store';

/**
 * The lead deputy submits their draft (or the suggestion staff returned, revised). Every invitation
 * must have been answered; residents whose opinions it carries are told on their timelines.
 * Idempotent: sent again after it went through (a retry on a weak network), it answers the
 * suggestion as it stands and changes nothing. Three database requests (four when residents are told).
 */
export const submitSuggestion: Handler<'suggestion.submit'> = async ({ suggestionId }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['deputy'], ['lead']);
  if (!EDITABLE.includes(doc.status) && doc.submittedAt) return { suggestionId, status: doc.status, statusLabel: SUGGESTION_STATUS_LABELS[doc.status] };
  const { doc: after } = await mutate(ctx, doc, (current) =>
    // A copy of this request that lost the race finds it submitted: the same answer, nothing written.
    !EDITABLE.includes(current.status) && current.submittedAt ? { set: {}, events: [] } : planSubmit(current, ctx, actorOf(caller, 'lead')),
  );
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
