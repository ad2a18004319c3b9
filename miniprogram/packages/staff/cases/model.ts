import { appClock } from '../../../services/clock';
import type { CaseSummary, StaffCaseView } from '../../../shared/contract/casework';
import type { Page } from '../../../shared/contract/opinion';
import { callApi, toApiError } from '../../../services/api';
import { createPagedList, initialPagedState, type PagedState } from '../../../utils/paged-list';
import { caseItemView, STAFF_CASE_VIEW_LABELS, type CaseItemView } from '../case-views';

export const CASES_PAGE_SIZE = 10;

/** The contract's work queues, in its order (the labels list every one: the compiler checks it). */
export const STAFF_QUEUES = Object.keys(STAFF_CASE_VIEW_LABELS) as StaffCaseView[];

export const CASE_TABS: ReadonlyArray<{ value: StaffCaseView; label: string }> = STAFF_QUEUES.map((value) => ({
  value,
  label: STAFF_CASE_VIEW_LABELS[value],
}));

export interface CaseQueueState<V extends string> extends PagedState<CaseItemView> {
  view: V;
  tabs: ReadonlyArray<{ value: V; label: string }>;
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
 * A work queue of cases, one tab at a time, a page at a time. A refusal because of who the
 * caller is turns into a plain explanation with the way to bind, instead of an error and 重试.
 */
export function createCaseQueue<V extends string>(
  initialView: V,
  fetch: (view: V, cursor: string | undefined) => Promise<Page<CaseSummary>>,
  render: (change: Partial<CaseQueueState<V>>) => void,
) {
  let view = initialView;
  const list = createPagedList({
    fetch: async (cursor) => {
      try {
        return await fetch(view, cursor);
      } catch (error) {
        if (toApiError(error).code === 'AUTH.FORBIDDEN') render({ notAllowed: true });
        throw error;
      }
    },
    toItem: (item: CaseSummary) => caseItemView(item, appClock.now()),
    render,
  });
  return {
    ...list,
    choose(next: V): Promise<void> {
      view = next;
      render({ view, items: [] });
      return list.reload();
    },
  };
}

export function createStaffCases(initialView: StaffCaseView, render: (change: Partial<CaseQueueState<StaffCaseView>>) => void) {
  return createCaseQueue(
    initialView,
    (view, cursor) => callApi('casework.list', cursor === undefined ? { view, pageSize: CASES_PAGE_SIZE } : { view, cursor, pageSize: CASES_PAGE_SIZE }),
    render,
  );
}
