/**
 * The two case queues, 意见办理 (cases/) and 承办工作台 (assigned/), are one page twice: tabs,
 * paging, the refresh on return, opening a case and binding. Each says only how its queue is
 * made and what else it offers.
 */
import type { PageContext, PageDefinition, PageQuery } from '../../factory/define-page';
import { tabbedListPage } from '../../factory/paged-list-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { STAFF_BIND_URL } from '../../routes';
import { staffCaseUrl } from './case-views';
import type { CaseQueueState, createCaseQueue } from './cases/model';

type CaseQueue<V extends string> = ReturnType<typeof createCaseQueue<V>>;
type CaseQueuePage<V extends string> = PageDefinition<CaseQueueState<V>, PageQuery, CaseQueue<V>>;

/** Coming back refreshes the queue: a case opened may have moved to another, or left 待办理. */
export function caseQueuePage<V extends string>(page: {
  name: string;
  data: () => CaseQueueState<V>;
  queue: (page: PageContext<CaseQueueState<V>>) => CaseQueue<V>;
  events?: CaseQueuePage<V>['events'];
}): CaseQueuePage<V> {
  return tabbedListPage({
    name: page.name,
    data: page.data,
    list: page.queue,
    bindUrl: STAFF_BIND_URL,
    events: {
      onOpen: (_queue, event: TapEvent<{ opinionId: string }>) => navigateTo(staffCaseUrl(event.currentTarget.dataset.opinionId)),
      ...page.events,
    },
  });
}
