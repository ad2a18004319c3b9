import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import type { SuggestionFigure } from '../../../shared/domain/suggestionStats';
import { createSuggestionStats, initialSuggestionStatsState, type SuggestionStatsState } from './model';

definePage<SuggestionStatsState, Record<string, string | undefined>, ReturnType<typeof createSuggestionStats>>({
  name: 'staff-suggestion-stats',
  privacy: 'onDemand',
  data: initialSuggestionStatsState,
  model: (page) => createSuggestionStats(page.render),
  load: (stats) => stats.start(),
  retry: (stats, page) => (page.data().sessionId ? stats.reload() : stats.start()),
  events: {
    onSession: (stats, event: TapEvent<{ id: string }>, page) =>
      event.currentTarget.dataset.id === page.data().sessionId ? undefined : stats.chooseSession(event.currentTarget.dataset.id),
    onFigure: (stats, event: TapEvent<{ figure: SuggestionFigure }>) => stats.openFigure(event.currentTarget.dataset.figure),
    onUnit: (stats, event: TapEvent<{ id: string }>) => stats.openUnit(event.currentTarget.dataset.id),
    onArea: (stats, event: TapEvent<{ id: string }>) => stats.openArea(event.currentTarget.dataset.id),
    onExport: (stats) => stats.exportExcel(),
    onOpenExport: (stats) => stats.openExport(),
    onCopyExport: (stats) => stats.copyExportLink(),
  },
});
