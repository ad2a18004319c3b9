import { COLLECTIONS } from '../../../infra/database';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { candidateIdFor, type CandidateDocument, type ProposalDocument } from '../../../infra/documents/projects';
import { contentHold } from '../../../miniprogram/shared/domain/moderation';
import { NO_RATINGS } from '../../../miniprogram/shared/domain/project';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireRound, requireRoundStaff } from '../access';
import { candidateSummary } from '../views';

/**
 * The round's staff put a candidate on the list (before it is published): its cost, place,
 * description and the unit that would deliver it, made from residents' published proposals to this
 * round and/or opinions residents left at stations in the round's area (linked, their authors'
 * names stay private). Numbers follow the order candidates were added. Six database requests.
 */
export const addCandidate: Handler<'project.addCandidate'> = async (payload, ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const caller = await loadProjectCaller(ctx);
  const round = await requireRound(db, payload.roundId);
  requireRoundStaff(caller, round);
  if (round.candidatesPublished || now.getTime() >= round.voteFrom.getTime()) fail('PROJECT.STAGE_CLOSED');

  const [{ data: units }, { data: proposals }, { data: opinions }] = await Promise.all([
    db.collection(COLLECTIONS.departments).where({ _id: payload.unitId, areaPath: round.areaId, active: true }).limit(1).field({ _id: true, name: true }).get(),
    payload.proposalIds.length > 0
      ? db
          .collection(COLLECTIONS.projectProposals)
          .where({ _id: _.in(payload.proposalIds), roundId: round._id })
          .limit(20)
          .get()
      : Promise.resolve({ data: [] }),
    payload.opinionIds.length > 0
      ? db
          .collection(COLLECTIONS.opinions)
          .where({ _id: _.in(payload.opinionIds), areaPath: round.areaId })
          .limit(20)
          .field({ _id: true, moderation: true })
          .get()
      : Promise.resolve({ data: [] }),
  ]);
  const unit = (units as Array<{ _id: string; name: string }>)[0] ?? fail('PROJECT.UNIT_UNAVAILABLE');
  const proposalsOk = payload.proposalIds.every((id) => (proposals as ProposalDocument[]).some((p) => p._id === id && (p.moderation.state ?? 'published') === 'published'));
  const opinionsOk = payload.opinionIds.every((id) => (opinions as OpinionDocument[]).some((o) => o._id === id && !contentHold(o.moderation)));
  if (!proposalsOk || !opinionsOk) fail('PROJECT.SOURCE_UNAVAILABLE');

  // Take the next number: a conditional increment, so two staff adding at once get two numbers.
  const { updated } = await db
    .collection(COLLECTIONS.projectRounds)
    .where({ _id: round._id, candidateCount: round.candidateCount, candidatesPublished: false })
    .update({ candidateCount: _.inc(1), updatedAt: now });
  if (updated !== 1) fail('PROJECT.STAGE_CLOSED');
  const number = round.candidateCount + 1;
  const candidate: CandidateDocument = {
    _id: candidateIdFor(round._id, number),
    roundId: round._id,
    areaPath: round.areaPath,
    number,
    title: payload.title,
    description: payload.description,
    place: payload.place,
    cost: payload.cost,
    unitId: unit._id,
    unitName: unit.name,
    proposalIds: [...new Set(payload.proposalIds)],
    opinionIds: [...new Set(payload.opinionIds)],
    chosen: false,
    percent: 0,
    startedAt: null,
    completedAt: null,
    progress: [],
    inspections: [],
    ratings: { ...NO_RATINGS },
    raters: [],
    createdAt: now,
    updatedAt: now,
  };
  await db.collection(COLLECTIONS.projectCandidates).add(candidate);
  if (candidate.proposalIds.length > 0)
    await db
      .collection(COLLECTIONS.projectProposals)
      .where({ _id: _.in(candidate.proposalIds) })
      .update({ candidateId: candidate._id });
  return { candidate: candidateSummary(candidate, round, now) };
};
