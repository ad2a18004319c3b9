import { planRespondInvitation, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { mutate } from '../store';

/**
 * A deputy invited to co-sign (联名) accepts or declines, while the lead deputy is still drafting
 * (they may change their mind until it is submitted; the same answer again changes nothing). Three
 * database requests.
 */
export const respondInvitation: Handler<'suggestion.respond'> = async ({ suggestionId, accept }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['deputy'], ['coSigner']);
  const { doc: after } = await mutate(ctx, doc, (current) => planRespondInvitation(current, { accept }, ctx, actorOf(caller, 'coSigner')));
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status], state: accept ? 'accepted' : 'declined' };
};
