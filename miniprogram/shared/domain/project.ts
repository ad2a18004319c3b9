import { shanghaiDate } from './time';

/**
 * 民生实事项目代表票决制: a round for an area and a year runs from residents' proposals through a
 * published candidate list and comment period to the deputies' secret vote, then delivery of the
 * chosen projects and the deputies' year-end rating (满意度测评). Pure rules: the cloud function
 * stores and loads, these decide.
 */

/** How a tie on the last places is settled, chosen by staff when they open the round (before anyone votes). */
export const TIE_RULES = ['lowerCost', 'earlierNumber'] as const;
export type TieRule = (typeof TIE_RULES)[number];
export const TIE_RULE_LABELS: Record<TieRule, string> = { lowerCost: '得票相同时，投资额较少的项目优先', earlierNumber: '得票相同时，候选编号在前的项目优先' };

export const ROUND_STAGES = ['proposing', 'preparing', 'commenting', 'awaitingVote', 'voting', 'delivering', 'rating', 'closed'] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];
export const ROUND_STAGE_LABELS: Record<RoundStage, string> = {
  proposing: '征集项目建议',
  preparing: '拟定候选项目',
  commenting: '候选项目公示征求意见',
  awaitingVote: '等待代表票决',
  voting: '代表票决中',
  delivering: '项目实施中',
  rating: '满意度测评中',
  closed: '测评结果已公布',
};

export const RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' };

export const PROJECT_TEXT_LIMITS = { title: 40, description: 600, place: 60, comment: 300, note: 300, milestone: 30 } as const;

/** The schedule staff set when they open a round. Dates are Shanghai calendar dates; the vote window is two instants. */
export interface RoundSchedule {
  /** Residents propose until this day, included. */
  proposalsUntil: string;
  /** Residents comment on the published candidates until this day, included. */
  commentsUntil: string;
  voteFrom: Date;
  voteUntil: Date;
  /** Deputies rate the chosen projects from … until, both included (year end). */
  ratingFrom: string;
  ratingUntil: string;
}

export interface VoteRule {
  minChoices: number;
  maxChoices: number;
  tieRule: TieRule;
}

export type ScheduleProblem = 'order' | 'choices';

/** Whether the schedule runs in order (proposals, comments, vote, rating) and the choice range makes sense. */
export function scheduleProblem(schedule: RoundSchedule, rule: Pick<VoteRule, 'minChoices' | 'maxChoices'>): ScheduleProblem | null {
  if (rule.minChoices < 1 || rule.minChoices > rule.maxChoices) return 'choices';
  const inOrder =
    schedule.proposalsUntil < schedule.commentsUntil &&
    schedule.commentsUntil < shanghaiDate(schedule.voteFrom) &&
    schedule.voteFrom.getTime() < schedule.voteUntil.getTime() &&
    shanghaiDate(schedule.voteUntil) < schedule.ratingFrom &&
    schedule.ratingFrom <= schedule.ratingUntil;
  return inOrder ? null : 'order';
}

/** Where a round stands at `now`. */
export function roundStage(round: RoundSchedule & { candidatesPublished: boolean }, now: Date): RoundStage {
  const today = shanghaiDate(now);
  if (today <= round.proposalsUntil && !round.candidatesPublished) return 'proposing';
  if (!round.candidatesPublished && now.getTime() < round.voteFrom.getTime()) return 'preparing';
  if (now.getTime() < round.voteFrom.getTime()) return today <= round.commentsUntil ? 'commenting' : 'awaitingVote';
  if (now.getTime() < round.voteUntil.getTime()) return 'voting';
  if (today < round.ratingFrom) return 'delivering';
  if (today <= round.ratingUntil) return 'rating';
  return 'closed';
}

/** Whether the vote is over: the result may be counted and published. */
export function voteClosed(round: Pick<RoundSchedule, 'voteUntil'>, now: Date): boolean {
  return now.getTime() >= round.voteUntil.getTime();
}

