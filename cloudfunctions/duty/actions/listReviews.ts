import { COLLECTIONS } from '../../../infra/database';
import type { ReviewDocument } from '../../../infra/documents/duty';
import type { ReviewRow } from '../../../miniprogram/shared/contract/duty';
import { REVIEW_AUDIENCE_LABELS, REVIEW_PHASE_LABELS, reviewPhase } from '../../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import type { CallContext, Handler } from '../../core/handler';
import { findDeputies, loadDutyCaller, staffCovers, type DeputyPlace } from '../access';

const REVIEWS_LIMIT = 200;

/**
 * Staff: the 述职评议 periods of their area, newest first, each with its deputies and how many
 * comments wait for moderation. Area staff see every period of their subtree; station staff those
 * with a deputy of their station (and only those deputies).
 */
export const listReviews: Handler<'duty.listReviews'> = async ({ year }, ctx) => {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const scope = staff!;
  const _ = ctx.db.command;
  const reviews = await reviewsInScope(ctx, scope);
  const ofYear = year === undefined ? reviews : reviews.filter((review) => review.year === year);
  const deputyIds = [...new Set(ofYear.flatMap((review) => review.deputyIds))];
  const deputies = new Map<string, DeputyPlace>(deputyIds.length === 0 ? [] : (await findDeputies(ctx, { _id: _.in(deputyIds) })).map((deputy) => [deputy.deputyId, deputy]));
  const today = shanghaiDate(ctx.now);
  const visible = ofYear
    .map((review) => ({ review, shown: review.deputyIds.flatMap((id) => deputies.get(id) ?? []).filter((deputy) => staffCovers(scope, deputy)) }))
    .filter(({ shown }) => shown.length > 0)
    .sort((a, b) => (a.review.opensOn === b.review.opensOn ? (a.review._id < b.review._id ? -1 : 1) : a.review.opensOn < b.review.opensOn ? 1 : -1));
  // Station staff moderate nothing (area staff do): no count for them.
  const held = await Promise.all(
    visible.map(async ({ review }) =>
      scope.role === 'station' ? 0 : (await ctx.db.collection(COLLECTIONS.dutyRatings).where({ reviewId: review._id, commentState: 'held' }).count()).total,
    ),
  );
  const rows: ReviewRow[] = visible.map(({ review, shown }, index) => {
    const phase = reviewPhase(review, today);
    return {
      reviewId: review._id,
      title: review.title,
      year: review.year,
      opensOn: review.opensOn,
      closesOn: review.closesOn,
      phase,
      phaseLabel: REVIEW_PHASE_LABELS[phase],
      audienceLabel: REVIEW_AUDIENCE_LABELS[review.audience],
      deputies: shown.map((deputy) => ({ deputyId: deputy.deputyId, name: deputy.name })),
      heldComments: held[index] ?? 0,
    };
  });
  return { reviews: rows };
};

/** Area staff: the periods of their subtree. Station staff: those naming a deputy of their station (periods are opened above stations). */
async function reviewsInScope(ctx: CallContext, scope: StaffScope): Promise<ReviewDocument[]> {
  const reviews = ctx.db.collection(COLLECTIONS.dutyReviews);
  if (scope.role !== 'station') return (await reviews.where({ areaPath: scope.areaId }).limit(REVIEWS_LIMIT).get()).data as ReviewDocument[];
  if (!scope.stationId) return [];
  const own = await findDeputies(ctx, { stationIds: scope.stationId });
  if (own.length === 0) return [];
  const { data } = await reviews
    .where({ deputyIds: ctx.db.command.in(own.map((deputy) => deputy.deputyId)) })
    .limit(REVIEWS_LIMIT)
    .get();
  return data as ReviewDocument[];
}
