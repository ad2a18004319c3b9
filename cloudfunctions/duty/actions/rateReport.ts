import { COLLECTIONS } from '../../../infra/database';
import { commentIdFor, ratingIdFor, type RatingDocument } from '../../../infra/documents/duty';
import { reviewPhase } from '../../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { findAccount } from '../../core/accounts';
import { requireOpenid } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import type { DeputyPlace } from '../access';
import { loadReport } from '../reviews';
import { screenComment } from '../screen';

/**
 * A resident rates a report once, while the period is open. The rating's id is a hash of the report
 * and the resident and is created only if absent (the database refuses a second document with the
 * same id), so retries and concurrent taps count once: the same rating again answers as before,
 * a different one is DUTY.ALREADY_RATED. Who may rate: residents who used the product at one of
 * the deputy's stations (an opinion or a booking there), or, for a station-code period, whoever
 * brings the code of one of those stations from a scan. The deputy rates nobody's report, theirs included.
 * A comment passes WeChat's content security first (risky ones refused, doubtful ones held for staff).
 */
export const rateReport: Handler<'duty.rateReport'> = async ({ reviewId, deputyId, rating, comment, stationCode }, ctx) => {
  const openid = requireOpenid(ctx);
  const [loaded, account] = await Promise.all([loadReport(ctx, reviewId, deputyId), findAccount(ctx.db, openid)]);
  if (reviewPhase(loaded.review, shanghaiDate(ctx.now)) !== 'open') fail('DUTY.REVIEW_NOT_OPEN');
  if (account?.deputy && account.roles?.includes('deputy')) fail('DUTY.NOT_ELIGIBLE');
  const _id = ratingIdFor(loaded.report._id, openid);
  const collection = ctx.db.collection(COLLECTIONS.dutyRatings);
  const { data } = await collection.where({ _id }).limit(1).get();
  const earlier = data[0] as RatingDocument | undefined;
  if (earlier) return sameOrRefused(earlier, rating, comment);
  if (!(await eligible(ctx, openid, loaded.deputy, loaded.review.audience, stationCode))) fail('DUTY.NOT_ELIGIBLE');
  const commentState = comment ? await screenComment(comment, openid) : null;
  const doc: RatingDocument = {
    _id,
    reportId: loaded.report._id,
    reviewId,
    deputyId,
    openid,
    rating,
    comment: comment ?? null,
    commentId: comment ? commentIdFor(loaded.report._id, openid) : null,
    commentState,
    createdAt: ctx.now,
  };
  try {
    await collection.add(doc);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    const { data: raced } = await collection.where({ _id }).limit(1).get();
    return sameOrRefused(raced[0] as RatingDocument, rating, comment);
  }
  return { rating };
};

function sameOrRefused(earlier: RatingDocument, rating: string, comment: string | undefined): { rating: RatingDocument['rating'] } {
  if (earlier.rating === rating && (earlier.comment ?? undefined) === comment) return { rating: earlier.rating };
  fail('DUTY.ALREADY_RATED');
}

async function eligible(ctx: CallContext, openid: string, deputy: DeputyPlace, audience: string, stationCode: string | undefined): Promise<boolean> {
  if (audience === 'stationVisitors') return !!stationCode && deputy.stations.some((station) => station.code === stationCode.toUpperCase());
  const _ = ctx.db.command;
  const stationIds = deputy.stationIds;
  if (stationIds.length === 0) return false;
  const [opinions, bookings] = await Promise.all([
    ctx.db
      .collection(COLLECTIONS.opinions)
      .where({ authorOpenid: openid, stationId: _.in(stationIds) })
      .count(),
    ctx.db
      .collection(COLLECTIONS.bookings)
      .where({ openid, stationId: _.in(stationIds) })
      .count(),
  ]);
  return opinions.total + bookings.total > 0;
}
