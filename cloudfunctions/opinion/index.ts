import { createFunction } from '../core/handler';
import { forwardOpinion } from './forwardOpinion';
import { getMyOpinion } from './getMyOpinion';
import { getOpinionForDeputy } from './getOpinionForDeputy';
import { listInbox } from './listInbox';
import { listMyOpinions } from './listMyOpinions';
import { rateOpinion } from './rateOpinion';
import { replyToOpinion } from './replyToOpinion';
import { submitOpinion } from './submitOpinion';

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
});
