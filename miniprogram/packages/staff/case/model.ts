import { appClock } from '../../../services/clock';
import type { AssignmentView, CaseDetail, CaseEventView } from '../../../shared/contract/casework';
import type { OpinionPhoto } from '../../../shared/contract/opinion';
import { ANSWER_CATEGORIES, ANSWER_CATEGORY_LABELS, answerNeedsReason, CASE_TEXT_LIMITS, type AnswerCategory } from '../../../shared/domain/casework';
import { textLength } from '../../../shared/domain/opinion';
import { isMobileNumber } from '../../../shared/domain/phone';
import { callApi } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { formatDate, formatDateTime, formatReceptionDate } from '../../../utils/date';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { forDeputiesAndStaff, statusTheme, timelineItems, withInternalNote, type TimelineItem } from '../../../views/opinion';
import { deadlineLabel, HOLIDAYS_UNKNOWN_NOTE } from '../case-views';
import { oneAtATime } from '../../../utils/one-at-a-time';

export const ASSIGN_NOTE_MIN = 2;
export const URGE_NOTE_MIN = 2;
export const ANSWER_MIN = 5;

export const CASE_MESSAGES = {
  noDepartment: '请至少选择一个承办单位',
  tooManyDepartments: `一次最多交办${CASE_TEXT_LIMITS.departments}个承办单位`,
  assignNote: `请写明交办要求（至少${ASSIGN_NOTE_MIN}个字）`,
  returnNote: '请写明退回的理由和需要重新办理的内容',
  urgeNote: `请写明督办要求（至少${URGE_NOTE_MIN}个字）`,
  referReason: '请写明退回理由（至少5个字）',
  rerouteNote: '请写明改派说明（至少2个字）',
  answerShort: `请写明办理情况（至少${ANSWER_MIN}个字）`,
  reason: '列入计划或留作参考时，请说明理由',
  noteLong: `最多${CASE_TEXT_LIMITS.note}个字，请精简`,
  answerLong: `最多${CASE_TEXT_LIMITS.answer}个字，请精简`,
  reasonLong: `最多${CASE_TEXT_LIMITS.reason}个字，请精简`,
  accepted: '已受理',
  assigned: '已交办',
  approved: '已审核通过，已请群众评价',
  returned: '已退回重办',
  urged: '已督办',
  answered: '办理结果已提交，等待人大工作人员审核',
  referredBack: '已申请退回，等待人大工作人员改派',
  rerouted: '已改派',
} as const;

export const ANSWER_CATEGORY_CHOICES: ReadonlyArray<{ value: AnswerCategory; label: string }> = ANSWER_CATEGORIES.map((value) => ({
  value,
  label: ANSWER_CATEGORY_LABELS[value],
}));

export interface AssignmentItem {
  key: string;
  departmentName: string;
  /** 第1轮 · 11月3日交办 · 11月24日前答复 · 已超期 2 个工作日 */
  meta: string;
  answerLabel: string;
  answerText: string;
  answerReason: string;
  /** 退回理由：… (staff and handlers). */
  referralLabel: string;
}

export interface DepartmentOption {
  id: string;
  name: string;
  selected: boolean;
}

export interface CaseView {
  trackingNo: string;
  categoryLabel: string;
  statusLabel: string;
  statusTheme: string;
  placeLabel: string;
  createdAt: string;
  text: string;
  photos: OpinionPhoto[];
  locationLabel: string;
  contactLabel: string;
  /** The resident consented and left a full number. */
  canCall: boolean;
  phone: string;
  deadlineText: string;
  overdue: boolean;
  /** 曾超期：受理、承办单位办理 */
  lateLabel: string;
  roundLabel: string;
  urgeLabel: string;
  outcomeLabel: string;
  ratingLabel: string;
  assignments: AssignmentItem[];
  timeline: TimelineItem[];
  canAccept: boolean;
  canAssign: boolean;
  canReview: boolean;
  canUrge: boolean;
  canAnswer: boolean;
  /** 退回: the handler's department may still send it back; until when. */
  canReferBack: boolean;
  referBackNote: string;
  /** 改派: a department sent it back and staff have not re-routed it yet. */
  canReroute: boolean;
  /** 多次退回（2次）: flagged to staff. */
  bouncedLabel: string;
  /** Nothing to do here now: said plainly so nobody looks for a button. */
  noActionNote: string;
}

