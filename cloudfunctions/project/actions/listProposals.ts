import { COLLECTIONS } from '../../../infra/database';
import type { ProposalDocument } from '../../../infra/documents/projects';
import type { Handler } from '../../core/handler';
import { isRoundStaff, loadProjectCaller, requireRound } from '../access';
import { proposalView } from '../views';

const MOST_PROPOSALS = 500;

/**
 * The round's staff: every proposal, held ones included, as written. Anyone else signed in: the
 * proposals they made. Three database requests.
 */
export const listProposals: Handler<'project.listProposals'> = async ({ roundId }, ctx) => {
  const caller = await loadProjectCaller(ctx);
  const round = await requireRound(ctx.db, roundId);
  const query = isRoundStaff(caller, round) ? { roundId } : { roundId, authorOpenid: caller.openid };
  const { data } = await ctx.db.collection(COLLECTIONS.projectProposals).where(query).orderBy('createdAt', 'asc').limit(MOST_PROPOSALS).get();
  return { proposals: (data as ProposalDocument[]).map((p) => proposalView(p, false)) };
};