export type BallotProblem = 'count' | 'duplicate' | 'unknown';

/** Whether a deputy's choices make a valid ballot: between min and max distinct candidates of the round. */
export function ballotProblem(choices: readonly string[], candidateIds: readonly string[], rule: Pick<VoteRule, 'minChoices' | 'maxChoices'>): BallotProblem | null {
  if (new Set(choices).size !== choices.length) return 'duplicate';
  if (!choices.every((id) => candidateIds.includes(id))) return 'unknown';
  if (choices.length < rule.minChoices || choices.length > rule.maxChoices) return 'count';
  return null;
}

export interface TallyCandidate {
  candidateId: string;
  number: number;
  /** 万元. */
  cost: number;
}

export interface TallyRow {
  candidateId: string;
  votes: number;
  rank: number;
  chosen: boolean;
  /** Its place among the chosen was settled by the tie rule. */
  decidedByTieRule: boolean;
}

export interface Tally {
  ballots: number;
  rows: TallyRow[];
}

/**
 * The count: candidates by votes; a candidate is chosen when more than half of the ballots cast
 * name it and it is among the first `maxChoices`. Equal votes across the last chosen place are
 * ordered by the round's tie rule (then by number, so the order is total).
 */
export function tally(candidates: readonly TallyCandidate[], ballots: ReadonlyArray<{ choices: readonly string[] }>, rule: Pick<VoteRule, 'maxChoices' | 'tieRule'>): Tally {
  const votes = new Map(candidates.map((c) => [c.candidateId, 0]));
  for (const ballot of ballots) for (const id of ballot.choices) if (votes.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
  const tieOrder = (a: TallyCandidate, b: TallyCandidate) => (rule.tieRule === 'lowerCost' ? a.cost - b.cost : 0) || a.number - b.number;
  const ordered = [...candidates].sort((a, b) => (votes.get(b.candidateId) ?? 0) - (votes.get(a.candidateId) ?? 0) || tieOrder(a, b));
  const majority = (count: number) => count * 2 > ballots.length;
  const eligible = ordered.filter((c) => majority(votes.get(c.candidateId) ?? 0));
  const chosen = new Set(eligible.slice(0, rule.maxChoices).map((c) => c.candidateId));
  const last = eligible[rule.maxChoices - 1];
  const next = eligible[rule.maxChoices];
  const boundaryVotes = last && next && votes.get(last.candidateId) === votes.get(next.candidateId) ? votes.get(last.candidateId) : undefined;
  return {
    ballots: ballots.length,
    rows: ordered.map((c, index) => ({
      candidateId: c.candidateId,
      votes: votes.get(c.candidateId) ?? 0,
      rank: index + 1,
      chosen: chosen.has(c.candidateId),
      decidedByTieRule: boundaryVotes !== undefined && votes.get(c.candidateId) === boundaryVotes,
    })),
  };
}

export type ProgressProblem = 'backwards' | 'notChosen' | 'finished';

/** Whether a progress report may be recorded: only on a chosen project, never going back, nothing after 100 %. */
export function progressProblem(current: { chosen: boolean; percent: number }, percent: number): ProgressProblem | null {
  if (!current.chosen) return 'notChosen';
  if (current.percent >= 100) return 'finished';
  if (percent < current.percent) return 'backwards';
  return null;
}

/** 开工: some progress reported; 竣工: 100 %. */
export function deliveryState(percent: number): 'notStarted' | 'started' | 'completed' {
  if (percent >= 100) return 'completed';
  return percent > 0 ? 'started' : 'notStarted';
}

export type RatingCounts = Record<Rating, number>;

export const NO_RATINGS: RatingCounts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };

/** 满意率: 满意 and 基本满意 over every rating, in whole per mille (null with no ratings). */
export function satisfactionPermille(counts: RatingCounts): number | null {
  const total = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  return total === 0 ? null : Math.round(((counts.satisfied + counts.basicallySatisfied) * 1000) / total);
}
