import type { CandidateDocument, CommentDocument, ProposalDocument, RoundDocument } from '../../infra/documents/projects';
import type { CandidateDetail, CandidateSummary, CommentView, ProposalView, RoundView } from '../../miniprogram/shared/contract/project';
import { MODERATION_STATE_LABELS } from '../../miniprogram/shared/domain/moderation';
import { deliveryState, roundStage, ROUND_STAGE_LABELS, satisfactionPermille, TIE_RULE_LABELS } from '../../miniprogram/shared/domain/project';
import { maskPersonalDetails } from '../../miniprogram/shared/domain/publicText';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';

export const DELIVERY_STATE_LABELS = { notStarted: '未开工', started: '已开工', completed: '已竣工' } as const;

export function roundView(round: RoundDocument, now: Date): RoundView {
  const stage = roundStage(round, now);
  return {
    roundId: round._id,
    areaId: round.areaId,
    areaName: round.areaName,
    year: round.year,
    title: round.title,
    stage,
    stageLabel: ROUND_STAGE_LABELS[stage],
    proposalsUntil: round.proposalsUntil,
    commentsUntil: round.commentsUntil,
    voteFrom: round.voteFrom.toISOString(),
    voteUntil: round.voteUntil.toISOString(),
    ratingFrom: round.ratingFrom,
    ratingUntil: round.ratingUntil,
    minChoices: round.minChoices,
    maxChoices: round.maxChoices,
    tieRule: round.tieRule,
    tieRuleLabel: TIE_RULE_LABELS[round.tieRule],
    candidatesPublished: round.candidatesPublished,
  };
}

/** The year-end rating is published once the rating closed; before that only how many rated. */
export function ratingPublished(round: RoundDocument, now: Date): boolean {
  return roundStage(round, now) === 'closed';
}

export function candidateSummary(candidate: CandidateDocument, round: RoundDocument, now: Date): CandidateSummary {
  const row = round.result?.rows.find((r) => r.candidateId === candidate._id) ?? null;
  const state = deliveryState(candidate.percent);
  return {
    candidateId: candidate._id,
    number: candidate.number,
    title: candidate.title,
    description: candidate.description,
    place: candidate.place,
    cost: candidate.cost,
    unitName: candidate.unitName,
    votes: row?.votes ?? null,
    rank: row?.rank ?? null,
    chosen: row?.chosen ?? false,
    decidedByTieRule: row?.decidedByTieRule ?? false,
    percent: candidate.percent,
    deliveryState: state,
    deliveryStateLabel: DELIVERY_STATE_LABELS[state],
    satisfactionPermille: ratingPublished(round, now) ? satisfactionPermille(candidate.ratings) : null,
  };
}

/** A published comment as the public reads it: masked, dated to the day, with no author. */
export function commentView(comment: CommentDocument): CommentView {
  return { commentId: comment._id, text: maskPersonalDetails(comment.text), date: comment.date };
}

export function candidateDetail(candidate: CandidateDocument, round: RoundDocument, comments: CommentDocument[], following: boolean, now: Date): CandidateDetail {
  const published = ratingPublished(round, now);
  return {
    ...candidateSummary(candidate, round, now),
    roundId: round._id,
    roundTitle: round.title,
    stage: roundStage(round, now),
    progress: candidate.progress.map((p) => ({
      percent: p.percent,
      milestone: p.milestone,
      note: p.note,
      photoCount: p.photos.length,
      byName: p.by.name,
      date: shanghaiDate(p.at),
    })),
    inspections: candidate.inspections.map((i) => ({ deputyName: i.deputyName, note: i.note, date: shanghaiDate(i.at) })),
    comments: comments.map(commentView),
    ratings: published ? { ...candidate.ratings } : null,
    raterCount: candidate.raters.length,
    following,
  };
}

/** A proposal as its author or the round's staff see it; the public sees published ones, masked. */
export function proposalView(proposal: ProposalDocument, masked: boolean): ProposalView {
  const state = proposal.moderation.state ?? 'published';
  const text = (value: string) => (masked ? maskPersonalDetails(value) : value);
  return {
    proposalId: proposal._id,
    title: text(proposal.title),
    description: text(proposal.description),
    place: text(proposal.place),
    state,
    stateLabel: MODERATION_STATE_LABELS[state],
    fromOpinion: proposal.opinionId !== null,
    candidateId: proposal.candidateId,
    date: shanghaiDate(proposal.createdAt),
  };
}
