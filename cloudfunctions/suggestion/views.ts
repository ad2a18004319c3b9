import type { SuggestionDocument } from '../../infra/documents/suggestions';
import type { DepartmentChoice } from '../../miniprogram/shared/contract/casework';
import type { SuggestionAction, SuggestionDeadlineView, SuggestionDetail, SuggestionEventView, SuggestionSummary } from '../../miniprogram/shared/contract/suggestion';
import { OPINION_CATEGORY_LABELS } from '../../miniprogram/shared/domain/opinion';
import {
  acceptedCoSigners,
  activeUnit,
  ANSWER_CLASS_LABELS,
  EDITABLE,
  extensionRoom,
  INVITATION_STATE_LABELS,
  isSuggestionOverdue,
  numberLabel,
  referableUntil,
  SUGGESTION_EVENT_LABELS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STAGE_LABELS,
  SUGGESTION_STATUS_LABELS,
  unitRoleLabel,
  VERDICT_LABELS,
  viewsStillAwaited,
  type SuggestionEnv,
} from './machine';
import { isPastDue } from '../../miniprogram/shared/domain/workingDays';
import type { SuggestionCaller, Viewer } from './access';

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null | undefined): string | null => (value ? iso(value) : null);

/** The fields a list row needs: not the texts, answers or timeline. */
export const SUMMARY_FIELDS = {
  _id: true,
  number: true,
  title: true,
  category: true,
  status: true,
  kind: true,
  sessionId: true,
  sessionName: true,
  leadDeputyId: true,
  leadDeputyName: true,
  coSigners: true,
  leadDepartmentName: true,
  units: true,
  deadline: true,
  answerClass: true,
  answeredOnTime: true,
  verdict: true,
  key: true,
  followUp: true,
  rehandleCount: true,
  referralOpen: true,
  referralCount: true,
  bounced: true,
  extension: true,
  submittedAt: true,
  updatedAt: true,
};

function deadlineView(doc: Pick<SuggestionDocument, 'deadline'>, now: Date): SuggestionDeadlineView | null {
  const deadline = doc.deadline;
  if (!deadline) return null;
  return {
    stage: deadline.stage,
    stageLabel: SUGGESTION_STAGE_LABELS[deadline.stage],
    dueDate: deadline.dueDate,
    dueAt: iso(deadline.dueAt),
    overdue: isPastDue(deadline.dueAt, now),
    holidaysUnknown: !!deadline.provisional,
  };
}

/** A list row, for whoever may see it: `caller` adds their own invitation (deputies) or role (handlers). */
export function suggestionSummary(doc: SuggestionDocument, now: Date, caller?: SuggestionCaller): SuggestionSummary {
  const summary: SuggestionSummary = {
    suggestionId: doc._id,
    numberLabel: numberLabel(doc.number),
    title: doc.title,
    category: doc.category,
    categoryLabel: OPINION_CATEGORY_LABELS[doc.category],
    status: doc.status,
    statusLabel: SUGGESTION_STATUS_LABELS[doc.status],
    kind: doc.kind,
    kindLabel: doc.kind ? SUGGESTION_KIND_LABELS[doc.kind] : '',
    sessionId: doc.sessionId,
    sessionName: doc.sessionName,
    leadDeputyId: doc.leadDeputyId,
    leadDeputyName: doc.leadDeputyName,
    coSignerNames: acceptedCoSigners(doc).map((c) => c.name),
    leadUnitName: doc.leadDepartmentName,
    deadline: deadlineView(doc, now),
    overdue: isSuggestionOverdue(doc, now),
    answerClass: doc.answerClass,
    answerClassLabel: doc.answerClass ? ANSWER_CLASS_LABELS[doc.answerClass] : '',
    verdict: doc.verdict ? { value: doc.verdict.value, label: VERDICT_LABELS[doc.verdict.value] } : null,
    key: !!doc.key,
    followUp: doc.followUp,
    rehandleCount: doc.rehandleCount,
    referralOpen: doc.referralOpen,
    referralCount: doc.referralCount,
    bounced: doc.bounced,
    extensionPending: doc.extension?.state === 'pending',
    submittedAt: isoOrNull(doc.submittedAt),
    updatedAt: iso(doc.updatedAt),
  };
  const invitation = caller?.deputy ? doc.coSigners.find((c) => c.deputyId === caller.deputy?.deputyId) : undefined;
  if (invitation) summary.myInvitation = invitation.state;
  const unit = caller?.handler ? activeUnit(doc, caller.handler.departmentId) : undefined;
  if (unit) summary.myRole = unit.role;
  return summary;
}

