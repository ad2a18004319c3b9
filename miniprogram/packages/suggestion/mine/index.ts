import { definePage } from '../../../factory/define-page';
import { openingTab, tabbedListPage } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo, redirectTo } from '../../../services/wx';
import { DEPUTY_BIND_URL } from '../../../routes';
import { deputySuggestionEditUrl, deputySuggestionUrl } from '../routes';
import { createDeputySuggestions, initialDeputySuggestionsState, isDeputySuggestionView } from './model';

// Coming back refreshes the list: a suggestion may have been saved, submitted or answered since.
definePage(
  tabbedListPage({
    name: 'deputy-suggestions',
    data: () => initialDeputySuggestionsState(),
    list: (page) => createDeputySuggestions(openingTab(page, isDeputySuggestionView, 'led'), page.render),
    events: {
      onOpen: (_list, event: TapEvent<{ suggestionId: string }>) => navigateTo(deputySuggestionUrl(event.currentTarget.dataset.suggestionId)),
      onWrite: () => navigateTo(deputySuggestionEditUrl()),
      onBind: () => redirectTo(DEPUTY_BIND_URL),
    },
  }),
);
