/**
 * 代表建议: a deputy turns what residents told them into a formal suggestion, other deputies co-sign
 * it (联名), congress staff register it (立案) and assign it to units (主办, 协办, 会办), the units
 * answer within the legal time limit (A/B/C), and the deputy who led it judges the answer; 不满意
 * opens 重新办理. Residents whose opinions fed it are told on their opinions' timelines.
 *
 * An explicit state machine, like the case machine (shared/domain/casework.ts): each use case asks a
 * planner what its change is; the planner checks the transition is legal and answers the fields to
 * set and the events to append. Pure: time, limits and the holiday calendar come in as parameters;
 * the demo seed replays suggestions through the same planners. It lives with the function, not in
 * shared/: the mini-program shows what the function answers and never plans a change itself.
 *
 *   draft/returned ─submit─▶ submitted ─review─▶ registered (建议 or 批评意见, numbered)
 *                                               │            noted (一般意见, closed for handling)
 *                                               │            returned (to the deputy, with a reason)
 *   registered ─assign─▶ assigned ─answer (主办, once 协办/会办 views are in)─▶ answered
 *   assigned ─referBack (主办)─▶ referred ─reroute─▶ assigned (a fresh clock for the next unit)
 *   answered ─verdict 满意/基本满意─▶ closed      answered ─verdict 不满意─▶ rehandling ─answer─▶ answered
 *   a second 不满意 after 重新办理 closes it; B-class answers stay on the follow-up list until followed up.
 */
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import type { OpinionCategory, OpinionEvent, OpinionEventType } from '../../miniprogram/shared/domain/opinion';
import {
  ANSWER_CLASS_LABELS,
  VERDICT_LABELS,
  type AnswerClass,
  type AssignMode,
  type CoSigner,
  type InvitationState,
  type LinkedOpinion,
  type MonthDeadline,
  type ReviewDecision,
  type SuggestionActorRole,
  type SuggestionAnswer,
  type SuggestionDeadline,
  type SuggestionEvent,
  type SuggestionEventType,
  type SuggestionKind,
  type SuggestionRecord,
  type SuggestionStage,
  type SuggestionStatus,
  type SuggestionUnit,
  type UnitRole,
  type Verdict,
  type VerdictRecord,
  type ExtensionRequest,
} from '../../miniprogram/shared/domain/suggestion';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { isPastDue } from '../../miniprogram/shared/domain/workingDays';
import { dueAfterMonths, referBackDue, type SuggestionLimits } from './limits';

/** The shared vocabulary and record, with the machine: the function reads all of it from here. */
export * from '../../miniprogram/shared/domain/suggestion';

// ---------------------------------------------------------------------------------------------
// What the function says: labels of the states, roles and events

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  draft: '草稿',
  submitted: '待审查',
  returned: '已退回修改',
  noted: '已转为一般意见',
  registered: '已立案待交办',
  assigned: '办理中',
  referred: '承办单位退回，待重新交办',
  answered: '已答复待评价',
  rehandling: '重新办理中',
  closed: '已办结',
};

export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, string> = { suggestion: '建议', criticism: '批评意见' };

export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '主办', assist: '协办', joint: '会办' };

/** How a unit's role reads: the unit leading 会办 units answers with them, as 会办（牵头）. */
export function unitRoleLabel(unit: Pick<SuggestionUnit, 'role'>, mode: AssignMode | null): string {
  return unit.role === 'lead' && mode === 'joint' ? '会办（牵头）' : UNIT_ROLE_LABELS[unit.role];
}

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = { invited: '待回复', accepted: '已同意联名', declined: '已谢绝' };

export const SUGGESTION_STAGE_LABELS: Record<SuggestionStage, string> = { answer: '答复', rehandle: '重新办理答复' };

export const SUGGESTION_EVENT_LABELS: Record<SuggestionEventType, string> = {
  drafted: '代表起草建议',
  invited: '邀请代表联名',
  coSignAccepted: '代表同意联名',
  coSignDeclined: '代表谢绝联名',
  submitted: '代表提交建议',
  returned: '退回代表修改',
  registered: '审查立案',
  noted: '转为一般意见',
  assigned: '交办承办单位',
  keyMarked: '列为重点督办建议',
  viewSent: '协办（会办）单位提出意见',
  extensionRequested: '承办单位申请延期',
  extensionApproved: '同意延期',
  extensionRefused: '不同意延期',
  referredBack: '承办单位申请退回',
  rerouted: '重新交办承办单位',
  reminded: '提醒承办单位按期答复',
  answered: '承办单位书面答复',
  rated: '代表评价答复',
  rehandling: '代表不满意，重新办理',
  followedUp: '承办单位报告落实情况',
  closed: '办结',
};

