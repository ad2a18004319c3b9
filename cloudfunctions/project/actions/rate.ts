import { COLLECTIONS } from '../../../infra/database';
import { roundStage } from '../../../miniprogram/shared/domain/project';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireDeputy, requireCandidate, requireEligibleDeputy } from '../access';
import { countedRound } from '../ballotBox';

/**
 * 满意度测评: during the round's rating days a deputy of its congress rates a chosen project once.
 * Like a ballot, the rating is not linked to the deputy: one conditional update adds them to the
 * project's raters and raises the count of their rating, and nothing else. Published once the
 * rating closes. Five database requests.
 */
export const rate: Handler<'project.rate'> = async ({ candidateId, rating }, ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const caller = await loadProjectCaller(ctx);
  requireDeputy(caller);
  const { candidate, round: stored } = await requireCandidate(db, candidateId, caller);
  const round = await countedRound(db, stored, now);
  if (roundStage(round, now) !== 'rating') fail('PROJECT.STAGE_CLOSED');
  const deputy = await requireEligibleDeputy(db, caller, round);
  const chosen = round.result?.rows.some((r) => r.candidateId === candidateId && r.chosen) ?? false;
  if (!chosen) fail('PROJECT.STAGE_CLOSED');
  if (candidate.raters.includes(deputy.deputyId)) fail('PROJECT.ALREADY_RATED');
  const { updated } = await db
    .collection(COLLECTIONS.projectCandidates)
    .where({ _id: candidateId, raters: _.nin([deputy.deputyId]) })
    .update({ raters: _.push([deputy.deputyId]), [`ratings.${rating}`]: _.inc(1) });
  if (updated !== 1) fail('PROJECT.ALREADY_RATED');
  return { rated: true };
};
