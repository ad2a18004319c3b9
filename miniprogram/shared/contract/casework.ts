import * as z from 'zod';
import type { DeputySummary, StationSummary } from '../domain/directory';
import type { CaseStage } from '../domain/caseDeadlines';
import { ANSWER_CATEGORIES, answerNeedsReason, CASE_TEXT_LIMITS, type AnswerCategory, type CaseAction, type FollowUpAnswer, type RatingValue } from '../domain/casework';
import { FIGURES, STATS_MAX_DAYS, type Figure, type FigureCounts, type FigureRates } from '../domain/caseStats';
import { PUBLIC_DRILLS, type HeadlineValue, type ProjectCounts, type ProjectRates, type PublicDrill } from '../domain/figures';
import type { ActorRole, OpinionCategory, OpinionEventType, OpinionLocation, OpinionStatus } from '../domain/opinion';
import type { Contact } from '../domain/privacy';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, cursor, docId, pageSize, paragraphText, requiredWhen } from './fields';
import type { OpinionPhoto, Page, TabbedPage } from './opinion';

const text = (min: number, max: number) =>
  paragraphText()
    .refine((value) => [...value].length >= min, { message: min > 1 ? `请至少写${min}个字` : '必填' })
    .refine((value) => [...value].length <= max, { message: `最多${max}个字` });

/** Where figures are counted: an area's subtree, one station, or one deputy. Absent: the caller's own scope. */
export const statsScope = z.union([z.strictObject({ areaId: docId }), z.strictObject({ stationId: docId }), z.strictObject({ deputyId: docId })]);
export type StatsScope = z.output<typeof statsScope>;

const DAY_MS = 86_400_000;

/** A month of a year, or the whole year (no month). */
const figuresPeriod = {
  year: z.number().int().min(2020).max(2100),
  month: z.number().int().min(1).max(12).optional(),
};

/** A range of Shanghai calendar dates, both ends included, at most STATS_MAX_DAYS long. */
/** 统计's first screen in one answer. */
export interface StatsScreen {
  stats: CaseStats;
  /** The active stations of an area staff member's or administrator's area; none for station staff. */
  stations: StationSummary[];
  /** Station staff: the active deputies of their station, to count one deputy's work alone; none for area staff. */
  deputies: DeputySummary[];
}