// ---------------------------------------------------------------------------------------------
// Planning

export type SuggestionRefusalReason =
  | 'illegalTransition'
  | 'notYours'
  | 'coSignersPending'
  | 'invitationClosed'
  | 'notInvited'
  | 'alreadySent'
  | 'viewsPending'
  | 'referWindowClosed'
  | 'extensionPending'
  | 'extensionLimit'
  | 'noExtensionPending'
  | 'noReferral'
  | 'departmentUnavailable'
  | 'notFollowUp'
  | 'leadIsCoSigner';

export interface SuggestionRefusal {
  refused: SuggestionRefusalReason;
}

export interface SuggestionChange {
  /** Fields to set (whole values). */
  set: Partial<SuggestionRecord>;
  events: SuggestionEvent[];
  /** Told to the residents whose opinions fed it: appended to those opinions' public timelines. */
  tellResidents?: { opinionIds: string[]; event: OpinionEvent };
}

export type SuggestionPlan = SuggestionChange | SuggestionRefusal;

export function isSuggestionRefusal(plan: SuggestionPlan): plan is SuggestionRefusal {
  return 'refused' in plan;
}

export interface SuggestionEnv {
  now: Date;
  limits: SuggestionLimits;
  calendar: WorkingCalendar;
}

export interface SuggestionActor {
  role: SuggestionActorRole;
  /** The deputy id, or the staff member's or handler's account. */
  id: string;
  /** The deputy's or the unit's name; staff act in the congress's name. */
  name?: string;
}

function refuse(refused: SuggestionRefusalReason): SuggestionRefusal {
  return { refused };
}

function event(type: SuggestionEventType, now: Date, actor: SuggestionActor, shown: { note?: string; internalNote?: string } = {}): SuggestionEvent {
  const entry: SuggestionEvent = { type, at: now, actorRole: actor.role };
  if (actor.id) entry.actorId = actor.id;
  if (actor.name) entry.actorName = actor.name;
  if (shown.note) entry.note = shown.note;
  if (shown.internalNote) entry.internalNote = shown.internalNote;
  return entry;
}

/** What residents read on their opinion's timeline: public, in the congress's name. */
function residentEvent(type: OpinionEventType, now: Date, note: string): OpinionEvent {
  return { type, at: now, actorRole: 'system', public: true, note };
}

function tell(record: SuggestionRecord, type: OpinionEventType, now: Date, note: string): SuggestionChange['tellResidents'] {
  const opinionIds = record.opinions.map((o) => o.opinionId);
  return opinionIds.length > 0 ? { opinionIds, event: residentEvent(type, now, note) } : undefined;
}

function moved(to: SuggestionStatus, now: Date): Pick<SuggestionRecord, 'status' | 'statusChangedAt'> {
  return { status: to, statusChangedAt: now };
}

/** 《title》 */
export function quotedTitle(record: Pick<SuggestionRecord, 'title'>): string {
  return `《${record.title}》`;
}

export function numberLabel(number: number | null): string {
  return number === null ? '' : `第${String(number).padStart(4, '0')}号`;
}

// ----- drafting

export const EDITABLE: readonly SuggestionStatus[] = ['draft', 'returned'];

export interface DraftFields {
  title: string;
  cause: string;
  content: string;
  category: OpinionCategory;
  opinions: LinkedOpinion[];
  /** The deputies invited to co-sign, as they are to stand. */
  coSigners: ReadonlyArray<{ deputyId: string; name: string }>;
}

/**
 * The deputy saves a draft (a new one, or changes to their draft or to a suggestion staff returned):
 * the co-signers already asked keep their answers; those newly named are invited; those taken off
 * the list are no longer asked.
 */
