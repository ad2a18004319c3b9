/** A statistics question (a date range and where), as the stats and drill-down pages pass it between them. */
import type { StatsScope } from '../../shared/contract/casework';
import type { Figure } from '../../shared/domain/caseStats';
import { addDays, shanghaiDate } from '../../shared/domain/time';
import { SUBPACKAGE_PAGES, withQuery } from '../../routes';

export interface StatsQuery {
  from: string;
  to: string;
  /** Absent: everything the staff member covers. */
  scope?: StatsScope;
}

/** From the first of this month to today, Shanghai calendar. */
export function thisMonth(now: Date): { from: string; to: string } {
  const today = shanghaiDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The whole of last month. */
export function lastMonth(now: Date): { from: string; to: string } {
  const firstOfThis = thisMonth(now).from;
  const to = addDays(firstOfThis, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

export function scopeKey(scope: StatsScope | undefined): string {
  if (!scope) return '';
  if ('stationId' in scope) return `station:${scope.stationId}`;
  if ('deputyId' in scope) return `deputy:${scope.deputyId}`;
  return `area:${scope.areaId}`;
}

export function scopeFromKey(key: string | undefined): StatsScope | undefined {
  const [kind, id] = (key ?? '').split(':');
  if (!id) return undefined;
  if (kind === 'station') return { stationId: id };
  if (kind === 'deputy') return { deputyId: id };
  if (kind === 'area') return { areaId: id };
  return undefined;
}

/** The payload part the statistics actions take. */
export function statsPayload(query: StatsQuery): { from: string; to: string; scope?: StatsScope } {
  return query.scope ? { from: query.from, to: query.to, scope: query.scope } : { from: query.from, to: query.to };
}

export function drillDownUrl(figure: Figure, query: StatsQuery): string {
  const scope = scopeKey(query.scope);
  return withQuery(SUBPACKAGE_PAGES.staffDrillDown, scope ? { figure, from: query.from, to: query.to, scope } : { figure, from: query.from, to: query.to });
}
