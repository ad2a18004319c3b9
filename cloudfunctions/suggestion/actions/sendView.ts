import { planSendView, SUGGESTION_STATUS_LABELS, UNIT_ROLE_LABELS, activeUnit } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyUnits } from '../notifications';
import { mutate } from '../store';

/**
 * A 协办 or 会办 unit sends its views to the lead unit, once (the lead answers once every 会办 unit's
 * views are in, and each 协办 unit's or its deadline has passed). The lead unit's handlers get a
 * message. Three database requests, and one for the message.
 */
export const sendView: Handler<'suggestion.sendView'> = async ({ suggestionId, text }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['handler'], ['handler']);
  const departmentId = caller.handler?.departmentId ?? '';
  const { doc: after } = await mutate(ctx, doc, (current) => planSendView(current, { departmentId, text }, ctx, actorOf(caller, 'handler')));
  const unit = activeUnit(after, departmentId);
  if (after.leadDepartmentId && unit) {
    await notifyUnits(ctx.db, after, [after.leadDepartmentId], `${UNIT_ROLE_LABELS[unit.role]}单位意见已送达`, after.deadline?.dueDate ?? '', unit.departmentName);
  }
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
