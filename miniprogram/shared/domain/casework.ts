/**
 * An opinion as a case the congress handles (交办 → 办理 → 督办 → 回访), as an explicit state
 * machine. Each use case asks a planner here what its change is; the planner checks the
 * transition is legal, and answers the statuses the case must still be in (the conditional
 * update that makes concurrent actors unable to both win), the fields to set and the events to
 * append. Pure: time, deadlines and the working-day calendar come in as parameters.
 *
 *   received ─read─▶ read
 *   received/read ─accept─▶ accepted
 *   received/read/accepted ─reply─▶ replied ──rate──▶ closed | reopened
 *   received/read/accepted ─forward─▶ forwarded
 *   accepted/forwarded/reopened ─assign─▶ assigned (one or more departments, a new round)
 *   assigned ─answer─▶ assigned (others still to answer) | answered (the last one answered)
 *   answered ─return─▶ assigned      answered ─approve─▶ awaitingRating ──rate──▶ closed | reopened
 *   assigned ─urge─▶ assigned (督办, counted)
 *   replied/awaitingRating ─expireRating─▶ closed (未评价, by the daily timer)
 *   closed ─askFollowUp─▶ closed (回访 asked by the timer, followUpDays after closing)
 *   closed ─answerFollowUp─▶ closed (the resident: 已经解决 / 没有解决, once)
 *   closed ─reopen─▶ reopened (staff, only after 没有解决)
 *   assigned ─referBack─▶ assigned (others still at work) | referred (退回: nobody left on it)
 *   assigned/referred ─reroute─▶ assigned (改派: a department takes it with a clock of its own)
 */
import { CASE_STAGE_LABELS, deadlineFor, STAGE_OF_STATUS, type CaseDeadline, type CaseDeadlineConfig, type CaseStage } from './caseDeadlines';
import type { ActorRole, OpinionEvent, OpinionEventType, OpinionStatus } from './opinion';
import type { WorkingCalendar } from './holidays';
import { addDays, shanghaiDate, shanghaiInstant } from './time';
import { dueAfterCalendarDays, dueAfterWorkingDays, isPastDue } from './workingDays';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** 办理结果: what a department says it did. */
export const ANSWER_CATEGORIES = ['solved', 'planned', 'reference'] as const;
export type AnswerCategory = (typeof ANSWER_CATEGORIES)[number];

export const ANSWER_CATEGORY_LABELS: Record<AnswerCategory, string> = {
  solved: '已解决',
  planned: '列入计划',
  reference: '留作参考',
};

/** 列入计划 and 留作参考 must say why. */
export function answerNeedsReason(category: AnswerCategory): boolean {
  return category !== 'solved';
}

/** What a resident may answer when asked (回访). */
export const RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
/** `none`: the resident did not rate in time (未评价); never counted as satisfied. */
export type RatingValue = Rating | 'none';

export const RATING_LABELS: Record<RatingValue, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  none: '未评价',
};

export const SATISFIED_RATINGS: readonly RatingValue[] = ['satisfied', 'basicallySatisfied'];