export function contactOf(contact: CaseDetail['contact']): Pick<CaseView, 'contactLabel' | 'canCall' | 'phone'> {
  if (!contact || (!contact.name && !contact.phone)) return { contactLabel: '未留联系方式', canCall: false, phone: '' };
  const phone = contact.phone ?? '';
  const who = [contact.name, phone].filter(Boolean).join(' ');
  const canCall = contact.mayContact && isMobileNumber(phone);
  return { contactLabel: `${who}（${contact.mayContact ? '同意联系' : '未同意联系，号码已隐藏'}）`, canCall, phone };
}

/** Staff and handlers see everything, internal notes marked as such. */
export function internalTimeline(events: readonly CaseEventView[]): TimelineItem[] {
  return timelineItems(
    events.map(forDeputiesAndStaff).map((event) => ({
      ...event,
      label: event.public ? event.label : `${event.label}（内部）`,
      note: withInternalNote(event),
    })),
  );
}

export function assignmentItem(assignment: AssignmentView): AssignmentItem {
  const answer = assignment.answer;
  return {
    key: `${assignment.round}-${assignment.departmentId}`,
    departmentName: assignment.departmentName,
    meta: [
      `第${assignment.round}轮 · ${formatDate(assignment.assignedAt)}交办 · ${formatDate(assignment.dueAt)}前答复`,
      assignment.overdueWorkingDays > 0 ? `已超期 ${assignment.overdueWorkingDays} 个工作日` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    answerLabel: answer ? `办理结果：${answer.categoryLabel}（${formatDateTime(answer.at)}）` : '尚未答复',
    answerText: answer?.text ?? '',
    answerReason: answer?.reason ? `理由：${answer.reason}` : '',
    referralLabel: assignment.referral ? `已退回（${formatDateTime(assignment.referral.at)}）：${assignment.referral.reason}` : '',
  };
}

export function toCaseView(detail: CaseDetail, now: Date): CaseView {
  const deadline = deadlineLabel(detail.deadline, now);
  const actions = new Set(detail.actions);
  const view: CaseView = {
    trackingNo: detail.trackingNo,
    categoryLabel: detail.categoryLabel,
    statusLabel: detail.statusLabel,
    statusTheme: statusTheme(detail.status),
    placeLabel: detail.deputyName ? `${detail.stationName} · 写给${detail.deputyName}代表` : detail.stationName,
    createdAt: formatDateTime(detail.createdAt),
    text: detail.text,
    photos: detail.photos,
    locationLabel: detail.location?.address ?? (detail.location ? '已附位置' : ''),
    ...contactOf(detail.contact),
    deadlineText: deadline.text,
    overdue: deadline.overdue,
    lateLabel: detail.lateStages.length > 0 ? `曾超期：${detail.lateStages.map((s) => s.stageLabel).join('、')}` : '',
    roundLabel: detail.round > 1 ? `第${detail.round}轮交办（二次交办）` : '',
    urgeLabel: detail.urgeCount > 0 ? `已督办${detail.urgeCount}次` : '',
    outcomeLabel: detail.outcome ? detail.outcome.label : '',
    ratingLabel: detail.ratingDetail
      ? [detail.ratingDetail.label, detail.ratingDetail.comment].filter(Boolean).join('：')
      : detail.ratingDueAt
        ? `等待群众评价（${formatDate(detail.ratingDueAt)}前）`
        : '',
    assignments: [...detail.assignments].reverse().map(assignmentItem),
    timeline: internalTimeline(detail.timeline),
    canAccept: actions.has('accept'),
    canAssign: actions.has('assign'),
    canReview: actions.has('approve') || actions.has('return'),
    canUrge: actions.has('urge'),
    canAnswer: actions.has('answer'),
    canReferBack: actions.has('referBack'),
    referBackNote: detail.referBackUntil ? `如不属本单位职责，请在${formatDate(new Date(Date.parse(detail.referBackUntil) - 1).toISOString())}当天结束前申请退回` : '',
    canReroute: actions.has('reroute'),
    bouncedLabel: detail.bounced ? `多次退回（${detail.referralCount}次），请协调确定承办单位` : '',
    noActionNote: '',
  };
  if (!view.canAccept && !view.canAssign && !view.canReview && !view.canUrge && !view.canAnswer && !view.canReroute) {
    view.noActionNote = detail.status === 'awaitingRating' ? '正在等待群众评价，不需要操作' : detail.status === 'closed' ? '已办结' : '现在不需要您操作';
  }
  return view;
}

/** Which form is open below the case: one at a time, so the page stays short. */
export type CasePanel = '' | 'assign' | 'return' | 'urge' | 'referBack' | 'reroute';

export interface CaseState extends Loaded<CaseView> {
  panel: CasePanel;
  departments: DepartmentOption[];
  /** 现在交办，承办单位应在15个工作日内（12月15日 周二当天结束前）办理答复。From the back end's configured deadline. */
  assignDueNote: string;
  note: string;
  noteError: string;
  departmentError: string;
  categories: ReadonlyArray<{ value: AnswerCategory; label: string }>;
  category: AnswerCategory | '';
  needsReason: boolean;
  answerText: string;
  answerReason: string;
  answerError: string;
  reasonError: string;
  actionError: string;
  working: boolean;
}

export function initialCaseState(): CaseState {
  return {
    ...loading<CaseView>(),
    panel: '',
    departments: [],
    assignDueNote: '',
    note: '',
    noteError: '',
    departmentError: '',
    categories: ANSWER_CATEGORY_CHOICES,
    category: '',
    needsReason: false,
    answerText: '',
    answerReason: '',
    answerError: '',
    reasonError: '',
    actionError: '',
    working: false,
  };
}

/**
 * What the 交办 form promises: the answer deadline the back end says an assignment made now gets
 * (the configured working days, counted with the holiday calendar), or, without it, only that it
 * will show once assigned.
 */
export function assignDueNoteOf(detail: Pick<CaseDetail, 'assignWorkingDays' | 'assignDueDate' | 'assignDueHolidaysUnknown'>): string {
  if (detail.assignWorkingDays === null || detail.assignDueDate === null) return '办理期限交办后显示。';
  const note = `现在交办，承办单位应在${detail.assignWorkingDays}个工作日内（${formatReceptionDate(detail.assignDueDate)}当天结束前）办理答复。`;
  return detail.assignDueHolidaysUnknown ? `${note}${HOLIDAYS_UNKNOWN_NOTE}` : note;
}

function lengthError(text: string, min: number, max: number, short: string, long: string): string {
  const length = textLength(text);
  return length < min ? short : length > max ? long : '';
}

/**
 * One case as staff or a department handler works it. The buttons are the actions the back end
 * says the caller may take now (受理, 交办, 审核, 督办, 办理答复); each asks only what it needs, checks
 * it here first, and reloads the case after, so the timeline shows what was done.
 */
export function createCasePage(opinionId: string, render: (change: Partial<CaseState>) => void) {
  let departments: DepartmentOption[] = [];
  let panel: CasePanel = '';
  let note = '';
  let category: AnswerCategory | '' = '';
  let answerText = '';
  let answerReason = '';
  const runner = oneAtATime(render, 'staff case');

  async function load(): Promise<void> {
    render({ ...loading<CaseView>(), actionError: '' });
    if (!opinionId) {
      render(failed('CASE.NOT_FOUND'));
      return;
    }
    let detail: CaseDetail | undefined;
    const state = await settle(
      () => callApi('casework.get', { opinionId }),
      (loaded: CaseDetail) => {
        detail = loaded;
        return toCaseView(loaded, appClock.now());
      },
    );
    if (detail) {
      const chosen = new Set(departments.filter((d) => d.selected).map((d) => d.id));
      departments = detail.assignableDepartments.map((d) => ({ id: d._id, name: d.name, selected: chosen.has(d._id) }));
    }
    render(detail ? { ...state, departments, assignDueNote: assignDueNoteOf(detail) } : { ...state, departments });
  }

  function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    return runner.step(
      async () => {
        await action();
        showToast(done);
        panel = '';
        note = '';
        render({ panel, note, noteError: '', departmentError: '' });
        await load();
      },
      {
        clear: { actionError: '' },
        refused: async (apiError) => {
          const fieldError = apiError.fields.note || apiError.fields.departmentIds || apiError.fields.text || apiError.fields.reason;
          render({ actionError: fieldError || apiError.message });
          if (apiError.code === 'CASE.ILLEGAL_TRANSITION') await load();
        },
      },
    );
  }

  const noteFor = (min: number, short: string) => lengthError(note, min, CASE_TEXT_LIMITS.note, short, CASE_MESSAGES.noteLong);

  /** 交办 and 改派: the departments chosen and a note for them; the choice is cleared once sent. */
  async function toDepartments(action: 'casework.assign' | 'casework.reroute', noteMin: number, noteShort: string, done: string): Promise<void> {
    if (runner.working) return;
    const departmentIds = departments.filter((d) => d.selected).map((d) => d.id);
    const departmentError = departmentIds.length === 0 ? CASE_MESSAGES.noDepartment : departmentIds.length > CASE_TEXT_LIMITS.departments ? CASE_MESSAGES.tooManyDepartments : '';
    const noteError = noteFor(noteMin, noteShort);
    if (departmentError || noteError) {
      render({ departmentError, noteError });
      return;
    }
    const sent = await run(() => callApi(action, { opinionId, departmentIds, note: note.trim() }), done);
    if (sent) {
      departments = departments.map((d) => ({ ...d, selected: false }));
      render({ departments });
    }
  }

  return {
    load,
    open(next: CasePanel): void {
      panel = next;
      note = '';
      render({ panel, note, noteError: '', departmentError: '', actionError: '' });
    },
    setNote(text: string): void {
      note = text;
      render({ note, noteError: '' });
    },
    toggleDepartment(id: string): void {
      departments = departments.map((d) => (d.id === id ? { ...d, selected: !d.selected } : d));
      render({ departments, departmentError: '' });
    },
    async accept(): Promise<void> {
      if (runner.working) return;
      await run(() => callApi('casework.accept', { opinionId }), CASE_MESSAGES.accepted);
    },
    assign: (): Promise<void> => toDepartments('casework.assign', ASSIGN_NOTE_MIN, CASE_MESSAGES.assignNote, CASE_MESSAGES.assigned),
    async approve(): Promise<void> {
      if (runner.working) return;
      await run(() => callApi('casework.review', { opinionId, decision: 'approve' }), CASE_MESSAGES.approved);
    },
    async returnForRedo(): Promise<void> {
      if (runner.working) return;
      const noteError = noteFor(2, CASE_MESSAGES.returnNote);
      if (noteError) {
        render({ noteError });
        return;
      }
      await run(() => callApi('casework.review', { opinionId, decision: 'return', note: note.trim() }), CASE_MESSAGES.returned);
    },
    async referBack(): Promise<void> {
      if (runner.working) return;
      const noteError = lengthError(note, 5, CASE_TEXT_LIMITS.reason, CASE_MESSAGES.referReason, CASE_MESSAGES.reasonLong);
      if (noteError) {
        render({ noteError });
        return;
      }
      await run(() => callApi('casework.referBack', { opinionId, reason: note.trim() }), CASE_MESSAGES.referredBack);
    },
    reroute: (): Promise<void> => toDepartments('casework.reroute', 2, CASE_MESSAGES.rerouteNote, CASE_MESSAGES.rerouted),
    async urge(): Promise<void> {
      if (runner.working) return;
      const noteError = noteFor(URGE_NOTE_MIN, CASE_MESSAGES.urgeNote);
      if (noteError) {
        render({ noteError });
        return;
      }
      await run(() => callApi('casework.urge', { opinionId, note: note.trim() }), CASE_MESSAGES.urged);
    },
    chooseCategory(next: AnswerCategory): void {
      category = next;
      render({ category, needsReason: answerNeedsReason(next), answerError: '', reasonError: '' });
    },
    setAnswerText(text: string): void {
      answerText = text;
      render({ answerText, answerError: '' });
    },
    setAnswerReason(text: string): void {
      answerReason = text;
      render({ answerReason, reasonError: '' });
    },
    async answer(): Promise<void> {
      if (runner.working) return;
      if (!category) {
        render({ answerError: '请先选择办理结果' });
        return;
      }
      const answerError = lengthError(answerText, ANSWER_MIN, CASE_TEXT_LIMITS.answer, CASE_MESSAGES.answerShort, CASE_MESSAGES.answerLong);
      const reasonError = answerNeedsReason(category) ? lengthError(answerReason, 1, CASE_TEXT_LIMITS.reason, CASE_MESSAGES.reason, CASE_MESSAGES.reasonLong) : '';
      if (answerError || reasonError) {
        render({ answerError, reasonError });
        return;
      }
      const chosen = category;
      const payload = answerNeedsReason(chosen)
        ? { opinionId, category: chosen, text: answerText.trim(), reason: answerReason.trim() }
        : { opinionId, category: chosen, text: answerText.trim() };
      const sent = await run(() => callApi('casework.answer', payload), CASE_MESSAGES.answered);
      if (sent) {
        category = '';
        answerText = '';
        answerReason = '';
        render({ category, needsReason: false, answerText, answerReason });
      }
    },
  };
}
