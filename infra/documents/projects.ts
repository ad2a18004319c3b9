import { retryDocumentId } from './requestIds';
import type { AreaKind } from '../../miniprogram/shared/domain/directory';
import type { Moderation } from '../../miniprogram/shared/domain/moderation';
import type { RatingCounts, RoundSchedule, TallyRow, VoteRule } from '../../miniprogram/shared/domain/project';

/**
 * 民生实事项目票决: the documents of a round and their owner. Collections `project_rounds`,
 * `project_proposals`, `project_candidates`, `project_comments`, `project_follows` and
 * `project_ballot_boxes` (infra/database.ts).
 */

/** A round (one area, one year): its schedule, its vote rule, and once counted, its published result. */
export interface RoundDocument extends RoundSchedule, VoteRule {
  _id: string;
  areaId: string;
  areaName: string;
  areaKind: AreaKind;
  /** The area and every area above it: staff scopes match with one `in`. */
  areaPath: string[];
  year: number;
  title: string;
  candidatesPublished: boolean;
  candidatesPublishedAt: Date | null;
  /** Candidates numbered so far (the next gets this + 1). */
  candidateCount: number;
  /** Written once, by the first read after the window closed; ballots stay in the box. */
  result: { countedAt: Date; ballots: number; eligible: number; rows: TallyRow[] } | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** A resident's proposal (or one staff entered from an opinion already received), moderated like opinions. */
export interface ProposalDocument {
  _id: string;
  roundId: string;
  areaPath: string[];
  authorOpenid: string | null;
  /** The opinion it came from, when staff turned an opinion into a proposal. */
  opinionId: string | null;
  title: string;
  description: string;
  place: string;
  moderation: Pick<Moderation, 'suggest' | 'label' | 'state' | 'awaitingReview' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'>;
  /** The candidate it became, if any. */
  candidateId: string | null;
  createdAt: Date;
}

export interface ProgressUpdate {
  percent: number;
  milestone: string | null;
  note: string;
  photos: string[];
  by: { role: 'handler' | 'staff'; name: string };
  at: Date;
}

export interface InspectionNote {
  deputyId: string;
  deputyName: string;
  note: string;
  at: Date;
}

/** A candidate project and, if chosen, its delivery. */
export interface CandidateDocument {
  _id: string;
  roundId: string;
  areaPath: string[];
  number: number;
  title: string;
  description: string;
  place: string;
  /** 万元. */
  cost: number;
  /** The unit that delivers it if chosen. */
  unitId: string;
  unitName: string;
  proposalIds: string[];
  opinionIds: string[];
  /** Copied from the round's result when it is counted. */
  chosen: boolean;
  percent: number;
  startedAt: Date | null;
  completedAt: Date | null;
  progress: ProgressUpdate[];
  inspections: InspectionNote[];
  /** Year-end rating: counts only; `raters` says who rated (each once), never what. */
  ratings: RatingCounts;
  raters: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentDocument {
  _id: string;
  candidateId: string;
  roundId: string;
  authorOpenid: string;
  text: string;
  moderation: ProposalDocument['moderation'];
  /** Shanghai date only: the day is all anyone is shown. */
  date: string;
  createdAt: Date;
}

export interface FollowDocument {
  /** `<candidateId>:<openid>`: following twice is following once. */
  _id: string;
  candidateId: string;
  roundId: string;
  openid: string;
  createdAt: Date;
}

/** One sealed ballot: the candidates chosen. Nothing else — no voter, no hash of one, no time, no id. */
export interface Ballot {
  choices: string[];
}

/**
 * The ballot box of a round, one document (`_id` = the round's id). A vote is one conditional
 * update of it: `where({ _id, voted: _.neq(deputyId) }).update({ voted: _.push(deputyId),
 * ballots: _.push({ each: [ballot], position: random }) })`. The mark and the ballot are written
 * together or not at all (one document, one request), a second vote finds no document to update,
 * and the ballot lands at a uniformly random place among those cast, so neither the order of
 * `voted` nor of `ballots` pairs a deputy with a ballot. The box carries no update time.
 */
export interface BallotBoxDocument {
  _id: string;
  roundId: string;
  voted: string[];
  ballots: Ballot[];
}

export function roundIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId('round', openid, clientRequestId);
}

export function proposalIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId('proposal', openid, clientRequestId);
}

export function commentIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId('project-comment', openid, clientRequestId);
}

export function candidateIdFor(roundId: string, number: number): string {
  return `${roundId}-c${String(number).padStart(3, '0')}`;
}

export function followIdFor(candidateId: string, openid: string): string {
  return `${candidateId}:${openid}`;
}
