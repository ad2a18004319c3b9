import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffCaseUrl } from '../case-views';
import { createDrillDown, drillQuery, initialDrillState, isFigure, type DrillState } from './model';

const lists = new WeakMap<object, ReturnType<typeof createDrillDown>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialDrillState(),
  methods: {
    onLoad(query: { figure?: string; from?: string; to?: string; scope?: string }) {
      const render = (change: Partial<DrillState>) => this.setData(change);
      if (!isFigure(query.figure)) {
        render({ status: 'error', errorMessage: '没有这项统计，请返回后重新选择' });
        return undefined;
      }
      const list = createDrillDown(query.figure, drillQuery(query), render);
      lists.set(this, list);
      return list.reload();
    },
    onRetry() {
      return lists.get(this)?.reload();
    },
    onReachBottom() {
      return lists.get(this)?.loadMore();
    },
    onMore() {
      return lists.get(this)?.loadMore();
    },
    onOpen(event: TapEvent<{ opinionId: string }>) {
      return navigateTo(staffCaseUrl(event.currentTarget.dataset.opinionId));
    },
  },
});
