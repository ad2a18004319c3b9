import { planApprove, planReturn } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { notifyAnswered } from '../notifications';
import { commit } from '../transition';

/**
 * Staff review the departments' answers. Approving publishes them to the resident's timeline,
 * starts the rating window and sends the resident a subscribe message asking them to rate it.
 * Returning sends chosen departments (all of the round by default) back to answer again, with
 * a new deadline. Three database requests.
 */
export const reviewCase: Handler<'casework.review'> = async ({ opinionId, decision, note, departmentIds }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'staff');
  const env = await caseEnv(ctx);
  if (decision === 'return') {
    const after = await commit(ctx, opinion, planReturn(opinion, { departmentIds, note: note ?? '' }, env, worker.actor));
    return { opinionId, ...statusOf(after), event: 'returned', notified: false };
  }
  const after = await commit(ctx, opinion, planApprove(opinion, { note }, env, worker.actor));
  const notified = await notifyAnswered(ctx.db, after, ctx.now);
  return { opinionId, ...statusOf(after), event: 'answerPublished', notified };
};
