import type { CandidateDetail } from '../../../shared/contract/project';
import { RATING_LABELS, RATINGS, type Rating } from '../../../shared/domain/project';
import { callApi } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { randomId } from '../../../utils/random';
import { oneAtATime } from '../../../utils/one-at-a-time';

export interface CandidatePageView {
  title: string;
  roundTitle: string;
  facts: string[];
  description: string;
  /** 已开工 · 进度 40% (chosen projects); the vote result otherwise. */
  status: string;
  chosen: boolean;
  following: boolean;
  canComment: boolean;
  canRate: boolean;
  progress: Array<{ key: string; title: string; meta: string; milestone: boolean }>;
  inspections: Array<{ key: string; text: string; meta: string }>;
  comments: Array<{ commentId: string; text: string; date: string }>;
  ratingResult: string;
}

export function toCandidatePageView(detail: CandidateDetail): CandidatePageView {
  const result =
    detail.votes === null ? '' : `得票 ${detail.votes} · 第${detail.rank}名${detail.chosen ? ' · 已确定为民生实事项目' : ''}${detail.decidedByTieRule ? '（按同票规则）' : ''}`;
  const ratings = detail.ratings;
  return {
    title: `${detail.number}. ${detail.title}`,
    roundTitle: detail.roundTitle,
    facts: [`地点：${detail.place}`, `投资：${detail.cost}万元`, `实施单位：${detail.unitName}`],
    description: detail.description,
    status: detail.chosen ? `${detail.deliveryStateLabel} · 进度 ${detail.percent}%${result ? ` · ${result}` : ''}` : result,
    chosen: detail.chosen,
    following: detail.following,
    canComment: detail.stage === 'commenting',
    canRate: detail.chosen && detail.stage === 'rating',
    progress: detail.progress
      .map((p, index) => ({
        key: `p${index}`,
        title: p.milestone ? `【${p.milestone}】${p.note}` : p.note,
        meta: `${p.date} · 进度 ${p.percent}% · ${p.byName}${p.photoCount ? ` · 照片${p.photoCount}张` : ''}`,
        milestone: !!p.milestone,
      }))
      .reverse(),
    inspections: detail.inspections.map((i, index) => ({ key: `i${index}`, text: i.note, meta: `${i.date} · ${i.deputyName}代表视察` })),
    comments: detail.comments,
    ratingResult: ratings
      ? `代表满意度测评：满意${ratings.satisfied}人，基本满意${ratings.basicallySatisfied}人，不满意${ratings.dissatisfied}人`
      : detail.raterCount > 0
        ? `已有${detail.raterCount}位代表参加满意度测评，结果将在测评结束后公布`
        : '',
  };
}

export const CANDIDATE_MESSAGES = { commentShort: '请至少写4个字', commented: '评论已提交', commentHeld: '评论已提交，审核通过后公开', rated: '测评已提交' } as const;

export interface CandidateState extends Loaded<CandidatePageView> {
  comment: string;
  commentError: string;
  ratings: ReadonlyArray<{ value: Rating; label: string }>;
  rated: string;
  working: boolean;
}

export function initialCandidateState(): CandidateState {
  return { ...loading<CandidatePageView>(), comment: '', commentError: '', ratings: RATINGS.map((value) => ({ value, label: RATING_LABELS[value] })), rated: '', working: false };
}

/** A 票决 candidate or chosen project: residents comment and follow; deputies rate it at year end. */
export function createCandidate(candidateId: string | undefined, render: (change: Partial<CandidateState>) => void) {
  let comment = '';
  let commentRequestId = randomId();
  const runner = oneAtATime(render, 'app');

  async function load(): Promise<void> {
    if (!candidateId) return render(failed('COMMON.NOT_FOUND'));
    render(await settle(() => callApi('project.getCandidate', { candidateId }), toCandidatePageView));
  }

  async function step(run: () => Promise<void>): Promise<void> {
    if (candidateId) await runner.step(run);
  }

  return {
    load,
    setComment(text: string): void {
      comment = text;
      render({ comment, commentError: '' });
    },
    comment: () =>
      step(async () => {
        if ([...comment.trim()].length < 4) return render({ commentError: CANDIDATE_MESSAGES.commentShort });
        const answer = await callApi('project.comment', { candidateId: candidateId as string, clientRequestId: commentRequestId, text: comment.trim() });
        comment = '';
        commentRequestId = randomId();
        render({ comment });
        showToast(answer.published ? CANDIDATE_MESSAGES.commented : CANDIDATE_MESSAGES.commentHeld);
        await load();
      }),
    follow: (follow: boolean) =>
      step(async () => {
        await callApi('project.follow', { candidateId: candidateId as string, follow });
        await load();
      }),
    rate: (rating: Rating) =>
      step(async () => {
        await callApi('project.rate', { candidateId: candidateId as string, rating });
        render({ rated: `您的测评：${RATING_LABELS[rating]}` });
        showToast(CANDIDATE_MESSAGES.rated);
      }),
  };
}
