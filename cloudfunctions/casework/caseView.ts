import type { AssignmentView, CaseDetail, CaseEventView, CaseSummary, DeadlineView, DepartmentChoice } from '../../miniprogram/shared/contract/casework';
import type { OpinionPhoto } from '../../miniprogram/shared/contract/opinion';
import { CASE_STAGE_LABELS, countedBlind, type ProspectiveDeadline } from '../../miniprogram/shared/domain/caseDeadlines';
import {
  actionsFor,
  activeAssignments,
  ANSWER_CATEGORY_LABELS,
  FOLLOW_UP_ANSWER_LABELS,
  isBouncing,
  isOverdue,
  mayReopen,
  RATING_LABELS,
  referBackUntil,
} from '../../miniprogram/shared/domain/casework';
import { actorLabel, excerpt, OPINION_EVENT_LABELS } from '../../miniprogram/shared/domain/opinion';
import { contactFor, opinionPhoneGranted } from '../../miniprogram/shared/domain/privacy';
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import { isPastDue, overdueWorkingDays } from '../../miniprogram/shared/domain/workingDays';
import { categoryOf, iso, statusOf, type OpinionDocument } from '../../infra/documents/opinions';
import { caseReferral } from '../core/caseReferral';
import type { CaseWorker } from './access';

/** The fields a list row needs: not the photos, contact or timeline. */
export const SUMMARY_FIELDS = {
  _id: true,
  trackingNo: true,
  category: true,
  text: true,
  stationId: true,
  stationName: true,
  deputyName: true,
  status: true,
  createdAt: true,
  deadline: true,
  lateStages: true,
  round: true,
  assignments: true,
  urgeCount: true,
  outcome: true,
  rating: true,
  referralOpen: true,
  referralCount: true,
};

const isoOrNull = (value: Date | string | null | undefined): string | null => (value ? iso(value) : null);

/** When a case is read, and with which holiday calendar its deadlines are counted. */
export interface ReadingTime {
  now: Date;
  calendar: WorkingCalendar;
}

function deadlineView(opinion: OpinionDocument, { now, calendar }: ReadingTime): DeadlineView | null {
  const deadline = opinion.deadline;
  if (!deadline) return null;
  const dueAt = new Date(deadline.dueAt);
  return {
    stage: deadline.stage,
    stageLabel: CASE_STAGE_LABELS[deadline.stage],
    dueAt: iso(dueAt),
    overdue: isPastDue(dueAt, now),
    overdueWorkingDays: overdueWorkingDays(dueAt, now, calendar.isWorkingDay),
    // Late days counted up to now cross the same unknown years as the deadline itself, or later ones.
    holidaysUnknown: !!deadline.provisional || countedBlind(new Date(deadline.startedAt), dueAt > now ? dueAt : now, calendar),
  };
}

export function caseSummary(opinion: OpinionDocument, time: ReadingTime): CaseSummary {
  const { now } = time;
  return {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    ...categoryOf(opinion),
    excerpt: excerpt(opinion.text),
    stationId: opinion.stationId,
    stationName: opinion.stationName,
    deputyName: opinion.deputyName ?? null,
    ...statusOf(opinion),
    createdAt: iso(opinion.createdAt),
    deadline: deadlineView(opinion, time),
    overdue: isOverdue(opinion, now),
    round: opinion.round ?? 0,
    departmentNames: activeAssignments(opinion).map((a) => a.departmentName),
    urgeCount: opinion.urgeCount ?? 0,
    outcome: opinion.outcome ? { category: opinion.outcome, label: ANSWER_CATEGORY_LABELS[opinion.outcome] } : null,
    rating: opinion.rating ? { value: opinion.rating.value, label: RATING_LABELS[opinion.rating.value] } : null,
    referralOpen: opinion.referralOpen ?? false,
    referralCount: opinion.referralCount ?? 0,
    bounced: isBouncing(opinion, caseReferral()),
  };
}

function eventView(event: OpinionDocument['timeline'][number]): CaseEventView {
  const shown: CaseEventView = {
    type: event.type,
    label: OPINION_EVENT_LABELS[event.type],
    at: iso(event.at),
    actorRole: event.actorRole,
    actorLabel: actorLabel(event),
    public: event.public,
  };
  if (event.actorName) shown.actorName = event.actorName;
  if (event.note) shown.note = event.note;
  if (event.internalNote) shown.internalNote = event.internalNote;
  return shown;
}

/** An assignment still owed: this round's, its department yet to answer, while departments handle the case. */
function assignmentOpen(opinion: OpinionDocument, assignment: NonNullable<OpinionDocument['assignments']>[number]): boolean {
  return (
    opinion.status === 'assigned' &&
    assignment.answer === null &&
    !assignment.referral &&
    assignment.round === (opinion.round ?? 0) &&
    (opinion.pendingDepartmentIds ?? []).includes(assignment.departmentId)
  );
}

