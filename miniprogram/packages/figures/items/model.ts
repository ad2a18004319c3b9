import { callApi } from '../../../services/api';
import { periodLabel, PUBLIC_DRILL_LABELS, type FiguresPeriod, type PublicDrill } from '../../../shared/domain/figures';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../../utils/paged-list';
import { figureItemViews, type FigureItemView, type FiguresScope } from '../model';

export interface FigureItemsState extends PagedState<FigureItemView> {
  title: string;
  subtitle: string;
}

export function initialFigureItemsState(): FigureItemsState {
  return { ...initialPagedState<FigureItemView>(), title: '', subtitle: '' };
}

/** The anonymised list behind one figure, a page at a time (casework.figureItems). */
export function createFigureItems(scope: FiguresScope, period: Required<FiguresPeriod>, drill: PublicDrill, render: (change: Partial<FigureItemsState>) => void) {
  render({ title: PUBLIC_DRILL_LABELS[drill], subtitle: `${periodLabel(period)} · 已隐去姓名、电话等个人信息` });
  return createPagedList<FigureItemView, FigureItemView>({
    fetch: async (cursor) => {
      const base = { scope, year: period.year, drill, ...(period.month ? { month: period.month } : {}) };
      const page = await callApi('casework.figureItems', pageRequest(cursor, base));
      return { items: figureItemViews(page), nextCursor: page.nextCursor };
    },
    toItem: (item) => item,
    render,
  });
}
