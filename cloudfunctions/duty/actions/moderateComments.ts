import { COLLECTIONS } from '../../../infra/database';
import type { RatingDocument, ReviewDocument } from '../../../infra/documents/duty';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { loadDutyCaller, requireCovers } from '../access';

/** The period, for staff whose scope covers its area (DUTY.REVIEW_NOT_FOUND otherwise, like a missing one). */
async function reviewForStaff(ctx: CallContext, reviewId: string): Promise<ReviewDocument> {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const { data } = await ctx.db.collection(COLLECTIONS.dutyReviews).where({ _id: reviewId }).limit(1).get();
  const review = data[0] as ReviewDocument | undefined;
  if (!review) fail('DUTY.REVIEW_NOT_FOUND');
  requireCovers(staff, { areaPath: review.areaPath }, 'DUTY.REVIEW_NOT_FOUND');
  return review;
}

/** Staff: the comments of a period content security held, oldest first, without who wrote them or how they rated. */
export const listHeldComments: Handler<'duty.listHeldComments'> = async ({ reviewId }, ctx) => {
  await reviewForStaff(ctx, reviewId);
  const { data } = await ctx.db
    .collection(COLLECTIONS.dutyRatings)
    .where({ reviewId, commentState: 'held' })
    .orderBy('createdAt', 'asc')
    .field({ commentId: 1, deputyId: 1, comment: 1 })
    .limit(200)
    .get();
  const rows = data as Array<Pick<RatingDocument, 'commentId' | 'deputyId' | 'comment'>>;
  const { data: reports } = rows.length
    ? await ctx.db.collection(COLLECTIONS.dutyReports).where({ reviewId }).field({ deputyId: 1, deputyName: 1 }).limit(100).get()
    : { data: [] };
  const names = new Map((reports as Array<{ deputyId: string; deputyName: string }>).map((report) => [report.deputyId, report.deputyName]));
  return { comments: rows.map((row) => ({ commentId: row.commentId as string, deputyId: row.deputyId, deputyName: names.get(row.deputyId) ?? '', text: row.comment ?? '' })) };
};

/**
 * Staff: publish a held comment or reject it. Only a held comment changes (one conditional write);
 * the same decision again answers as before, a different one after a colleague decided is
 * DUTY.ALREADY_DECIDED.
 */
export const moderateComment: Handler<'duty.moderateComment'> = async ({ reviewId, commentId, publish }, ctx) => {
  await reviewForStaff(ctx, reviewId);
  const state = publish ? 'published' : 'rejected';
  const ratings = ctx.db.collection(COLLECTIONS.dutyRatings);
  const { updated } = await ratings.where({ reviewId, commentId, commentState: 'held' }).update({ commentState: state });
  if (updated) return { commentId, state };
  const { data } = await ratings.where({ reviewId, commentId }).field({ commentState: 1 }).limit(1).get();
  const current = (data[0] as Pick<RatingDocument, 'commentState'> | undefined)?.commentState;
  if (!current) fail('DUTY.NOT_FOUND');
  if (current === state) return { commentId, state };
  fail('DUTY.ALREADY_DECIDED');
};
