import type { SuggestionDetail } from '../../../shared/contract/suggestion';
import { SUGGESTION_TEXT_LIMITS, VERDICT_LABELS, VERDICTS, type Verdict } from '../../../shared/domain/suggestion';
import { textLength } from '../../../shared/domain/opinion';
import { appClock } from '../../../services/clock';
import { callApi } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { suggestionPageView, type SuggestionPageView } from '../views';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';

export const DEPUTY_SUGGESTION_MESSAGES = {
  chooseVerdict: '请先选择满意、基本满意或不满意',
  dissatisfiedComment: '请写明不满意的地方，承办单位将重新办理',
  commentLong: `最多${SUGGESTION_TEXT_LIMITS.comment}个字，请精简`,
  rated: '评价已提交',
  rehandling: '已要求承办单位重新办理',
  accepted: '已同意联名',
  declined: '已谢绝联名',
  submitted: '建议已提交',
} as const;

export interface DeputyView extends SuggestionPageView {
  viewer: SuggestionDetail['viewer'];
  canEdit: boolean;
  canSubmit: boolean;
  /** An invited deputy may answer, and change their answer until it is submitted: the other answer is offered. */
  canAccept: boolean;
  canDecline: boolean;
  /** 赵红梅代表邀请您联名 / 您已同意联名 … */
  invitationLabel: string;
  canRate: boolean;
  /** What the deputy's verdict does, said before they choose. */
  rateNote: string;
}

export function toDeputyView(detail: SuggestionDetail, now: Date): DeputyView {
  const actions = new Set(detail.actions);
  const invitation = detail.myInvitation;
  return {
    ...suggestionPageView(detail, now),
    viewer: detail.viewer,
    canEdit: actions.has('edit'),
    canSubmit: actions.has('submit'),
    canAccept: actions.has('respond') && invitation !== 'accepted',
    canDecline: actions.has('respond') && invitation !== 'declined',
    invitationLabel:
      detail.viewer !== 'coSigner'
        ? ''
        : invitation === 'invited'
          ? `${detail.leadDeputyName}代表邀请您联名这件建议`
          : invitation === 'accepted'
            ? '您已同意联名'
            : invitation === 'declined'
              ? '您已谢绝联名'
              : '',
    canRate: actions.has('rate'),
    rateNote: detail.rehandleCount > 0 ? '这是重新办理后的答复，您的评价为最终评价。' : '选择“不满意”，承办单位将在一个月内重新办理。',
  };
}

export const VERDICT_CHOICES = VERDICTS.map((value) => ({ value, label: VERDICT_LABELS[value] }));

export interface DeputySuggestionState extends Loaded<DeputyView> {
  verdicts: ReadonlyArray<{ value: Verdict; label: string }>;
  verdict: Verdict | '';
  comment: string;
  rateError: string;
  actionError: string;
  working: boolean;
}

export function initialDeputySuggestionState(): DeputySuggestionState {
  return { ...loading<DeputyView>(), verdicts: VERDICT_CHOICES, verdict: '', comment: '', rateError: '', actionError: '', working: false };
}

/**
 * One suggestion as a deputy sees it: the lead deputy submits, revises, and judges the answer; a
 * deputy invited to co-sign accepts or declines. Every change reloads it, so the timeline shows it.
 */
export function createDeputySuggestion(suggestionId: string, render: (change: Partial<DeputySuggestionState>) => void) {
  let verdict: Verdict | '' = '';
  let comment = '';
  const runner = oneAtATime(render, 'deputy suggestion');

  async function load(): Promise<void> {
    if (!suggestionId) {
      render(failed('SUGGESTION.NOT_FOUND'));
      return;
    }
    render(
      await settle(
        () => callApi('suggestion.get', { suggestionId }),
        (detail: SuggestionDetail) => toDeputyView(detail, appClock.now()),
      ),
    );
  }

  function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    return runner.step(
      async () => {
        await action();
        showToast(done);
        await load();
      },
      {
        clear: { actionError: '' },
        refused: async (error) => {
          render({ actionError: refusalText(error) });
          if (error.code === 'SUGGESTION.ILLEGAL_TRANSITION') await load();
        },
      },
    );
  }

  return {
    load,
    submit: () => run(() => callApi('suggestion.submit', { suggestionId }), DEPUTY_SUGGESTION_MESSAGES.submitted),
    respond: (accept: boolean) =>
      run(() => callApi('suggestion.respond', { suggestionId, accept }), accept ? DEPUTY_SUGGESTION_MESSAGES.accepted : DEPUTY_SUGGESTION_MESSAGES.declined),
    chooseVerdict(next: Verdict): void {
      verdict = next;
      render({ verdict, rateError: '' });
    },
    setComment(text: string): void {
      comment = text;
      render({ comment, rateError: '' });
    },
    async rate(): Promise<void> {
      if (!verdict) return render({ rateError: DEPUTY_SUGGESTION_MESSAGES.chooseVerdict });
      const length = textLength(comment);
      if (verdict === 'dissatisfied' && length === 0) return render({ rateError: DEPUTY_SUGGESTION_MESSAGES.dissatisfiedComment });
      if (length > SUGGESTION_TEXT_LIMITS.comment) return render({ rateError: DEPUTY_SUGGESTION_MESSAGES.commentLong });
      const chosen = verdict;
      const done = chosen === 'dissatisfied' ? DEPUTY_SUGGESTION_MESSAGES.rehandling : DEPUTY_SUGGESTION_MESSAGES.rated;
      const sent = await run(() => callApi('suggestion.rate', length > 0 ? { suggestionId, verdict: chosen, comment: comment.trim() } : { suggestionId, verdict: chosen }), done);
      if (sent) {
        verdict = '';
        comment = '';
        render({ verdict, comment });
      }
    },
  };
}
