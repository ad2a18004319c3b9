import type { HandlerSuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { suggestionList } from '../queue';

export const HANDLER_SUGGESTION_TABS: Record<HandlerSuggestionView, string> = { todo: '待办', all: '全部' };

/** 建议承办: what the unit is at work on (answers, 协办 views, 重新办理, B-class follow-ups), soonest due first; or all it was given. */
export const ASSIGNED_SUGGESTIONS = suggestionList<HandlerSuggestionView>(HANDLER_SUGGESTION_TABS, 'todo', (view, page) => callApi('suggestion.listAssigned', { view, ...page }));
