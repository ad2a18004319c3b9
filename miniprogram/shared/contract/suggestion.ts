import * as z from 'zod';
import type { Area } from '../domain/directory';
import { OPINION_CATEGORIES, type OpinionCategory } from '../domain/opinion';
import {
  ANSWER_CLASSES,
  answerClassNeedsReason,
  ASSIGN_MODES,
  REVIEW_DECISIONS,
  SUGGESTION_TEXT_LIMITS as LIMITS,
  VERDICTS,
  type AnswerClass,
  type InvitationState,
  type SuggestionActorRole,
  type SuggestionEventType,
  type SuggestionKind,
  type SuggestionStage,
  type SuggestionStatus,
  type UnitRole,
  type Verdict,
} from '../domain/suggestion';
import { SUGGESTION_FIGURES, type SuggestionCounts, type SuggestionFigure, type SuggestionRates } from '../domain/suggestionStats';
import type { DepartmentChoice } from './casework';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, cursor, docId, pageSize, paragraphText, requiredWhen } from './fields';
import type { Page, TabbedPage } from './opinion';

const text = (min: number, max: number) =>
  paragraphText()
    .refine((value) => [...value].length >= min, { message: min > 1 ? `请至少写${min}个字` : '必填' })
    .refine((value) => [...value].length <= max, { message: `最多${max}个字` });

/** A tracking number (受理编号) as residents read it out: `NH01-261118-001`. */
const trackingNo = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,8}-\d{6}-\d{3,4}$/, '受理编号格式应为 NH01-261118-001'));

// ---------------------------------------------------------------------------------------------
// Results

export interface SessionView {
  _id: string;
  areaId: string;
  areaName: string;
  name: string;
  /** Shanghai dates, both included: when deputies may submit suggestions to it. */
  acceptsFrom: string;
  acceptsUntil: string;
  active: boolean;
  /** Accepting suggestions today. */
  open: boolean;
}

export interface SuggestionDeadlineView {
  stage: SuggestionStage;
  stageLabel: string;
  /** YYYY-MM-DD, Shanghai: the last day allowed. */
  dueDate: string;
  dueAt: string;
  overdue: boolean;
  /** The last day moved past days off of a year whose holidays nobody recorded. */
  holidaysUnknown: boolean;
}

export interface SuggestionSummary {
  suggestionId: string;
  /** 第0012号 once registered; '' before. */
  numberLabel: string;
  title: string;
  category: OpinionCategory;
  categoryLabel: string;
  status: SuggestionStatus;
  statusLabel: string;
  kind: SuggestionKind | null;
  kindLabel: string;
  sessionId: string;
  sessionName: string;
  leadDeputyId: string;
  leadDeputyName: string;
  /** Those who accepted to co-sign. */
  coSignerNames: string[];
  /** 主办 (or leading 会办) unit now. */
  leadUnitName: string | null;
  deadline: SuggestionDeadlineView | null;
  /** Past its deadline now, or first answered late. */
  overdue: boolean;
  answerClass: AnswerClass | null;
  answerClassLabel: string;
  verdict: { value: Verdict; label: string } | null;
  key: boolean;
  followUp: boolean;
  rehandleCount: number;
  referralOpen: boolean;
  referralCount: number;
  bounced: boolean;
  extensionPending: boolean;
  submittedAt: string | null;
  updatedAt: string;
  /** For a deputy invited to co-sign: where their invitation stands. */
  myInvitation?: InvitationState;
  /** For a unit's handler: the unit's role on it now (absent once it sent it back). */
  myRole?: UnitRole;
}

export interface SuggestionUnitView {
  departmentId: string;
  departmentName: string;
  role: UnitRole;
  roleLabel: string;
  assignedAt: string;
  /** The lead's and 会办 units': the answer deadline; a 协办 unit's: its views deadline. */
  dueAt: string;
  active: boolean;
  /** Staff and units only: the 协办/会办 unit's views and a unit's reason for sending it back. */
  view: { text: string; at: string } | null;
  referral: { reason: string; at: string } | null;
}

export interface SuggestionAnswerView {
  kind: 'answer' | 'rehandle' | 'followUp';
  kindLabel: string;
  answerClass: AnswerClass;
  answerClassLabel: string;
  text: string;
  reason?: string;
  departmentName: string;
  jointNames: string[];
  at: string;
  onTime: boolean;
}

