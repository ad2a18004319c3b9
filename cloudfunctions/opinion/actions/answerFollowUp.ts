import { planAnswerFollowUp } from '../../../miniprogram/shared/domain/casework';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOwnOpinion } from '../settleOwn';

/**
 * The resident answers the 回访 of their own closed opinion: is the problem really solved? Only
 * once it was asked (the timer asks weeks after closing), and once: two taps racing write one
 * answer, the other is told it was answered. The rating stays as it was; 没有解决 lets staff reopen
 * the case (casework.reopen). Another resident's opinion is not found, exactly like a missing one.
 * Two database requests.
 */
export const answerFollowUp: Handler<'opinion.answerFollowUp'> = async ({ opinionId, answer, note }, ctx) => {
  const change = await settleOwnOpinion(ctx, opinionId, (opinion, actor) => planAnswerFollowUp(opinion, { answer, note }, ctx, actor), {
    byReason: { followUpAnswered: 'OPINION.FOLLOW_UP_ANSWERED' },
    otherwise: 'OPINION.FOLLOW_UP_NOT_DUE',
    raced: 'OPINION.FOLLOW_UP_ANSWERED',
  });
  return { opinionId, ...statusOf({ status: change.to }), event: 'followedUp', answer, reopenable: answer === 'unsolved' };
};
