import type { RoundDetail } from '../../../shared/contract/project';
import { PROJECT_TEXT_LIMITS } from '../../../shared/domain/project';
import { callApi } from '../../../services/api';
import { navigateTo, showToast } from '../../../services/wx';
import { formatDateTime } from '../../../utils/date';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { randomId } from '../../../utils/random';
import { SUBPACKAGE_PAGES, withQuery } from '../../../routes';
import { oneAtATime } from '../../../utils/one-at-a-time';

export function candidateUrl(candidateId: string): string {
  return withQuery(SUBPACKAGE_PAGES.projectCandidate, { candidateId });
}

export interface CandidateRow {
  candidateId: string;
  title: string;
  meta: string;
  result: string;
  chosen: boolean;
}

/** A step of the round's schedule: its name and its dates, each kept on one line (至 between two). */
export interface ScheduleRow {
  label: string;
  dates: string[];
}

export interface RoundPageView {
  title: string;
  stageLabel: string;
  schedule: ScheduleRow[];
  rule: string;
  candidates: CandidateRow[];
  /** 共 12 名代表，11 人投票，确定 3 个项目. */
  tally: string;
  canPropose: boolean;
  /** The ballot: only for a deputy of the round's level who has not voted, while the window is open. */
  canVote: boolean;
  voted: boolean;
  minChoices: number;
  maxChoices: number;
}

export function toRoundPageView(round: RoundDetail): RoundPageView {
  return {
    title: round.title,
    stageLabel: round.stageLabel,
    schedule: [
      { label: '征集项目建议至', dates: [round.proposalsUntil] },
      { label: '候选项目征求意见至', dates: [round.commentsUntil] },
      { label: '代表投票', dates: [formatDateTime(round.voteFrom), formatDateTime(round.voteUntil)] },
      { label: '满意度测评', dates: [round.ratingFrom, round.ratingUntil] },
    ],
    rule: `每位代表选 ${round.minChoices} 至 ${round.maxChoices} 个项目；${round.tieRuleLabel}`,
    candidates: round.candidates.map((c) => ({
      candidateId: c.candidateId,
      title: `${c.number}. ${c.title}`,
      meta: `${c.place} · ${c.cost}万元 · ${c.unitName}`,
      result: c.votes === null ? '' : `得票 ${c.votes} · 第${c.rank}名${c.chosen ? ` · 已确定 · ${c.deliveryStateLabel} ${c.percent}%` : ''}`,
      chosen: c.chosen,
    })),
    tally: round.result ? `投票结果已公布：应投票代表 ${round.result.eligible} 名，实际投票 ${round.result.ballots} 名，确定 ${round.result.chosenCount} 个项目` : '',
    canPropose: round.stage === 'proposing',
    canVote: round.stage === 'voting' && !!round.me?.eligible && !round.me.voted,
    voted: !!round.me?.voted,
    minChoices: round.minChoices,
    maxChoices: round.maxChoices,
  };
}

export const ROUND_MESSAGES = {
  proposalIncomplete: `请填写项目名称（至少4个字）、地点和说明（至少10个字）`,
  proposed: '建议已提交，审核通过后公开',
  voted: '投票成功',
} as const;

export interface RoundState extends Loaded<RoundPageView> {
  chosen: Record<string, boolean>;
  chosenCount: number;
  voteError: string;
  proposal: { title: string; place: string; description: string };
  proposalError: string;
  working: boolean;
}

export function initialRoundState(): RoundState {
  return { ...loading<RoundPageView>(), chosen: {}, chosenCount: 0, voteError: '', proposal: { title: '', place: '', description: '' }, proposalError: '', working: false };
}

/** A 票决 round: residents propose and read the candidates; deputies cast one secret ballot; everyone reads the tally. */
export function createRound(roundId: string | undefined, render: (change: Partial<RoundState>) => void) {
  let view: RoundPageView | null = null;
  let chosen: Record<string, boolean> = {};
  let proposal = { title: '', place: '', description: '' };
  let proposalRequestId = randomId();
  const runner = oneAtATime(render, 'app');

  async function load(): Promise<void> {
    if (!roundId) return render(failed('COMMON.NOT_FOUND'));
    const next = await settle(() => callApi('project.getRound', { roundId }), toRoundPageView);
    view = next.view;
    render(next);
  }

  async function step(run: () => Promise<void>): Promise<void> {
    if (roundId) await runner.step(run);
  }

  return {
    load,
    open: (candidateId: string) => navigateTo(candidateUrl(candidateId)),
    toggle(candidateId: string): void {
      chosen = { ...chosen, [candidateId]: !chosen[candidateId] };
      render({ chosen, chosenCount: Object.values(chosen).filter(Boolean).length, voteError: '' });
    },
    vote: () =>
      step(async () => {
        if (!view) return;
        const choices = Object.keys(chosen).filter((id) => chosen[id]);
        if (choices.length < view.minChoices || choices.length > view.maxChoices) {
          return render({ voteError: `请选择 ${view.minChoices} 至 ${view.maxChoices} 个项目，已选 ${choices.length} 个` });
        }
        await callApi('project.vote', { roundId: roundId as string, choices });
        showToast(ROUND_MESSAGES.voted);
        await load();
      }),
    setProposal(field: 'title' | 'place' | 'description', value: string): void {
      proposal = { ...proposal, [field]: value };
      render({ proposal, proposalError: '' });
    },
    propose: () =>
      step(async () => {
        const title = proposal.title.trim();
        const place = proposal.place.trim();
        const description = proposal.description.trim();
        const length = (text: string) => [...text].length;
        if (length(title) < 4 || length(title) > PROJECT_TEXT_LIMITS.title || length(place) < 2 || length(description) < 10) {
          return render({ proposalError: ROUND_MESSAGES.proposalIncomplete });
        }
        await callApi('project.propose', { roundId: roundId as string, clientRequestId: proposalRequestId, title, place, description });
        proposal = { title: '', place: '', description: '' };
        proposalRequestId = randomId();
        render({ proposal });
        showToast(ROUND_MESSAGES.proposed);
      }),
  };
}