export interface SuggestionEventView {
  type: SuggestionEventType;
  label: string;
  at: string;
  actorRole: SuggestionActorRole;
  actorName?: string;
  note?: string;
  /** Staff and units only. */
  internalNote?: string;
}

export const SUGGESTION_ACTIONS = [
  'edit',
  'submit',
  'respond',
  'rate',
  'review',
  'assign',
  'markKey',
  'decideExtension',
  'reroute',
  'sendView',
  'answer',
  'requestExtension',
  'referBack',
  'followUp',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

export interface SuggestionDetail extends SuggestionSummary {
  viewer: 'lead' | 'coSigner' | 'staff' | 'handler';
  cause: string;
  content: string;
  /** The residents' opinions it came from, by tracking number only: residents stay private. */
  opinions: Array<{ opinionId: string; trackingNo: string }>;
  coSigners: Array<{ deputyId: string; name: string; state: InvitationState; stateLabel: string }>;
  units: SuggestionUnitView[];
  answers: SuggestionAnswerView[];
  verdicts: Array<{ value: Verdict; label: string; comment?: string; at: string }>;
  extension: { months: number; reason: string; at: string; state: 'pending' | 'approved' | 'refused'; stateLabel: string; note?: string } | null;
  keyLeader: string | null;
  timeline: SuggestionEventView[];
  /** What the caller may do now. */
  actions: SuggestionAction[];
  /** For a unit's handler: until when it may send the suggestion back; null otherwise. */
  referBackUntil: string | null;
  /** For the lead unit: months an extension may still ask for. */
  extensionRoomMonths: number;
  /** For staff choosing units (to assign, or to re-route): active departments of the congress's area and below. */
  assignableDepartments: DepartmentChoice[];
  /** For the lead unit while 协办/会办 views are awaited: those units. */
  awaitingViewsFrom: string[];
}

export interface SuggestionActionResult {
  suggestionId: string;
  status: SuggestionStatus;
  statusLabel: string;
}

/** What both tables count of a row's suggestions once they are answered: classes, ratings, time. */
export interface AnsweredCounts {
  answered: number;
  answeredOnTime: number;
  classA: number;
  classB: number;
  classC: number;
  rated: number;
  satisfied: number;
  dissatisfied: number;
  rehandled: number;
  overdue: number;
  rates: SuggestionRates;
}

/** A unit's row of the published table. */
export interface UnitRow extends AnsweredCounts {
  departmentId: string;
  name: string;
  /** 主办 (or leading 会办). */
  lead: number;
  /** 协办 and 会办. */
  assisting: number;
}

/** A delegation's (area's) row: suggestions its deputies led. */
export interface AreaRow extends AnsweredCounts {
  areaId: string;
  name: string;
  received: number;
  registered: number;
}

export interface SuggestionStats {
  session: { id: string; name: string; areaName: string };
  /** What the figures are narrowed to, if anything. */
  area: { id: string; name: string } | null;
  unit: { id: string; name: string; role: 'lead' | 'assist' } | null;
  counts: SuggestionCounts;
  rates: SuggestionRates;
  byUnit: UnitRow[];
  byArea: AreaRow[];
  generatedAt: string;
  holidaysUnknownYears: number[];
}

export interface SuggestionDrillDown extends Page<SuggestionSummary> {
  figure: SuggestionFigure;
  label: string;
}

export interface SuggestionExport {
  fileID: string;
  url: string;
  fileName: string;
  suggestionCount: number;
}

// ---------------------------------------------------------------------------------------------
// Payloads

export const STAFF_SUGGESTION_VIEWS = ['toReview', 'toAssign', 'handling', 'extensions', 'referred', 'answered', 'followUp', 'overdue', 'key', 'closed', 'all'] as const;
export type StaffSuggestionView = (typeof STAFF_SUGGESTION_VIEWS)[number];

export const DEPUTY_SUGGESTION_VIEWS = ['led', 'coSigned', 'invitations'] as const;
export type DeputySuggestionView = (typeof DEPUTY_SUGGESTION_VIEWS)[number];

export const HANDLER_SUGGESTION_VIEWS = ['todo', 'all'] as const;
export type HandlerSuggestionView = (typeof HANDLER_SUGGESTION_VIEWS)[number];

export const saveSessionPayload = z
  .strictObject({
    /** Absent: a new session (with `clientRequestId`). Present: replace that session's fields. */
    sessionId: docId.optional(),
    clientRequestId: clientRequestId.optional(),
    areaId: docId,
    name: text(4, LIMITS.sessionName),
    acceptsFrom: calendarDate,
    acceptsUntil: calendarDate,
    active: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (!value.sessionId && !value.clientRequestId) ctx.addIssue({ code: 'custom', path: ['clientRequestId'], message: '新建会议需要请求编号' });
    if (value.acceptsUntil < value.acceptsFrom) ctx.addIssue({ code: 'custom', path: ['acceptsUntil'], message: '结束日期不能早于开始日期' });
  });

export const saveDraftPayload = z.strictObject({
  /** One per draft, kept on the phone and sent with every save: a retried first save lands on the same draft. */
  clientRequestId,
  /** Absent on the first save. */
  suggestionId: docId.optional(),
  sessionId: docId,
  title: text(4, LIMITS.title),
  cause: text(10, LIMITS.cause),
  content: text(20, LIMITS.content),
  category: z.enum(OPINION_CATEGORIES),
  opinionTrackingNos: z.array(trackingNo).max(LIMITS.opinions).default([]),
  coSignerIds: z.array(docId).max(LIMITS.coSigners).default([]),
});

export const reviewPayload = z
  .strictObject({
    suggestionId: docId,
    decision: z.enum(REVIEW_DECISIONS),
    /** 立案: optional, internal. 一般意见 and 退回: the reason, required, for the deputy. */
    note: text(0, LIMITS.note).optional(),
  })
  .superRefine(requiredWhen('note', (value) => value.decision === 'general' || value.decision === 'return', '请写明理由，代表会看到'));

export const assignPayload = z.strictObject({
  suggestionId: docId,
  mode: z.enum(ASSIGN_MODES),
  leadDepartmentId: docId,
  /** 协办 units (mode lead) or the other 会办 units (mode joint). */
  otherDepartmentIds: z.array(docId).max(LIMITS.otherUnits).default([]),
  note: text(2, LIMITS.note),
});

export const answerPayload = z
  .strictObject({
    suggestionId: docId,
    answerClass: z.enum(ANSWER_CLASSES),
    text: text(20, LIMITS.answer),
    reason: text(0, LIMITS.reason).optional(),
  })
  .superRefine(
    requiredWhen(
      'reason',
      (value) => answerClassNeedsReason(value.answerClass),
      (value) => (value.answerClass === 'B' ? '请写明解决计划和完成时限' : '请写明暂时不能解决的原因'),
    ),
  );

export const verdictPayload = z
  .strictObject({ suggestionId: docId, verdict: z.enum(VERDICTS), comment: text(0, LIMITS.comment).optional() })
  .superRefine(requiredWhen('comment', (value) => value.verdict === 'dissatisfied', '请写明不满意的地方，承办单位将重新办理'));

/** Where figures are counted: a session, optionally one delegation (area) of it or one unit. */
const statsQuery = {
  sessionId: docId,
  areaId: docId.optional(),
  departmentId: docId.optional(),
  /** With `departmentId`: its suggestions as 主办 (default) or as 协办/会办. */
  unitRole: z.enum(['lead', 'assist']).optional(),
};

// ---------------------------------------------------------------------------------------------
// Actions

/** 会议管理's first screen in one answer. */
export interface SessionsScreen {
  sessions: SessionView[];
  /** The congresses a session may belong to: the caller's area and the districts and townships below it. */
  areas: Area[];
}

export const suggestionActions = namespaced('suggestion', {
  /** `submit`: deputies, the sessions they may submit to now. `manage`: staff (area, admin), the sessions of their area and below. */
  listSessions: action<{ sessions: SessionView[] }>()(z.strictObject({ purpose: z.enum(['submit', 'manage']) })),
  /** 会议管理 first screen, staff (area, admin): the `manage` sessions and the congresses of their area and below, in one call. */
  sessionsScreen: action<SessionsScreen>()(z.strictObject({})),
  /** Staff (area, admin): create or change a session of a congress in their area. */
  saveSession: action<{ session: SessionView }>()(saveSessionPayload),

  /** Deputies: save a draft (a new one, or their draft or returned suggestion), inviting co-signers. */
  saveDraft: action<{ suggestion: SuggestionDetail }>()(saveDraftPayload),
  /** Deputies: submit their draft; a retry answers the suggestion as it stands. */
  submit: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId })),
  /** Deputies: the suggestions they lead, those they co-signed, and invitations to co-sign. */
  listMine: action<TabbedPage<SuggestionSummary, DeputySuggestionView>>()(
    z.strictObject({ view: z.enum(DEPUTY_SUGGESTION_VIEWS), cursor: cursor.optional(), pageSize: pageSize.optional() }),
  ),
  /** The lead deputy, co-signers, staff in scope and the units assigned: one suggestion as they may see it. */
  get: action<SuggestionDetail>()(z.strictObject({ suggestionId: docId })),
  /** Deputies invited to co-sign: accept or decline, while it is being drafted. */
  respond: action<SuggestionActionResult & { state: InvitationState }>()(z.strictObject({ suggestionId: docId, accept: z.boolean() })),
  /** The lead deputy: the verdict on the answer (不满意 opens 重新办理). */
  rate: action<SuggestionActionResult>()(verdictPayload),

  /** Staff: suggestions of their area's congresses, by work queue. */
  list: action<TabbedPage<SuggestionSummary, StaffSuggestionView>>()(
    z.strictObject({ view: z.enum(STAFF_SUGGESTION_VIEWS), sessionId: docId.optional(), cursor: cursor.optional(), pageSize: pageSize.optional() }),
  ),
  /** Staff: 立案 (建议 or 批评意见), 转为一般意见, or back to the deputy. */
  review: action<SuggestionActionResult & { numberLabel: string }>()(reviewPayload),
  /** Staff: assign to 主办 + 协办 units or to 会办 units; the legal clock starts. */
  assign: action<SuggestionActionResult>()(assignPayload),
  /** Staff: mark 重点督办 under a named leader, or take the mark off. */
  markKey: action<SuggestionActionResult>()(
    z
      .strictObject({ suggestionId: docId, key: z.boolean(), leader: text(2, LIMITS.leader).optional() })
      .superRefine(requiredWhen('leader', (value) => value.key, '请写明督办领导')),
  ),
  /** Staff: approve or refuse the lead unit's request for more time. */
  decideExtension: action<SuggestionActionResult & { dueDate: string | null }>()(
    z.strictObject({ suggestionId: docId, approve: z.boolean(), note: text(0, LIMITS.note).optional() }),
  ),
  /** Staff: re-route what a unit sent back to another unit (or the same, insisting). */
  reroute: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId, departmentId: docId, note: text(2, LIMITS.note) })),

  /** Handlers: the suggestions assigned to their unit. */
  listAssigned: action<TabbedPage<SuggestionSummary, HandlerSuggestionView>>()(
    z.strictObject({ view: z.enum(HANDLER_SUGGESTION_VIEWS), cursor: cursor.optional(), pageSize: pageSize.optional() }),
  ),
  /** Handlers of a 协办 or 会办 unit: their views, sent to the lead unit. */
  sendView: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId, text: text(10, LIMITS.view) })),
  /** Handlers of the lead unit: the written answer with its class (also after 重新办理). */
  answer: action<SuggestionActionResult>()(answerPayload),
  /** Handlers of the lead unit: more time, with the reason. */
  requestExtension: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId, months: z.number().int().min(1).max(6), reason: text(10, LIMITS.reason) })),
  /** Handlers: 退回 — not their unit's responsibility (within the referral window). */
  referBack: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId, reason: text(5, LIMITS.reason) })),
  /** Handlers of the lead unit: a B-class answer's promised work reported (续办答复). */
  followUp: action<SuggestionActionResult>()(z.strictObject({ suggestionId: docId, answerClass: z.enum(ANSWER_CLASSES), text: text(10, LIMITS.answer) })),

  /** Staff: the figures of a session (a delegation, a unit), per unit and per delegation. */
  stats: action<SuggestionStats>()(z.strictObject(statsQuery)),
  /** Staff: the suggestions behind one figure. */
  drillDown: action<SuggestionDrillDown>()(z.strictObject({ ...statsQuery, figure: z.enum(SUGGESTION_FIGURES), cursor: cursor.optional(), pageSize: pageSize.optional() })),
  /** Staff: the session's figures and list as the Excel workbook congresses publish. */
  export: action<SuggestionExport>()(z.strictObject(statsQuery)),
});
