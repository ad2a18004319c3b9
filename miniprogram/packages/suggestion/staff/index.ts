import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { suggestionListPage } from '../list-page';
import { STAFF_SUGGESTION_SESSIONS_URL, STAFF_SUGGESTION_STATS_URL, staffSuggestionUrl } from '../routes';
import { STAFF_SUGGESTIONS } from './model';

// Coming back refreshes the queue: a suggestion opened may have moved to another.
definePage(
  suggestionListPage('staff-suggestions', STAFF_SUGGESTIONS, STAFF_BIND_URL, {
    onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
    onStats: () => navigateTo(STAFF_SUGGESTION_STATS_URL),
    onSessions: () => navigateTo(STAFF_SUGGESTION_SESSIONS_URL),
  }),
);
