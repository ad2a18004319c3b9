import { SUGGESTION_FIGURES, type SuggestionFigure } from '../../../shared/domain/suggestionStats';
import { appClock } from '../../../services/clock';
import { callApi } from '../../../services/api';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../../utils/paged-list';
import { suggestionItemView, type SuggestionItemView } from '../views';

export const SUGGESTION_DRILL_PAGE_SIZE = 20;

export interface SuggestionDrillQuery {
  sessionId?: string;
  figure?: string;
  areaId?: string;
  departmentId?: string;
}

export interface SuggestionDrillState extends PagedState<SuggestionItemView> {
  title: string;
}

export function initialSuggestionDrillState(): SuggestionDrillState {
  return { ...initialPagedState<SuggestionItemView>(), title: '' };
}

export function isSuggestionFigure(value: string | undefined): value is SuggestionFigure {
  return (SUGGESTION_FIGURES as readonly string[]).includes(value ?? '');
}

/** The suggestions behind one figure of a session (a unit's or a delegation's), a page at a time. */
export function createSuggestionDrill(query: SuggestionDrillQuery, render: (change: Partial<SuggestionDrillState>) => void) {
  const figure: SuggestionFigure = isSuggestionFigure(query.figure) ? query.figure : 'received';
  const scope = { sessionId: query.sessionId ?? '', ...(query.areaId ? { areaId: query.areaId } : {}), ...(query.departmentId ? { departmentId: query.departmentId } : {}) };
  return createPagedList({
    fetch: async (cursor) => {
      const page = await callApi('suggestion.drillDown', pageRequest(cursor, { ...scope, figure, pageSize: SUGGESTION_DRILL_PAGE_SIZE }));
      // The figure's name comes with its list: the labels are the back end's.
      render({ title: page.label });
      return page;
    },
    toItem: (item: Parameters<typeof suggestionItemView>[0]) => suggestionItemView(item, appClock.now()),
    render,
  });
}
