/**
 * The page wiring the two case queues share, 意见办理 (cases/) and 承办工作台 (assigned/): tabs,
 * paging, 重试, opening a case and binding. Each page says only how its queue is made.
 */
import type { TapEvent } from '../../utils/events';
import { navigateTo, redirectTo } from '../../services/wx';
import { STAFF_BIND_URL } from '../../routes';
import { staffCaseUrl } from './case-views';
import type { CaseQueueState, createCaseQueue } from './cases/model';
import { returnDetector } from '../../utils/return-detector';

type CaseQueue<V extends string> = ReturnType<typeof createCaseQueue<V>>;

/** What of the page instance the queue needs: its current tab and setData. */
export interface CaseQueuePage<V extends string> {
  data: { view: V };
  setData(change: Partial<CaseQueueState<V>>): void;
}

export function caseQueueMethods<V extends string, Q = Record<string, string | undefined>>(open: (page: CaseQueuePage<V>, query: Q) => CaseQueue<V>) {
  // Kept off the page's data: setData would copy the queue, and it is not for rendering.
  const queues = new WeakMap<object, CaseQueue<V>>();
  const isReturn = returnDetector();

  return {
    onLoad(this: CaseQueuePage<V>, query: Q) {
      const queue = open(this, query);
      queues.set(this, queue);
      return queue.reload();
    },
    /** Back from a case: it may have moved to another queue, or left 待办理. The first show is onLoad's. */
    onShow(this: object) {
      if (!isReturn(this)) return undefined;
      return queues.get(this)?.refresh();
    },
    onRetry(this: object) {
      return queues.get(this)?.reload();
    },
    onTab(this: CaseQueuePage<V>, event: TapEvent<{ view: V }>) {
      const { view } = event.currentTarget.dataset;
      if (view === this.data.view) return undefined;
      return queues.get(this)?.choose(view);
    },
    onReachBottom(this: object) {
      return queues.get(this)?.loadMore();
    },
    onMore(this: object) {
      return queues.get(this)?.loadMore();
    },
    onOpen(event: TapEvent<{ opinionId: string }>) {
      return navigateTo(staffCaseUrl(event.currentTarget.dataset.opinionId));
    },
    onBind() {
      return redirectTo(STAFF_BIND_URL);
    },
  };
}
