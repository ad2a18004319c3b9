import { planVerdict, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyUnits } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';

/**
 * The lead deputy judges the answer: 满意 or 基本满意 closes it; 不满意 (with what is wrong) after the
 * first answer opens 重新办理 at once, with its own clock, and the lead unit is told; after 重新办理
 * the verdict is final. Residents are told either way. Five database requests (six with the message).
 */
export const rateSuggestion: Handler<'suggestion.rate'> = async ({ suggestionId, verdict, comment }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['deputy'], ['lead']);
  const env = await suggestionEnv(ctx);
  const { doc: after } = await mutate(ctx, doc, (current) => planVerdict(current, { verdict, comment }, env, actorOf(caller, 'lead')));
  if (after.status === 'rehandling' && after.leadDepartmentId && after.deadline) {
    await notifyUnits(ctx.db, after, [after.leadDepartmentId], '代表不满意，请重新办理', after.deadline.dueDate, comment ?? '');
  }
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
