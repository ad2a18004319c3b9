import { planForward } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { loadDeputyCaller } from '../deputyCaller';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOpinion } from '../settle';

/**
 * A deputy hands an opinion to the congress staff (需交办) with a note for them. The resident
 * sees that it was forwarded, not the note; staff assign it to departments (casework.assign).
 * Three database requests.
 */
export const forwardOpinion: Handler<'opinion.forward'> = async ({ opinionId, note }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const { db, now } = ctx;
  const forward = { note, at: now, deputyId: deputy.deputyId, deputyName: deputy.name };
  const env = await caseEnv(ctx);
  const actor = { role: 'deputy' as const, id: deputy.deputyId, name: deputy.name };
  const opinion = await settleOpinion(ctx, deputy, opinionId, (current) => planForward(current, { note }, env, actor), { forward: db.command.set(forward) });
  return { opinionId, ...statusOf(opinion), event: 'forwarded' };
};
