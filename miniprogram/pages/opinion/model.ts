import type { MyOpinionDetail, OpinionPhoto } from '../../shared/contract/opinion';
import { CONFIG } from '../../config';
import { CASE_TEXT_LIMITS, RATING_LABELS, RATINGS, SATISFIED_RATINGS, type Rating } from '../../shared/domain/casework';
import { textLength } from '../../shared/domain/opinion';
import { callApi, toApiError } from '../../services/api';
import { askToNotify } from '../../services/subscriptions';
import { showToast } from '../../services/wx';
import { formatDate, formatDateTime } from '../../utils/date';
import { failed, loading, settle, type Loaded } from '../../utils/load-state';
import { authorStatus, timelineItems, trackingGroups, type TimelineItem } from '../../views/opinion';

export interface MyOpinionView {
  trackingNo: string;
  trackingGroups: string[];
  categoryLabel: string;
  /** The case status, or 待审核 / 未通过审核 while content review holds the opinion. */
  statusLabel: string;
  statusTheme: string;
  /** 内容正在审核，通过后代表即可看到; empty once published. */
  reviewNote: string;
  createdAt: string;
  /** 陈建华（临江街道人大代表联络站） */
  targetLabel: string;
  text: string;
  photos: OpinionPhoto[];
  locationLabel: string;
  contactLabel: string;
  /** Newest first. */
  timeline: TimelineItem[];
  /** The resident may rate the answer now. */
  canRate: boolean;
  /** 请在11月30日前评价 */
  ratingDueLabel: string;
  /** 办理结果：已解决 */
  outcomeLabel: string;
  /** 您的评价：不满意：… */
  ratingLabel: string;
}

export type MyOpinionState = Loaded<MyOpinionView>;

export const initialMyOpinionState = loading<MyOpinionView>;

export function contactLabel(contact: MyOpinionDetail['contact']): string {
  if (!contact) return '';
  const who = [contact.name, contact.phone].filter(Boolean).join(' ');
  const consent = contact.mayContact ? '同意代表联系' : '不需要代表联系';
  return who ? `${who}（${consent}）` : consent;
}

export function toMyOpinionView(detail: MyOpinionDetail): MyOpinionView {
  const { target } = detail;
  return {
    trackingNo: detail.trackingNo,
    trackingGroups: trackingGroups(detail.trackingNo),
    categoryLabel: detail.categoryLabel,
    ...authorStatus(detail),
    createdAt: formatDateTime(detail.createdAt),
    targetLabel: target.kind === 'deputy' && target.stationName ? `${target.name}（${target.stationName}）` : target.name,
    text: detail.text,
    photos: detail.photos,
    locationLabel: detail.location?.address ?? (detail.location ? '已附位置' : ''),
    contactLabel: contactLabel(detail.contact),
    timeline: timelineItems(detail.timeline),
    canRate: detail.canRate,
    ratingDueLabel: detail.canRate && detail.ratingDueAt ? `请在${formatDate(detail.ratingDueAt)}前评价` : '',
    outcomeLabel: detail.outcome ? detail.outcome.label : '',
    ratingLabel: detail.rating ? [detail.rating.label, detail.rating.comment].filter(Boolean).join('：') : '',
  };
}

export function loadMyOpinion(opinionId: string | undefined): Promise<MyOpinionState> {
  if (!opinionId) return Promise.resolve(failed('OPINION.NOT_FOUND'));
  return settle(() => callApi('opinion.getMine', { opinionId }), toMyOpinionView);
}

export const RATING_CHOICES: ReadonlyArray<{ value: Rating; label: string }> = RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }));

export const RATING_MESSAGES = {
  choose: '请先选择满意、基本满意或不满意',
  reason: '请说说哪里不满意，我们会重新交办',
  reasonLong: `最多${CASE_TEXT_LIMITS.ratingComment}个字，请精简`,
  thanks: '谢谢您的评价',
  reopened: '已收到，我们会重新交办',
} as const;

export interface RatingState {
  ratingChoices: ReadonlyArray<{ value: Rating; label: string }>;
  rating: Rating | '';
  ratingComment: string;
  ratingError: string;
  ratingSending: boolean;
}

export function initialRatingState(): RatingState {
  return { ratingChoices: RATING_CHOICES, rating: '', ratingComment: '', ratingError: '', ratingSending: false };
}

/**
 * The resident rates the answer in one tap (满意, 基本满意), or says what is wrong (不满意, a
 * reason required: the case is assigned again with it). Asked of the resident directly, never
 * of the department. `reload` shows the case as it stands after. A satisfied resident is asked,
 * once, to allow the 回访 message weeks later (is it really solved?); a dissatisfied one is not:
 * their case reopens instead.
 */
export function createRating(opinionId: string, render: (change: Partial<RatingState>) => void, reload: () => Promise<void>) {
  let rating: Rating | '' = '';
  let comment = '';
  let sending = false;
  let askedFollowUp = false;
  return {
    choose(next: Rating): void {
      rating = next;
      render({ rating, ratingError: '' });
    },
    setComment(text: string): void {
      comment = text;
      render({ ratingComment: comment, ratingError: '' });
    },
    async submit(): Promise<void> {
      if (sending) return;
      if (!rating) {
        render({ ratingError: RATING_MESSAGES.choose });
        return;
      }
      const length = textLength(comment);
      if (rating === 'dissatisfied' && length < 1) {
        render({ ratingError: RATING_MESSAGES.reason });
        return;
      }
      if (length > CASE_TEXT_LIMITS.ratingComment) {
        render({ ratingError: RATING_MESSAGES.reasonLong });
        return;
      }
      const chosen = rating;
      if (!askedFollowUp && SATISFIED_RATINGS.includes(chosen) && CONFIG.caseFollowUpTemplateId) {
        // Inside the tap, before anything is awaited: WeChat shows the question only then.
        askedFollowUp = true;
        void askToNotify([CONFIG.caseFollowUpTemplateId]);
      }
      sending = true;
      render({ ratingSending: true, ratingError: '' });
      try {
        await callApi('opinion.rate', comment.trim() ? { opinionId, rating: chosen, comment: comment.trim() } : { opinionId, rating: chosen });
        showToast(chosen === 'dissatisfied' ? RATING_MESSAGES.reopened : RATING_MESSAGES.thanks);
        rating = '';
        comment = '';
        render({ rating, ratingComment: comment });
        await reload();
      } catch (error) {
        render({ ratingError: toApiError(error, 'opinion.rate').message });
      } finally {
        sending = false;
        render({ ratingSending: false });
      }
    },
  };
}
