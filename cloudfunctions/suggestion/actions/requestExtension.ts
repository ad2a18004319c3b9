import { planRequestExtension, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyStaff } from '../notifications';
import { suggestionLimits } from '../settings';
import { mutate } from '../store';

/**
 * The lead unit asks for more time, with the reason; staff decide (suggestion.decideExtension). One
 * request at a time, and never beyond `maxMonths` from assignment. The congress's staff get a
 * message. Three database requests, and one for the message.
 */
export const requestExtension: Handler<'suggestion.requestExtension'> = async ({ suggestionId, months, reason }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['handler'], ['handler']);
  const departmentId = caller.handler?.departmentId ?? '';
  const env = { now: ctx.now, limits: suggestionLimits() };
  const { doc: after } = await mutate(ctx, doc, (current) => planRequestExtension(current, { departmentId, months, reason }, env, actorOf(caller, 'handler')));
  await notifyStaff(ctx.db, after, `申请延期${months}个月`, reason, ctx.now);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
