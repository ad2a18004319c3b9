import { COLLECTIONS } from '../../../infra/database';
import type { CandidateDocument } from '../../../infra/documents/projects';
import { ballotProblem, roundStage } from '../../../miniprogram/shared/domain/project';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireDeputy, requireEligibleDeputy, requireRound } from '../access';
import { castBallot } from '../ballotBox';

/**
 * A deputy of the round's congress votes, once, for between the round's minimum and maximum of
 * its published candidates, while the window is open (checked now, when the ballot is cast). The
 * ballot is secret (ballotBox.ts): the answer says only that it was cast, and nothing about the
 * choices is logged. Five database requests.
 */
export const vote: Handler<'project.vote'> = async ({ roundId, choices }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadProjectCaller(ctx);
  requireDeputy(caller);
  const round = await requireRound(db, roundId);
  if (roundStage(round, now) !== 'voting') fail('PROJECT.STAGE_CLOSED');
  const deputy = await requireEligibleDeputy(db, caller, round);
  const { data } = await db.collection(COLLECTIONS.projectCandidates).where({ roundId }).limit(200).field({ _id: true }).get();
  if (
    ballotProblem(
      choices,
      (data as CandidateDocument[]).map((c) => c._id),
      round,
    )
  )
    fail('PROJECT.BALLOT_INVALID');
  await castBallot(db, roundId, deputy.deputyId, choices);
  return { voted: true };
};
