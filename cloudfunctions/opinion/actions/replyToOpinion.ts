import { planReply } from '../../../miniprogram/shared/domain/casework';
import type { Handler } from '../../core/handler';
import { loadDeputyCaller } from '../deputyCaller';
import { notifyReply } from '../notifyReply';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOpinion, signedBy } from '../settle';

/**
 * A deputy answers an opinion: the resident sees the reply on their timeline, gets a subscribe
 * message, and is asked to rate it (the rating window starts). Three database requests.
 */
export const replyToOpinion: Handler<'opinion.reply'> = async ({ opinionId, text }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const reply = { text, ...signedBy(deputy, ctx.now) };
  const opinion = await settleOpinion(ctx, deputy, opinionId, (current, env, actor) => planReply(current, { text }, env, actor), { reply: ctx.db.command.set(reply) });
  const notified = await notifyReply(ctx.db, opinion, reply);
  return { opinionId, ...statusOf(opinion), event: 'replied', notified };
};
