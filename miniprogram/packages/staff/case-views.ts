/** How cases read on the staff and handler pages: the pieces the lists, the case page and the drill-down share. */
import type { CaseSummary, DeadlineView, StaffCaseView } from '../../shared/contract/casework';
import { shanghaiDate } from '../../shared/domain/time';
import { formatDate, formatDateTime } from '../../utils/date';
import { withQuery, SUBPACKAGE_PAGES } from '../../routes';
import { statusTheme } from '../../views/opinion';

export const STAFF_CASE_VIEW_LABELS: Record<StaffCaseView, string> = {
  toAccept: '待受理',
  toAssign: '待交办',
  handling: '办理中',
  toReview: '待审核',
  awaitingRating: '待评价',
  closed: '已办结',
  overdue: '已超期',
  referred: '退回待改派',
  all: '全部',
};

/** The page a case opens on, for staff and handlers alike (the 督办 message opens it too). */
export function staffCaseUrl(opinionId: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffCase, { opinionId });
}

/**
 * `已超期 3 个工作日`, `今天到期` or `5月6日前受理`: what the deadline means now. How many working days
 * late is the back end's count (`overdueWorkingDays`, by the holiday calendar at the request time):
 * the phone has no holiday calendar and does not count them itself.
 */
export function deadlineLabel(deadline: DeadlineView | null, now: Date): { text: string; overdue: boolean } {
  if (!deadline) return { text: '', overdue: false };
  const unknown = deadline.holidaysUnknown ? '（假期安排未录入）' : '';
  if (deadline.overdue || Date.parse(deadline.dueAt) < now.getTime()) {
    const days = deadline.overdueWorkingDays;
    return { text: `${days > 0 ? `${deadline.stageLabel}已超期 ${days} 个工作日` : `${deadline.stageLabel}已超期`}${unknown}`, overdue: true };
  }
  if (shanghaiDate(new Date(deadline.dueAt)) === shanghaiDate(now)) return { text: `今天内完成${deadline.stageLabel}${unknown}`, overdue: false };
  return { text: `${formatDate(deadline.dueAt)}前完成${deadline.stageLabel}${unknown}`, overdue: false };
}

/** Said beside a date counted across a year whose holidays nobody has recorded yet. */
export const HOLIDAYS_UNKNOWN_NOTE = '该年假期安排未录入，期限按双休日计算，可能偏早；录入后自动重算。';

export interface CaseItemView {
  id: string;
  trackingNo: string;
  categoryLabel: string;
  excerpt: string;
  placeLabel: string;
  statusLabel: string;
  statusTheme: string;
  deadlineText: string;
  overdue: boolean;
  /** 交办：江南区民政局 · 第2轮 · 督办2次 */
  handlingLabel: string;
  /** 单位退回待改派 / 多次退回（3次）: said in orange on the card. */
  referralLabel: string;
  resultLabel: string;
  createdAt: string;
}

export function caseItemView(item: CaseSummary, now: Date): CaseItemView {
  const deadline = deadlineLabel(item.deadline, now);
  const handling = [
    item.departmentNames.length > 0 ? `交办：${item.departmentNames.join('、')}` : '',
    item.round > 1 ? `第${item.round}轮` : '',
    item.urgeCount > 0 ? `督办${item.urgeCount}次` : '',
  ].filter(Boolean);
  const result = [item.outcome ? `办理结果：${item.outcome.label}` : '', item.rating ? `评价：${item.rating.label}` : ''].filter(Boolean);
  return {
    id: item.opinionId,
    trackingNo: item.trackingNo,
    categoryLabel: item.categoryLabel,
    excerpt: item.excerpt,
    placeLabel: item.deputyName ? `${item.stationName} · 写给${item.deputyName}代表` : item.stationName,
    statusLabel: item.statusLabel,
    statusTheme: statusTheme(item.status),
    deadlineText: deadline.text || (item.overdue ? '曾超期' : ''),
    overdue: deadline.overdue,
    handlingLabel: handling.join(' · '),
    referralLabel: [item.referralOpen ? '单位退回待改派' : '', item.bounced ? `多次退回（${item.referralCount}次）` : ''].filter(Boolean).join(' · '),
    resultLabel: result.join(' · '),
    createdAt: formatDateTime(item.createdAt),
  };
}
