import type { MyOpinionDetail } from '../../../shared/contract/opinion';
import { CASE_TEXT_LIMITS, FOLLOW_UP_ANSWER_LABELS, FOLLOW_UP_QUESTION, type FollowUpAnswer } from '../../../shared/domain/casework';
import { textLength } from '../../../shared/domain/opinion';
import { callApi, toApiError } from '../../../services/api';
import { formatDate } from '../../../utils/date';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';

export interface FollowUpView {
  trackingNo: string;
  /** What the opinion was about, in a line. */
  excerpt: string;
  /** 办理结果：已解决（11月4日办结） */
  resultLabel: string;
  question: string;
  /** Asked and not answered yet: the two big answers show. */
  canAnswer: boolean;
  /** 您的回答：没有解决：… once answered; '' before. */
  answerLabel: string;
}

export interface FollowUpState extends Loaded<FollowUpView> {
  /** 没有解决 tapped: the optional note and 提交 show. */
  unsolvedChosen: boolean;
  note: string;
  sending: boolean;
  error: string;
  /** The thank-you after answering. */
  thanks: string;
}

export const FOLLOW_UP_THANKS: Record<FollowUpAnswer, string> = {
  solved: '谢谢您！我们记下了：问题已经解决。',
  unsolved: '谢谢您告诉我们。工作人员会重新交办，有进展会在“我的意见”里告诉您。',
};

export function initialFollowUpState(): FollowUpState {
  return { ...loading<FollowUpView>(), unsolvedChosen: false, note: '', sending: false, error: '', thanks: '' };
}

function excerptOf(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= 40 ? chars.join('') : `${chars.slice(0, 39).join('')}…`;
}

export function toFollowUpView(detail: MyOpinionDetail): FollowUpView {
  const answer = detail.followUp?.answer;
  const outcome = detail.outcome ? `办理结果：${detail.outcome.label}` : '已答复';
  const closed = detail.timeline.filter((e) => e.type === 'rated' || e.type === 'closedUnrated').at(-1);
  return {
    trackingNo: detail.trackingNo,
    excerpt: excerptOf(detail.text),
    resultLabel: closed ? `${outcome}（${formatDate(closed.at)}办结）` : outcome,
    question: FOLLOW_UP_QUESTION,
    canAnswer: detail.followUp?.canAnswer ?? false,
    answerLabel: answer ? `您的回答：${[answer.label, answer.note].filter(Boolean).join('：')}` : '',
  };
}

export function loadFollowUp(opinionId: string | undefined): Promise<Loaded<FollowUpView>> {
  if (!opinionId) return Promise.resolve(failed('OPINION.NOT_FOUND'));
  return settle(() => callApi('opinion.getMine', { opinionId }), toFollowUpView);
}

export const NOTE_TOO_LONG = `最多${CASE_TEXT_LIMITS.ratingComment}个字，请精简`;

/**
 * 回访: one tap says 已经解决; 没有解决 opens an optional note, then 提交. Answered once: a second
 * try (another phone, a double tap) is told it was answered, and the page shows the answer kept.
 */
export function createFollowUp(opinionId: string, render: (change: Partial<FollowUpState>) => void, reload: () => Promise<void>) {
  let note = '';
  let sending = false;

  async function send(answer: FollowUpAnswer): Promise<void> {
    if (sending) return;
    const trimmed = note.trim();
    if (answer === 'unsolved' && textLength(trimmed) > CASE_TEXT_LIMITS.ratingComment) {
      render({ error: NOTE_TOO_LONG });
      return;
    }
    sending = true;
    render({ sending: true, error: '' });
    try {
      const payload = answer === 'unsolved' && trimmed ? { opinionId, answer, note: trimmed } : { opinionId, answer };
      await callApi('opinion.answerFollowUp', payload);
      render({ thanks: FOLLOW_UP_THANKS[answer], unsolvedChosen: false });
      await reload();
    } catch (error) {
      const apiError = toApiError(error, 'opinion.answerFollowUp');
      render({ error: apiError.message });
      if (apiError.code === 'OPINION.FOLLOW_UP_ANSWERED') await reload();
    } finally {
      sending = false;
      render({ sending: false });
    }
  }

  return {
    solved: () => send('solved'),
    chooseUnsolved(): void {
      render({ unsolvedChosen: true, error: '' });
    },
    setNote(value: string): void {
      note = value;
      render({ note: value });
    },
    submitUnsolved: () => send('unsolved'),
  };
}

export const FOLLOW_UP_LABELS = FOLLOW_UP_ANSWER_LABELS;
