import { COLLECTIONS } from '../../../infra/database';
import { commentIdFor, type CommentDocument } from '../../../infra/documents/projects';
import { roundStage } from '../../../miniprogram/shared/domain/project';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { requireCandidate } from '../access';
import { screenText } from '../screen';
import { commentView } from '../views';

/**
 * A resident comments on a published candidate during the comment period. Screened like an
 * opinion; held text is published only once staff approve it. What the public reads carries no
 * author and only the day, with phone and ID numbers masked. Four database requests.
 */
export const comment: Handler<'project.comment'> = async ({ candidateId, clientRequestId, text }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const id = commentIdFor(openid, clientRequestId);
  const { data } = await db.collection(COLLECTIONS.projectComments).where({ _id: id }).limit(1).get();
  const earlier = (data as CommentDocument[])[0];
  if (earlier) return { comment: commentView(earlier), published: earlier.moderation.state === 'published' };
  const { candidate, round } = await requireCandidate(db, candidateId, null);
  if (roundStage(round, now) !== 'commenting') fail('PROJECT.STAGE_CLOSED');
  const moderation = await screenText(text, openid);
  const doc: CommentDocument = { _id: id, candidateId: candidate._id, roundId: round._id, authorOpenid: openid, text, moderation, date: shanghaiDate(now), createdAt: now };
  try {
    await db.collection(COLLECTIONS.projectComments).add(doc);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
  }
  return { comment: commentView(doc), published: moderation.state === 'published' };
};
