import { COLLECTIONS } from '../../../infra/database';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireRound, requireRoundStaff } from '../access';
import { roundView } from '../views';

/**
 * The round's staff publish the candidate list once proposals closed: more candidates than a
 * deputy may pick (a choice of N of M). From then the list is public, residents comment until the
 * comment day, and it no longer changes. Publishing again answers the round. Four database requests.
 */
export const publishCandidates: Handler<'project.publishCandidates'> = async ({ roundId }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadProjectCaller(ctx);
  const round = await requireRound(db, roundId);
  requireRoundStaff(caller, round);
  if (round.candidatesPublished) return { round: roundView(round, now) };
  if (now.getTime() >= round.voteFrom.getTime()) fail('PROJECT.STAGE_CLOSED');
  if (round.candidateCount <= round.maxChoices) fail('PROJECT.TOO_FEW_CANDIDATES');
  await db
    .collection(COLLECTIONS.projectRounds)
    .where({ _id: roundId, candidatesPublished: false })
    .update({ candidatesPublished: true, candidatesPublishedAt: now, updatedAt: now });
  return { round: roundView({ ...round, candidatesPublished: true, candidatesPublishedAt: now }, now) };
};
