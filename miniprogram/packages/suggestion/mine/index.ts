import { definePage } from '../../../factory/define-page';
import type { TabEvent, TapEvent } from '../../../utils/events';
import type { DeputySuggestionView } from '../../../shared/contract/suggestion';
import { navigateTo, redirectTo } from '../../../services/wx';
import { DEPUTY_BIND_URL } from '../../../routes';
import { deputySuggestionEditUrl, deputySuggestionUrl } from '../routes';
import { createDeputySuggestions, initialDeputySuggestionsState, isDeputySuggestionView, type DeputySuggestionsState } from './model';

definePage<DeputySuggestionsState, { view?: string }, ReturnType<typeof createDeputySuggestions>>({
  name: 'deputy-suggestions',
  data: () => initialDeputySuggestionsState(),
  model: (page) => {
    const view = isDeputySuggestionView(page.query.view) ? page.query.view : 'led';
    page.render({ view });
    return createDeputySuggestions(view, page.render);
  },
  load: (list) => list.reload(),
  /** Back from a suggestion or the form: it may have been saved, submitted or answered. */
  refresh: (list) => list.refresh(),
  events: {
    onTab: (list, event: TabEvent<DeputySuggestionView>) => list.choose(event.detail.value),
    onReachBottom: (list) => list.loadMore(),
    onMore: (list) => list.loadMore(),
    onOpen: (_list, event: TapEvent<{ suggestionId: string }>) => navigateTo(deputySuggestionUrl(event.currentTarget.dataset.suggestionId)),
    onWrite: () => navigateTo(deputySuggestionEditUrl()),
    onBind: () => redirectTo(DEPUTY_BIND_URL),
  },
});
