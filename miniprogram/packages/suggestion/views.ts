/** How 代表建议 read on the deputies', staff's and units' pages: the pieces their lists and pages share. */
import type { SuggestionDeadlineView, SuggestionDetail, SuggestionEventView, SuggestionSummary } from '../../shared/contract/suggestion';
import type { SuggestionStatus } from '../../shared/domain/suggestion';
import { shanghaiDate } from '../../shared/domain/time';
import { formatDate, formatDateTime, formatReceptionDate } from '../../utils/date';
import { timelineItems, withInternalNote, type TimelineItem } from '../../views/opinion';

/** TDesign tag themes: the deputy's own work is neutral, waiting on others orange, at work blue, trouble red, done green. */
const STATUS_THEMES: Record<SuggestionStatus, string> = {
  draft: 'default',
  submitted: 'warning',
  returned: 'danger',
  noted: 'default',
  registered: 'primary',
  assigned: 'primary',
  referred: 'warning',
  answered: 'warning',
  rehandling: 'danger',
  closed: 'success',
};

export function suggestionStatusTheme(status: string): string {
  return Object.prototype.hasOwnProperty.call(STATUS_THEMES, status) ? STATUS_THEMES[status as SuggestionStatus] : 'default';
}

/** `2027年2月18日前答复`, `今天内答复`, `答复已超期`; with a note when the date may still move. */
export function suggestionDeadlineLabel(deadline: SuggestionDeadlineView | null, now: Date): { text: string; overdue: boolean } {
  if (!deadline) return { text: '', overdue: false };
  const unknown = deadline.holidaysUnknown ? '（假期安排未录入，日期可能顺延）' : '';
  if (deadline.overdue || Date.parse(deadline.dueAt) <= now.getTime())
    return { text: `${deadline.stageLabel}已超期（${formatReceptionDate(deadline.dueDate)}截止）`, overdue: true };
  if (deadline.dueDate === shanghaiDate(now)) return { text: `今天内${deadline.stageLabel}${unknown}`, overdue: false };
  return { text: `${formatReceptionDate(deadline.dueDate)}前${deadline.stageLabel}${unknown}`, overdue: false };
}

export interface SuggestionItemView {
  id: string;
  title: string;
  numberLabel: string;
  statusLabel: string;
  statusTheme: string;
  /** 刘德明领衔 · 赵红梅联名 */
  deputiesLabel: string;
  /** 主办：临江市住房和城乡建设局 */
  unitLabel: string;
  deadlineText: string;
  overdue: boolean;
  /** 重点督办 · 多次退回 · 延期待批 …: what staff must not miss. */
  flagsLabel: string;
  /** A类 · 满意 */
  resultLabel: string;
  /** 邀请您联名 / 您已同意联名; 主办 / 协办 for a unit. */
  mineLabel: string;
  sessionName: string;
  dateLabel: string;
}

const INVITATION_LABELS = { invited: '邀请您联名，待您回复', accepted: '您已同意联名', declined: '您已谢绝联名' } as const;
const ROLE_LABELS = { lead: '本单位主办', assist: '本单位协办', joint: '本单位会办' } as const;

export function suggestionItemView(item: SuggestionSummary, now: Date): SuggestionItemView {
  const deadline = suggestionDeadlineLabel(item.deadline, now);
  const flags = [
    item.key ? '重点督办' : '',
    item.bounced ? `多次退回（${item.referralCount}次）` : item.referralOpen ? '单位退回待改派' : '',
    item.extensionPending ? '延期待批' : '',
    item.followUp ? 'B类跟踪落实' : '',
    item.rehandleCount > 0 && item.status === 'rehandling' ? '重新办理' : '',
  ].filter(Boolean);
  const result = [item.answerClass ? `${item.answerClass}类` : '', item.verdict ? `代表评价：${item.verdict.label}` : ''].filter(Boolean);
  return {
    id: item.suggestionId,
    title: item.title,
    numberLabel: [item.numberLabel, item.kind === 'criticism' ? item.kindLabel : ''].filter(Boolean).join(' · '),
    statusLabel: item.statusLabel,
    statusTheme: suggestionStatusTheme(item.status),
    deputiesLabel: [`${item.leadDeputyName}领衔`, item.coSignerNames.length > 0 ? `${item.coSignerNames.join('、')}联名` : ''].filter(Boolean).join(' · '),
    unitLabel: item.leadUnitName ? `主办：${item.leadUnitName}` : '',
    deadlineText: deadline.text || (item.overdue ? '曾超期答复' : ''),
    overdue: deadline.overdue,
    flagsLabel: flags.join(' · '),
    resultLabel: result.join(' · '),
    mineLabel: item.myInvitation ? INVITATION_LABELS[item.myInvitation] : item.myRole ? ROLE_LABELS[item.myRole] : '',
    sessionName: item.sessionName,
    dateLabel: item.submittedAt ? `${formatDate(item.submittedAt)}提交` : `${formatDate(item.updatedAt)}保存`,
  };
}

