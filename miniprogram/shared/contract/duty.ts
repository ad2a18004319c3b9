import * as z from 'zod';
import {
  ACTIVITY_TYPES,
  CONTEST_KINDS,
  REPORT_TEXT_MAX,
  REVIEW_AUDIENCES,
  REVIEW_COMMENT_MAX,
  REVIEW_RATINGS,
  SCORED_KINDS,
  type ActivityStatus,
  type ActivityType,
  type ContestKind,
  type ContestStatus,
  type DutyEntry,
  type DutyFigures,
  type ReviewAudience,
  type ReviewPhase,
  type ReviewRating,
  type ReviewTally,
  type Score,
  type ScoredKind,
  type StationFigures,
} from '../domain/duty';
import type { ExportJobView } from './casework';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, cursor, docId, requiredWhen } from './fields';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((value) => [...value].length >= min, { message: min > 1 ? `请至少写${min}个字` : '必填' })
    .refine((value) => [...value].length <= max, { message: `最多${max}个字` });

const year = z.number().int().min(2000).max(2100);
/** A photo uploaded with wx.cloud.uploadFile under duty-photos/. */
const activityPhoto = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/duty-photos\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/, '照片格式不正确，请重新上传');
/** An entry of the record: `<kind>:<source id>`. */
const entryId = z.string().regex(/^[A-Za-z]+:[A-Za-z0-9_|-]{1,96}$/, '记录编号格式不正确');

// ---------------------------------------------------------------------------------------------
// Results

export interface ActivityView {
  activityId: string;
  type: ActivityType;
  typeLabel: string;
  date: string;
  place: string;
  note: string;
  photos: string[];
  status: ActivityStatus;
  statusLabel: string;
  deputyIds: string[];
  addedBy: 'deputy' | 'staff';
}

export interface ContestView {
  contestId: string;
  kind: ContestKind;
  kindLabel: string;
  entryId: string | null;
  reason: string;
  status: ContestStatus;
  statusLabel: string;
  decisionNote: string;
  createdAt: string;
}

export interface LeaveView {
  dayId: string;
  date: string;
  stationName: string;
  reason: string;
  status: 'asked' | 'approved' | 'refused';
  statusLabel: string;
}

export interface DutyRecord {
  deputyId: string;
  deputyName: string;
  year: number;
  /** Every entry, each with the link to what produced it; struck ones stay, marked. */
  entries: Array<DutyEntry & { struck: boolean; points: number; reason: string }>;
  score: Score;
  figures: DutyFigures;
  activities: ActivityView[];
  contests: ContestView[];
  leaves: LeaveView[];
  /** The contest window staff set, and whether it is open today. */
  contestWindow: { from: string; until: string } | null;
  contestOpen: boolean;
  /**
   * This year's ranking as the duty timer last published it, where the area's staff turned ranking
   * on: within the deputy's station, then within the area. Empty otherwise, and for other years.
   */
  rankings: Array<{ rank: number; of: number; within: string }>;
}

export interface DeputyRow {
  deputyId: string;
  name: string;
  stationNames: string[];
  /** The year's total and figures as the duty timer last published them; null for another year, or before its first turn. */
  total: number | null;
  figures: DutyFigures | null;
  /** The Shanghai date the total and figures were worked out on (up to a day old); null with them. */
  asOf: string | null;
  /** What waits for staff about this deputy in the year, counted live. */
  pendingActivities: number;
  openContests: number;
  askedLeaves: number;
}

export interface RulesView {
  areaId: string;
  /** The versions written for this area or inherited from the areas above it, oldest first. */
  versions: Array<{ effectiveFrom: string; areaId: string; rules: Record<ScoredKind, { points: number; capPerYear: number | null }>; missedDayPenalty: number }>;
  /** What applies where no version was written. */
  defaults: { rules: Record<ScoredKind, { points: number; capPerYear: number | null }>; missedDayPenalty: number };
  settings: DutySettingsView;
}

export interface DutySettingsView {
  areaId: string;
  contestFrom: string | null;
  contestUntil: string | null;
  /** Off by default: a ranking within a station or an area is shown only when staff turn it on. */
  rankingShown: boolean;
}

export interface PublicFigures {
  kind: 'deputy' | 'station';
  id: string;
  name: string;
  year: number;
  sentences: string[];
  figures: DutyFigures | null;
  stationFigures: StationFigures | null;
  /** Shown only where staff turned ranking on: within the deputy's station, among its deputies. */
  ranking: { rank: number; of: number; within: string } | null;
  stars: { stars: number; met: string[]; rubric: string[] } | null;
  /** A 述职评议 of this deputy now open for rating, or ended with results. */
  reviews: Array<{ reviewId: string; title: string; phase: ReviewPhase }>;
}