export function planSaveDraft(record: SuggestionRecord | null, fields: DraftFields, env: Pick<SuggestionEnv, 'now'>, deputy: SuggestionActor): SuggestionPlan {
  if (record && !EDITABLE.includes(record.status)) return refuse('illegalTransition');
  if (fields.coSigners.some((c) => c.deputyId === deputy.id)) return refuse('leadIsCoSigner');
  const before = new Map((record?.coSigners ?? []).map((c) => [c.deputyId, c]));
  const wanted = fields.coSigners.filter((c, i, all) => all.findIndex((o) => o.deputyId === c.deputyId) === i);
  const coSigners: CoSigner[] = wanted.map((c) => before.get(c.deputyId) ?? { deputyId: c.deputyId, name: c.name, state: 'invited', invitedAt: env.now });
  const invitedNow = coSigners.filter((c) => !before.has(c.deputyId));
  const set: Partial<SuggestionRecord> = {
    title: fields.title,
    cause: fields.cause,
    content: fields.content,
    category: fields.category,
    opinions: fields.opinions.filter((o, i, all) => all.findIndex((other) => other.opinionId === o.opinionId) === i),
    coSigners,
    coSignerIds: [...new Set([...(record?.coSignerIds ?? []), ...coSigners.map((c) => c.deputyId)])].filter((id) => coSigners.some((c) => c.deputyId === id)),
  };
  // The same draft saved again (a retry, a second tap) changes nothing and writes nothing.
  if (record && JSON.stringify(fields4(record)) === JSON.stringify(fields4({ ...record, ...set }))) return { set: {}, events: [] };
  const events: SuggestionEvent[] = [];
  if (!record) events.push(event('drafted', env.now, deputy));
  if (invitedNow.length > 0) events.push(event('invited', env.now, deputy, { note: invitedNow.map((c) => c.name).join('、') }));
  return { set, events };
}

/** What a draft's save changes, to tell a save that changes nothing. */
function fields4(record: Partial<SuggestionRecord>): unknown[] {
  return [record.title, record.cause, record.content, record.category, record.opinions, record.coSigners?.map((c) => [c.deputyId, c.state])];
}

/** A deputy invited to co-sign accepts or declines, while the suggestion is still being drafted. */
export function planRespondInvitation(record: SuggestionRecord, input: { accept: boolean }, env: Pick<SuggestionEnv, 'now'>, deputy: SuggestionActor): SuggestionPlan {
  const invitation = record.coSigners.find((c) => c.deputyId === deputy.id);
  if (!invitation) return refuse('notInvited');
  if (!EDITABLE.includes(record.status)) return refuse('invitationClosed');
  const state: InvitationState = input.accept ? 'accepted' : 'declined';
  if (invitation.state === state) return { set: {}, events: [] };
  const coSigners = record.coSigners.map((c) => (c.deputyId === deputy.id ? { ...c, state, answeredAt: env.now } : c));
  return { set: { coSigners }, events: [event(input.accept ? 'coSignAccepted' : 'coSignDeclined', env.now, deputy)] };
}

/** The deputies who stand behind it: the lead and those who accepted. */
export function acceptedCoSigners(record: Pick<SuggestionRecord, 'coSigners'>): CoSigner[] {
  return record.coSigners.filter((c) => c.state === 'accepted');
}

/**
 * The deputy submits. Every invitation must have been answered (a co-signer still deciding would be
 * listed without having agreed); those who declined are left off. Residents whose opinions it
 * carries, and who were not told yet, are told.
 */
export function planSubmit(record: SuggestionRecord, env: Pick<SuggestionEnv, 'now'>, deputy: SuggestionActor): SuggestionPlan {
  if (!EDITABLE.includes(record.status)) return refuse('illegalTransition');
  if (record.coSigners.some((c) => c.state === 'invited')) return refuse('coSignersPending');
  const names = acceptedCoSigners(record).map((c) => c.name);
  const note = names.length > 0 ? `联名代表：${names.join('、')}` : undefined;
  const untold = record.opinions.filter((o) => !record.toldOpinionIds.includes(o.opinionId)).map((o) => o.opinionId);
  const change: SuggestionChange = {
    set: { ...moved('submitted', env.now), submittedAt: env.now, toldOpinionIds: [...record.toldOpinionIds, ...untold] },
    events: [event('submitted', env.now, deputy, { note })],
  };
  if (untold.length > 0) {
    change.tellResidents = {
      opinionIds: untold,
      event: residentEvent('suggestionSubmitted', env.now, `${record.leadDeputyName}代表根据您的意见提出代表建议${quotedTitle(record)}`),
    };
  }
  return change;
}

// ----- review and assignment