const statsRange = {
  from: calendarDate,
  to: calendarDate,
  scope: statsScope.optional(),
};
function rangeIsValid(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(value.to) - Date.parse(value.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if (days > STATS_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计期间最长${STATS_MAX_DAYS}天` });
}

export const STAFF_CASE_VIEWS = ['toAccept', 'toAssign', 'handling', 'toReview', 'awaitingRating', 'closed', 'overdue', 'referred', 'all'] as const;
export type StaffCaseView = (typeof STAFF_CASE_VIEWS)[number];
/**
 * The queues whose tab shows a count (待受理 3): the work to do. 已办结 and 全部 are the archive, which on
 * a city holds every case of years: counting them on every first page would cost the most and tell
 * staff nothing to act on.
 */
export const STAFF_CASE_COUNTED_VIEWS = STAFF_CASE_VIEWS.filter((view) => view !== 'closed' && view !== 'all');

export const HANDLER_CASE_VIEWS = ['todo', 'all'] as const;
export type HandlerCaseView = (typeof HANDLER_CASE_VIEWS)[number];

export const answerPayload = z
  .strictObject({
    opinionId: docId,
    category: z.enum(ANSWER_CATEGORIES),
    text: text(5, CASE_TEXT_LIMITS.answer),
    reason: text(0, CASE_TEXT_LIMITS.reason).optional(),
  })
  .superRefine(requiredWhen('reason', (value) => answerNeedsReason(value.category), '列入计划或留作参考时请说明理由'));

// ---------------------------------------------------------------------------------------------
// Results

export interface DeadlineView {
  stage: CaseStage;
  stageLabel: string;
  /** ISO 8601: the end of the last working day allowed. */
  dueAt: string;
  overdue: boolean;
  /** Working days late at the time of the request, by the holiday calendar (today included); 0 while in time. */
  overdueWorkingDays: number;
  /** Counted across a year whose holidays nobody has recorded: the date may come too early (假期安排未录入). */
  holidaysUnknown: boolean;
}

export interface CaseSummary {
  opinionId: string;
  trackingNo: string;
  category: OpinionCategory;
  categoryLabel: string;
  excerpt: string;
  stationId: string;
  stationName: string;
  /** The deputy it was left for by name, if any. */
  deputyName: string | null;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: string;
  /** The stage the case waits on now, if it waits on anyone in office. */
  deadline: DeadlineView | null;
  /** Past due now, or some stage finished late. */
  overdue: boolean;
  round: number;
  /** The departments of the current round. */
  departmentNames: string[];
  urgeCount: number;
  outcome: { category: AnswerCategory; label: string } | null;
  rating: { value: RatingValue; label: string } | null;
  /** A department sent it back (退回) and staff have not re-routed it yet. */
  referralOpen: boolean;
  /** Times departments sent it back. */
  referralCount: number;
  /** Sent back repeatedly (CASE_REFERRAL bounceFlagAt): flagged to staff as bouncing between departments. */
  bounced: boolean;
}

export interface CaseEventView {
  type: OpinionEventType;
  label: string;
  at: string;
  actorRole: ActorRole;
  /** Who acted, shown as role and name (人大工作人员 张三); account ids stay in the store. */
  actorLabel: string;
  actorName?: string;
  note?: string;
  internalNote?: string;
  public: boolean;
}

export interface AssignmentView {
  round: number;
  departmentId: string;
  departmentName: string;
  assignedAt: string;
  dueAt: string;
  answer: { category: AnswerCategory; categoryLabel: string; text: string; reason?: string; at: string } | null;
  /** While the department still owes this round's answer: working days late now, by the holiday calendar; else 0. */
  overdueWorkingDays: number;
  /** The department sent the case back (退回): why and when. */
  referral: { reason: string; at: string } | null;
}

export interface DepartmentChoice {
  _id: string;
  name: string;
  areaId: string;
}

export interface CaseDetail extends CaseSummary {
  text: string;
  photos: OpinionPhoto[];
  location?: OpinionLocation;
  /** `phone` in full only when the resident consented to be contacted; otherwise masked. */
  contact: Contact | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  ratingDueAt: string | null;
  closedAt: string | null;
  lateStages: Array<{ stage: CaseStage; stageLabel: string }>;
  assignments: AssignmentView[];
  pendingDepartmentIds: string[];
  ratingDetail: { value: RatingValue; label: string; comment?: string; at: string } | null;
  /**
   * 回访, kept apart from the rating: `dueAt` (ISO) while it waits to be asked, `askedAt` once
   * asked, and the resident's answer; null while the case is open.
   */
  followUpDetail: { dueAt: string | null; askedAt: string | null; answer: { value: FollowUpAnswer; label: string; note?: string; at: string } | null } | null;
  /** Everything, internal notes included, oldest first. */
  timeline: CaseEventView[];
  /** What the caller may do to it now. */
  actions: CaseAction[];
  /** For staff, while it can be assigned: active departments of its area and the areas above. */
  assignableDepartments: DepartmentChoice[];
  /** For staff, while it can be assigned: the configured working days a department gets to answer… */
  assignWorkingDays: number | null;
  /** …the last working day (YYYY-MM-DD, Shanghai) a 交办 made now would allow… */
  assignDueDate: string | null;
  /** …and the instant (ISO 8601) it would be due; null otherwise. */
  assignDueAt: string | null;
  /** Whether that date was counted across a year whose holidays nobody has recorded. */
  assignDueHolidaysUnknown: boolean;
  /** For a handler whose department may still send it back (退回): until when (ISO); null otherwise. */
  referBackUntil: string | null;
}

export interface CaseActionResult {
  opinionId: string;
  status: OpinionStatus;
  statusLabel: string;
  event: OpinionEventType;
}

export interface UrgeResult extends CaseActionResult {
  urgeCount: number;
  /** Handler accounts WeChat accepted the urging message for. */
  notified: number;
}

export interface ReviewResult extends CaseActionResult {
  /** Approving: whether the resident's subscribe message was accepted. */
  notified: boolean;
}

export interface ScopeView {
  kind: 'area' | 'station' | 'deputy';
  id: string;
  name: string;
}

export interface CaseStats {
  from: string;
  to: string;
  scope: ScopeView;
  counts: FigureCounts;
  rates: FigureRates;
  /** 票决 projects of the area's rounds in the range's years (an area only; null for a station or a deputy). */
  projects: (ProjectCounts & ProjectRates) | null;
  generatedAt: string;
  /** Years of the range whose holidays nobody has recorded: deadlines there, and so 逾期, may be early. */
  holidaysUnknownYears: number[];
}

/** The public headline figures of a place for a month or a year (casework.figures). */
export interface PublicFigures {
  scope: ScopeView;
  year: number;
  month: number | null;
  periodLabel: string;
  from: string;
  to: string;
  headlines: HeadlineValue[];
  generatedAt: string;
}

/** A case behind a public figure: no name, phone, photo or tracking number; text only once published, masked. */
export interface PublicCaseRow {
  key: string;
  date: string;
  stationName: string;
  categoryLabel: string;
  statusLabel: string;
  /** 已解决 (A类), 列入计划, 留作参考, or ''. */
  outcomeLabel: string;
  ratingLabel: string;
  /** An excerpt with personal details masked; '' when the text is held or rejected by content review. */
  text: string;
}

/** A visit or a reception behind a public figure: the day and the station, nobody's name. */
export interface PublicVisitRow {
  key: string;
  date: string;
  stationName: string;
  /** 预约签到 / 现场登记 / 代表接待（n 项诉求）. */
  kindLabel: string;
}

export interface PublicProjectRow {
  candidateId: string;
  title: string;
  place: string;
  unitName: string;
  year: number;
  percent: number;
  stateLabel: string;
}

/**
 * The rows behind a figure, a page at a time: one member for each kind of row, told apart by
 * `kind` (`{ …head, kind: 'cases' } & Page<CaseRow>`).
 */
type FigureRows<Head, Rows> = { [K in keyof Rows]: Head & { kind: K } & Page<Rows[K]> }[keyof Rows];

export type PublicFigureItems = FigureRows<{ drill: PublicDrill; label: string }, { cases: PublicCaseRow; visits: PublicVisitRow; projects: PublicProjectRow }>;

export interface VisitRow {
  bookingId: string;
  date: string;
  stationId: string;
  stationName: string;
  /** `online`: booked and checked in; `walkIn`: registered at the station. */
  kind: 'online' | 'walkIn';
  visitorName: string;
  topic: string;
  checkedInAt: string | null;
}

export interface ReceptionRow {
  recordId: string;
  date: string;
  stationId: string;
  stationName: string;
  visitorName: string;
  deputyIds: string[];
  itemCount: number;
  recordedAt: string;
}

export type DrillDown = FigureRows<{ figure: Figure; label: string }, { cases: CaseSummary; visits: VisitRow; receptions: ReceptionRow }>;

export interface CaseExport {
  fileID: string;
  /** A temporary HTTPS URL of the .xlsx. */
  url: string;
  fileName: string;
  caseCount: number;
}

/** Where a background export stands: queued until the exports timer takes it, then written, or failed. */
export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** What a background export holds: cases and their statistics (casework.startExport), or deputies' duty records of a year (duty.export). */
export type ExportJobKind = 'casework' | 'duty';

/** An export of a long range (a year of a city) written in the background, as its requester sees it. */
export interface ExportJobView {
  _id: string;
  kind: ExportJobKind;
  status: ExportJobStatus;
  from: string;
  to: string;
  requestedAt: string;
  finishedAt: string | null;
  /** Filled once done. */
  fileName: string | null;
  /** Filled once done: the rows of its list, cases (casework) or deputies (duty). */
  caseCount: number | null;
  /** A temporary HTTPS URL of the .xlsx, fresh on every read, once done. */
  url: string | null;
}

// ---------------------------------------------------------------------------------------------
// Actions

const note = (min: number) => text(min, CASE_TEXT_LIMITS.note);

/** 交办 and 改派 send the same: the case, the departments it goes to, and a note for them. */
const departmentsPayload = z.strictObject({
  opinionId: docId,
  departmentIds: z
    .array(docId)
    .max(CASE_TEXT_LIMITS.departments)
    .refine((ids) => ids.length > 0, { message: '请至少选择一个承办单位' }),
  note: note(2),
});

export const caseworkActions = namespaced('casework', {
  /** Staff: cases in their scope, by work queue. */
  list: action<TabbedPage<CaseSummary, StaffCaseView>>()(
    z.strictObject({ view: z.enum(STAFF_CASE_VIEWS), stationId: docId.optional(), cursor: cursor.optional(), pageSize: pageSize.optional() }),
  ),
  /** Handlers: cases assigned to their department. */
  listAssigned: action<TabbedPage<CaseSummary, HandlerCaseView>>()(z.strictObject({ view: z.enum(HANDLER_CASE_VIEWS), cursor: cursor.optional(), pageSize: pageSize.optional() })),
  get: action<CaseDetail>()(z.strictObject({ opinionId: docId })),
  accept: action<CaseActionResult>()(z.strictObject({ opinionId: docId, note: note(0).optional() })),
  assign: action<CaseActionResult>()(departmentsPayload),
  answer: action<CaseActionResult>()(answerPayload),
  review: action<ReviewResult>()(
    z
      .strictObject({
        opinionId: docId,
        decision: z.enum(['approve', 'return']),
        /** Approve: optional, internal. Return: what to redo, required. */
        note: note(0).optional(),
        /** Return: the departments to redo; all of the round when absent. */
        departmentIds: z.array(docId).max(CASE_TEXT_LIMITS.departments).optional(),
      })
      .superRefine(requiredWhen('note', (value) => value.decision === 'return', '退回重办时请写明需要重新办理的内容')),
  ),
  urge: action<UrgeResult>()(z.strictObject({ opinionId: docId, note: note(2) })),
  /** Handlers: 退回 — the case is not their department's responsibility (within CASE_REFERRAL working days of its assignment). */
  referBack: action<CaseActionResult>()(z.strictObject({ opinionId: docId, reason: text(5, CASE_TEXT_LIMITS.reason) })),
  /** Staff: re-route what a department sent back (改派) to one or more departments. */
  reroute: action<CaseActionResult>()(departmentsPayload),
  /** Staff: reopen a closed case whose resident said 没有解决 at the 回访, for another round of assignment. */
  reopen: action<CaseActionResult>()(z.strictObject({ opinionId: docId, note: note(2) })),
  stats: action<CaseStats>()(z.strictObject(statsRange).superRefine(rangeIsValid)),
  /** 统计 first screen, staff: the figures as stats answers them and the places to narrow to (their area's stations, or their station's deputies), in one call. */
  statsScreen: action<StatsScreen>()(z.strictObject(statsRange).superRefine(rangeIsValid)),
  drillDown: action<DrillDown>()(z.strictObject({ ...statsRange, figure: z.enum(FIGURES), cursor: cursor.optional(), pageSize: pageSize.optional() }).superRefine(rangeIsValid)),
  export: action<CaseExport>()(z.strictObject(statsRange).superRefine(rangeIsValid)),
  /** Staff: the same workbook for any number of cases, written in the background (see listExports, getExport). */
  startExport: action<{ job: ExportJobView }>()(z.strictObject({ ...statsRange, clientRequestId }).superRefine(rangeIsValid)),
  /** Staff: one of their background exports, to poll until it is done. */
  getExport: action<{ job: ExportJobView }>()(z.strictObject({ jobId: docId })),
  /** Staff: their background exports, latest first: what is ready to download. */
  listExports: action<{ jobs: ExportJobView[] }>()(z.strictObject({})),
  /** Anyone: the headline figures of an area, a station or a deputy for a month or a year. */
  figures: action<PublicFigures>()(z.strictObject({ scope: statsScope, ...figuresPeriod })),
  /** Anyone: the anonymised cases, visits or projects behind one public figure, a page at a time. */
  figureItems: action<PublicFigureItems>()(z.strictObject({ scope: statsScope, ...figuresPeriod, drill: z.enum(PUBLIC_DRILLS), cursor: cursor.optional() })),
});
