import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { StaffCaseView } from '../../../shared/contract/casework';
import { navigateTo, redirectTo } from '../../../services/wx';
import { STAFF_BIND_URL, STAFF_STATS_URL } from '../../../routes';
import { staffCaseUrl } from '../case-views';
import { createStaffCases, initialCasesState, isStaffCaseView, type CaseQueueState } from './model';

const queues = new WeakMap<object, ReturnType<typeof createStaffCases>>();
const shownBefore = new WeakSet<object>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialCasesState(),
  methods: {
    onLoad(query: { view?: string }) {
      const view: StaffCaseView = isStaffCaseView(query.view) ? query.view : 'toAccept';
      this.setData({ view });
      const queue = createStaffCases(view, (change: Partial<CaseQueueState<StaffCaseView>>) => this.setData(change));
      queues.set(this, queue);
      return queue.reload();
    },
    /** Back from a case: it may have moved to another queue. */
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
    onTab(event: TapEvent<{ view: StaffCaseView }>) {
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
    onStats() {
      return navigateTo(STAFF_STATS_URL);
    },
    onBind() {
      return redirectTo(STAFF_BIND_URL);
    },
  },
});