/**
 * Staff review a submitted suggestion: 立案 as a 建议 or a 批评意见 (numbered: `number` comes from the
 * session's counter), 转为一般意见 (not handled as a suggestion; the reason is the deputy's), or
 * back to the deputy to revise, with the reason.
 */
export function planReview(
  record: SuggestionRecord,
  input: { decision: ReviewDecision; note?: string; number?: number },
  env: Pick<SuggestionEnv, 'now'>,
  staff: SuggestionActor,
): SuggestionPlan {
  if (record.status !== 'submitted') return refuse('illegalTransition');
  const now = env.now;
  switch (input.decision) {
    case 'register':
    case 'criticism': {
      const kind: SuggestionKind = input.decision === 'register' ? 'suggestion' : 'criticism';
      const number = input.number ?? null;
      const label = `${numberLabel(number)}（${SUGGESTION_KIND_LABELS[kind]}）`;
      return {
        set: { ...moved('registered', now), kind, number, registeredAt: now },
        events: [event('registered', now, staff, { note: label, internalNote: input.note })],
        tellResidents: tell(record, 'suggestionRegistered', now, `代表建议${quotedTitle(record)}已立案，将交有关单位办理`),
      };
    }
    case 'general':
      return {
        set: { ...moved('noted', now), closedAt: now },
        events: [event('noted', now, staff, { note: input.note })],
        tellResidents: tell(record, 'suggestionNoted', now, `代表建议${quotedTitle(record)}已作为意见转有关单位研究参考`),
      };
    case 'return':
      return { set: moved('returned', now), events: [event('returned', now, staff, { note: input.note })] };
  }
}

export interface UnitChoice {
  _id: string;
  name: string;
}

function unitOf(department: UnitChoice, role: UnitRole, now: Date, dueAt: Date): SuggestionUnit {
  return { departmentId: department._id, departmentName: department.name, role, assignedAt: now, dueAt, active: true, view: null, referral: null };
}

/** Who is at work on it now, as the lists and figures look it up. */
export function unitIndex(units: readonly SuggestionUnit[]): Pick<SuggestionRecord, 'activeUnitIds' | 'assistUnitIds' | 'leadDepartmentId' | 'leadDepartmentName'> {
  const active = units.filter((u) => u.active);
  const lead = active.find((u) => u.role === 'lead');
  return {
    activeUnitIds: active.map((u) => u.departmentId),
    assistUnitIds: active.filter((u) => u.role !== 'lead').map((u) => u.departmentId),
    leadDepartmentId: lead?.departmentId ?? null,
    leadDepartmentName: lead?.departmentName ?? null,
  };
}

function unitNames(units: readonly SuggestionUnit[]): string {
  const by = (role: UnitRole) => units.filter((u) => u.active && u.role === role).map((u) => u.departmentName);
  const lead = by('lead');
  const joint = by('joint');
  if (joint.length > 0) return `会办：${[...lead, ...joint].join('、')}`;
  const assist = by('assist');
  return [`主办：${lead.join('、')}`, assist.length > 0 ? `协办：${assist.join('、')}` : ''].filter(Boolean).join('；');
}

/**
 * Staff assign it (交办): one 主办 unit and any 协办 units, or 会办 units answering jointly (the first
 * named leads and writes the joint answer). The answer clock starts now: `answerMonths`, and each
 * 协办 unit has `assistMonths` for its views.
 */
export function planAssign(
  record: SuggestionRecord,
  input: { mode: AssignMode; lead: UnitChoice; others: readonly UnitChoice[]; note: string },
  env: SuggestionEnv,
  staff: SuggestionActor,
): SuggestionPlan {
  if (record.status !== 'registered') return refuse('illegalTransition');
  const others = input.others.filter((d, i, all) => d._id !== input.lead._id && all.findIndex((o) => o._id === d._id) === i);
  const { now, limits, calendar } = env;
  const deadline: SuggestionDeadline = { stage: 'answer', ...dueAfterMonths(now, limits.answerMonths, calendar) };
  const assistDue = dueAfterMonths(now, limits.assistMonths, calendar).dueAt;
  const otherRole: UnitRole = input.mode === 'joint' ? 'joint' : 'assist';
  const units = [unitOf(input.lead, 'lead', now, deadline.dueAt), ...others.map((d) => unitOf(d, otherRole, now, otherRole === 'assist' ? assistDue : deadline.dueAt))];
  const ids = units.map((u) => u.departmentId);
  const names = unitNames(units);
  return {
    set: {
      ...moved('assigned', now),
      mode: input.mode,
      units,
      unitIds: ids,
      ...unitIndex(units),
      assignedAt: now,
      deadline,
      remindersSent: [],
    },
    events: [event('assigned', now, staff, { note: `${names}；${deadline.dueDate}前答复`, internalNote: input.note })],
    tellResidents: tell(
      record,
      'suggestionAssigned',
      now,
      `代表建议${quotedTitle(record)}已交${units.map((u) => `${u.departmentName}（${unitRoleLabel(u, input.mode)}）`).join('、')}办理`,
    ),
  };
}

