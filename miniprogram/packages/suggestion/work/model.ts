import type { PayloadOf } from '../../../shared/contract';
import type { SuggestionDetail } from '../../../shared/contract/suggestion';
import { textLength } from '../../../shared/domain/opinion';
import {
  ANSWER_CLASS_LABELS,
  ANSWER_CLASSES,
  answerClassNeedsReason,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  SUGGESTION_TEXT_LIMITS as LIMITS,
  type AnswerClass,
  type AssignMode,
  type ReviewDecision,
} from '../../../shared/domain/suggestion';
import { appClock } from '../../../services/clock';
import { callApi } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { formatDate } from '../../../utils/date';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { suggestionPageView, type SuggestionPageView } from '../views';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';

export const WORK_MESSAGES = {
  decision: '请选择审查结果',
  reasonForDeputy: '请写明理由，代表会看到',
  lead: '请选择主办（牵头）单位',
  assignNote: '请写明交办要求（至少2个字）',
  leader: '请写明督办领导（2到30个字）',
  rerouteUnit: '请选择改由哪个单位办理',
  rerouteNote: '请写明改派说明（至少2个字）',
  view: '请写明协办意见（至少10个字）',
  answerClass: '请选择答复类别',
  answerText: '请写明答复内容（至少20个字）',
  reasonB: '请写明解决计划和完成时限',
  reasonC: '请写明暂时不能解决的原因',
  months: '请选择延期几个月',
  extensionReason: '请写明延期理由（至少10个字）',
  referReason: '请写明退回理由（至少5个字）',
  followUp: '请写明落实情况（至少10个字）',
  tooLong: '内容太长了，请精简',
  done: {
    review: '审查结果已保存',
    assign: '已交办',
    markKey: '已保存重点督办',
    unmarkKey: '已取消重点督办',
    approve: '已同意延期',
    refuse: '已不同意延期',
    reroute: '已改派',
    view: '协办意见已送主办单位',
    answer: '答复已送达代表',
    requestExtension: '延期申请已提交',
    referBack: '已申请退回，等待人大工作人员改派',
    followUp: '落实情况已报告',
  },
} as const;

export type WorkPanel = '' | 'review' | 'assign' | 'markKey' | 'extension' | 'reroute' | 'view' | 'answer' | 'requestExtension' | 'referBack' | 'followUp';

export interface WorkView extends SuggestionPageView {
  viewer: SuggestionDetail['viewer'];
  canReview: boolean;
  canAssign: boolean;
  canMarkKey: boolean;
  isKey: boolean;
  canDecideExtension: boolean;
  canReroute: boolean;
  canSendView: boolean;
  canAnswer: boolean;
  /** 重新办理 asks for a new answer: said on the button. */
  answerLabel: string;
  canRequestExtension: boolean;
  canReferBack: boolean;
  canFollowUp: boolean;
  /** 还在等待：江南区住房和城乡建设局的协办意见 */
  awaitingNote: string;
  /** 如不属本单位职责，可在2026年11月27日前申请退回 */
  referBackNote: string;
  /** 本单位：主办 */
  myRoleLabel: string;
  noActionNote: string;
}

const ROLE_LABELS = { lead: '主办', assist: '协办', joint: '会办' } as const;

