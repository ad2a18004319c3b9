import type { ReviewRow } from '../../../shared/contract/duty';
import { callApi } from '../../../services/api';
import { loading, settle, type Loaded } from '../../../utils/load-state';

export interface ReviewItem {
  id: string;
  title: string;
  dates: string;
  phaseLabel: string;
  audience: string;
  held: string;
  deputies: Array<{ deputyId: string; name: string }>;
}

export interface DutyReviewsView {
  reviews: ReviewItem[];
}

export type DutyReviewsState = Loaded<DutyReviewsView>;

/** The area's 述职评议 periods, newest first: when, who may rate, where it stands, what waits for moderation. */
export function toDutyReviewsView(reviews: readonly ReviewRow[]): DutyReviewsView {
  return {
    reviews: reviews.map((review) => ({
      id: review.reviewId,
      title: review.title,
      dates: `${review.opensOn} 至 ${review.closesOn}`,
      phaseLabel: review.phaseLabel,
      audience: `评议人：${review.audienceLabel}`,
      held: review.heldComments > 0 ? `${review.heldComments}条留言待审核` : '',
      deputies: review.deputies,
    })),
  };
}

export function initialDutyReviewsState(): DutyReviewsState {
  return loading<DutyReviewsView>();
}

export function createDutyReviews(render: (change: Partial<DutyReviewsState>) => void) {
  return {
    async load(): Promise<void> {
      render(
        await settle(
          () => callApi('duty.listReviews', {}),
          (answer) => toDutyReviewsView(answer.reviews),
          (view) => view.reviews.length === 0,
        ),
      );
    },
  };
}
