import type { ReportView } from '../../../shared/contract/duty';
import { REVIEW_RATING_LABELS, REVIEW_RATINGS, type ReviewRating } from '../../../shared/domain/duty';
import { callApi } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';

export const REPORT_MESSAGES = { chooseRating: '请先选择满意、基本满意或不满意', rated: '评议已提交，感谢参与' } as const;

export interface ReportPageView {
  title: string;
  deputyName: string;
  period: string;
  paragraphs: string[];
  /** 您的评议：满意 (only ever the caller's own). */
  myRatingLabel: string;
  canRate: boolean;
  results: string;
  comments: Array<{ commentId: string; text: string; answer: string }>;
}

export function toReportPageView(report: ReportView): ReportPageView {
  const tally = report.tally;
  return {
    title: report.title,
    deputyName: report.deputyName,
    period: `评议时间：${report.opensOn} 至 ${report.closesOn}${report.phase === 'ended' ? '（已结束）' : ''}`,
    paragraphs: report.text.split('\n').filter((line) => line.trim().length > 0),
    myRatingLabel: report.myRating ? `您的评议：${REVIEW_RATING_LABELS[report.myRating]}` : '',
    canRate: report.phase === 'open' && !report.myRating && !report.mine,
    results:
      tally && report.phase === 'ended'
        ? `评议结果：满意${tally.satisfied}人，基本满意${tally.basicallySatisfied}人，不满意${tally.dissatisfied}人${tally.satisfiedPercent === null ? '' : `，满意率${tally.satisfiedPercent}%`}`
        : '',
    comments: report.comments.map((comment) => ({ commentId: comment.commentId, text: comment.text, answer: comment.answer ? `代表答复：${comment.answer}` : '' })),
  };
}

export interface DutyReportState extends Loaded<ReportPageView> {
  ratings: ReadonlyArray<{ value: ReviewRating; label: string }>;
  rating: ReviewRating | '';
  comment: string;
  rateError: string;
  working: boolean;
}

export function initialDutyReportState(): DutyReportState {
  return {
    ...loading<ReportPageView>(),
    ratings: REVIEW_RATINGS.map((value) => ({ value, label: REVIEW_RATING_LABELS[value] })),
    rating: '',
    comment: '',
    rateError: '',
    working: false,
  };
}

/** A 述职评议 report as a resident reads it, and their one rating. */
export function createDutyReport(query: { reviewId?: string; deputyId?: string; stationCode?: string }, render: (change: Partial<DutyReportState>) => void) {
  const { reviewId = '', deputyId = '' } = query;
  let rating: ReviewRating | '' = '';
  let comment = '';
  const runner = oneAtATime(render, 'duty report');
  async function load(): Promise<void> {
    if (!reviewId || !deputyId) return render(failed('DUTY.REVIEW_NOT_FOUND'));
    render(await settle(() => callApi('duty.getReport', { reviewId, deputyId }), toReportPageView));
  }
  return {
    load,
    choose(next: ReviewRating): void {
      rating = next;
      render({ rating, rateError: '' });
    },
    setComment(text: string): void {
      comment = text;
      render({ comment });
    },
    async rate(): Promise<void> {
      if (!rating) return render({ rateError: REPORT_MESSAGES.chooseRating });
      const chosen = rating;
      await runner.step(
        async () => {
          const trimmed = comment.trim();
          await callApi('duty.rateReport', {
            reviewId,
            deputyId,
            rating: chosen,
            ...(trimmed ? { comment: trimmed } : {}),
            ...(query.stationCode ? { stationCode: query.stationCode } : {}),
          });
          showToast(REPORT_MESSAGES.rated);
          await load();
        },
        { clear: { rateError: '' }, refused: (error) => ({ rateError: refusalText(error) }) },
      );
    },
  };
}
