import { planMarkKey, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { mutate } from '../store';

/**
 * Staff mark a registered suggestion 重点督办 under the leader who supervises it (市人大常委会副主任…),
 * or take the mark off. Three database requests.
 */
export const markKey: Handler<'suggestion.markKey'> = async ({ suggestionId, key, leader }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['staff'], ['staff']);
  const { doc: after } = await mutate(ctx, doc, (current) => planMarkKey(current, { key, leader }, ctx, actorOf(caller, 'staff')));
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
