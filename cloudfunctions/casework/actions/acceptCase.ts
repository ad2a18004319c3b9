import { planAccept } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { commit } from '../transition';

/**
 * Staff accept a case (受理): the resident's timeline says so, with the note if one is given, and
 * the clock for the deputy's answer or an assignment starts. Two staff accepting at once: one
 * wins, the other gets CASE.ILLEGAL_TRANSITION. Three database requests.
 */
export const acceptCase: Handler<'casework.accept'> = async ({ opinionId, note }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'staff');
  const after = await commit(ctx, opinion, planAccept(opinion, { note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'accepted' };
};
