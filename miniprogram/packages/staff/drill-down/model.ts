import { appClock } from '../../../services/clock';
import type { DrillDown, ReceptionRow, VisitRow } from '../../../shared/contract/casework';
import { FIGURE_LABELS, FIGURES, type Figure } from '../../../shared/domain/caseStats';
import { callApi } from '../../../services/api';
import { formatDateTime, formatReceptionDate } from '../../../utils/date';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../../utils/paged-list';
import { caseItemView, type CaseItemView } from '../case-views';
import { scopeFromKey, statsPayload, type StatsQuery } from '../stats-query';

export const DRILL_PAGE_SIZE = 20;

/** One row behind a figure: a case (opens it), or a visit or reception (a line of text). */
export type DrillItem = ({ kind: 'case' } & CaseItemView) | { kind: 'row'; id: string; title: string; meta: string };

export function visitItem(row: VisitRow): DrillItem {
  return {
    kind: 'row',
    id: row.bookingId,
    title: `${row.visitorName} · ${row.topic}`,
    meta: `${formatReceptionDate(row.date)} · ${row.stationName} · ${row.kind === 'online' ? '预约' : '现场登记'}${row.checkedInAt ? ` · ${formatDateTime(row.checkedInAt)}签到` : ''}`,
  };
}

export function receptionItem(row: ReceptionRow): DrillItem {
  return {
    kind: 'row',
    id: row.recordId,
    title: `${row.visitorName} · ${row.itemCount}件事项`,
    meta: `${formatReceptionDate(row.date)} · ${row.stationName}`,
  };
}

export function drillItems(page: DrillDown, now: Date): DrillItem[] {
  if (page.kind === 'cases') return page.items.map((item) => ({ kind: 'case' as const, ...caseItemView(item, now) }));
  if (page.kind === 'visits') return page.items.map(visitItem);
  return page.items.map(receptionItem);
}

export function isFigure(value: string | undefined): value is Figure {
  return (FIGURES as readonly string[]).includes(value ?? '');
}

export interface DrillState extends PagedState<DrillItem> {
  title: string;
}

export function initialDrillState(): DrillState {
  return { ...initialPagedState<DrillItem>(), title: '' };
}

export function drillQuery(query: { from?: string; to?: string; scope?: string }): StatsQuery {
  const scope = scopeFromKey(query.scope);
  return scope ? { from: query.from ?? '', to: query.to ?? '', scope } : { from: query.from ?? '', to: query.to ?? '' };
}

/** The cases (or visits, or receptions) behind one figure, a page at a time. */
export function createDrillDown(figure: Figure, query: StatsQuery, render: (change: Partial<DrillState>) => void) {
  render({ title: FIGURE_LABELS[figure] });
  // The drill-down page's items are a union; the paged list only maps, so one fetch feeds it.
  return createPagedList<DrillItem, DrillItem>({
    fetch: async (cursor) => {
      const base = { ...statsPayload(query), figure, pageSize: DRILL_PAGE_SIZE };
      const page = await callApi('casework.drillDown', pageRequest(cursor, base));
      render({ title: page.label });
      return { items: drillItems(page, appClock.now()), nextCursor: page.nextCursor };
    },
    toItem: (item) => item,
    render,
  });
}
