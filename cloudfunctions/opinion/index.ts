import { createFunction } from '../core/handler';
import { answerFollowUp } from './actions/answerFollowUp';
import { forwardOpinion } from './actions/forwardOpinion';
import { getMyOpinion } from './actions/getMyOpinion';
import { getOpinionForDeputy } from './actions/getOpinionForDeputy';
import { listInbox } from './actions/listInbox';
import { listMyOpinions } from './actions/listMyOpinions';
import { rateOpinion } from './actions/rateOpinion';
import { replyToOpinion } from './actions/replyToOpinion';
import { submitOpinion } from './actions/submitOpinion';

/** Opinions (意见建议): residents leave them, follow them and rate the answers; deputies read, reply or forward. */
export const main = createFunction('opinion', {
  'opinion.submit': submitOpinion,
  'opinion.listMine': listMyOpinions,
  'opinion.getMine': getMyOpinion,
  'opinion.inbox': listInbox,
  'opinion.getForDeputy': getOpinionForDeputy,
  'opinion.reply': replyToOpinion,
  'opinion.forward': forwardOpinion,
  'opinion.rate': rateOpinion,
  'opinion.answerFollowUp': answerFollowUp,
});
