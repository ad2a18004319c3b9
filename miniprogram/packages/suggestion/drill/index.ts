import { definePage } from '../../../factory/define-page';
import { pagedListEvents, reloadList } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffSuggestionUrl } from '../routes';
import { createSuggestionDrill, initialSuggestionDrillState, type SuggestionDrillQuery, type SuggestionDrillState } from './model';

definePage<SuggestionDrillState, SuggestionDrillQuery, ReturnType<typeof createSuggestionDrill>>({
  name: 'staff-suggestion-drill',
  data: initialSuggestionDrillState,
  model: (page) => createSuggestionDrill(page.query, page.render),
  load: reloadList,
  events: {
    ...pagedListEvents,
    onOpen: (_list, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
  },
});
