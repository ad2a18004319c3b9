/**
 * A paged list shown one tab at a time — the deputy's inbox, the case queues, the suggestion
 * lists. Each tab is labelled with the count its first page brings (待处理 3). A refusal because
 * of who the caller is (AUTH.FORBIDDEN: not bound, or not in that role) is flagged, so the page
 * explains and offers the way to bind instead of an error and 重试.
 */
import type { TabbedPage } from '../shared/contract/opinion';
import { toApiError } from '../services/api';
import { createPagedList, pageRequest, type PagedState } from './paged-list';
import { countedTabs, type TabView } from './tabs';

export interface TabbedListState<K extends string, V> extends PagedState<V> {
  tabs: ReadonlyArray<TabView<K>>;
}

export interface TabNames<K extends string> {
  order: readonly K[];
  names: Readonly<Record<K, string>>;
}

/** The names a page renders the chosen tab and the refusal under (`view`/`notAllowed`, `filter`/`notDeputy`). */
export interface TabbedListKeys<N extends string, R extends string> {
  tab: N;
  refused: R;
}

export type TabbedListChange<K extends string, V, N extends string, R extends string> = Partial<TabbedListState<K, V> & Record<N, K> & Record<R, boolean>>;

/** Ten a page, as every tabbed list shows them. */
export const TABBED_LIST_PAGE_SIZE = 10;

/** `keys`: by default the page renders the tab as `view` and the refusal as `notAllowed`. */
export function createTabbedList<T, V, K extends string, N extends string = 'view', R extends string = 'notAllowed'>(options: {
  keys?: TabbedListKeys<N, R>;
  first: K;
  tabs: TabNames<K>;
  fetch: (tab: K, page: { cursor?: string; pageSize: number }) => Promise<TabbedPage<T, K>>;
  toItem: (item: T) => V;
  render: (change: TabbedListChange<K, V, N, R>) => void;
}) {
  const keys = options.keys ?? { tab: 'view', refused: 'notAllowed' };
  // The page's state has the list's fields and its own two names; the list renders each under its name.
  const render = options.render as (change: Partial<TabbedListState<K, V>> & Record<string, unknown>) => void;
  const refused = (value: boolean) => render({ [keys.refused]: value });
  let tab = options.first;
  const list = createPagedList({
    fetch: async (cursor: string | undefined) => {
      try {
        const page = await options.fetch(tab, pageRequest(cursor, { pageSize: TABBED_LIST_PAGE_SIZE }));
        refused(false);
        return page;
      } catch (error) {
        if (toApiError(error).code === 'AUTH.FORBIDDEN') refused(true);
        throw error;
      }
    },
    toItem: options.toItem,
    render,
    firstPage: (page) => {
      if (page.counts) render({ tabs: countedTabs(options.tabs.order, options.tabs.names, page.counts) });
    },
  });
  return {
    ...list,
    /** Another tab: the list starts over on it. */
    choose(next: K): Promise<void> {
      if (next === tab) return Promise.resolve();
      tab = next;
      render({ [keys.tab]: next, items: [] });
      return list.reload();
    },
  };
}
