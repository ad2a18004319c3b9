import { createFunction } from '../core/handler';
import { addCandidate } from './actions/addCandidate';
import { comment } from './actions/comment';
import { follow } from './actions/follow';
import { getCandidate } from './actions/getCandidate';
import { getRound } from './actions/getRound';
import { inspect } from './actions/inspect';
import { listProposals } from './actions/listProposals';
import { listRounds } from './actions/listRounds';
import { openRound } from './actions/openRound';
import { propose } from './actions/propose';
import { publishCandidates } from './actions/publishCandidates';
import { rate } from './actions/rate';
import { reportProgress } from './actions/reportProgress';
import { review } from './actions/review';
import { vote } from './actions/vote';

/**
 * 民生实事项目票决: staff open a round, residents propose and comment, staff publish candidates,
 * deputies vote in secret, units deliver, deputies inspect and rate at year end.
 */
export const main = createFunction('project', {
  'project.openRound': openRound,
  'project.listRounds': listRounds,
  'project.getRound': getRound,
  'project.propose': propose,
  'project.listProposals': listProposals,
  'project.review': review,
  'project.addCandidate': addCandidate,
  'project.publishCandidates': publishCandidates,
  'project.comment': comment,
  'project.vote': vote,
  'project.getCandidate': getCandidate,
  'project.follow': follow,
  'project.reportProgress': reportProgress,
  'project.inspect': inspect,
  'project.rate': rate,
});
