/**
 * The wiring every page that shows one paged list (utils/paged-list) shares, to spread into its
 * `definePage` definition: `load: reloadList`, `refresh: refreshList`, `events: { ...pagedListEvents, … }`.
 * Opening the page (and 重试) loads the first page; coming back refreshes it quietly, the list
 * staying on screen; the bottom of the page and 加载更多 (`bind:tap="onMore"`) load the next page.
 * Generic, so that the page's model type stays the one its `model` makes.
 */
import type { PageContext, PageDefinition, PageQuery } from './define-page';
import type { TabEvent } from '../utils/events';
import { redirectTo } from '../services/wx';

export const reloadList = <L extends { reload(): Promise<void> }>(list: L): Promise<void> => list.reload();

export const refreshList = <L extends { refresh(): Promise<void> }>(list: L): Promise<void> => list.refresh();

/** A page opened without what its list needs has none (null): nothing to load. */
const loadMore = <L extends { loadMore(): Promise<void> } | null>(list: L): Promise<void> | undefined => list?.loadMore();

export const pagedListEvents = { onReachBottom: loadMore, onMore: loadMore };

/** A list shown one tab at a time (utils/tabbed-list). */
interface TabbedList<K extends string> {
  reload(): Promise<void>;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  choose(tab: K): Promise<void>;
}

/**
 * A page of one list under tabs — the deputy's inbox, the case queues, the suggestion lists: the
 * wiring above, and choosing another tab (components/count-tabs, `bind:change="onTab"`) shows
 * it. Coming back refreshes the list: an item opened from it may have moved to another tab. A
 * caller the list refuses for who they are is offered `bindUrl` (`bind:tap="onBind"`).
 */
export function tabbedListPage<S extends object, K extends string, L extends TabbedList<K>>(page: {
  name: string;
  data: () => S;
  list: (context: PageContext<S>) => L;
  bindUrl: string;
  events?: PageDefinition<S, PageQuery, L>['events'];
}): PageDefinition<S, PageQuery, L> {
  return {
    name: page.name,
    data: page.data,
    model: page.list,
    load: reloadList,
    refresh: refreshList,
    events: {
      onTab: (list, event: TabEvent<K>) => list.choose(event.detail.value),
      ...pagedListEvents,
      onBind: () => redirectTo(page.bindUrl),
      ...page.events,
    },
  };
}

/** The tab a page is opened on (`?view=`), or its first; shown at once, before the list comes. */
export function openingTab<K extends string>(context: PageContext<{ view: K }>, isTab: (value: string | undefined) => value is K, first: K): K {
  const view = isTab(context.query.view) ? context.query.view : first;
  context.render({ view });
  return view;
}
