import { appClock } from '../../../services/clock';
import type { CaseSummary, StaffCaseView } from '../../../shared/contract/casework';
import type { TabbedPage } from '../../../shared/contract/opinion';
import { callApi } from '../../../services/api';
import { initialPagedState, type PagedState } from '../../../utils/paged-list';
import { createTabbedList, type TabNames } from '../../../utils/tabbed-list';
import { countedTabs, type TabView } from '../../../utils/tabs';
import { caseItemView, STAFF_CASE_VIEW_LABELS, type CaseItemView } from '../case-views';

/** The contract's work queues, in its order (the labels list every one: the compiler checks it). */
export const STAFF_QUEUES = Object.keys(STAFF_CASE_VIEW_LABELS) as StaffCaseView[];

/** The tabs before their counts arrive (with the first page). */
export const CASE_TABS: ReadonlyArray<TabView<StaffCaseView>> = countedTabs(STAFF_QUEUES, STAFF_CASE_VIEW_LABELS);

export interface CaseQueueState<V extends string> extends PagedState<CaseItemView> {
  view: V;
  /** 待受理 3, 办理中 12 …: each tab with how many it holds. */
  tabs: ReadonlyArray<TabView<V>>;
  /** This WeChat account may not work these cases (not bound as staff, or a handler on the staff list). */
  notAllowed: boolean;
}

export function isStaffCaseView(value: string | undefined): value is StaffCaseView {
  return (STAFF_QUEUES as readonly string[]).includes(value ?? '');
}

export function initialCasesState(view: StaffCaseView = 'toAccept'): CaseQueueState<StaffCaseView> {
  return { ...initialPagedState<CaseItemView>(), view, tabs: CASE_TABS, notAllowed: false };
}

/**
 * A work queue of cases, one tab at a time, a page at a time; each tab labelled with the count
 * the first page brings. A refusal because of who the caller is turns into a plain explanation
 * with the way to bind, instead of an error and 重试.
 */
export function createCaseQueue<V extends string>(
  initialView: V,
  tabs: TabNames<V>,
  fetch: (view: V, page: { cursor?: string; pageSize: number }) => Promise<TabbedPage<CaseSummary, V>>,
  render: (change: Partial<CaseQueueState<V>>) => void,
) {
  return createTabbedList({
    first: initialView,
    tabs,
    fetch,
    toItem: (item: CaseSummary) => caseItemView(item, appClock.now()),
    render,
  });
}

export function createStaffCases(initialView: StaffCaseView, render: (change: Partial<CaseQueueState<StaffCaseView>>) => void) {
  return createCaseQueue(initialView, { order: STAFF_QUEUES, names: STAFF_CASE_VIEW_LABELS }, (view, page) => callApi('casework.list', { view, ...page }), render);
}
