import { COLLECTIONS } from '../../../infra/database';
import { proposalIdFor, type ProposalDocument } from '../../../infra/documents/projects';
import { roundStage } from '../../../miniprogram/shared/domain/project';
import { requireOpenid } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { requireRound } from '../access';
import { screenText } from '../screen';
import { proposalView } from '../views';

/**
 * A resident proposes a project while the round collects proposals. The text is screened like an
 * opinion's (refused if risky, held for staff if WeChat asks for review). A retry answers the
 * proposal it made. Three database requests.
 */
export const propose: Handler<'project.propose'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const id = proposalIdFor(openid, payload.clientRequestId);
  const { data } = await db.collection(COLLECTIONS.projectProposals).where({ _id: id }).limit(1).get();
  const earlier = (data as ProposalDocument[])[0];
  if (earlier) return { proposal: proposalView(earlier, false) };
  const round = await requireRound(db, payload.roundId);
  if (roundStage(round, now) !== 'proposing') fail('PROJECT.STAGE_CLOSED');
  const moderation = await screenText(`${payload.title}\n${payload.description}\n${payload.place}`, openid);
  const proposal: ProposalDocument = {
    _id: id,
    roundId: round._id,
    areaPath: round.areaPath,
    authorOpenid: openid,
    opinionId: null,
    title: payload.title,
    description: payload.description,
    place: payload.place,
    moderation,
    candidateId: null,
    createdAt: now,
  };
  try {
    await db.collection(COLLECTIONS.projectProposals).add(proposal);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
  }
  return { proposal: proposalView(proposal, false) };
};
