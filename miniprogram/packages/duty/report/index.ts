import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { ReviewRating } from '../../../shared/domain/duty';
import { createDutyReport, initialDutyReportState, type DutyReportState } from './model';

definePage<DutyReportState, { reviewId?: string; deputyId?: string; stationCode?: string }, ReturnType<typeof createDutyReport>>({
  name: 'duty-report',
  data: initialDutyReportState,
  model: (page) => createDutyReport(page.query, page.render),
  events: {
    onChoose: (report, event: TapEvent<{ rating: ReviewRating }>) => report.choose(event.currentTarget.dataset.rating),
    onComment: (report, event: InputEvent) => report.setComment(event.detail.value),
    onRate: (report) => report.rate(),
  },
});
