import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { opinionUrl, STATIONS_URL } from '../../routes';
import { createMyOpinions, initialMyOpinionsState, type MyOpinionsState } from './model';
import { returnDetector } from '../../utils/return-detector';

const lists = new WeakMap<object, ReturnType<typeof createMyOpinions>>();
const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: initialMyOpinionsState(),
  methods: {
    onLoad() {
      const list = createMyOpinions((change: Partial<MyOpinionsState>) => this.setData(change));
      lists.set(this, list);
      return list.reload();
    },
    /** Back from an opinion's page: its status may have changed since. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return lists.get(this)?.refresh();
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
      return navigateTo(opinionUrl(event.currentTarget.dataset.opinionId));
    },
    onStations() {
      return navigateTo(STATIONS_URL);
    },
  },
});
