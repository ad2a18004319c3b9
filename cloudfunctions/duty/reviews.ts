import { COLLECTIONS } from '../../infra/database';
import { ratingIdFor, reportIdFor, type RatingDocument, type ReportDocument, type ReviewDocument } from '../../infra/documents/duty';
import type { ReportView } from '../../miniprogram/shared/contract/duty';
import { REVIEW_RATINGS, reviewPhase, type ReviewTally } from '../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { findDeputies, staffCovers, type DutyCaller, type DeputyPlace } from './access';

export interface LoadedReport {
  review: ReviewDocument;
  report: ReportDocument;
  deputy: DeputyPlace;
}

/** A period and one deputy's report in it; DUTY.REVIEW_NOT_FOUND when either is missing. */
export async function loadReport(ctx: CallContext, reviewId: string, deputyId: string): Promise<LoadedReport> {
  const [reviews, reports, deputies] = await Promise.all([
    ctx.db.collection(COLLECTIONS.dutyReviews).where({ _id: reviewId }).limit(1).get(),
    ctx.db
      .collection(COLLECTIONS.dutyReports)
      .where({ _id: reportIdFor(reviewId, deputyId) })
      .limit(1)
      .get(),
    findDeputies(ctx, { _id: deputyId }),
  ]);
  const review = reviews.data[0] as ReviewDocument | undefined;
  const report = reports.data[0] as ReportDocument | undefined;
  const deputy = deputies[0];
  if (!review || !report || !deputy || !review.deputyIds.includes(deputyId)) fail('DUTY.REVIEW_NOT_FOUND');
  return { review, report, deputy };
}

async function tallyOf(ctx: CallContext, reportId: string): Promise<ReviewTally> {
  const counts = await Promise.all(REVIEW_RATINGS.map(async (rating) => (await ctx.db.collection(COLLECTIONS.dutyRatings).where({ reportId, rating }).count()).total));
  const [satisfied = 0, basicallySatisfied = 0, dissatisfied = 0] = counts;
  const total = satisfied + basicallySatisfied + dissatisfied;
  return { satisfied, basicallySatisfied, dissatisfied, total, satisfiedPercent: total === 0 ? null : Math.round(((satisfied + basicallySatisfied) / total) * 100) };
}

/**
 * The report as the caller may see it: the text and figures for everyone once the period opened;
 * the caller's own rating for them alone; the tally and the comments (never with a rating) for the
 * deputy and staff in scope, and for everyone once the period ended.
 */
export async function reportView(ctx: CallContext, loaded: LoadedReport, caller: DutyCaller | null): Promise<ReportView> {
  const { review, report, deputy } = loaded;
  const phase = reviewPhase(review, shanghaiDate(ctx.now));
  const mine = caller?.deputy?.deputyId === deputy.deputyId;
  const insider = mine || (!!caller?.staff && staffCovers(caller.staff, deputy));
  if (phase === 'notYet' && !insider) fail('DUTY.REVIEW_NOT_FOUND');
  const showResults = insider || phase === 'ended';
  const [own, tally, comments] = await Promise.all([
    caller
      ? ctx.db
          .collection(COLLECTIONS.dutyRatings)
          .where({ _id: ratingIdFor(report._id, caller.openid) })
          .limit(1)
          .get()
      : Promise.resolve({ data: [] }),
    showResults ? tallyOf(ctx, report._id) : Promise.resolve(null),
    showResults
      ? ctx.db
          .collection(COLLECTIONS.dutyRatings)
          .where({ reportId: report._id, commentState: 'published' })
          .orderBy('createdAt', 'asc')
          .field({ commentId: 1, comment: 1 })
          .limit(200)
          .get()
      : Promise.resolve({ data: [] }),
  ]);
  return {
    reviewId: review._id,
    title: review.title,
    deputyId: deputy.deputyId,
    deputyName: deputy.name,
    opensOn: review.opensOn,
    closesOn: review.closesOn,
    phase,
    audience: review.audience,
    text: report.text,
    figures: report.figures,
    myRating: (own.data[0] as RatingDocument | undefined)?.rating ?? null,
    tally,
    comments: (comments.data as RatingDocument[]).map((row) => ({
      commentId: row.commentId as string,
      text: row.comment ?? '',
      answer: report.answers[row.commentId as string] ?? null,
    })),
    mine,
  };
}
