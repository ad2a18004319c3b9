import { createHash } from 'node:crypto';
import type { ActivityView, ContestView, LeaveView } from '../../miniprogram/shared/contract/duty';
import {
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_TYPE_LABELS,
  CONTEST_KIND_LABELS,
  CONTEST_STATUS_LABELS,
  type ActivityStatus,
  type ActivityType,
  type ContestKind,
  type ContestStatus,
  type DutyFigures,
  type PointsRules,
  type ReviewAudience,
  type ReviewRating,
} from '../../miniprogram/shared/domain/duty';

/** `duty_activities`: an activity outside the product, for one deputy (theirs) or a group (staff's). */
export interface ActivityDocument {
  _id: string;
  deputyIds: string[];
  /** The area of the station of the deputy who added it, or of the staff who did: who may confirm it. */
  areaPath: string[];
  stationIds: string[];
  type: ActivityType;
  date: string;
  place: string;
  note: string;
  photos: string[];
  status: ActivityStatus;
  addedBy: 'deputy' | 'staff';
  addedByOpenid: string;
  /** Set when an upheld contest (漏) added it. */
  contestId?: string;
  decidedBy?: string;
  decidedAt?: Date;
  createdAt: Date;
}

/** `duty_contests`: 错、重、漏 raised by a deputy about their record of a year. */
export interface ContestDocument {
  _id: string;
  deputyId: string;
  areaPath: string[];
  stationIds: string[];
  year: number;
  kind: ContestKind;
  entryId: string | null;
  reason: string;
  status: ContestStatus;
  decisionNote: string;
  decidedBy?: string;
  decidedAt?: Date;
  createdAt: Date;
}

/** `duty_attendance`: `<dayId>|<deputyId>`, a deputy on a day's roster: leave asked or decided, absence recorded. */
export interface AttendanceDocument {
  _id: string;
  dayId: string;
  deputyId: string;
  date: string;
  stationId: string;
  stationName: string;
  areaPath: string[];
  leave: { reason: string; status: 'asked' | 'approved' | 'refused'; askedAt: Date; decidedAt?: Date; decidedBy?: string } | null;
  absent: boolean;
  updatedAt: Date;
}

/** `duty_rules`: a points rules version of an area from a date on (`<areaId>|<effectiveFrom>`). */
export interface RulesDocument extends PointsRules {
  _id: string;
  kind: 'rules';
  areaId: string;
  savedBy: string;
  savedAt: Date;
}

/** `duty_rules`, `settings|<areaId>`: the area's contest window and ranking switch. */
export interface SettingsDocument {
  _id: string;
  kind: 'settings';
  areaId: string;
  contestFrom: string | null;
  contestUntil: string | null;
  rankingShown: boolean;
  savedBy: string;
  savedAt: Date;
}

export const settingsIdFor = (areaId: string): string => `settings|${areaId}`;
export const rulesIdFor = (areaId: string, effectiveFrom: string): string => `${areaId}|${effectiveFrom}`;
export const attendanceIdFor = (dayId: string, deputyId: string): string => `${dayId}|${deputyId}`;

/** `duty_reviews`: a 述职评议 period staff opened for deputies of their area. */
export interface ReviewDocument {
  _id: string;
  areaId: string;
  areaPath: string[];
  title: string;
  year: number;
  deputyIds: string[];
  opensOn: string;
  closesOn: string;
  audience: ReviewAudience;
  openedBy: string;
  createdAt: Date;
}

/** `duty_reports`: `<reviewId>|<deputyId>`, the deputy's report; drafted from the record when first read. */
export interface ReportDocument {
  _id: string;
  reviewId: string;
  deputyId: string;
  deputyName: string;
  text: string;
  figures: DutyFigures;
  /** Answers to comments, by comment id. */
  answers: Record<string, string>;
  editedAt: Date | null;
  createdAt: Date;
}

export const reportIdFor = (reviewId: string, deputyId: string): string => `${reviewId}|${deputyId}`;

/**
 * `duty_ratings`: one resident's rating of one report. The _id is a hash of the report and the
 * resident, so the first write wins and any retry or race meets a duplicate id; `commentId` is a
 * second hash, shown with the comment, from which neither the resident nor the rating can be read.
 */
export interface RatingDocument {
  _id: string;
  reportId: string;
  reviewId: string;
  deputyId: string;
  openid: string;
  rating: ReviewRating;
  comment: string | null;
  commentId: string | null;
  /**
   * Content safety on the comment: `published` is shown (with the results, once the period ended),
   * `held` waits for staff, `rejected` is never shown; null when there is no comment.
   */
  commentState: CommentState | null;
  createdAt: Date;
}

export type CommentState = 'published' | 'held' | 'rejected';

export function ratingIdFor(reportId: string, openid: string): string {
  return `rt-${createHash('sha256').update(`rating|${reportId}|${openid}`).digest('hex').slice(0, 40)}`;
}

export function commentIdFor(reportId: string, openid: string): string {
  return `cm-${createHash('sha256').update(`comment|${reportId}|${openid}`).digest('hex').slice(0, 24)}`;
}

/**
 * `duty_published`: `<kind>|<id>`, the 亮分 of a deputy or a station for the current year as the
 * duty timer last worked it out; the directory's pages join it so their first screen stays one call.
 */
export interface PublishedFiguresDocument {
  _id: string;
  kind: 'deputy' | 'station';
  subjectId: string;
  year: number;
  sentences: string[];
  /** A deputy's points total of the year (what rankings compare); absent for stations and on documents written before. */
  total?: number;
  /** A deputy's figures of the year (what staff lists show); absent for stations and on documents written before. */
  figures?: DutyFigures;
  /** Within the deputy's station, only where staff of the area turned ranking on. */
  ranking: { rank: number; of: number; within: string } | null;
  /** Within the area whose staff turned ranking on (its deputies at every station of it); null where off. */
  areaRanking?: { rank: number; of: number; within: string } | null;
  stars: { stars: number; met: string[]; rubric: string[] } | null;
  /** The Shanghai date the figures were worked out on. */
  asOf: string;
  computedAt: Date;
}

export const publishedIdFor = (kind: 'deputy' | 'station', id: string): string => `${kind}|${id}`;

const iso = (value: Date | string): string => new Date(value).toISOString();

export function activityView(doc: ActivityDocument): ActivityView {
  return {
    activityId: doc._id,
    type: doc.type,
    typeLabel: ACTIVITY_TYPE_LABELS[doc.type],
    date: doc.date,
    place: doc.place,
    note: doc.note,
    photos: doc.photos,
    status: doc.status,
    statusLabel: ACTIVITY_STATUS_LABELS[doc.status],
    deputyIds: doc.deputyIds,
    addedBy: doc.addedBy,
  };
}

export function contestView(doc: ContestDocument): ContestView {
  return {
    contestId: doc._id,
    kind: doc.kind,
    kindLabel: CONTEST_KIND_LABELS[doc.kind],
    entryId: doc.entryId,
    reason: doc.reason,
    status: doc.status,
    statusLabel: CONTEST_STATUS_LABELS[doc.status],
    decisionNote: doc.decisionNote,
    createdAt: iso(doc.createdAt),
  };
}

const LEAVE_LABELS = { asked: '待批准', approved: '已批准', refused: '未批准' } as const;

export function leaveView(doc: AttendanceDocument): LeaveView | null {
  if (!doc.leave) return null;
  return { dayId: doc.dayId, date: doc.date, stationName: doc.stationName, reason: doc.leave.reason, status: doc.leave.status, statusLabel: LEAVE_LABELS[doc.leave.status] };
}
