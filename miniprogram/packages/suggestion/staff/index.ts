import { definePage } from '../../../factory/define-page';
import { openingTab, tabbedListPage } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo, redirectTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { STAFF_SUGGESTION_SESSIONS_URL, STAFF_SUGGESTION_STATS_URL, staffSuggestionUrl } from '../routes';
import { createStaffSuggestions, initialStaffSuggestionsState, isStaffSuggestionView } from './model';

// Coming back refreshes the queue: a suggestion opened may have moved to another.
definePage(
  tabbedListPage({
    name: 'staff-suggestions',
    data: () => initialStaffSuggestionsState(),
    list: (page) => createStaffSuggestions(openingTab(page, isStaffSuggestionView, 'toReview'), page.render),
    events: {
      onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
      onStats: () => navigateTo(STAFF_SUGGESTION_STATS_URL),
      onSessions: () => navigateTo(STAFF_SUGGESTION_SESSIONS_URL),
      onBind: () => redirectTo(STAFF_BIND_URL),
    },
  }),
);
