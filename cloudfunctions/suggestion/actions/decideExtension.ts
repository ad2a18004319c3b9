import { planDecideExtension, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyUnits } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';

/**
 * Staff decide the lead unit's request for more time: approved, the deadline becomes the answer
 * limit plus every month approved, from the lead's assignment (never beyond `maxMonths`, 6 by
 * default); refused, it stays. The lead unit's handlers are told. Five database requests, and one
 * for the message.
 */
export const decideExtension: Handler<'suggestion.decideExtension'> = async ({ suggestionId, approve, note }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['staff'], ['staff']);
  const env = await suggestionEnv(ctx);
  const { doc: after } = await mutate(ctx, doc, (current) => planDecideExtension(current, { approve, note }, env, actorOf(caller, 'staff')));
  const dueDate = after.deadline?.dueDate ?? null;
  if (after.leadDepartmentId) await notifyUnits(ctx.db, after, [after.leadDepartmentId], approve ? '延期申请已同意' : '延期申请未同意', dueDate ?? '', note ?? '');
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status], dueDate };
};
