import type { HandlerCaseView } from '../../../shared/contract/casework';
import { callApi } from '../../../services/api';
import { initialPagedState } from '../../../utils/paged-list';
import type { CaseItemView } from '../case-views';
import { CASES_PAGE_SIZE, createCaseQueue, type CaseQueueState } from '../cases/model';

export const HANDLER_CASE_VIEW_LABELS: Record<HandlerCaseView, string> = { todo: '待办理', all: '全部' };

export const ASSIGNED_TABS: ReadonlyArray<{ value: HandlerCaseView; label: string }> = (Object.keys(HANDLER_CASE_VIEW_LABELS) as HandlerCaseView[]).map((value) => ({
  value,
  label: HANDLER_CASE_VIEW_LABELS[value],
}));

export function initialAssignedState(): CaseQueueState<HandlerCaseView> {
  return { ...initialPagedState<CaseItemView>(), view: 'todo', tabs: ASSIGNED_TABS, notAllowed: false };
}

/** A department handler's cases: those still to answer first. */
export function createAssignedCases(render: (change: Partial<CaseQueueState<HandlerCaseView>>) => void) {
  return createCaseQueue<HandlerCaseView>(
    'todo',
    (view, cursor) => callApi('casework.listAssigned', cursor === undefined ? { view, pageSize: CASES_PAGE_SIZE } : { view, cursor, pageSize: CASES_PAGE_SIZE }),
    render,
  );
}
