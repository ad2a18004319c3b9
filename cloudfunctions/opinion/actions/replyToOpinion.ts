import { planReply } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { loadDeputyCaller } from '../deputyCaller';
import { notifyReply } from '../notifyReply';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOpinion } from '../settle';

/**
 * A deputy answers an opinion: the resident sees the reply on their timeline, gets a subscribe
 * message, and is asked to rate it (the rating window starts). Three database requests.
 */
export const replyToOpinion: Handler<'opinion.reply'> = async ({ opinionId, text }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const { db, now } = ctx;
  const reply = { text, at: now, deputyId: deputy.deputyId, deputyName: deputy.name };
  const env = await caseEnv(ctx);
  const actor = { role: 'deputy' as const, id: deputy.deputyId, name: deputy.name };
  const opinion = await settleOpinion(ctx, deputy, opinionId, (current) => planReply(current, { text }, env, actor), { reply: db.command.set(reply) });
  const notified = await notifyReply(db, opinion, reply);
  return { opinionId, ...statusOf(opinion), event: 'replied', notified };
};
