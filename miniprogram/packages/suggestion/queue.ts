/**
 * A list of 代表建议 shown one tab at a time, a page at a time — the deputy's, staff's and a unit's
 * lists alike. A refusal because of who the caller is (not a deputy, not congress staff, not a
 * unit) becomes a plain explanation with the way to bind, instead of an error and 重试.
 */
import type { TabbedPage } from '../../shared/contract/opinion';
import type { SuggestionSummary } from '../../shared/contract/suggestion';
import { appClock } from '../../services/clock';
import { initialPagedState, type PagedState } from '../../utils/paged-list';
import { createTabbedList } from '../../utils/tabbed-list';
import { countedTabs, type TabView } from '../../utils/tabs';
import { suggestionItemView, type SuggestionItemView } from './views';

export interface SuggestionQueueState<V extends string> extends PagedState<SuggestionItemView> {
  view: V;
  tabs: ReadonlyArray<TabView<V>>;
  notAllowed: boolean;
}

export type SuggestionList<V extends string> = ReturnType<typeof suggestionList<V>>;

/**
 * One of the suggestion lists, made from its tabs (in order, each with its name), the tab it opens
 * on, and how it asks for a page: which tab a query names, its first state, and the list itself,
 * whose first page brings each tab's count.
 */
export function suggestionList<V extends string>(
  labels: Record<V, string>,
  first: V,
  fetch: (view: V, page: { cursor?: string; pageSize: number }) => Promise<TabbedPage<SuggestionSummary, V>>,
) {
  const tabs = { order: Object.keys(labels) as V[], names: labels };
  return {
    first,
    isView: (value: string | undefined): value is V => Object.prototype.hasOwnProperty.call(labels, value ?? ''),
    initialState: (view: V = first): SuggestionQueueState<V> => ({
      ...initialPagedState<SuggestionItemView>(),
      view,
      tabs: countedTabs(tabs.order, labels),
      notAllowed: false,
    }),
    create: (view: V, render: (change: Partial<SuggestionQueueState<V>>) => void) =>
      createTabbedList({
        first: view,
        tabs,
        fetch,
        toItem: (item: SuggestionSummary) => suggestionItemView(item, appClock.now()),
        render,
      }),
  };
}
