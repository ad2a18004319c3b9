/**
 * A list of 代表建议 shown one tab at a time, a page at a time — the deputy's, staff's and a unit's
 * lists alike. A refusal because of who the caller is (not a deputy, not congress staff, not a
 * unit) becomes a plain explanation with the way to bind, instead of an error and 重试.
 */
import type { Page } from '../../shared/contract/opinion';
import type { SuggestionSummary } from '../../shared/contract/suggestion';
import { appClock } from '../../services/clock';
import { toApiError } from '../../services/api';
import { createPagedList, initialPagedState, type PagedState } from '../../utils/paged-list';
import { suggestionItemView, type SuggestionItemView } from './views';

export const SUGGESTIONS_PAGE_SIZE = 10;

export interface SuggestionQueueState<V extends string> extends PagedState<SuggestionItemView> {
  view: V;
  tabs: ReadonlyArray<{ value: V; label: string }>;
  notAllowed: boolean;
}

export function tabsOf<V extends string>(labels: Record<V, string>): ReadonlyArray<{ value: V; label: string }> {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

export function initialSuggestionQueueState<V extends string>(view: V, labels: Record<V, string>): SuggestionQueueState<V> {
  return { ...initialPagedState<SuggestionItemView>(), view, tabs: tabsOf(labels), notAllowed: false };
}

export function createSuggestionQueue<V extends string>(
  initialView: V,
  fetch: (view: V, page: { cursor?: string; pageSize: number }) => Promise<Page<SuggestionSummary>>,
  render: (change: Partial<SuggestionQueueState<V>>) => void,
) {
  let view = initialView;
  const list = createPagedList({
    fetch: async (cursor) => {
      try {
        const page = await fetch(view, cursor === undefined ? { pageSize: SUGGESTIONS_PAGE_SIZE } : { cursor, pageSize: SUGGESTIONS_PAGE_SIZE });
        render({ notAllowed: false });
        return page;
      } catch (error) {
        if (toApiError(error).code === 'AUTH.FORBIDDEN') render({ notAllowed: true });
        throw error;
      }
    },
    toItem: (item: SuggestionSummary) => suggestionItemView(item, appClock.now()),
    render,
  });
  return {
    ...list,
    view: () => view,
    choose(next: V): Promise<void> {
      if (next === view) return Promise.resolve();
      view = next;
      render({ view, items: [] });
      return list.reload();
    },
  };
}
