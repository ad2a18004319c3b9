import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { dutyReportUrl } from '../../../routes';
import { createDutyReviews, initialDutyReviewsState, type DutyReviewsState } from './model';

definePage<DutyReviewsState, Record<string, never>, ReturnType<typeof createDutyReviews>>({
  name: 'staff-duty-reviews',
  data: initialDutyReviewsState,
  model: (page) => createDutyReviews(page.render),
  refresh: (reviews) => reviews.load(),
  events: {
    onOpenReport: (_reviews, event: TapEvent<{ reviewId: string; deputyId: string }>) =>
      navigateTo(dutyReportUrl(event.currentTarget.dataset.reviewId, event.currentTarget.dataset.deputyId)),
  },
});
