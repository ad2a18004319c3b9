import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffSuggestionUrl } from '../routes';
import { createSuggestionDrill, initialSuggestionDrillState, type SuggestionDrillQuery, type SuggestionDrillState } from './model';

definePage<SuggestionDrillState, SuggestionDrillQuery, ReturnType<typeof createSuggestionDrill>>({
  name: 'staff-suggestion-drill',
  data: initialSuggestionDrillState,
  model: (page) => createSuggestionDrill(page.query, (change) => page.render(change)),
  load: (list) => list.reload(),
  events: {
    onReachBottom: (list) => list.loadMore(),
    onMore: (list) => list.loadMore(),
    onOpen: (_list, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
  },
});
