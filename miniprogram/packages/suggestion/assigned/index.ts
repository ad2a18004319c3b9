import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { STAFF_BIND_URL } from '../../../routes';
import { suggestionListPage } from '../list-page';
import { staffSuggestionUrl } from '../routes';
import { ASSIGNED_SUGGESTIONS } from './model';

// Coming back refreshes the queue: a suggestion answered may have left 待办.
definePage(
  suggestionListPage('staff-suggestions-assigned', ASSIGNED_SUGGESTIONS, STAFF_BIND_URL, {
    onOpen: (_queue, event: TapEvent<{ suggestionId: string }>) => navigateTo(staffSuggestionUrl(event.currentTarget.dataset.suggestionId)),
  }),
);