export interface ReviewComment {
  commentId: string;
  text: string;
  answer: string | null;
}

export interface ReportView {
  reviewId: string;
  title: string;
  deputyId: string;
  deputyName: string;
  opensOn: string;
  closesOn: string;
  phase: ReviewPhase;
  audience: ReviewAudience;
  text: string;
  figures: DutyFigures;
  /** The caller's own rating: only they ever see it. */
  myRating: ReviewRating | null;
  /** The deputy and staff in scope see the tally as it stands; everyone sees it once the period ended. */
  tally: ReviewTally | null;
  /** The deputy sees comments to answer; everyone sees them once the period ended. No rating is attached. */
  comments: ReviewComment[];
  /** The caller is the deputy reporting (may edit while it is open, answer comments). */
  mine: boolean;
}

/** What waits for a staff member's decision in their scope, each naming the deputy it is about. */
export interface PendingWork {
  /** Activities deputies added, awaiting confirmation. */
  activities: Array<ActivityView & { deputyNames: string[]; stationNames: string[] }>;
  /** Leave asked for a reception day, awaiting approval. */
  leaves: Array<LeaveView & { deputyId: string; deputyName: string }>;
  /** 错、重、漏 raised by deputies, awaiting a decision; the contested entry's title when there is one. */
  contests: Array<ContestView & { deputyId: string; deputyName: string; year: number; entryTitle: string | null }>;
}

/** A 述职评议 period of the staff member's area, with its deputies and what waits for moderation. */
export interface ReviewRow {
  reviewId: string;
  title: string;
  year: number;
  opensOn: string;
  closesOn: string;
  phase: ReviewPhase;
  phaseLabel: string;
  audienceLabel: string;
  deputies: Array<{ deputyId: string; name: string }>;
  heldComments: number;
}

/** A resident's comment WeChat's content security held for staff: no rating and no resident attached. */
export interface HeldComment {
  commentId: string;
  deputyId: string;
  deputyName: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Payloads

const rulePayload = z.strictObject({ points: z.number().int().min(0).max(100), capPerYear: z.number().int().min(0).max(1000).nullable() });
const rulesShape = Object.fromEntries(SCORED_KINDS.map((kind) => [kind, rulePayload])) as Record<ScoredKind, typeof rulePayload>;

const dateRange = <T extends { opensOn: string; closesOn: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.closesOn < value.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '结束日期不能早于开始日期' });
};

/** A duty export made in the call: the workbook in cloud storage with a temporary URL. */
export interface DutyExportFile {
  fileID: string;
  url: string;
  fileName: string;
  deputyCount: number;
}

/**
 * duty.export's answer: the file, made in the call; or, for another year of a scope too large to
 * work out in one call, the background job that makes it (casework.getExport / listExports show it).
 */
export type DutyExport = DutyExportFile | { job: ExportJobView };

