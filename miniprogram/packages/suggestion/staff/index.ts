import { definePage } from '../../../factory/define-page';
import type { TabEvent, TapEvent } from '../../../utils/events';
import type { StaffSuggestionView } from '../../../shared/contract/suggestion';
import { navigateTo, redirectTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { STAFF_SUGGESTION_SESSIONS_URL, STAFF_SUGGESTION_STATS_URL, staffSuggestionUrl } from '../routes';
import { createStaffSuggestions, initialStaffSuggestionsState, isStaffSuggestionView, type StaffSuggestionsState } from './model';

definePage<StaffSuggestionsState, { view?: string }, ReturnType<typeof createStaffSuggestions>>({
  name: 'staff-suggestions',
  data: () => initialStaffSuggestionsState(),
  model: (page) => {
    const view = isStaffSuggestionView(page.query.view) ? page.query.view : 'toReview';
    page.render({ view });
    return createStaffSuggestions(view, page.render);
  },
  load: (queue) => queue.reload(),
  /** Back from a suggestion: it may have moved to another queue. */
  refresh: (queue) => queue.refresh(),
  events: {
    onTab: (queue, event: TabEvent<StaffSuggestionView>) => queue.choose(event.detail.value),
    onReachBottom: (queue) => queue.loadMore(),
    onMore: (queue) => queue.loadMore(),
    onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
    onStats: () => navigateTo(STAFF_SUGGESTION_STATS_URL),
    onSessions: () => navigateTo(STAFF_SUGGESTION_SESSIONS_URL),
    onBind: () => redirectTo(STAFF_BIND_URL),
  },
});
