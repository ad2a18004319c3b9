import type { Page } from '../shared/contract/opinion';
import { toApiError } from '../services/api';
import type { LoadStatus } from './load-state';

/** A list shown a page at a time, with 加载更多 at the bottom. */
export interface PagedState<V> {
  status: LoadStatus;
  errorMessage: string;
  items: V[];
  /** There is another page to load. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last 加载更多 failed; the button stays to try again. */
  moreError: string;
}

export function initialPagedState<V>(): PagedState<V> {
  return { status: 'loading', errorMessage: '', items: [], hasMore: false, loadingMore: false, moreError: '' };
}

/** What a list asks the server for: `query` (its page size among it), after `cursor` (none for the first page). */
export function pageRequest<Q extends object>(cursor: string | undefined, query: Q): Q & { cursor?: string } {
  return cursor === undefined ? query : { ...query, cursor };
}

/**
 * Loads a list page by page. A reload (重试, another tab) starts over; an answer for an
 * earlier load that arrives late is dropped, never mixed into the newer list.
 */
export function createPagedList<T, V, P extends Page<T> = Page<T>>(options: {
  fetch: (cursor: string | undefined) => Promise<P>;
  toItem: (item: T) => V;
  render: (change: Partial<PagedState<V>>) => void;
  /** The first page of the newest load, as it arrived (a tabbed list's counts come with it). */
  firstPage?: (page: P) => void;
}) {
  let generation = 0;
  let items: V[] = [];
  let nextCursor: string | null = null;
  let loadingMore = false;

  /**
   * The first page of a new load; an answer for an earlier load that arrives late is dropped.
   * `loading`: the list shows its spinner, and a failure its error; otherwise the list stays on
   * screen while it loads, and stays as it was if the network fails.
   */
  async function loadFirst(loading: boolean): Promise<void> {
    const mine = (generation += 1);
    loadingMore = false;
    if (loading) options.render({ status: 'loading', errorMessage: '', moreError: '', loadingMore: false });
    try {
      const page = await options.fetch(undefined);
      if (mine !== generation) return;
      options.firstPage?.(page);
      items = page.items.map(options.toItem);
      nextCursor = page.nextCursor;
      options.render({ status: items.length > 0 ? 'ready' : 'empty', errorMessage: '', items, hasMore: nextCursor !== null, loadingMore: false, moreError: '' });
    } catch (error) {
      if (!loading) console.warn('[list] refresh failed; the list stays as it was', toApiError(error).code);
      if (!loading || mine !== generation) return;
      items = [];
      nextCursor = null;
      options.render({ status: 'error', errorMessage: toApiError(error).message, items, hasMore: false });
    }
  }

  return {
    reload: (): Promise<void> => loadFirst(true),

    /** The first page again, quietly (back from a page where something changed). */
    refresh: (): Promise<void> => loadFirst(false),

    /** The next page; does nothing at the end of the list or while a page is on its way. */
    async loadMore(): Promise<void> {
      if (nextCursor === null || loadingMore) return;
      const mine = generation;
      loadingMore = true;
      options.render({ loadingMore: true, moreError: '' });
      try {
        const page = await options.fetch(nextCursor);
        if (mine !== generation) return;
        items = [...items, ...page.items.map(options.toItem)];
        nextCursor = page.nextCursor;
        options.render({ items, hasMore: nextCursor !== null, loadingMore: false });
      } catch (error) {
        if (mine !== generation) return;
        options.render({ loadingMore: false, moreError: toApiError(error).message });
      } finally {
        if (mine === generation) loadingMore = false;
      }
    },
  };
}
