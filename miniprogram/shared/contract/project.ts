import * as z from 'zod';
import { PROJECT_TEXT_LIMITS as LIMITS, RATINGS, TIE_RULES, type RatingCounts, type RoundStage, type TieRule } from '../domain/project';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, cursor, docId, pageSize } from './fields';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((value) => [...value].length >= min, { message: min > 1 ? `请至少写${min}个字` : '必填' })
    .refine((value) => [...value].length <= max, { message: `最多${max}个字` });

/** An instant with its offset, e.g. 2026-12-20T09:00:00+08:00. */
const instant = z.iso.datetime({ offset: true, message: '时间格式应为 2026-12-20T09:00:00+08:00' }).transform((value) => new Date(value));

/** A photo of a project's progress the mini-program uploaded under project-photos/. */
export const projectPhoto = z
  .string()
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/project-photos\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/, '照片格式不正确，请重新上传');

// ---------------------------------------------------------------------------------------------
// Results

export interface RoundView {
  roundId: string;
  areaId: string;
  areaName: string;
  year: number;
  title: string;
  stage: RoundStage;
  stageLabel: string;
  proposalsUntil: string;
  commentsUntil: string;
  voteFrom: string;
  voteUntil: string;
  ratingFrom: string;
  ratingUntil: string;
  minChoices: number;
  maxChoices: number;
  tieRule: TieRule;
  tieRuleLabel: string;
  candidatesPublished: boolean;
}

export interface CandidateSummary {
  candidateId: string;
  number: number;
  title: string;
  description: string;
  place: string;
  /** 万元. */
  cost: number;
  unitName: string;
  /** Once the result is published. */
  votes: number | null;
  rank: number | null;
  chosen: boolean;
  decidedByTieRule: boolean;
  percent: number;
  deliveryState: 'notStarted' | 'started' | 'completed';
  deliveryStateLabel: string;
  /** Once the rating closed: 满意率 in per mille (null when nobody rated). */
  satisfactionPermille: number | null;
}

export interface RoundResultView {
  countedAt: string;
  ballots: number;
  /** Deputies entitled to vote when it was counted. */
  eligible: number;
  chosenCount: number;
}

export interface RoundDetail extends RoundView {
  /** Published candidates (staff of the round's area also see those not yet published). */
  candidates: CandidateSummary[];
  result: RoundResultView | null;
  /** For a deputy: whether they may vote in this round, and whether they have. */
  me: { eligible: boolean; voted: boolean } | null;
}

export interface ProgressView {
  percent: number;
  milestone: string | null;
  note: string;
  photoCount: number;
  byName: string;
  date: string;
}

export interface InspectionView {
  deputyName: string;
  note: string;
  date: string;
}

export interface CommentView {
  commentId: string;
  /** Masked: phone numbers and ID numbers never show. */
  text: string;
  date: string;
}

export interface CandidateDetail extends CandidateSummary {
  roundId: string;
  roundTitle: string;
  stage: RoundStage;
  progress: ProgressView[];
  inspections: InspectionView[];
  comments: CommentView[];
  /** Once the rating closed. */
  ratings: RatingCounts | null;
  raterCount: number;
  following: boolean;
}

export interface ProposalView {
  proposalId: string;
  title: string;
  description: string;
  place: string;
  state: 'published' | 'held' | 'rejected';
  stateLabel: string;
  fromOpinion: boolean;
  candidateId: string | null;
  date: string;
}

// ---------------------------------------------------------------------------------------------
// Payloads

export const openRoundPayload = z.strictObject({
  clientRequestId,
  areaId: docId,
  year: z.number().int().min(2020).max(2100),
  title: text(4, LIMITS.title),
  proposalsUntil: calendarDate,
  commentsUntil: calendarDate,
  voteFrom: instant,
  voteUntil: instant,
  ratingFrom: calendarDate,
  ratingUntil: calendarDate,
  minChoices: z.number().int().min(1).max(50),
  maxChoices: z.number().int().min(1).max(50),
  tieRule: z.enum(TIE_RULES),
});

