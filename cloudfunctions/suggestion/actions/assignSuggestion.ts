import { planAssign, SUGGESTION_STATUS_LABELS } from '../machine';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { assignableUnits } from '../congress';
import { notifyUnits } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';

/**
 * Staff assign a registered suggestion: one 主办 unit with any 协办 units, or 会办 units answering
 * jointly (the first leads) — active departments of the congress's area or below. The answer clock
 * starts: `answerMonths` (3 by default) from today, moved past days off; 协办 units have
 * `assistMonths` (1) for their views. Every unit's handlers get a message; the residents are told.
 * Seven database requests, and one for the messages.
 */
export const assignSuggestion: Handler<'suggestion.assign'> = async ({ suggestionId, mode, leadDepartmentId, otherDepartmentIds, note }, ctx) => {
  const wanted = [leadDepartmentId, ...otherDepartmentIds.filter((id) => id !== leadDepartmentId)];
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['staff'], ['staff']);
  const congressAreaId = doc.areaPath[doc.areaPath.length - 1] ?? '';
  const [units, env] = await Promise.all([assignableUnits(ctx.db, { areaId: congressAreaId }, wanted), suggestionEnv(ctx)]);
  const chosen = wanted.map((id) => units.find((u) => u._id === id));
  if (!chosen.every((u) => u !== undefined)) fail('SUGGESTION.DEPARTMENT_UNAVAILABLE');
  const [lead, ...others] = chosen.map((u) => ({ _id: u!._id, name: u!.name }));
  const { doc: after } = await mutate(ctx, doc, (current) => planAssign(current, { mode, lead: lead!, others, note }, env, actorOf(caller, 'staff')));
  await notifyUnits(ctx.db, after, wanted, '新交办的代表建议', after.deadline?.dueDate ?? '', note);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