/** 回访: weeks after closing, whether the problem is really solved. Kept apart from the rating. */
export const FOLLOW_UP_ANSWERS = ['solved', 'unsolved'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

export const FOLLOW_UP_ANSWER_LABELS: Record<FollowUpAnswer, string> = {
  solved: '已经解决',
  unsolved: '没有解决',
};

/** The 回访 question, as the resident reads it. */
export const FOLLOW_UP_QUESTION = '您反映的问题，现在真正解决了吗？';

/** The hour (Shanghai) the 回访 is asked on its day: a decent hour, never in the night. */
export const FOLLOW_UP_ASK_TIME = '10:00';

export const CASE_TEXT_LIMITS = {
  note: 500,
  answer: 1000,
  reason: 300,
  ratingComment: 300,
  /** Departments one assignment may name. */
  departments: 5,
} as const;

// ---------------------------------------------------------------------------------------------
// What a case holds besides the opinion itself

export interface DepartmentAnswer {
  category: AnswerCategory;
  text: string;
  reason?: string;
  at: Date;
  /** The handler's account. */
  by: string;
}

/** A department's 退回: it says the case is not its responsibility. */
export interface CaseReferral {
  reason: string;
  at: Date;
  /** The handler's account. */
  by: string;
}

/** One department's part of one round of assignment (交办). */
export interface Assignment {
  round: number;
  departmentId: string;
  departmentName: string;
  assignedAt: Date;
  dueAt: Date;
  answer: DepartmentAnswer | null;
  /** Set when the department sent the case back; it then owes nothing in this round. */
  referral?: CaseReferral | null;
}

export interface CaseRating {
  value: RatingValue;
  comment?: string;
  at: Date;
}

/** The 回访 asked once after the case closed, and what the resident answered (null until then). */
export interface CaseFollowUp {
  askedAt: Date;
  answer: FollowUpAnswer | null;
  answeredAt: Date | null;
  note?: string;
}

/** The case fields of an opinion document; all optional because opinions predate case handling. */
export interface CaseRecord {
  status: OpinionStatus;
  statusChangedAt: Date;
  createdAt: Date;
  /** First response: staff accepted it, or a deputy answered or forwarded it, whichever came first. */
  acceptedAt?: Date | null;
  /** The clock of the stage the case waits on; null when it waits on nobody in office. */
  deadline?: CaseDeadline | null;
  /** Stages that finished after their deadline. */
  lateStages?: CaseStage[];
  /** Rounds of assignment; 2 and more are 二次交办. */
  round?: number;
  /** Every round's assignments, history kept. */
  assignments?: Assignment[];
  /** Every department ever assigned: who may see the case. */
  departmentIds?: string[];
  /** The departments of the current round that have not answered yet. */
  pendingDepartmentIds?: string[];
  /** The approved answer's category, all departments of the round taken together. */
  outcome?: AnswerCategory | null;
  /** When the resident was given an answer (办结): a deputy's reply or an approved department answer. */
  resolvedAt?: Date | null;
  /** The resident may rate until then. */
  ratingDueAt?: Date | null;
  /** The latest rating. */
  rating?: CaseRating | null;
  closedAt?: Date | null;
  /** When the 回访 is due to be asked (set when the case closes); null once asked, or while open. */
  followUpDueAt?: Date | null;
  /** The 回访 of the latest closing: asked, and answered or not. */
  followUp?: CaseFollowUp | null;
  /** Times staff urged (督办) the departments. */
  urgeCount?: number;
  lastUrgedAt?: Date | null;
  /** Times departments sent it back (退回); from CaseReferralLimits.bounceFlagAt on, it is flagged to staff. */
  referralCount?: number;
  /** A department sent it back and staff have not re-routed it yet. */
  referralOpen?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The state machine

export const CASE_ACTIONS = [
  'read',
  'accept',
  'reply',
  'forward',
  'assign',
  'answer',
  'return',
  'approve',
  'urge',
  'rate',
  'expireRating',
  'referBack',
  'reroute',
  'askFollowUp',
  'answerFollowUp',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface TransitionRule {
  from: readonly OpinionStatus[];
  to: readonly OpinionStatus[];
  actors: readonly ActorRole[];
}

export const CASE_MACHINE: Record<CaseAction, TransitionRule> = {
  read: { from: ['received'], to: ['read'], actors: ['deputy'] },
  accept: { from: ['received', 'read'], to: ['accepted'], actors: ['staff'] },
  reply: { from: ['received', 'read', 'accepted'], to: ['replied'], actors: ['deputy'] },
  forward: { from: ['received', 'read', 'accepted'], to: ['forwarded'], actors: ['deputy'] },
  assign: { from: ['accepted', 'forwarded', 'reopened'], to: ['assigned'], actors: ['staff'] },
  answer: { from: ['assigned'], to: ['assigned', 'answered'], actors: ['handler'] },
  return: { from: ['answered'], to: ['assigned'], actors: ['staff'] },
  approve: { from: ['answered'], to: ['awaitingRating'], actors: ['staff'] },
  urge: { from: ['assigned'], to: ['assigned'], actors: ['staff'] },
  rate: { from: ['replied', 'awaitingRating'], to: ['closed', 'reopened'], actors: ['resident'] },
  expireRating: { from: ['replied', 'awaitingRating'], to: ['closed'], actors: ['system'] },
  referBack: { from: ['assigned'], to: ['assigned', 'referred'], actors: ['handler'] },
  reroute: { from: ['assigned', 'referred'], to: ['assigned'], actors: ['staff'] },
  askFollowUp: { from: ['closed'], to: ['closed'], actors: ['system'] },
  answerFollowUp: { from: ['closed'], to: ['closed'], actors: ['resident'] },
  reopen: { from: ['closed'], to: ['reopened'], actors: ['staff'] },
};

export function canTake(action: CaseAction, status: OpinionStatus): boolean {
  return CASE_MACHINE[action].from.includes(status);
}

/** What someone in `role` may do to a case in `status` (pages show these buttons). */
export function actionsFor(status: OpinionStatus, role: ActorRole): CaseAction[] {
  return CASE_ACTIONS.filter((action) => CASE_MACHINE[action].actors.includes(role) && canTake(action, status));
}

/** Why a planner refused; the functions turn these into error codes. */
export type CaseRefusalReason =
  | 'illegalTransition'
  | 'notYourDepartment'
  | 'alreadyAnswered'
  | 'departmentNotInRound'
  | 'alreadyRated'
  | 'notRatable'
  | 'referWindowClosed'
  | 'followUpNotAsked'
  | 'followUpAnswered'
  | 'followUpNotUnsolved';

export interface CaseRefusal {
  refused: CaseRefusalReason;
}

export interface CaseChange {
  action: CaseAction;
  /** The statuses the case must still be in when the change is written. */
  from: readonly OpinionStatus[];
  /**
   * Other fields the case must still hold exactly: the departments still to answer; the 回访 still
   * due at this instant (the timer asks once); the 回访 still unanswered (the resident answers once).
   */
  guard: { pendingDepartmentIds?: string[]; followUpDueAt?: Date; followUpUnanswered?: true };
  to: OpinionStatus;
  /** Fields to set (whole values: objects and arrays replace what was there). */
  set: Partial<CaseRecord>;
  /** Counters to raise. */
  increment: { urgeCount?: number; referralCount?: number };
  /** Appended to the timeline, in order. */
  events: OpinionEvent[];
}

export type CasePlan = CaseChange | CaseRefusal;

export function isRefusal(plan: CasePlan): plan is CaseRefusal {
  return 'refused' in plan;
}

/**
 * Who acts: their role, their id (deputy id or account) and the name shown on the timeline —
 * a deputy's or a department's; staff act in the congress's name, so they give none.
 */
export interface CaseActor {
  role: ActorRole;
  id?: string;
  name?: string;
}

export interface CaseEnv {
  now: Date;
  deadlines: CaseDeadlineConfig;
  calendar: WorkingCalendar;
}

function refuse(refused: CaseRefusalReason): CaseRefusal {
  return { refused };
}

function event(type: OpinionEventType, env: Pick<CaseEnv, 'now'>, actor: CaseActor, shown: { public: boolean; note?: string; internalNote?: string }): OpinionEvent {
  const entry: OpinionEvent = { type, at: env.now, actorRole: actor.role, public: shown.public };
  if (actor.id) entry.actorId = actor.id;
  if (actor.name) entry.actorName = actor.name;
  if (shown.note) entry.note = shown.note;
  if (shown.internalNote) entry.internalNote = shown.internalNote;
  return entry;
}

/**
 * The fields of moving to `to`: the new status, and the clock of the stage it waits on. A stage
 * that ends after its deadline is recorded as late.
 */
function moveTo(record: CaseRecord, to: OpinionStatus, env: CaseEnv): Partial<CaseRecord> {
  const set: Partial<CaseRecord> = { status: to, statusChangedAt: env.now };
  const stage = STAGE_OF_STATUS[to];
  set.deadline = stage ? deadlineFor(stage, env.now, env.deadlines, env.calendar) : null;
  const running = record.deadline;
  if (running && isPastDue(running.dueAt, env.now)) set.lateStages = [...(record.lateStages ?? []), running.stage];
  return set;
}

function change(action: CaseAction, to: OpinionStatus, set: Partial<CaseRecord>, events: OpinionEvent[], extra: Partial<Pick<CaseChange, 'guard' | 'increment'>> = {}): CaseChange {
  return { action, from: CASE_MACHINE[action].from, guard: extra.guard ?? {}, to, set, increment: extra.increment ?? {}, events };
}

function firstResponse(record: CaseRecord, env: CaseEnv): Pick<CaseRecord, 'acceptedAt'> {
  return { acceptedAt: record.acceptedAt ?? env.now };
}

function ratingWindow(env: CaseEnv): Pick<CaseRecord, 'ratingDueAt'> {
  return { ratingDueAt: dueAfterCalendarDays(env.now, env.deadlines.ratingDays) };
}

// ---------------------------------------------------------------------------------------------
// Planners, one per transition

/** A new opinion: the accept clock starts. */
export function openCase(createdAt: Date, env: Omit<CaseEnv, 'now'>): Pick<CaseRecord, 'deadline' | 'round' | 'urgeCount'> {
  return { deadline: deadlineFor('accept', createdAt, env.deadlines, env.calendar), round: 0, urgeCount: 0 };
}

/** A deputy opens it for the first time: still within the accept stage, so the clock runs on. */
export function planRead(record: CaseRecord, env: Pick<CaseEnv, 'now'>, deputy: CaseActor): CasePlan {
  if (!canTake('read', record.status)) return refuse('illegalTransition');
  return change('read', 'read', { status: 'read', statusChangedAt: env.now }, [event('read', env, deputy, { public: true })]);
}

/** Staff accept it (受理); the note, if any, is for the resident. */
export function planAccept(record: CaseRecord, input: { note?: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('accept', record.status)) return refuse('illegalTransition');
  const events = [event('accepted', env, staff, { public: true, note: input.note })];
  return change('accept', 'accepted', { ...moveTo(record, 'accepted', env), ...firstResponse(record, env) }, events);
}

/** The deputy answers the resident directly; the resident is then asked to rate it. */
export function planReply(record: CaseRecord, input: { text: string }, env: CaseEnv, deputy: CaseActor): CasePlan {
  if (!canTake('reply', record.status)) return refuse('illegalTransition');
  const set = { ...moveTo(record, 'replied', env), ...firstResponse(record, env), resolvedAt: env.now, ...ratingWindow(env) };
  return change('reply', 'replied', set, [event('replied', env, deputy, { public: true, note: input.text })]);
}

/** The deputy forwards it to staff for assignment (需交办); the note is for staff only. */
export function planForward(record: CaseRecord, input: { note: string }, env: CaseEnv, deputy: CaseActor): CasePlan {
  if (!canTake('forward', record.status)) return refuse('illegalTransition');
  const set = { ...moveTo(record, 'forwarded', env), ...firstResponse(record, env) };
  return change('forward', 'forwarded', set, [event('forwarded', env, deputy, { public: true, internalNote: input.note })]);
}

/**
 * Staff assign it to one or more departments (交办; after 不满意, 二次交办): a new round, each
 * department with the answer deadline. The resident sees which departments; the note is theirs.
 */
export function planAssign(record: CaseRecord, input: { departments: ReadonlyArray<{ _id: string; name: string }>; note: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('assign', record.status)) return refuse('illegalTransition');
  const departments = input.departments.filter((d, i, all) => all.findIndex((other) => other._id === d._id) === i);
  const round = (record.round ?? 0) + 1;
  const set = moveTo(record, 'assigned', env);
  const dueAt = (set.deadline as CaseDeadline).dueAt;
  const added: Assignment[] = departments.map((d) => ({ round, departmentId: d._id, departmentName: d.name, assignedAt: env.now, dueAt, answer: null }));
  set.round = round;
  set.assignments = [...(record.assignments ?? []), ...added];
  set.departmentIds = [...new Set([...(record.departmentIds ?? []), ...departments.map((d) => d._id)])];
  set.pendingDepartmentIds = departments.map((d) => d._id);
  set.outcome = null;
  const names = departments.map((d) => d.name).join('、');
  const note = round > 1 ? `已重新交办：${names}` : `交办单位：${names}`;
  return change('assign', 'assigned', set, [event('assigned', env, staff, { public: true, note, internalNote: input.note })]);
}

/** The assignments of the round the case is in. */
export function currentAssignments(record: CaseRecord): Assignment[] {
  const round = record.round ?? 0;
  return (record.assignments ?? []).filter((a) => a.round === round);
}

/** The round's assignments still standing: not sent back. */
export function activeAssignments(record: CaseRecord): Assignment[] {
  return currentAssignments(record).filter((a) => !a.referral);
}

function describeAnswer(answer: Pick<DepartmentAnswer, 'category' | 'text' | 'reason'>): string {
  const reason = answer.reason ? `（理由：${answer.reason}）` : '';
  return `【${ANSWER_CATEGORY_LABELS[answer.category]}】${answer.text}${reason}`;
}

/**
 * A department answers (办理结果). It waits for staff review, unseen by the resident; when the
 * last department of the round answers, the case moves to review. The write is guarded by the
 * departments still to answer, so two departments answering at once both count.
 */
export function planAnswer(
  record: CaseRecord,
  input: { departmentId: string; category: AnswerCategory; text: string; reason?: string },
  env: CaseEnv,
  handler: CaseActor,
): CasePlan {
  if (!(record.departmentIds ?? []).includes(input.departmentId)) return refuse('notYourDepartment');
  if (!canTake('answer', record.status)) return refuse(record.status === 'answered' ? 'alreadyAnswered' : 'illegalTransition');
  const pending = record.pendingDepartmentIds ?? [];
  if (!pending.includes(input.departmentId)) return refuse('alreadyAnswered');
  const round = record.round ?? 0;
  const answer: DepartmentAnswer = { category: input.category, text: input.text, at: env.now, by: handler.id ?? '' };
  if (input.reason) answer.reason = input.reason;
  const rest = pending.filter((id) => id !== input.departmentId);
  // A part another department sent back still needs someone: the case waits for staff to re-route it, not for review.
  const last: OpinionStatus = record.referralOpen ? 'referred' : 'answered';
  const to: OpinionStatus = rest.length === 0 ? last : 'assigned';
  const set: Partial<CaseRecord> = rest.length === 0 ? moveTo(record, last, env) : {};
  set.assignments = (record.assignments ?? []).map((a) => (a.round === round && a.departmentId === input.departmentId ? { ...a, answer } : a));
  set.pendingDepartmentIds = rest;
  const events = [event('departmentAnswered', env, handler, { public: false, internalNote: describeAnswer(answer) })];
  return change('answer', to, set, events, { guard: { pendingDepartmentIds: pending } });
}

/** Staff send answers back to be redone (退回重办): those departments answer again, with a new deadline. */
export function planReturn(record: CaseRecord, input: { departmentIds?: readonly string[]; note: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('return', record.status)) return refuse('illegalTransition');
  const round = record.round ?? 0;
  const inRound = activeAssignments(record).map((a) => a.departmentId);
  const redo = input.departmentIds?.length ? [...new Set(input.departmentIds)] : inRound;
  if (!redo.every((id) => inRound.includes(id))) return refuse('departmentNotInRound');
  const set = moveTo(record, 'assigned', env);
  const dueAt = (set.deadline as CaseDeadline).dueAt;
  set.assignments = (record.assignments ?? []).map((a) => (a.round === round && redo.includes(a.departmentId) ? { ...a, dueAt, answer: null } : a));
  set.pendingDepartmentIds = redo;
  return change('return', 'assigned', set, [event('returned', env, staff, { public: false, internalNote: input.note })]);
}

/** All departments of a round taken together: 已解决 only if every one solved it, else 列入计划 if any planned, else 留作参考. */
export function combinedOutcome(categories: readonly AnswerCategory[]): AnswerCategory {
  if (categories.length > 0 && categories.every((c) => c === 'solved')) return 'solved';
  return categories.includes('planned') ? 'planned' : 'reference';
}

/**
 * Staff approve the round's answers: the resident now sees them and is asked to rate (回访 goes to
 * the resident, never to the department: 避免被满意).
 */
export function planApprove(record: CaseRecord, input: { note?: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('approve', record.status)) return refuse('illegalTransition');
  const answered = currentAssignments(record).filter((a): a is Assignment & { answer: DepartmentAnswer } => a.answer !== null);
  const note = answered.map((a) => `${a.departmentName}${describeAnswer(a.answer)}`).join('\n');
  const set = { ...moveTo(record, 'awaitingRating', env), outcome: combinedOutcome(answered.map((a) => a.answer.category)), resolvedAt: env.now, ...ratingWindow(env) };
  return change('approve', 'awaitingRating', set, [event('answerPublished', env, staff, { public: true, note, internalNote: input.note })]);
}

/** Staff urge the departments still to answer (督办): counted, and the handlers are notified. */
export function planUrge(record: CaseRecord, input: { note: string }, env: Pick<CaseEnv, 'now'>, staff: CaseActor): CasePlan {
  if (!canTake('urge', record.status)) return refuse('illegalTransition');
  return change('urge', 'assigned', { lastUrgedAt: env.now }, [event('urged', env, staff, { public: false, internalNote: input.note })], {
    increment: { urgeCount: 1 },
  });
}

/**
 * The resident rates the answer, once per answer. 满意/基本满意 close the case; 不满意 (with a
 * reason) reopens it for another round of assignment, history kept.
 */
export function planRate(record: CaseRecord, input: { rating: Rating; comment?: string }, env: CaseEnv, resident: CaseActor): CasePlan {
  if (!canTake('rate', record.status)) {
    const rated = record.rating && record.rating.value !== 'none' && (record.status === 'closed' || record.status === 'reopened');
    return refuse(rated ? 'alreadyRated' : 'notRatable');
  }
  const rating: CaseRating = { value: input.rating, at: env.now };
  if (input.comment) rating.comment = input.comment;
  const note = input.comment ? `${RATING_LABELS[input.rating]}：${input.comment}` : RATING_LABELS[input.rating];
  const rated = event('rated', env, { role: resident.role }, { public: true, note });
  if (input.rating === 'dissatisfied') {
    const set = { ...moveTo(record, 'reopened', env), rating, ratingDueAt: null, resolvedAt: null, outcome: null };
    return change('rate', 'reopened', set, [rated, event('reopened', env, { role: 'system' }, { public: true })]);
  }
  return change('rate', 'closed', { ...moveTo(record, 'closed', env), rating, ratingDueAt: null, closedAt: env.now, ...followUpPlanned(env) }, [rated]);
}

/** When the 回访 of a case closed at `closedAt` is asked: `followUpDays` later, at FOLLOW_UP_ASK_TIME in Shanghai. */
export function followUpAskAt(closedAt: Date, followUpDays: number): Date {
  return shanghaiInstant(addDays(shanghaiDate(closedAt), followUpDays), FOLLOW_UP_ASK_TIME);
}

/** A case closing now: its 回访 is planned afresh (a case closed again after reopening is asked again). */
function followUpPlanned(env: Pick<CaseEnv, 'now' | 'deadlines'>): Pick<CaseRecord, 'followUpDueAt' | 'followUp'> {
  return { followUpDueAt: followUpAskAt(env.now, env.deadlines.followUpDays), followUp: null };
}

/** How soon a department may send a case back (退回), and from how many referrals a case is flagged as bouncing. */
export interface CaseReferralLimits {
  /** Working days after its assignment within which a department may send the case back. */
  workingDays: number;
  bounceFlagAt: number;
}

/** Until when a department assigned at `assignedAt` may send the case back. */
export function referBackUntil(assignedAt: Date | string, limits: CaseReferralLimits, calendar: WorkingCalendar): Date {
  return dueAfterWorkingDays(new Date(assignedAt), limits.workingDays, calendar.isWorkingDay);
}

/** Sent back often enough to be flagged to staff as bouncing between departments. */
export function isBouncing(record: Pick<CaseRecord, 'referralCount'>, limits: CaseReferralLimits): boolean {
  return (record.referralCount ?? 0) >= limits.bounceFlagAt;
}

/**
 * A department that is not responsible sends the case back (退回) within `workingDays` of its
 * assignment, with the reason (for staff). It owes nothing more in this round. When nobody else is
 * still at work on it the case waits for staff to re-route it, on the 交办 clock; the resident sees
 * that a department is being found again, not the reason. Guarded like an answer.
 */
export function planReferBack(record: CaseRecord, input: { departmentId: string; reason: string }, env: CaseEnv & { referral: CaseReferralLimits }, handler: CaseActor): CasePlan {
  if (!(record.departmentIds ?? []).includes(input.departmentId)) return refuse('notYourDepartment');
  if (!canTake('referBack', record.status)) return refuse('illegalTransition');
  const pending = record.pendingDepartmentIds ?? [];
  if (!pending.includes(input.departmentId)) return refuse('alreadyAnswered');
  const round = record.round ?? 0;
  const mine = activeAssignments(record).find((a) => a.departmentId === input.departmentId);
  if (!mine || isPastDue(referBackUntil(mine.assignedAt, env.referral, env.calendar), env.now)) return refuse('referWindowClosed');
  const rest = pending.filter((id) => id !== input.departmentId);
  const to: OpinionStatus = rest.length === 0 ? 'referred' : 'assigned';
  const set: Partial<CaseRecord> = rest.length === 0 ? moveTo(record, 'referred', env) : {};
  const referral: CaseReferral = { reason: input.reason, at: env.now, by: handler.id ?? '' };
  set.assignments = (record.assignments ?? []).map((a) => (a.round === round && a.departmentId === input.departmentId && !a.referral ? { ...a, referral } : a));
  set.pendingDepartmentIds = rest;
  set.referralOpen = true;
  const events = [event('referredBack', env, handler, { public: true, internalNote: input.reason })];
  return change('referBack', to, set, events, { guard: { pendingDepartmentIds: pending }, increment: { referralCount: 1 } });
}

/**
 * Staff re-route what a department sent back (改派): the departments named join the round, each
 * with the answer deadline counted from now, so the time before re-routing never counts against
 * them; the case's answer clock starts again with them. A department that sent it back may be named
 * again (staff insist); one still at work on it may not.
 */
export function planReroute(record: CaseRecord, input: { departments: ReadonlyArray<{ _id: string; name: string }>; note: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('reroute', record.status) || !record.referralOpen) return refuse('illegalTransition');
  const departments = input.departments.filter((d, i, all) => all.findIndex((other) => other._id === d._id) === i);
  const pending = record.pendingDepartmentIds ?? [];
  if (departments.some((d) => pending.includes(d._id))) return refuse('departmentNotInRound');
  const round = record.round ?? 0;
  const set = moveTo(record, 'assigned', env);
  const dueAt = (set.deadline as CaseDeadline).dueAt;
  const fresh = (d: { _id: string; name: string }): Assignment => ({ round, departmentId: d._id, departmentName: d.name, assignedAt: env.now, dueAt, answer: null });
  const named = new Set(departments.map((d) => d._id));
  // One standing assignment per department and round: one named again replaces the one it sent back (kept on the timeline).
  const kept = (record.assignments ?? []).filter((a) => !(a.round === round && named.has(a.departmentId) && a.referral));
  set.assignments = [...kept, ...departments.map(fresh)];
  set.departmentIds = [...new Set([...(record.departmentIds ?? []), ...named])];
  set.pendingDepartmentIds = [...pending, ...named];
  set.referralOpen = false;
  const names = departments.map((d) => d.name).join('、');
  return change('reroute', 'assigned', set, [event('rerouted', env, staff, { public: true, note: `改由：${names}`, internalNote: input.note })], {
    guard: { pendingDepartmentIds: pending },
  });
}

/**
 * What the daily timer writes to every case whose rating window has passed: closed as 未评价.
 * The same for every such case, so it is one conditional update over all of them.
 */
export function planExpireRating(env: Pick<CaseEnv, 'now' | 'deadlines'>): CaseChange {
  const set: Partial<CaseRecord> = {
    status: 'closed',
    statusChangedAt: env.now,
    deadline: null,
    rating: { value: 'none', at: env.now },
    ratingDueAt: null,
    closedAt: env.now,
    ...followUpPlanned(env),
  };
  return change('expireRating', 'closed', set, [event('closedUnrated', env, { role: 'system' }, { public: true })]);
}

/**
 * The timer asks the 回访 of a closed case whose day has come: asked once (the write is guarded by
 * the due instant it read, so two firings cannot both ask), kept on the timeline.
 */
export function planAskFollowUp(record: CaseRecord, env: Pick<CaseEnv, 'now'>): CasePlan {
  if (!canTake('askFollowUp', record.status) || !record.followUpDueAt || !isPastDue(record.followUpDueAt, env.now)) return refuse('followUpNotAsked');
  const followUp: CaseFollowUp = { askedAt: env.now, answer: null, answeredAt: null };
  return change('askFollowUp', 'closed', { followUpDueAt: null, followUp }, [event('followUpAsked', env, { role: 'system' }, { public: true })], {
    guard: { followUpDueAt: new Date(record.followUpDueAt) },
  });
}

/**
 * The resident answers the 回访 once it was asked, and only once: 已经解决 or 没有解决 (with what is
 * still wrong, if they like). The rating stays as it was; 没有解决 lets staff reopen the case.
 */
export function planAnswerFollowUp(record: CaseRecord, input: { answer: FollowUpAnswer; note?: string }, env: Pick<CaseEnv, 'now'>, resident: CaseActor): CasePlan {
  const asked = record.followUp;
  if (!canTake('answerFollowUp', record.status) || !asked) return refuse('followUpNotAsked');
  if (asked.answer) return refuse('followUpAnswered');
  const followUp: CaseFollowUp = { askedAt: asked.askedAt, answer: input.answer, answeredAt: env.now };
  if (input.note) followUp.note = input.note;
  const label = FOLLOW_UP_ANSWER_LABELS[input.answer];
  const note = input.note ? `${label}：${input.note}` : label;
  return change('answerFollowUp', 'closed', { followUp }, [event('followedUp', env, { role: resident.role }, { public: true, note })], {
    guard: { followUpUnanswered: true },
  });
}

/**
 * Staff reopen a closed case whose resident said at the 回访 that the problem is not solved: it
 * waits to be assigned again (二次交办), history kept; the 回访 answer stays on record.
 */
export function planReopen(record: CaseRecord, input: { note: string }, env: CaseEnv, staff: CaseActor): CasePlan {
  if (!canTake('reopen', record.status)) return refuse('illegalTransition');
  if (record.followUp?.answer !== 'unsolved') return refuse('followUpNotUnsolved');
  const set = { ...moveTo(record, 'reopened', env), resolvedAt: null, outcome: null, closedAt: null, followUpDueAt: null };
  return change('reopen', 'reopened', set, [event('reopened', env, staff, { public: true, internalNote: input.note })]);
}

/** Whether staff may reopen the case now: closed, and its resident answered 没有解决 at the 回访. */
export function mayReopen(record: Pick<CaseRecord, 'status' | 'followUp'>): boolean {
  return canTake('reopen', record.status) && record.followUp?.answer === 'unsolved';
}

/**
 * A running deadline counted across a year whose holidays nobody had recorded, counted again from
 * its start with the calendar as it is now; the round's unanswered assignments due with it move
 * with it. Null while the calendar still does not know, or when nothing was provisional.
 */
export function recountDeadline(record: CaseRecord, env: Omit<CaseEnv, 'now'>): Pick<CaseRecord, 'deadline' | 'assignments'> | null {
  const running = record.deadline;
  if (!running?.provisional) return null;
  const again = deadlineFor(running.stage, new Date(running.startedAt), env.deadlines, env.calendar);
  if (again.provisional) return null;
  const due = new Date(running.dueAt).getTime();
  const assignments = (record.assignments ?? []).map((a) => (a.answer === null && new Date(a.dueAt).getTime() === due ? { ...a, dueAt: again.dueAt } : a));
  return { deadline: again, assignments };
}

// ---------------------------------------------------------------------------------------------
// Reading a case

/** Whether the case has missed a deadline: one running now past due, or a stage that finished late. */
export function isOverdue(record: Pick<CaseRecord, 'deadline' | 'lateStages'>, now: Date): boolean {
  return (record.lateStages?.length ?? 0) > 0 || (!!record.deadline && isPastDue(record.deadline.dueAt, now));
}

export function stageLabel(stage: CaseStage): string {
  return CASE_STAGE_LABELS[stage];
}
