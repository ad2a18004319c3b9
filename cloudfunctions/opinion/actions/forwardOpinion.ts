import { planForward } from '../../../miniprogram/shared/domain/casework';
import type { Handler } from '../../core/handler';
import { loadDeputyCaller } from '../deputyCaller';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOpinion, signedBy } from '../settle';

/**
 * A deputy hands an opinion to the congress staff (需交办) with a note for them. The resident
 * sees that it was forwarded, not the note; staff assign it to departments (casework.assign).
 * Three database requests.
 */
export const forwardOpinion: Handler<'opinion.forward'> = async ({ opinionId, note }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const forward = { note, ...signedBy(deputy, ctx.now) };
  const opinion = await settleOpinion(ctx, deputy, opinionId, (current, env, actor) => planForward(current, { note }, env, actor), { forward: ctx.db.command.set(forward) });
  return { opinionId, ...statusOf(opinion), event: 'forwarded' };
};
