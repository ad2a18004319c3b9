import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { DEPUTY_BIND_URL } from '../../../routes';
import { suggestionListPage } from '../list-page';
import { deputySuggestionEditUrl, deputySuggestionUrl } from '../routes';
import { DEPUTY_SUGGESTIONS } from './model';

// Coming back refreshes the list: a suggestion may have been saved, submitted or answered since.
definePage(
  suggestionListPage('deputy-suggestions', DEPUTY_SUGGESTIONS, DEPUTY_BIND_URL, {
    onOpen: (_list, event: TapEvent<{ suggestionId: string }>) => navigateTo(deputySuggestionUrl(event.currentTarget.dataset.suggestionId)),
    onWrite: () => navigateTo(deputySuggestionEditUrl()),
  }),
);
