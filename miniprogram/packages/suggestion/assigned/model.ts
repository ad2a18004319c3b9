import type { HandlerSuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { createSuggestionQueue, initialSuggestionQueueState, type SuggestionQueueState } from '../queue';

export const HANDLER_SUGGESTION_TABS: Record<HandlerSuggestionView, string> = { todo: '待办', all: '全部' };

export type AssignedSuggestionsState = SuggestionQueueState<HandlerSuggestionView>;

export function initialAssignedSuggestionsState(): AssignedSuggestionsState {
  return initialSuggestionQueueState<HandlerSuggestionView>('todo', HANDLER_SUGGESTION_TABS);
}

/** 建议承办: what the unit is at work on (answers, 协办 views, 重新办理, B-class follow-ups), soonest due first; or all it was given. */
export function createAssignedSuggestions(render: (change: Partial<AssignedSuggestionsState>) => void) {
  return createSuggestionQueue<HandlerSuggestionView>('todo', (tab, page) => callApi('suggestion.listAssigned', { view: tab, ...page }), render, HANDLER_SUGGESTION_TABS);
}
