import { lastDayOf, planReroute, SUGGESTION_STATUS_LABELS } from '../machine';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { assignableUnits } from '../congress';
import { notifyUnits } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';

/**
 * Staff re-route what a unit sent back: another unit (or the same one, insisting) takes its role,
 * with a clock of its own from today — the time before re-routing never counts against it. The
 * unit's handlers get a message. Seven database requests, and one for the message.
 */
export const rerouteSuggestion: Handler<'suggestion.reroute'> = async ({ suggestionId, departmentId, note }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['staff'], ['staff']);
  const congressAreaId = doc.areaPath[doc.areaPath.length - 1] ?? '';
  const [[unit], env] = await Promise.all([assignableUnits(ctx.db, { areaId: congressAreaId }, [departmentId]), suggestionEnv(ctx)]);
  if (!unit) fail('SUGGESTION.DEPARTMENT_UNAVAILABLE');
  const { doc: after } = await mutate(ctx, doc, (current) => planReroute(current, { department: { _id: unit._id, name: unit.name }, note }, env, actorOf(caller, 'staff')));
  const mine = [...after.units].reverse().find((u) => u.departmentId === unit._id && u.active);
  await notifyUnits(ctx.db, after, [unit._id], '重新交办的代表建议', mine ? lastDayOf(mine.dueAt) : '', note);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