const HANDLED: readonly SuggestionStatus[] = ['registered', 'assigned', 'referred', 'answered', 'rehandling', 'closed'];

/** Staff mark it 重点督办 under a named leader (or take the mark off). */
export function planMarkKey(record: SuggestionRecord, input: { key: boolean; leader?: string }, env: Pick<SuggestionEnv, 'now'>, staff: SuggestionActor): SuggestionPlan {
  if (!HANDLED.includes(record.status)) return refuse('illegalTransition');
  if (!input.key) return { set: { key: null }, events: [event('keyMarked', env.now, staff, { note: '取消重点督办' })] };
  const leader = input.leader ?? '';
  return { set: { key: { leader, at: env.now, by: staff.id } }, events: [event('keyMarked', env.now, staff, { note: `督办领导：${leader}` })] };
}

// ----- units at work

/** The unit the caller works for, if it is assigned to the suggestion now. */
export function activeUnit(record: Pick<SuggestionRecord, 'units'>, departmentId: string): SuggestionUnit | undefined {
  return record.units.find((u) => u.active && u.departmentId === departmentId);
}

const AT_WORK: readonly SuggestionStatus[] = ['assigned', 'rehandling'];

/** A 协办 or 会办 unit sends its views to the lead unit, once. */
export function planSendView(record: SuggestionRecord, input: { departmentId: string; text: string }, env: Pick<SuggestionEnv, 'now'>, handler: SuggestionActor): SuggestionPlan {
  const unit = activeUnit(record, input.departmentId);
  if (!unit) return refuse('notYours');
  if (!AT_WORK.includes(record.status) || unit.role === 'lead') return refuse('illegalTransition');
  if (unit.view) return refuse('alreadySent');
  const units = record.units.map((u) => (u === unit ? { ...u, view: { text: input.text, at: env.now, by: handler.id } } : u));
  return { set: { units }, events: [event('viewSent', env.now, handler, { internalNote: input.text })] };
}

/**
 * What still keeps the lead unit from answering: 会办 units answer jointly, so every one's views
 * must be in; a 协办 unit's views are awaited until its own deadline passes.
 */
export function viewsStillAwaited(record: Pick<SuggestionRecord, 'units' | 'status'>, now: Date): SuggestionUnit[] {
  if (record.status !== 'assigned') return [];
  return record.units.filter((u) => u.active && u.role !== 'lead' && !u.view && (u.role === 'joint' || !isPastDue(u.dueAt, now)));
}

/**
 * The lead unit answers in writing with its class (B and C with reasons), in the first round or
 * after 重新办理. Every deputy behind it will be told; so are the residents.
 */
export function planAnswer(
  record: SuggestionRecord,
  input: { departmentId: string; answerClass: AnswerClass; text: string; reason?: string },
  env: Pick<SuggestionEnv, 'now'>,
  handler: SuggestionActor,
): SuggestionPlan {
  const unit = activeUnit(record, input.departmentId);
  if (!unit) return refuse('notYours');
  if (!AT_WORK.includes(record.status) || unit.role !== 'lead') return refuse('illegalTransition');
  if (viewsStillAwaited(record, env.now).length > 0) return refuse('viewsPending');
  const now = env.now;
  const onTime = !record.deadline || !isPastDue(record.deadline.dueAt, now);
  const answer: SuggestionAnswer = {
    kind: record.status === 'rehandling' ? 'rehandle' : 'answer',
    answerClass: input.answerClass,
    text: input.text,
    departmentId: unit.departmentId,
    departmentName: unit.departmentName,
    jointNames: record.units.filter((u) => u.active && u.role === 'joint').map((u) => u.departmentName),
    at: now,
    by: handler.id,
    onTime,
  };
  if (input.reason) answer.reason = input.reason;
  const set: Partial<SuggestionRecord> = {
    ...moved('answered', now),
    answers: [...record.answers, answer],
    answerClass: input.answerClass,
    followUp: input.answerClass === 'B',
    deadline: null,
    extension: record.extension?.state === 'pending' ? { ...record.extension, state: 'refused', decidedAt: now, note: '已答复' } : record.extension,
  };
  if (record.answeredAt === null) {
    set.answeredAt = now;
    set.answeredOnTime = onTime;
  }
  const label = ANSWER_CLASS_LABELS[input.answerClass];
  return {
    set,
    events: [event('answered', now, handler, { note: `${label}${onTime ? '' : '（超过期限）'}` })],
    tellResidents: tell(record, 'suggestionAnswered', now, `${unit.departmentName}已答复代表建议${quotedTitle(record)}：${label}`),
  };
}

