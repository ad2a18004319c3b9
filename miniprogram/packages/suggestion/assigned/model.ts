import type { HandlerSuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { suggestionList, type SuggestionQueueState } from '../queue';

export const HANDLER_SUGGESTION_TABS: Record<HandlerSuggestionView, string> = { todo: '待办', all: '全部' };

export type AssignedSuggestionsState = SuggestionQueueState<HandlerSuggestionView>;

/** 建议承办: what the unit is at work on (answers, 协办 views, 重新办理, B-class follow-ups), soonest due first; or all it was given. */
const assigned = suggestionList<HandlerSuggestionView>(HANDLER_SUGGESTION_TABS, 'todo', (view, page) => callApi('suggestion.listAssigned', { view, ...page }));

export const initialAssignedSuggestionsState = (): AssignedSuggestionsState => assigned.initialState();

export const createAssignedSuggestions = (render: (change: Partial<AssignedSuggestionsState>) => void) => assigned.create('todo', render);