const candidateFields = {
  title: text(4, LIMITS.title),
  description: text(10, LIMITS.description),
  place: text(2, LIMITS.place),
};

export const projectActions = namespaced('project', {
  /** Staff (area, admin) in scope: open a round for an area and a year, with its schedule and vote rule. */
  openRound: action<{ round: RoundView }>()(openRoundPayload),
  /**
   * Anyone: rounds, latest year first, a page at a time: of an area, of a station's areas (the
   * township's, district's and city's rounds its residents and deputies take part in), or of every area.
   */
  listRounds: action<{ items: RoundView[]; nextCursor: string | null }>()(
    z.strictObject({ areaId: docId.optional(), stationId: docId.optional(), cursor: cursor.optional(), pageSize: pageSize.optional() }),
  ),
  /** Anyone: a round, its published candidates and result; deputies also learn whether they may vote and have. */
  getRound: action<RoundDetail>()(z.strictObject({ roundId: docId })),
  /** Residents: propose a project while the round collects proposals; screened like opinions. */
  propose: action<{ proposal: ProposalView }>()(z.strictObject({ roundId: docId, clientRequestId, ...candidateFields })),
  /** Residents: their own proposals; staff in scope: every proposal of the round, held ones included. */
  listProposals: action<{ proposals: ProposalView[] }>()(z.strictObject({ roundId: docId })),
  /** Staff in scope: publish or reject a held proposal or comment. */
  review: action<{ state: 'published' | 'rejected'; stateLabel: string }>()(
    z.strictObject({ kind: z.enum(['proposal', 'comment']), id: docId, decision: z.enum(['approve', 'reject']), note: z.string().trim().max(LIMITS.note).optional() }),
  ),
  /** Staff in scope: a candidate from residents' proposals and/or opinions already received, with cost, place and its unit. */
  addCandidate: action<{ candidate: CandidateSummary }>()(
    z.strictObject({
      roundId: docId,
      ...candidateFields,
      cost: z.number().positive().max(10_000_000),
      unitId: docId,
      proposalIds: z.array(docId).max(20).default([]),
      opinionIds: z.array(docId).max(20).default([]),
    }),
  ),
  /** Staff in scope: publish the candidate list; residents comment until the round's comment day. */
  publishCandidates: action<{ round: RoundView }>()(z.strictObject({ roundId: docId })),
  /** Residents: comment on a published candidate during the comment period; screened like opinions. */
  comment: action<{ comment: CommentView; published: boolean }>()(z.strictObject({ candidateId: docId, clientRequestId, text: text(4, LIMITS.comment) })),
  /** Deputies of the round's level: one secret ballot of min..max candidates, within the window. */
  vote: action<{ voted: true }>()(z.strictObject({ roundId: docId, choices: z.array(docId).min(1).max(50) })),
  /** Anyone: a candidate, its delivery, inspections, comments and (after the year-end rating) its rating. */
  getCandidate: action<CandidateDetail>()(z.strictObject({ candidateId: docId })),
  /** Residents: follow (or stop following) a chosen project; followers are told of its milestones. */
  follow: action<{ following: boolean }>()(z.strictObject({ candidateId: docId, follow: z.boolean() })),
  /** The project's unit (its handlers) or staff in scope: progress (%), a milestone, photos. */
  reportProgress: action<{ candidate: CandidateSummary; told: number }>()(
    z.strictObject({
      candidateId: docId,
      percent: z.number().int().min(0).max(100),
      milestone: z.string().trim().min(1).max(LIMITS.milestone).optional(),
      note: text(2, LIMITS.note),
      photos: z.array(projectPhoto).max(9).default([]),
    }),
  ),
  /** Deputies of the round's level: an inspection note on a chosen project. */
  inspect: action<{ inspections: InspectionView[] }>()(z.strictObject({ candidateId: docId, note: text(4, LIMITS.note) })),
  /** Deputies of the round's level, during the year-end rating: 满意/基本满意/不满意, once per project. */
  rate: action<{ rated: true }>()(z.strictObject({ candidateId: docId, rating: z.enum(RATINGS) })),
});