/**
 * The lead unit asks for more time, with the reason, before the deadline: staff decide. The
 * extension may reach at most `maxMonths` from assignment.
 */
export function planRequestExtension(
  record: SuggestionRecord,
  input: { departmentId: string; months: number; reason: string },
  env: Pick<SuggestionEnv, 'now' | 'limits'>,
  handler: SuggestionActor,
): SuggestionPlan {
  const unit = activeUnit(record, input.departmentId);
  if (!unit) return refuse('notYours');
  if (record.status !== 'assigned' || unit.role !== 'lead') return refuse('illegalTransition');
  if (record.extension?.state === 'pending') return refuse('extensionPending');
  if (env.limits.answerMonths + record.extensionMonths + input.months > env.limits.maxMonths) return refuse('extensionLimit');
  const extension: ExtensionRequest = { months: input.months, reason: input.reason, at: env.now, by: handler.id, departmentId: unit.departmentId, state: 'pending' };
  return { set: { extension }, events: [event('extensionRequested', env.now, handler, { note: `申请延期${input.months}个月`, internalNote: input.reason })] };
}

/**
 * Staff approve or refuse an extension. Approved, the deadline becomes the answer limit plus every
 * month approved, counted from the lead unit's assignment (never beyond `maxMonths`).
 */
export function planDecideExtension(record: SuggestionRecord, input: { approve: boolean; note?: string }, env: SuggestionEnv, staff: SuggestionActor): SuggestionPlan {
  if (record.status !== 'assigned') return refuse('illegalTransition');
  const request = record.extension;
  if (request?.state !== 'pending') return refuse('noExtensionPending');
  const now = env.now;
  const decided: ExtensionRequest = { ...request, state: input.approve ? 'approved' : 'refused', decidedAt: now };
  if (input.note) decided.note = input.note;
  if (!input.approve) return { set: { extension: decided }, events: [event('extensionRefused', now, staff, { note: input.note })] };
  const lead = record.units.find((u) => u.active && u.role === 'lead');
  const from = lead?.assignedAt ?? record.assignedAt ?? now;
  const months = Math.min(env.limits.answerMonths + record.extensionMonths + request.months, env.limits.maxMonths);
  const deadline: SuggestionDeadline = { stage: 'answer', ...dueAfterMonths(new Date(from), months, env.calendar) };
  const units = record.units.map((u) => (u.active && u.role !== 'assist' ? { ...u, dueAt: deadline.dueAt } : u));
  return {
    set: { extension: decided, extensionMonths: months - env.limits.answerMonths, deadline, units },
    events: [event('extensionApproved', now, staff, { note: `答复期限延至${deadline.dueDate}`, internalNote: input.note })],
  };
}

/** Until when a unit may still send it back. */
export function referableUntil(unit: Pick<SuggestionUnit, 'assignedAt'>, env: Pick<SuggestionEnv, 'limits' | 'calendar'>): Date {
  return referBackDue(new Date(unit.assignedAt), env.limits, env.calendar);
}

/**
 * A unit that is not responsible sends it back (退回) within `referBackWorkingDays` of its
 * assignment, with the reason. If it led, the suggestion waits for staff to re-route it and its
 * clock stops; a 协办 or 会办 unit leaving keeps the others at work while staff find another. Sent
 * back `bounceFlagAt` times, it is flagged to staff.
 */