export function toWorkView(detail: SuggestionDetail, now: Date): WorkView {
  const actions = new Set(detail.actions);
  const view: WorkView = {
    ...suggestionPageView(detail, now),
    viewer: detail.viewer,
    canReview: actions.has('review'),
    canAssign: actions.has('assign'),
    canMarkKey: actions.has('markKey'),
    isKey: detail.key,
    canDecideExtension: actions.has('decideExtension'),
    canReroute: actions.has('reroute'),
    canSendView: actions.has('sendView'),
    canAnswer: actions.has('answer'),
    answerLabel: detail.status === 'rehandling' ? '重新答复' : '书面答复',
    canRequestExtension: actions.has('requestExtension'),
    canReferBack: actions.has('referBack'),
    canFollowUp: actions.has('followUp'),
    awaitingNote: detail.awaitingViewsFrom.length > 0 ? `还在等待：${detail.awaitingViewsFrom.join('、')}的意见，收到后才能答复` : '',
    referBackNote: detail.referBackUntil ? `如不属本单位职责，请在${formatDate(new Date(Date.parse(detail.referBackUntil) - 1).toISOString())}当天结束前申请退回` : '',
    myRoleLabel: detail.myRole ? `本单位：${ROLE_LABELS[detail.myRole]}` : '',
    noActionNote: '',
  };
  if (detail.actions.length === 0 || (detail.actions.length === 1 && view.canMarkKey)) {
    view.noActionNote = detail.status === 'answered' ? '正在等待领衔代表评价' : detail.status === 'closed' ? '已办结' : '现在不需要您操作';
  }
  return view;
}

export interface WorkState extends Loaded<WorkView> {
  panel: WorkPanel;
  decisions: ReadonlyArray<{ value: ReviewDecision; label: string }>;
  decision: ReviewDecision | '';
  note: string;
  leader: string;
  modes: ReadonlyArray<{ value: AssignMode; label: string }>;
  mode: AssignMode;
  units: Array<{ id: string; name: string; lead: boolean; other: boolean }>;
  rerouteUnitId: string;
  classes: ReadonlyArray<{ value: AnswerClass; label: string }>;
  answerClass: AnswerClass | '';
  needsReason: boolean;
  text: string;
  reason: string;
  monthChoices: number[];
  months: number;
  fieldError: string;
  actionError: string;
  working: boolean;
}

export const DECISION_CHOICES = REVIEW_DECISIONS.map((value) => ({ value, label: REVIEW_DECISION_LABELS[value] }));
export const MODE_CHOICES: ReadonlyArray<{ value: AssignMode; label: string }> = [
  { value: 'lead', label: '主办＋协办' },
  { value: 'joint', label: '会办（共同答复）' },
];
export const CLASS_CHOICES = ANSWER_CLASSES.map((value) => ({ value, label: ANSWER_CLASS_LABELS[value] }));

export function initialWorkState(): WorkState {
  return {
    ...loading<WorkView>(),
    panel: '',
    decisions: DECISION_CHOICES,
    decision: '',
    note: '',
    leader: '',
    modes: MODE_CHOICES,
    mode: 'lead',
    units: [],
    rerouteUnitId: '',
    classes: CLASS_CHOICES,
    answerClass: '',
    needsReason: false,
    text: '',
    reason: '',
    monthChoices: [],
    months: 0,
    fieldError: '',
    actionError: '',
    working: false,
  };
}

function lengthError(text: string, min: number, max: number, short: string): string {
  const length = textLength(text);
  return length < min ? short : length > max ? WORK_MESSAGES.tooLong : '';
}

/**
 * One suggestion as congress staff and units' handlers work it. The buttons are the actions the
 * back end says the caller may take now; each opens its form (one at a time), which checks what it
 * can before asking, and the suggestion is read again after, so its record shows what was done.
 */