/** What the caller may do now, as the buttons of the page show it: the planners decide again on the way in. */
function actionsOf(doc: SuggestionDocument, viewer: Viewer, caller: SuggestionCaller, env: SuggestionEnv): SuggestionAction[] {
  const actions: SuggestionAction[] = [];
  const editable = EDITABLE.includes(doc.status);
  if (viewer === 'lead') {
    if (editable) actions.push('edit', 'submit');
    if (doc.status === 'answered') actions.push('rate');
  }
  if (viewer === 'coSigner' && editable) actions.push('respond');
  if (viewer === 'staff') {
    if (doc.status === 'submitted') actions.push('review');
    if (doc.status === 'registered') actions.push('assign');
    if (['registered', 'assigned', 'referred', 'answered', 'rehandling', 'closed'].includes(doc.status)) actions.push('markKey');
    if (doc.status === 'assigned' && doc.extension?.state === 'pending') actions.push('decideExtension');
    if (doc.referralOpen) actions.push('reroute');
  }
  if (viewer === 'handler' && caller.handler) {
    const unit = activeUnit(doc, caller.handler.departmentId);
    const atWork = doc.status === 'assigned' || doc.status === 'rehandling';
    if (unit && atWork) {
      if (unit.role === 'lead') actions.push('answer');
      else if (!unit.view && doc.status === 'assigned') actions.push('sendView');
      if (unit.role === 'lead' && doc.status === 'assigned' && doc.extension?.state !== 'pending' && extensionRoom(doc, env.limits) > 0) actions.push('requestExtension');
      if (doc.status === 'assigned' && !isPastDue(referableUntil(unit, env), env.now)) actions.push('referBack');
    }
    if (unit?.role === 'lead' && doc.followUp && (doc.status === 'answered' || doc.status === 'closed')) actions.push('followUp');
  }
  return actions;
}

function eventView(event: SuggestionDocument['timeline'][number], internal: boolean): SuggestionEventView {
  const shown: SuggestionEventView = { type: event.type, label: SUGGESTION_EVENT_LABELS[event.type], at: iso(event.at), actorRole: event.actorRole };
  if (event.actorName) shown.actorName = event.actorName;
  if (event.note) shown.note = event.note;
  if (internal && event.internalNote) shown.internalNote = event.internalNote;
  return shown;
}

/**
 * One suggestion in full, as the caller may see it: deputies see everything but the notes staff and
 * units keep among themselves (the units' views, the reasons for sending it back, internal notes).
 */
export function suggestionDetail(
  doc: SuggestionDocument,
  viewer: Viewer,
  caller: SuggestionCaller,
  env: SuggestionEnv,
  assignableDepartments: DepartmentChoice[] = [],
): SuggestionDetail {
  const internal = viewer === 'staff' || viewer === 'handler';
  const unit = caller.handler ? activeUnit(doc, caller.handler.departmentId) : undefined;
  const actions = actionsOf(doc, viewer, caller, env);
  const extension = doc.extension;
  return {
    ...suggestionSummary(doc, env.now, caller),
    viewer,
    cause: doc.cause,
    content: doc.content,
    opinions: doc.opinions.map((o) => ({ opinionId: o.opinionId, trackingNo: o.trackingNo })),
    coSigners: doc.coSigners.map((c) => ({ deputyId: c.deputyId, name: c.name, state: c.state, stateLabel: INVITATION_STATE_LABELS[c.state] })),
    units: doc.units.map((u) => ({
      departmentId: u.departmentId,
      departmentName: u.departmentName,
      role: u.role,
      roleLabel: unitRoleLabel(u, doc.mode),
      assignedAt: iso(u.assignedAt),
      dueAt: iso(u.dueAt),
      active: u.active,
      view: internal && u.view ? { text: u.view.text, at: iso(u.view.at) } : null,
      referral: internal && u.referral ? { reason: u.referral.reason, at: iso(u.referral.at) } : null,
    })),
    answers: doc.answers.map((a) => ({
      kind: a.kind,
      kindLabel: a.kind === 'followUp' ? '落实情况' : a.kind === 'rehandle' ? '重新办理答复' : '答复',
      answerClass: a.answerClass,
      answerClassLabel: ANSWER_CLASS_LABELS[a.answerClass],
      text: a.text,
      ...(a.reason ? { reason: a.reason } : {}),
      departmentName: a.departmentName,
      jointNames: a.jointNames,
      at: iso(a.at),
      onTime: a.onTime,
    })),
    verdicts: doc.verdicts.map((v) => ({ value: v.value, label: VERDICT_LABELS[v.value], ...(v.comment ? { comment: v.comment } : {}), at: iso(v.at) })),
    extension: extension
      ? {
          months: extension.months,
          reason: internal ? extension.reason : '',
          at: iso(extension.at),
          state: extension.state,
          stateLabel: extension.state === 'pending' ? '待审批' : extension.state === 'approved' ? '已同意' : '未同意',
          ...(extension.note ? { note: extension.note } : {}),
        }
      : null,
    keyLeader: doc.key?.leader ?? null,
    timeline: doc.timeline.map((event) => eventView(event, internal)),
    actions,
    referBackUntil: actions.includes('referBack') && unit ? iso(referableUntil(unit, env)) : null,
    extensionRoomMonths: unit?.role === 'lead' ? extensionRoom(doc, env.limits) : 0,
    assignableDepartments,
    awaitingViewsFrom: unit?.role === 'lead' ? viewsStillAwaited(doc, env.now).map((u) => u.departmentName) : [],
  };
}
