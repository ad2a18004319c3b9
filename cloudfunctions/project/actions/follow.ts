import { COLLECTIONS } from '../../../infra/database';
import { followIdFor, type FollowDocument } from '../../../infra/documents/projects';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { requireCandidate } from '../access';

/** A resident follows a published project (told of its milestones), or stops. Three database requests. */
export const follow: Handler<'project.follow'> = async ({ candidateId, follow: on }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const { candidate } = await requireCandidate(db, candidateId, null);
  const id = followIdFor(candidate._id, openid);
  if (on) {
    const doc: Omit<FollowDocument, '_id'> = { candidateId: candidate._id, roundId: candidate.roundId, openid, createdAt: now };
    await db.collection(COLLECTIONS.projectFollows).doc(id).set(doc);
  } else {
    await db.collection(COLLECTIONS.projectFollows).where({ _id: id }).remove();
  }
  return { following: on };
};
