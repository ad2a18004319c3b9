import { appClock } from '../../../services/clock';
import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { Figure } from '../../../shared/domain/caseStats';
import { createStatsPage, initialStatsState, type StatsState } from './model';

type PickerEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

const pages = new WeakMap<object, ReturnType<typeof createStatsPage>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStatsState(appClock.now()),
  methods: {
    onLoad() {
      const page = createStatsPage((change: Partial<StatsState>) => this.setData(change));
      pages.set(this, page);
      return page.start();
    },
    onRetry() {
      return pages.get(this)?.load();
    },
    onFrom(event: PickerEvent) {
      return pages.get(this)?.setRange({ from: event.detail.value });
    },
    onTo(event: PickerEvent) {
      return pages.get(this)?.setRange({ to: event.detail.value });
    },
    onThisMonth() {
      return pages.get(this)?.thisMonth();
    },
    onLastMonth() {
      return pages.get(this)?.lastMonth();
    },
    onScope(event: TapEvent<{ key: string }>) {
      const { key } = event.currentTarget.dataset;
      if (key === this.data.scopeKey) return undefined;
      return pages.get(this)?.chooseScope(key);
    },
    onFigure(event: TapEvent<{ figure: Figure }>) {
      return pages.get(this)?.openFigure(event.currentTarget.dataset.figure);
    },
    onExport() {
      return pages.get(this)?.exportExcel();
    },
    onOpenExport() {
      return pages.get(this)?.openExport();
    },
    onCopyExport() {
      return pages.get(this)?.copyExportLink();
    },
  },
});
