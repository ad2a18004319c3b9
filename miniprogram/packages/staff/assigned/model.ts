import type { HandlerCaseView } from '../../../shared/contract/casework';
import { callApi } from '../../../services/api';
import { initialPagedState } from '../../../utils/paged-list';
import { countedTabs, type TabView } from '../../../utils/tabs';
import type { CaseItemView } from '../case-views';
import { createCaseQueue, type CaseQueueState } from '../cases/model';

export const HANDLER_CASE_VIEW_LABELS: Record<HandlerCaseView, string> = { todo: '待办理', all: '全部' };

const HANDLER_QUEUES = Object.keys(HANDLER_CASE_VIEW_LABELS) as HandlerCaseView[];

/** The tabs before their counts arrive (with the first page). */
export const ASSIGNED_TABS: ReadonlyArray<TabView<HandlerCaseView>> = countedTabs(HANDLER_QUEUES, HANDLER_CASE_VIEW_LABELS);

export function initialAssignedState(): CaseQueueState<HandlerCaseView> {
  return { ...initialPagedState<CaseItemView>(), view: 'todo', tabs: ASSIGNED_TABS, notAllowed: false };
}

/** A department handler's cases: those still to answer first. */
export function createAssignedCases(render: (change: Partial<CaseQueueState<HandlerCaseView>>) => void) {
  return createCaseQueue<HandlerCaseView>(
    'todo',
    { order: HANDLER_QUEUES, names: HANDLER_CASE_VIEW_LABELS },
    (view, page) => callApi('casework.listAssigned', { view, ...page }),
    render,
  );
}
