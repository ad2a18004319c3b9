import type { PageDefinition, PageQuery } from '../../factory/define-page';
import { openingTab, tabbedListPage } from '../../factory/paged-list-page';
import type { SuggestionList, SuggestionQueueState } from './queue';

type ListPage<V extends string> = PageDefinition<SuggestionQueueState<V>, PageQuery, ReturnType<SuggestionList<V>['create']>>;

/** A page of one suggestion list, opened on the tab its query names (`?view=`) or on the list's first; `bindUrl` for a caller it refuses. */
export function suggestionListPage<V extends string>(name: string, list: SuggestionList<V>, bindUrl: string, events: ListPage<V>['events']): ListPage<V> {
  return tabbedListPage({
    name,
    data: () => list.initialState(),
    list: (page) => list.create(openingTab(page, list.isView, list.first), page.render),
    bindUrl,
    events,
  });
}
