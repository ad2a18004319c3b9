import type { DeputySuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { createSuggestionQueue, initialSuggestionQueueState, type SuggestionQueueState } from '../queue';

export const DEPUTY_SUGGESTION_TABS: Record<DeputySuggestionView, string> = {
  led: '我领衔的',
  coSigned: '我联名的',
  invitations: '联名邀请',
};

export type DeputySuggestionsState = SuggestionQueueState<DeputySuggestionView>;

export function isDeputySuggestionView(value: string | undefined): value is DeputySuggestionView {
  return Object.prototype.hasOwnProperty.call(DEPUTY_SUGGESTION_TABS, value ?? '');
}

export function initialDeputySuggestionsState(view: DeputySuggestionView = 'led'): DeputySuggestionsState {
  return initialSuggestionQueueState(view, DEPUTY_SUGGESTION_TABS);
}

/** 我的代表建议: the suggestions the deputy leads (drafts too), those they co-signed, and the invitations waiting for them. */
export function createDeputySuggestions(view: DeputySuggestionView, render: (change: Partial<DeputySuggestionsState>) => void) {
  return createSuggestionQueue(view, (tab, page) => callApi('suggestion.listMine', { view: tab, ...page }), render, DEPUTY_SUGGESTION_TABS);
}