function assignmentView(opinion: OpinionDocument, assignment: NonNullable<OpinionDocument['assignments']>[number], { now, calendar }: ReadingTime): AssignmentView {
  const answer = assignment.answer;
  return {
    round: assignment.round,
    departmentId: assignment.departmentId,
    departmentName: assignment.departmentName,
    assignedAt: iso(assignment.assignedAt),
    dueAt: iso(assignment.dueAt),
    answer: answer
      ? {
          category: answer.category,
          categoryLabel: ANSWER_CATEGORY_LABELS[answer.category],
          text: answer.text,
          ...(answer.reason ? { reason: answer.reason } : {}),
          at: iso(answer.at),
        }
      : null,
    overdueWorkingDays: assignmentOpen(opinion, assignment) ? overdueWorkingDays(assignment.dueAt, now, calendar.isWorkingDay) : 0,
    referral: assignment.referral ? { reason: assignment.referral.reason, at: iso(assignment.referral.at) } : null,
  };
}

/** The 回访 as staff read it: asked when, answered how (kept apart from the rating). */
function followUpDetail(opinion: OpinionDocument): CaseDetail['followUpDetail'] {
  const followUp = opinion.followUp;
  if (!followUp) return opinion.followUpDueAt ? { dueAt: iso(opinion.followUpDueAt), askedAt: null, answer: null } : null;
  const answer = followUp.answer
    ? {
        value: followUp.answer,
        label: FOLLOW_UP_ANSWER_LABELS[followUp.answer],
        ...(followUp.note ? { note: followUp.note } : {}),
        at: iso(followUp.answeredAt ?? followUp.askedAt),
      }
    : null;
  return { dueAt: null, askedAt: iso(followUp.askedAt), answer };
}

export function caseDetail(
  opinion: OpinionDocument,
  worker: CaseWorker,
  time: ReadingTime,
  extras: { photos: OpinionPhoto[]; assignableDepartments: DepartmentChoice[]; assignDue: ProspectiveDeadline | null },
): CaseDetail {
  const rating = opinion.rating;
  const departmentId = worker.scope.departmentId ?? '';
  const owing = (opinion.pendingDepartmentIds ?? []).includes(departmentId);
  const mine = worker.isHandler && owing ? activeAssignments(opinion).find((a) => a.departmentId === departmentId) : undefined;
  const referableUntil = mine ? referBackUntil(mine.assignedAt, caseReferral(), time.calendar) : null;
  const mayReferBack = !!referableUntil && time.now.getTime() < referableUntil.getTime();
  const detail: CaseDetail = {
    ...caseSummary(opinion, time),
    text: opinion.text,
    photos: extras.photos,
    // Like deputies, staff and handlers see a phone in full only when the resident consented to be contacted.
    contact: contactFor(opinion.contact, opinionPhoneGranted(opinion.contact)),
    acceptedAt: isoOrNull(opinion.acceptedAt),
    resolvedAt: isoOrNull(opinion.resolvedAt),
    ratingDueAt: isoOrNull(opinion.ratingDueAt),
    closedAt: isoOrNull(opinion.closedAt),
    lateStages: (opinion.lateStages ?? []).map((stage) => ({ stage, stageLabel: CASE_STAGE_LABELS[stage] })),
    assignments: (opinion.assignments ?? []).map((assignment) => assignmentView(opinion, assignment, time)),
    pendingDepartmentIds: opinion.pendingDepartmentIds ?? [],
    ratingDetail: rating ? { value: rating.value, label: RATING_LABELS[rating.value], ...(rating.comment ? { comment: rating.comment } : {}), at: iso(rating.at) } : null,
    followUpDetail: followUpDetail(opinion),
    timeline: opinion.timeline.map(eventView),
    actions: actionsFor(opinion.status, worker.actor.role).filter((action) => {
      if (action === 'answer') return owing;
      if (action === 'referBack') return mayReferBack;
      if (action === 'reroute') return opinion.referralOpen === true;
      if (action === 'reopen') return mayReopen(opinion);
      return true;
    }),
    assignableDepartments: extras.assignableDepartments,
    assignWorkingDays: extras.assignDue?.workingDays ?? null,
    assignDueDate: extras.assignDue?.dueDate ?? null,
    assignDueAt: extras.assignDue ? iso(extras.assignDue.dueAt) : null,
    assignDueHolidaysUnknown: extras.assignDue?.provisional ?? false,
    referBackUntil: mayReferBack && referableUntil ? iso(referableUntil) : null,
  };
  if (opinion.location) detail.location = opinion.location;
  return detail;
}
