import { appClock } from '../../../services/clock';
import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import type { Figure } from '../../../shared/domain/caseStats';
import { createStatsPage, initialStatsState } from './model';

type PickerEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

definePage({
  name: 'staff-stats',
  privacy: 'onDemand',
  data: () => initialStatsState(appClock.now()),
  model: (page) => createStatsPage(page.render),
  load: (stats) => stats.start(),
  retry: (stats) => stats.load(),
  events: {
    onFrom: (stats, event: PickerEvent) => stats.setRange({ from: event.detail.value }),
    onTo: (stats, event: PickerEvent) => stats.setRange({ to: event.detail.value }),
    onThisMonth: (stats) => stats.thisMonth(),
    onLastMonth: (stats) => stats.lastMonth(),
    onScope: (stats, event: TapEvent<{ key: string }>, page) => {
      const { key } = event.currentTarget.dataset;
      if (key === page.data().scopeKey) return undefined;
      return stats.chooseScope(key);
    },
    onFigure: (stats, event: TapEvent<{ figure: Figure }>) => stats.openFigure(event.currentTarget.dataset.figure),
    onProjects: (stats, event: TapEvent<{ url: string }>) => stats.openProjects(event.currentTarget.dataset.url),
    onExport: (stats) => stats.exportExcel(),
    onOpenExport: (stats) => stats.openExport(),
    onCopyExport: (stats) => stats.copyExportLink(),
  },
});
