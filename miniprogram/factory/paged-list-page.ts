/**
 * The wiring every page that shows one paged list (utils/paged-list) shares, to spread into its
 * `definePage` definition: `load: reloadList`, `refresh: refreshList`, `events: { ...pagedListEvents, … }`.
 * Opening the page (and 重试) loads the first page; coming back refreshes it quietly, the list
 * staying on screen; the bottom of the page and 加载更多 (`bind:tap="onMore"`) load the next page.
 * Generic, so that the page's model type stays the one its `model` makes.
 */

export const reloadList = <L extends { reload(): Promise<void> }>(list: L): Promise<void> => list.reload();

export const refreshList = <L extends { refresh(): Promise<void> }>(list: L): Promise<void> => list.refresh();

/** A page opened without what its list needs has none (null): nothing to load. */
const loadMore = <L extends { loadMore(): Promise<void> } | null>(list: L): Promise<void> | undefined => list?.loadMore();

export const pagedListEvents = { onReachBottom: loadMore, onMore: loadMore };
