import { COLLECTIONS } from '../../../infra/database';
import type { MyOpinionDetail } from '../../../miniprogram/shared/contract/opinion';
import { ANSWER_CATEGORY_LABELS, canTake, FOLLOW_UP_ANSWER_LABELS, RATING_LABELS } from '../../../miniprogram/shared/domain/casework';
import { publicTimeline } from '../../../miniprogram/shared/domain/opinion';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { categoryOf, contentReviewOf, iso, statusOf, targetView, type OpinionDocument } from '../../../infra/documents/opinions';
import { photoViews } from '../../core/photos';

/** Whether the resident may rate now, until when, and what they said last. */
function ratingOf(opinion: OpinionDocument): Pick<MyOpinionDetail, 'canRate' | 'ratingDueAt' | 'rating' | 'outcome'> {
  const shown: Pick<MyOpinionDetail, 'canRate' | 'ratingDueAt' | 'rating' | 'outcome'> = { canRate: canTake('rate', opinion.status) };
  if (shown.canRate && opinion.ratingDueAt) shown.ratingDueAt = iso(opinion.ratingDueAt);
  if (opinion.rating) {
    shown.rating = { value: opinion.rating.value, label: RATING_LABELS[opinion.rating.value], at: iso(opinion.rating.at) };
    if (opinion.rating.comment) shown.rating.comment = opinion.rating.comment;
  }
  if (opinion.outcome) shown.outcome = { category: opinion.outcome, label: ANSWER_CATEGORY_LABELS[opinion.outcome] };
  return shown;
}

/** The 回访 once asked: whether it awaits the resident's answer, and the answer they gave. */
function followUpOf(opinion: OpinionDocument): MyOpinionDetail['followUp'] {
  const followUp = opinion.followUp;
  if (!followUp) return undefined;
  const shown: NonNullable<MyOpinionDetail['followUp']> = {
    askedAt: iso(followUp.askedAt),
    canAnswer: !followUp.answer && canTake('answerFollowUp', opinion.status),
  };
  if (followUp.answer) {
    shown.answer = { value: followUp.answer, label: FOLLOW_UP_ANSWER_LABELS[followUp.answer], at: iso(followUp.answeredAt ?? followUp.askedAt) };
    if (followUp.note) shown.answer.note = followUp.note;
  }
  return shown;
}

/**
 * One of the caller's own opinions with its public timeline. The author is part of the query,
 * so another resident's opinion is not found exactly like a missing one: same code, same message,
 * same single database request.
 */
export const getMyOpinion: Handler<'opinion.getMine'> = async ({ opinionId }, ctx) => {
  const openid = requireOpenid(ctx);
  const { data } = await ctx.db.collection(COLLECTIONS.opinions).where({ _id: opinionId, authorOpenid: openid }).limit(1).get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('OPINION.NOT_FOUND');
  const detail: MyOpinionDetail = {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    ...categoryOf(opinion),
    text: opinion.text,
    photos: await photoViews(opinion.photos),
    target: targetView(opinion),
    ...statusOf(opinion),
    createdAt: iso(opinion.createdAt),
    timeline: publicTimeline(opinion.timeline),
    ...ratingOf(opinion),
  };
  if (opinion.location) detail.location = opinion.location;
  if (opinion.contact) detail.contact = opinion.contact;
  const review = contentReviewOf(opinion);
  if (review) detail.contentReview = review;
  const followUp = followUpOf(opinion);
  if (followUp) detail.followUp = followUp;
  return detail;
};