export function planReferBack(record: SuggestionRecord, input: { departmentId: string; reason: string }, env: SuggestionEnv, handler: SuggestionActor): SuggestionPlan {
  const unit = activeUnit(record, input.departmentId);
  if (!unit) return refuse('notYours');
  if (record.status !== 'assigned') return refuse('illegalTransition');
  if (isPastDue(referableUntil(unit, env), env.now)) return refuse('referWindowClosed');
  const now = env.now;
  const units = record.units.map((u) => (u === unit ? { ...u, active: false, referral: { reason: input.reason, at: now, by: handler.id } } : u));
  const referralCount = record.referralCount + 1;
  const set: Partial<SuggestionRecord> = {
    units,
    ...unitIndex(units),
    referralCount,
    referralOpen: true,
    bounced: referralCount >= env.limits.bounceFlagAt,
  };
  if (unit.role === 'lead') Object.assign(set, moved('referred', now), { deadline: null, extension: null });
  return { set, events: [event('referredBack', now, handler, { note: `${unit.departmentName}申请退回（${UNIT_ROLE_LABELS[unit.role]}）`, internalNote: input.reason })] };
}

/**
 * Staff re-route what a unit sent back: another unit (or, insisting, the same one) takes its role
 * with a clock of its own starting now — the time before re-routing never counts against it.
 */
export function planReroute(record: SuggestionRecord, input: { department: UnitChoice; note: string }, env: SuggestionEnv, staff: SuggestionActor): SuggestionPlan {
  if (!record.referralOpen || !['assigned', 'referred'].includes(record.status)) return refuse('noReferral');
  const referred = [...record.units].reverse().find((u) => !u.active && u.referral);
  if (!referred) return refuse('noReferral');
  if (activeUnit(record, input.department._id)) return refuse('departmentUnavailable');
  const { now, limits, calendar } = env;
  let deadline = record.deadline;
  let dueAt: Date;
  if (referred.role === 'lead') {
    deadline = { stage: 'answer', ...dueAfterMonths(now, limits.answerMonths + record.extensionMonths, calendar) };
    dueAt = deadline.dueAt;
  } else if (referred.role === 'assist') {
    dueAt = dueAfterMonths(now, limits.assistMonths, calendar).dueAt;
  } else {
    dueAt = record.deadline ? new Date(record.deadline.dueAt) : dueAfterMonths(now, limits.answerMonths, calendar).dueAt;
  }
  const unit = unitOf(input.department, referred.role, now, dueAt);
  const units = [...record.units, unit];
  // A new lead takes over a running deadline: 会办 units answer with it, so their dates follow.
  const aligned = referred.role === 'lead' ? units.map((u) => (u.active && u.role === 'joint' ? { ...u, dueAt } : u)) : units;
  const set: Partial<SuggestionRecord> = {
    ...moved('assigned', now),
    units: aligned,
    unitIds: [...new Set([...record.unitIds, unit.departmentId])],
    ...unitIndex(aligned),
    referralOpen: false,
    deadline,
  };
  if (referred.role === 'lead') set.remindersSent = [];
  return {
    set,
    events: [event('rerouted', now, staff, { note: `改由${unit.departmentName}${UNIT_ROLE_LABELS[unit.role]}`, internalNote: input.note })],
    tellResidents: referred.role === 'lead' ? tell(record, 'suggestionAssigned', now, `代表建议${quotedTitle(record)}改由${unit.departmentName}办理`) : undefined,
  };
}

// ----- the deputy's verdict and after

/** How many answers it has had (not follow-ups): the verdict judges the latest. */
export function answerCount(record: Pick<SuggestionRecord, 'answers'>): number {
  return record.answers.filter((a) => a.kind !== 'followUp').length;
}

/**
 * The deputy who led it judges the answer (满意 / 基本满意 / 不满意, 不满意 with what is wrong).
 * 不满意 with the first answer opens 重新办理 at once, with its own clock; after 重新办理 the verdict
 * is final and the suggestion closes.
 */
