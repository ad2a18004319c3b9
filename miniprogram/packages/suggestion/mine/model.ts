import type { DeputySuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { suggestionList } from '../queue';

export const DEPUTY_SUGGESTION_TABS: Record<DeputySuggestionView, string> = {
  led: '我领衔的',
  coSigned: '我联名的',
  invitations: '联名邀请',
};

/** 我的代表建议: the suggestions the deputy leads (drafts too), those they co-signed, and the invitations waiting for them. */
export const DEPUTY_SUGGESTIONS = suggestionList<DeputySuggestionView>(DEPUTY_SUGGESTION_TABS, 'led', (view, page) => callApi('suggestion.listMine', { view, ...page }));
