import { definePage } from '../../../factory/define-page';
import { tabbedListPage } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { staffSuggestionUrl } from '../routes';
import { createAssignedSuggestions, initialAssignedSuggestionsState } from './model';

// Coming back refreshes the queue: a suggestion answered may have left 待办.
definePage(
  tabbedListPage({
    name: 'staff-suggestions-assigned',
    data: initialAssignedSuggestionsState,
    list: (page) => createAssignedSuggestions(page.render),
    bindUrl: STAFF_BIND_URL,
    events: {
      onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
    },
  }),
);
