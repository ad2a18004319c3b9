import { definePage } from '../../../factory/define-page';
import { pagedListEvents, refreshList, reloadList } from '../../../factory/paged-list-page';
import type { TabEvent, TapEvent } from '../../../utils/events';
import type { HandlerSuggestionView } from '../../../shared/contract/suggestion';
import { navigateTo, redirectTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { staffSuggestionUrl } from '../routes';
import { createAssignedSuggestions, initialAssignedSuggestionsState, type AssignedSuggestionsState } from './model';

definePage<AssignedSuggestionsState, Record<string, string | undefined>, ReturnType<typeof createAssignedSuggestions>>({
  name: 'staff-suggestions-assigned',
  data: initialAssignedSuggestionsState,
  model: (page) => createAssignedSuggestions(page.render),
  load: reloadList,
  /** Back from answering: it may have left 待办. */
  refresh: refreshList,
  events: {
    onTab: (queue, event: TabEvent<HandlerSuggestionView>) => queue.choose(event.detail.value),
    ...pagedListEvents,
    onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
    onBind: () => redirectTo(STAFF_BIND_URL),
  },
});