export function planVerdict(record: SuggestionRecord, input: { verdict: Verdict; comment?: string }, env: SuggestionEnv, deputy: SuggestionActor): SuggestionPlan {
  if (record.status !== 'answered') return refuse('illegalTransition');
  const now = env.now;
  const verdict: VerdictRecord = { value: input.verdict, at: now, answerNo: answerCount(record) };
  if (input.comment) verdict.comment = input.comment;
  const note = input.comment ? `${VERDICT_LABELS[input.verdict]}：${input.comment}` : VERDICT_LABELS[input.verdict];
  const base = { verdict, verdicts: [...record.verdicts, verdict] };
  const rated = event('rated', now, deputy, { note });
  if (input.verdict === 'dissatisfied' && record.rehandleCount === 0) {
    const deadline: SuggestionDeadline = { stage: 'rehandle', ...dueAfterMonths(now, env.limits.rehandleMonths, env.calendar) };
    const units = record.units.map((u) => (u.active && u.role === 'lead' ? { ...u, dueAt: deadline.dueAt } : u));
    return {
      set: { ...base, ...moved('rehandling', now), rehandleCount: 1, deadline, units, followUp: false, remindersSent: [] },
      events: [rated, event('rehandling', now, { role: 'system', id: '' }, { note: `${deadline.dueDate}前重新答复` })],
      tellResidents: tell(record, 'suggestionRehandling', now, `代表对代表建议${quotedTitle(record)}的答复不满意，承办单位正在重新办理`),
    };
  }
  return {
    set: { ...base, ...moved('closed', now), closedAt: now },
    events: [rated, event('closed', now, { role: 'system', id: '' })],
    tellResidents: tell(record, 'suggestionClosed', now, `代表建议${quotedTitle(record)}已办结${record.followUp ? '，承办单位将继续落实' : ''}`),
  };
}

/**
 * A B-class answer's promised work reported (续办答复): the lead unit answers again with the class
 * it now stands at; A or C takes it off the follow-up list. Every deputy behind it is told.
 */
export function planFollowUp(
  record: SuggestionRecord,
  input: { departmentId: string; answerClass: AnswerClass; text: string },
  env: Pick<SuggestionEnv, 'now'>,
  handler: SuggestionActor,
): SuggestionPlan {
  const unit = activeUnit(record, input.departmentId);
  if (!unit || unit.role !== 'lead') return refuse('notYours');
  if (!record.followUp || !['answered', 'closed'].includes(record.status)) return refuse('notFollowUp');
  const now = env.now;
  const answer: SuggestionAnswer = {
    kind: 'followUp',
    answerClass: input.answerClass,
    text: input.text,
    departmentId: unit.departmentId,
    departmentName: unit.departmentName,
    jointNames: [],
    at: now,
    by: handler.id,
    onTime: true,
  };
  const label = ANSWER_CLASS_LABELS[input.answerClass];
  return {
    set: { answers: [...record.answers, answer], answerClass: input.answerClass, followUp: input.answerClass === 'B' },
    events: [event('followedUp', now, handler, { note: label })],
    tellResidents: tell(record, 'suggestionFollowedUp', now, `${unit.departmentName}报告了代表建议${quotedTitle(record)}的落实情况：${label}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a suggestion

/** Past its running deadline now, or its first answer came late. */
export function isSuggestionOverdue(record: Pick<SuggestionRecord, 'deadline' | 'answeredOnTime'>, now: Date): boolean {
  return record.answeredOnTime === false || (!!record.deadline && isPastDue(record.deadline.dueAt, now));
}

/**
 * The reminders due at `now` for a deadline: one key per configured day count whose day has come
 * (that many days before the last day allowed) and that was not sent yet. The timer sends one
 * message for them together and records every key, so each goes once, however late it fires.
 */
export function remindersDue(
  deadline: Pick<MonthDeadline, 'dueDate'>,
  stage: string,
  sent: readonly string[],
  now: Date,
  limits: Pick<SuggestionLimits, 'remindDaysBefore'>,
): string[] {
  const today = shanghaiDate(now);
  if (today > deadline.dueDate) return [];
  return limits.remindDaysBefore
    .filter((days) => addDays(deadline.dueDate, -days) <= today)
    .map((days) => `${stage}:${deadline.dueDate}:${days}`)
    .filter((key) => !sent.includes(key));
}

/** YYYY-MM-DD, Shanghai: the last day allowed by a deadline ending at `dueAt` (the midnight after it). */
export function lastDayOf(dueAt: Date | string): string {
  return shanghaiDate(new Date(new Date(dueAt).getTime() - 1));
}

/** The months an answer may still be extended by. */
export function extensionRoom(record: Pick<SuggestionRecord, 'extensionMonths'>, limits: Pick<SuggestionLimits, 'answerMonths' | 'maxMonths'>): number {
  return Math.max(0, limits.maxMonths - limits.answerMonths - record.extensionMonths);
}