export const dutyActions = namespaced('duty', {
  /** A deputy (their own) or staff in scope: the year's record, its score line by line, and the figures. */
  getRecord: action<DutyRecord>()(z.strictObject({ year, deputyId: docId.optional() })),
  /** Staff: their area's (or station's) deputies, a page at a time, with this year's published totals and what waits for them. */
  listDeputies: action<{ deputies: DeputyRow[]; nextCursor: string | null }>()(z.strictObject({ year, cursor: cursor.optional() })),
  /** Staff: activities to confirm, leave to approve and contests to decide, of the deputies their scope covers. */
  listPending: action<PendingWork>()(z.strictObject({})),
  /** A deputy (their own, confirmed by staff later) or staff (for a group, confirmed at once). */
  addActivity: action<{ activity: ActivityView }>()(
    z.strictObject({
      clientRequestId,
      type: z.enum(ACTIVITY_TYPES),
      date: calendarDate,
      place: text(2, 60),
      note: text(2, 500),
      photos: z.array(activityPhoto).max(9).default([]),
      deputyIds: z.array(docId).min(1).max(100).optional(),
    }),
  ),
  /** Staff: confirm an activity a deputy added, or not. */
  reviewActivity: action<{ activity: ActivityView }>()(z.strictObject({ activityId: docId, confirm: z.boolean() })),
  /** A deputy: an entry is wrong or double, or one is missing (错、重、漏), within the window staff set. */
  contest: action<{ contest: ContestView }>()(
    z
      .strictObject({ year, kind: z.enum(CONTEST_KINDS), entryId: entryId.optional(), reason: text(4, 300) })
      .superRefine(requiredWhen('entryId', (value) => value.kind !== 'missing', '请选择有误或重复的那一条记录')),
  ),
  /** Staff: uphold a contest (a wrong or double entry stops counting; a missing one is added as an activity) or dismiss it. */
  decideContest: action<{ contest: ContestView }>()(
    z.strictObject({
      contestId: docId,
      uphold: z.boolean(),
      note: text(2, 300),
      missing: z.strictObject({ type: z.enum(ACTIVITY_TYPES), date: calendarDate, place: text(2, 60) }).optional(),
    }),
  ),
  /** A deputy on a reception day's roster: ask for leave before the day. */
  askLeave: action<{ leave: LeaveView }>()(z.strictObject({ dayId: docId, reason: text(2, 200) })),
  /** Staff: approve or refuse a leave, or record a deputy on the roster as absent (or present again). */
  setAttendance: action<{ dayId: string; deputyId: string; attendance: 'present' | 'absent' | 'leaveApproved' | 'leaveRefused' }>()(
    z.strictObject({ dayId: docId, deputyId: docId, attendance: z.enum(['present', 'absent', 'leaveApproved', 'leaveRefused']) }),
  ),
  /** Staff: the points rules of an area (every version) and its settings. */
  getRules: action<RulesView>()(z.strictObject({ areaId: docId })),
  /** Area staff: a rules version from a date on; an existing version of that date is replaced. */
  saveRules: action<RulesView>()(
    z.strictObject({ areaId: docId, effectiveFrom: calendarDate, rules: z.strictObject(rulesShape), missedDayPenalty: z.number().int().min(0).max(100) }),
  ),
  /** Area staff: the contest window and whether a ranking is shown in the area. */
  saveSettings: action<RulesView>()(
    z.strictObject({ areaId: docId, contestFrom: calendarDate.nullable(), contestUntil: calendarDate.nullable(), rankingShown: z.boolean() }).superRefine((value, ctx) => {
      if ((value.contestFrom === null) !== (value.contestUntil === null)) ctx.addIssue({ code: 'custom', path: ['contestUntil'], message: '请同时填写核对期的开始和结束日期' });
      if (value.contestFrom && value.contestUntil && value.contestUntil < value.contestFrom)
        ctx.addIssue({ code: 'custom', path: ['contestUntil'], message: '结束日期不能早于开始日期' });
    }),
  ),
  /** Staff: the year's record as Excel, for one deputy or every deputy they see (another year of a large scope: a background job). */
  export: action<DutyExport>()(z.strictObject({ year, deputyId: docId.optional() })),
  /** Anyone: a deputy's or a station's figures this year, in plain words (亮分), with stars for a station. */
  figures: action<PublicFigures>()(
    z
      .strictObject({ deputyId: docId.optional(), stationId: docId.optional(), year: year.optional() })
      .refine((value) => !!value.deputyId !== !!value.stationId, { message: '请指定一位代表或一个联络站' }),
  ),
  /** Staff: open a 述职评议 period for deputies of their area. */
  openReview: action<{ reviewId: string }>()(
    z
      .strictObject({
        clientRequestId,
        areaId: docId,
        title: text(4, 60),
        year,
        deputyIds: z.array(docId).min(1).max(50),
        opensOn: calendarDate,
        closesOn: calendarDate,
        audience: z.enum(REVIEW_AUDIENCES),
      })
      .superRefine(dateRange),
  ),
  /** Staff: the 述职评议 periods of their area (station staff: those of their station's deputies), newest first. */
  listReviews: action<{ reviews: ReviewRow[] }>()(z.strictObject({ year: year.optional() })),
  /** Anyone: a deputy's report of a period, with the caller's own rating; results once it ended. */
  getReport: action<ReportView>()(z.strictObject({ reviewId: docId, deputyId: docId })),
  /** The deputy: edit their report while the period has not ended. */
  saveReport: action<ReportView>()(z.strictObject({ reviewId: docId, text: text(20, REPORT_TEXT_MAX) })),
  /** A resident: rate a report once (满意, 基本满意, 不满意), with a comment if they like. */
  rateReport: action<{ rating: ReviewRating }>()(
    z.strictObject({
      reviewId: docId,
      deputyId: docId,
      rating: z.enum(REVIEW_RATINGS),
      comment: text(2, REVIEW_COMMENT_MAX).optional(),
      stationCode: z.string().max(16).optional(),
    }),
  ),
  /** Staff over the period's area: comments held by content security, waiting for a decision. */
  listHeldComments: action<{ comments: HeldComment[] }>()(z.strictObject({ reviewId: docId })),
  /** Staff over the period's area: publish a held comment (shown with the results) or reject it (never shown). */
  moderateComment: action<{ commentId: string; state: 'published' | 'rejected' }>()(z.strictObject({ reviewId: docId, commentId: docId, publish: z.boolean() })),
  /** The deputy: answer a comment on their report. */
  answerComment: action<ReportView>()(z.strictObject({ reviewId: docId, commentId: docId, answer: text(2, 300) })),
});
