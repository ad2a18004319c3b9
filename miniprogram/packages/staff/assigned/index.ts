import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { HandlerCaseView } from '../../../shared/contract/casework';
import { navigateTo, redirectTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { staffCaseUrl } from '../case-views';
import type { CaseQueueState } from '../cases/model';
import { createAssignedCases, initialAssignedState } from './model';

const queues = new WeakMap<object, ReturnType<typeof createAssignedCases>>();
const shownBefore = new WeakSet<object>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialAssignedState(),
  methods: {
    onLoad() {
      const queue = createAssignedCases((change: Partial<CaseQueueState<HandlerCaseView>>) => this.setData(change));
      queues.set(this, queue);
      return queue.reload();
    },
    /** Back from answering: the case leaves 待办理. */
    onShow() {
      if (!shownBefore.has(this)) {
        shownBefore.add(this);
        return undefined;
      }
      return queues.get(this)?.refresh();
    },
    onRetry() {
      return queues.get(this)?.reload();
    },
    onTab(event: TapEvent<{ view: HandlerCaseView }>) {
      const { view } = event.currentTarget.dataset;
      if (view === this.data.view) return undefined;
      return queues.get(this)?.choose(view);
    },
    onReachBottom() {
      return queues.get(this)?.loadMore();
    },
    onMore() {
      return queues.get(this)?.loadMore();
    },
    onOpen(event: TapEvent<{ opinionId: string }>) {
      return navigateTo(staffCaseUrl(event.currentTarget.dataset.opinionId));
    },
    onBind() {
      return redirectTo(STAFF_BIND_URL);
    },
  },
});