// ---------------------------------------------------------------------------------------------
// One suggestion, as its pages show it

export interface UnitItem {
  key: string;
  name: string;
  roleLabel: string;
  /** 11月18日交办 · 2027年2月18日前答复 · 已退回 */
  meta: string;
  /** Staff and units: the 协办 unit's views, the reason for sending it back. */
  view: string;
  referral: string;
}

export interface AnswerItem {
  key: string;
  head: string;
  text: string;
  reason: string;
}

export interface SuggestionPageView {
  title: string;
  numberLabel: string;
  statusLabel: string;
  statusTheme: string;
  sessionName: string;
  deadlineText: string;
  overdue: boolean;
  flagsLabel: string;
  leadLabel: string;
  coSigners: Array<{ key: string; name: string; stateLabel: string }>;
  cause: string;
  content: string;
  trackingNos: string[];
  units: UnitItem[];
  answers: AnswerItem[];
  verdicts: Array<{ key: string; label: string }>;
  keyLeader: string;
  extensionLabel: string;
  timeline: TimelineItem[];
}

/** Newest first, like an opinion's timeline; staff and units also read the internal notes, marked so. */
function timelineOf(events: readonly SuggestionEventView[]): TimelineItem[] {
  return timelineItems(events.map((event) => ({ ...event, note: withInternalNote(event) })));
}

export function suggestionPageView(detail: SuggestionDetail, now: Date): SuggestionPageView {
  const item = suggestionItemView(detail, now);
  const extension = detail.extension;
  return {
    title: detail.title,
    numberLabel: item.numberLabel,
    statusLabel: detail.statusLabel,
    statusTheme: item.statusTheme,
    sessionName: detail.sessionName,
    deadlineText: item.deadlineText,
    overdue: item.overdue,
    flagsLabel: item.flagsLabel,
    leadLabel: `${detail.leadDeputyName}代表领衔`,
    coSigners: detail.coSigners.map((c) => ({ key: c.deputyId, name: c.name, stateLabel: c.stateLabel })),
    cause: detail.cause,
    content: detail.content,
    trackingNos: detail.opinions.map((o) => o.trackingNo),
    units: detail.units.map((u, i) => ({
      key: `${i}-${u.departmentId}`,
      name: u.departmentName,
      roleLabel: u.roleLabel,
      meta: [
        `${formatDate(u.assignedAt)}交办`,
        u.active ? `${formatDate(new Date(Date.parse(u.dueAt) - 1).toISOString())}前${u.role === 'assist' ? '提出协办意见' : '答复'}` : '已退回',
      ].join(' · '),
      view: u.view ? `协办意见：${u.view.text}` : '',
      referral: u.referral ? `退回理由：${u.referral.reason}` : '',
    })),
    answers: detail.answers.map((a, i) => ({
      key: `${i}`,
      head: [a.kindLabel, a.answerClassLabel, [a.departmentName, ...a.jointNames].join('、'), formatDateTime(a.at), a.onTime ? '' : '超过期限'].filter(Boolean).join(' · '),
      text: a.text,
      reason: a.reason ? `${a.answerClass === 'B' ? '计划和时限' : '原因'}：${a.reason}` : '',
    })),
    verdicts: detail.verdicts.map((v, i) => ({ key: `${i}`, label: v.comment ? `${v.label}：${v.comment}` : v.label })),
    keyLeader: detail.keyLeader ?? '',
    extensionLabel: extension
      ? `申请延期${extension.months}个月（${extension.stateLabel}）${extension.reason ? `：${extension.reason}` : ''}${extension.note ? `；${extension.note}` : ''}`
      : '',
    timeline: timelineOf(detail.timeline),
  };
}
