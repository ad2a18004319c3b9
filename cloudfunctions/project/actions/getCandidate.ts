import { COLLECTIONS } from '../../../infra/database';
import { followIdFor, type CommentDocument } from '../../../infra/documents/projects';
import { loadCaller } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { projectCaller, requireCandidate } from '../access';
import { countedRound } from '../ballotBox';
import { candidateDetail } from '../views';

const MOST_COMMENTS = 200;

/**
 * Anyone: a published candidate with its votes (once counted), its delivery, the deputies'
 * inspection notes, residents' published comments (masked, no author) and, after the year-end
 * rating closed, the rating. Four to eight database requests.
 */
export const getCandidate: Handler<'project.getCandidate'> = async ({ candidateId }, ctx) => {
  const { db, now } = ctx;
  const caller = ctx.openid ? projectCaller(await loadCaller(ctx)) : null;
  const { candidate, round: stored } = await requireCandidate(db, candidateId, caller);
  const round = await countedRound(db, stored, now);
  const [{ data: comments }, { data: follows }] = await Promise.all([
    db.collection(COLLECTIONS.projectComments).where({ candidateId, 'moderation.state': 'published' }).orderBy('createdAt', 'asc').limit(MOST_COMMENTS).get(),
    caller
      ? db
          .collection(COLLECTIONS.projectFollows)
          .where({ _id: followIdFor(candidateId, caller.openid) })
          .limit(1)
          .get()
      : Promise.resolve({ data: [] }),
  ]);
  const chosen = round.result?.rows.some((r) => r.candidateId === candidateId && r.chosen) ?? false;
  return candidateDetail({ ...candidate, chosen }, round, comments as CommentDocument[], follows.length > 0, now);
};
