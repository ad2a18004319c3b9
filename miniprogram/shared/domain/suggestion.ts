/**
 * 代表建议: a deputy turns what residents told them into a formal suggestion, other deputies co-sign
 * it (联名), congress staff register it (立案) and assign it to units (主办, 协办, 会办), the units
 * answer within the legal time limit (A/B/C), and the deputy who led it judges the answer.
 *
 * The vocabulary and the stored record every side shares. The state machine that moves a
 * suggestion (its planners) and its time limits belong to the suggestion function
 * (cloudfunctions/suggestion/machine.ts, limits.ts): the mini-program only shows what the function
 * answers, so none of it ships in the main package.
 */
import { RATING_LABELS, RATINGS, type Rating } from './casework';
import type { OpinionCategory } from './opinion';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const SUGGESTION_STATUSES = ['draft', 'submitted', 'returned', 'noted', 'registered', 'assigned', 'referred', 'answered', 'rehandling', 'closed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** What staff register it as: a suggestion (建议) or a criticism (批评意见); both are handled alike. */
export type SuggestionKind = 'suggestion' | 'criticism';

/** Staff's review: 立案 as a 建议 or a 批评意见, 转为一般意见, or back to the deputy. */
export const REVIEW_DECISIONS = ['register', 'criticism', 'general', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  register: '立案（建议）',
  criticism: '立案（批评意见）',
  general: '转为一般意见',
  return: '退回代表修改',
};

/** How units handle it: one 主办 with 协办 units, or 会办 units answering jointly (the first leads). */
export const ASSIGN_MODES = ['lead', 'joint'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

/** A unit's part: 主办 (or leading 会办), 协办, 会办. */
export type UnitRole = 'lead' | 'assist' | 'joint';

/** The answer's class, as congresses publish them. */
export const ANSWER_CLASSES = ['A', 'B', 'C'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];
export const ANSWER_CLASS_LABELS: Record<AnswerClass, string> = {
  A: 'A类（已解决或采纳）',
  B: 'B类（正在解决或列入计划解决）',
  C: 'C类（因条件限制或其他原因暂时不能解决）',
};
/** What a B answer must say (the plan and when) and a C answer (why not): every class but A gives reasons. */
export function answerClassNeedsReason(answerClass: AnswerClass): boolean {
  return answerClass !== 'A';
}

/** The deputy's verdict on an answer: the same three words residents use. */
export const VERDICTS = RATINGS;
export type Verdict = Rating;
export const VERDICT_LABELS: Record<Verdict, string> = {
  satisfied: RATING_LABELS.satisfied,
  basicallySatisfied: RATING_LABELS.basicallySatisfied,
  dissatisfied: RATING_LABELS.dissatisfied,
};

export const SUGGESTION_TEXT_LIMITS = {
  title: 40,
  cause: 500,
  content: 3000,
  note: 500,
  answer: 3000,
  reason: 500,
  view: 1000,
  leader: 30,
  comment: 300,
  opinions: 10,
  coSigners: 30,
  otherUnits: 10,
  sessionName: 60,
} as const;

export type InvitationState = 'invited' | 'accepted' | 'declined';

// ---------------------------------------------------------------------------------------------
// What a suggestion holds

export interface LinkedOpinion {
  opinionId: string;
  trackingNo: string;
}

export interface CoSigner {
  deputyId: string;
  name: string;
  state: InvitationState;
  invitedAt: Date;
  answeredAt?: Date;
}

/** One unit's part: its role, its own deadline, its views (协办/会办) and whether it sent the suggestion back. */
export interface SuggestionUnit {
  departmentId: string;
  departmentName: string;
  role: UnitRole;
  assignedAt: Date;
  /** The lead's and 会办 units': the answer deadline; a 协办 unit's: its views deadline. */
  dueAt: Date;
  /** false once it sent the suggestion back (退回) or was replaced. */
  active: boolean;
  view: { text: string; at: Date; by: string } | null;
  referral: { reason: string; at: Date; by: string } | null;
}

export interface SuggestionAnswer {
  /** `answer`: the written answer (答复); `rehandle`: the answer after 重新办理; `followUp`: a B-class answer followed up. */
  kind: 'answer' | 'rehandle' | 'followUp';
  answerClass: AnswerClass;
  text: string;
  reason?: string;
  departmentId: string;
  departmentName: string;
  /** 会办: every unit answering jointly. */
  jointNames: string[];
  at: Date;
  by: string;
  onTime: boolean;
}

export interface VerdictRecord {
  value: Verdict;
  comment?: string;
  at: Date;
  /** The answer it judged: 1 for the first answer, 2 after 重新办理. */
  answerNo: number;
}

export type ExtensionState = 'pending' | 'approved' | 'refused';
export interface ExtensionRequest {
  months: number;
  reason: string;
  at: Date;
  by: string;
  departmentId: string;
  state: ExtensionState;
  decidedAt?: Date;
  note?: string;
}

export type SuggestionStage = 'answer' | 'rehandle';

/** A running limit: when it started, the last day allowed (Shanghai) and the instant it is overdue from. */
export interface MonthDeadline {
  startedAt: Date;
  /** YYYY-MM-DD, Shanghai: the last day allowed, moved past days off. */
  dueDate: string;
  /** The end of `dueDate`. */
  dueAt: Date;
  /** The day off it was moved past lies in a year whose holidays nobody recorded: it may move again once recorded. */
  provisional?: true;
}

export interface SuggestionDeadline extends MonthDeadline {
  stage: SuggestionStage;
}

export type SuggestionEventType =
  | 'drafted'
  | 'invited'
  | 'coSignAccepted'
  | 'coSignDeclined'
  | 'submitted'
  | 'returned'
  | 'registered'
  | 'noted'
  | 'assigned'
  | 'keyMarked'
  | 'viewSent'
  | 'extensionRequested'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'referredBack'
  | 'rerouted'
  | 'reminded'
  | 'answered'
  | 'rated'
  | 'rehandling'
  | 'followedUp'
  | 'closed';

export type SuggestionActorRole = 'deputy' | 'staff' | 'handler' | 'system';

/** One entry of a suggestion's timeline: `note` for everyone who may open it, `internalNote` for staff and units. */
export interface SuggestionEvent {
  type: SuggestionEventType;
  at: Date;
  actorRole: SuggestionActorRole;
  actorId?: string;
  actorName?: string;
  note?: string;
  internalNote?: string;
}

/** The fields of a suggestion the planners read and write. */
export interface SuggestionRecord {
  status: SuggestionStatus;
  statusChangedAt: Date;
  leadDeputyId: string;
  leadDeputyName: string;
  title: string;
  cause: string;
  content: string;
  category: OpinionCategory;
  opinions: LinkedOpinion[];
  /** Opinions whose residents have been told the suggestion was submitted. */
  toldOpinionIds: string[];
  coSigners: CoSigner[];
  /** Every deputy invited (whatever they answered): finds their invitations. */
  coSignerIds: string[];
  kind: SuggestionKind | null;
  /** 第N号 within the session, from 立案. */
  number: number | null;
  submittedAt: Date | null;
  registeredAt: Date | null;
  assignedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  mode: AssignMode | null;
  units: SuggestionUnit[];
  /** Every department ever assigned: who may see it. */
  unitIds: string[];
  /** The departments assigned now (not sent back): their 待办. */
  activeUnitIds: string[];
  /** The 协办 and 会办 units assigned now: figures per unit count them apart from the lead. */
  assistUnitIds: string[];
  /** The 主办 (or leading 会办) unit now: figures per unit count its answers. */
  leadDepartmentId: string | null;
  leadDepartmentName: string | null;
  deadline: SuggestionDeadline | null;
  extension: ExtensionRequest | null;
  /** Months approved beyond the answer limit. */
  extensionMonths: number;
  answers: SuggestionAnswer[];
  /** The class of the latest answer (a follow-up may change B to A). */
  answerClass: AnswerClass | null;
  /** Whether the first answer came within its deadline. */
  answeredOnTime: boolean | null;
  /** A B-class answer whose promised work is still to be reported. */
  followUp: boolean;
  verdict: VerdictRecord | null;
  verdicts: VerdictRecord[];
  rehandleCount: number;
  key: { leader: string; at: Date; by: string } | null;
  referralCount: number;
  /** A unit sent it back and staff have not re-routed it yet. */
  referralOpen: boolean;
  /** Sent back repeatedly (SuggestionLimits.bounceFlagAt): staff see it flagged. */
  bounced: boolean;
  /** Reminders already sent, one key per deadline and day count. */
  remindersSent: string[];
  timeline: SuggestionEvent[];
}
