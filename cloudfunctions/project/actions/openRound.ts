import { COLLECTIONS } from '../../../infra/database';
import { roundIdFor, type RoundDocument } from '../../../infra/documents/projects';
import { CONGRESS_LEVEL } from '../../../infra/documents/suggestions';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import { scheduleProblem } from '../../../miniprogram/shared/domain/project';
import { scopeCovers } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { findRound, loadProjectCaller } from '../access';
import { openBallotBox } from '../ballotBox';
import { roundView } from '../views';

/**
 * Congress staff open a round for an area in their scope (a city, district or township: an area
 * with a congress) and a year, with its schedule, how many candidates each deputy picks and the tie
 * rule — fixed before anyone votes. The ballot box is opened with it. A retry (same client
 * request id) answers the round it made. Four database requests.
 */
export const openRound: Handler<'project.openRound'> = async (payload, ctx) => {
  const { db, now } = ctx;
  const caller = await loadProjectCaller(ctx);
  if (!caller.staff) fail('AUTH.FORBIDDEN');
  const id = roundIdFor(caller.openid, payload.clientRequestId);
  const [existing, { data: areas }] = await Promise.all([findRound(db, id), db.collection(COLLECTIONS.areas).where({ _id: payload.areaId }).limit(1).get()]);
  if (existing) return { round: roundView(existing, now) };
  const area = (areas as Area[])[0];
  if (!area || !CONGRESS_LEVEL[area.kind]) fail('COMMON.NOT_FOUND');
  if (!scopeCovers(caller.staff, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');
  if (scheduleProblem(payload, payload)) fail('PROJECT.SCHEDULE_INVALID');

  const round: RoundDocument = {
    _id: id,
    areaId: area._id,
    areaName: area.name,
    areaKind: area.kind,
    areaPath: area.path,
    year: payload.year,
    title: payload.title,
    proposalsUntil: payload.proposalsUntil,
    commentsUntil: payload.commentsUntil,
    voteFrom: payload.voteFrom,
    voteUntil: payload.voteUntil,
    ratingFrom: payload.ratingFrom,
    ratingUntil: payload.ratingUntil,
    minChoices: payload.minChoices,
    maxChoices: payload.maxChoices,
    tieRule: payload.tieRule,
    candidatesPublished: false,
    candidatesPublishedAt: null,
    candidateCount: 0,
    result: null,
    createdAt: now,
    createdBy: caller.openid,
    updatedAt: now,
  };
  try {
    await openBallotBox(db, id);
    await db.collection(COLLECTIONS.projectRounds).add(round);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    const raced = (await findRound(db, id)) ?? fail('PROJECT.ROUND_NOT_FOUND');
    return { round: roundView(raced, now) };
  }
  return { round: roundView(round, now) };
};