export function createSuggestionWork(suggestionId: string, render: (change: Partial<WorkState>) => void) {
  let detail: SuggestionDetail | null = null;
  let state: Pick<WorkState, 'panel' | 'decision' | 'note' | 'leader' | 'mode' | 'units' | 'rerouteUnitId' | 'answerClass' | 'text' | 'reason' | 'months'> = {
    panel: '',
    decision: '',
    note: '',
    leader: '',
    mode: 'lead',
    units: [],
    rerouteUnitId: '',
    answerClass: '',
    text: '',
    reason: '',
    months: 0,
  };
  const runner = oneAtATime(render, 'suggestion work');

  function set(change: Partial<typeof state>): void {
    state = { ...state, ...change };
    render({ ...change, fieldError: '', actionError: '' });
  }

  async function load(): Promise<void> {
    render({ ...loading<WorkView>() });
    if (!suggestionId) {
      render(failed('SUGGESTION.NOT_FOUND'));
      return;
    }
    detail = null;
    const loaded = await settle(
      () => callApi('suggestion.get', { suggestionId }),
      (fetched: SuggestionDetail) => {
        detail = fetched;
        return toWorkView(fetched, appClock.now());
      },
    );
    const units = detail ? (detail as SuggestionDetail).assignableDepartments.map((d) => ({ id: d._id, name: d.name, lead: false, other: false })) : [];
    const room = detail ? (detail as SuggestionDetail).extensionRoomMonths : 0;
    state = { ...state, units };
    render({ ...loaded, units, monthChoices: Array.from({ length: room }, (_, i) => i + 1) });
  }

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    await runner.step(
      async () => {
        await action();
        showToast(done);
        state = { ...state, panel: '', decision: '', note: '', leader: '', text: '', reason: '', answerClass: '', months: 0, rerouteUnitId: '' };
        render({ panel: '', decision: '', note: '', leader: '', text: '', reason: '', answerClass: '', needsReason: false, months: 0, rerouteUnitId: '', fieldError: '' });
        await load();
      },
      {
        clear: { actionError: '' },
        refused: async (error) => {
          render({ actionError: refusalText(error) });
          if (error.code === 'SUGGESTION.ILLEGAL_TRANSITION') await load();
        },
      },
    );
  }

  /** A form's own check before anything is sent: the message beside it, or nothing wrong. */
  function refuse(message: string): boolean {
    if (message) render({ fieldError: message });
    return !!message;
  }

  const payload = <T extends object>(fields: T) => ({ suggestionId, ...fields });

  return {
    load,
    open(panel: WorkPanel): void {
      const leader = panel === 'markKey' ? (detail?.keyLeader ?? '') : '';
      set({ panel, note: '', text: '', reason: '', leader, decision: '', answerClass: '', months: 0, rerouteUnitId: '' });
      render({ needsReason: false });
    },
    setNote: (note: string) => set({ note }),
    setLeader: (leader: string) => set({ leader }),
    setText: (text: string) => set({ text }),
    setReason: (reason: string) => set({ reason }),
    chooseDecision: (decision: ReviewDecision) => set({ decision }),
    chooseMode: (mode: AssignMode) => set({ mode }),
    chooseMonths: (months: number) => set({ months }),
    chooseClass(answerClass: AnswerClass): void {
      set({ answerClass });
      render({ needsReason: answerClassNeedsReason(answerClass) });
    },
    /** The first unit tapped leads; tapping another adds it as 协办 (or 会办); tapping again takes it off. */
    toggleUnit(id: string): void {
      const units = state.units.map((u) => ({ ...u }));
      const unit = units.find((u) => u.id === id);
      if (!unit) return;
      if (unit.lead || unit.other) {
        unit.lead = false;
        unit.other = false;
      } else if (!units.some((u) => u.lead)) unit.lead = true;
      else if (units.filter((u) => u.other).length < LIMITS.otherUnits) unit.other = true;
      set({ units });
    },
    chooseRerouteUnit: (rerouteUnitId: string) => set({ rerouteUnitId }),

    review(): Promise<void> | void {
      const { decision, note } = state;
      if (
        refuse(
          !decision
            ? WORK_MESSAGES.decision
            : (decision === 'general' || decision === 'return') && textLength(note) === 0
              ? WORK_MESSAGES.reasonForDeputy
              : lengthError(note, 0, LIMITS.note, ''),
        )
      )
        return;
      const body: PayloadOf<'suggestion.review'> = note.trim()
        ? payload({ decision: decision as ReviewDecision, note: note.trim() })
        : payload({ decision: decision as ReviewDecision });
      return run(() => callApi('suggestion.review', body), WORK_MESSAGES.done.review);
    },
    assign(): Promise<void> | void {
      const lead = state.units.find((u) => u.lead);
      if (refuse(!lead ? WORK_MESSAGES.lead : lengthError(state.note, 2, LIMITS.note, WORK_MESSAGES.assignNote))) return;
      const others = state.units.filter((u) => u.other).map((u) => u.id);
      return run(
        () => callApi('suggestion.assign', payload({ mode: state.mode, leadDepartmentId: lead?.id ?? '', otherDepartmentIds: others, note: state.note.trim() })),
        WORK_MESSAGES.done.assign,
      );
    },
    markKey(key: boolean): Promise<void> | void {
      if (key && refuse(lengthError(state.leader, 2, LIMITS.leader, WORK_MESSAGES.leader))) return;
      return run(
        () => callApi('suggestion.markKey', key ? payload({ key, leader: state.leader.trim() }) : payload({ key })),
        key ? WORK_MESSAGES.done.markKey : WORK_MESSAGES.done.unmarkKey,
      );
    },
    decideExtension(approve: boolean): Promise<void> | void {
      if (refuse(lengthError(state.note, 0, LIMITS.note, ''))) return;
      const note = state.note.trim();
      return run(
        () => callApi('suggestion.decideExtension', note ? payload({ approve, note }) : payload({ approve })),
        approve ? WORK_MESSAGES.done.approve : WORK_MESSAGES.done.refuse,
      );
    },
    reroute(): Promise<void> | void {
      if (refuse(!state.rerouteUnitId ? WORK_MESSAGES.rerouteUnit : lengthError(state.note, 2, LIMITS.note, WORK_MESSAGES.rerouteNote))) return;
      return run(() => callApi('suggestion.reroute', payload({ departmentId: state.rerouteUnitId, note: state.note.trim() })), WORK_MESSAGES.done.reroute);
    },
    sendView(): Promise<void> | void {
      if (refuse(lengthError(state.text, 10, LIMITS.view, WORK_MESSAGES.view))) return;
      return run(() => callApi('suggestion.sendView', payload({ text: state.text.trim() })), WORK_MESSAGES.done.view);
    },
    answer(): Promise<void> | void {
      const answerClass = state.answerClass;
      if (!answerClass) return void refuse(WORK_MESSAGES.answerClass);
      const reasonNeeded = answerClassNeedsReason(answerClass);
      const problem =
        lengthError(state.text, 20, LIMITS.answer, WORK_MESSAGES.answerText) ||
        (reasonNeeded ? lengthError(state.reason, 1, LIMITS.reason, answerClass === 'B' ? WORK_MESSAGES.reasonB : WORK_MESSAGES.reasonC) : '');
      if (refuse(problem)) return;
      const body = reasonNeeded ? payload({ answerClass, text: state.text.trim(), reason: state.reason.trim() }) : payload({ answerClass, text: state.text.trim() });
      return run(() => callApi('suggestion.answer', body), WORK_MESSAGES.done.answer);
    },
    requestExtension(): Promise<void> | void {
      if (refuse(!state.months ? WORK_MESSAGES.months : lengthError(state.reason, 10, LIMITS.reason, WORK_MESSAGES.extensionReason))) return;
      return run(() => callApi('suggestion.requestExtension', payload({ months: state.months, reason: state.reason.trim() })), WORK_MESSAGES.done.requestExtension);
    },
    referBack(): Promise<void> | void {
      if (refuse(lengthError(state.reason, 5, LIMITS.reason, WORK_MESSAGES.referReason))) return;
      return run(() => callApi('suggestion.referBack', payload({ reason: state.reason.trim() })), WORK_MESSAGES.done.referBack);
    },
    followUp(): Promise<void> | void {
      const answerClass = state.answerClass;
      if (!answerClass) return void refuse(WORK_MESSAGES.answerClass);
      if (refuse(lengthError(state.text, 10, LIMITS.answer, WORK_MESSAGES.followUp))) return;
      return run(() => callApi('suggestion.followUp', payload({ answerClass, text: state.text.trim() })), WORK_MESSAGES.done.followUp);
    },
  };
}
