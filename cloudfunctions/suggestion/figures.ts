import { COLLECTIONS } from '../../infra/database';
import type { AreaRow, SuggestionStats, UnitRow } from '../../miniprogram/shared/contract/suggestion';
import { SUGGESTION_FIGURES, type SuggestionCounts, type SuggestionFigure } from '../../miniprogram/shared/domain/suggestionStats';
import { ROW_FIGURES, SUGGESTION_FIGURE_PREDICATES, suggestionRates, type RowFigure } from './figureDefinitions';
import { scopeCovers } from '../core/caller';
import type { Database } from '../core/cloud';
import { predicateExpression, predicateQuery } from '../core/figurePredicates';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import type { SuggestionCaller } from './access';
import { findArea, findSession } from './congress';

export function figureQuery(db: Database, figure: SuggestionFigure, now: Date): object {
  return predicateQuery(db, SUGGESTION_FIGURE_PREDICATES[figure], now);
}

function sums(figures: readonly SuggestionFigure[], now: Date): Record<string, unknown> {
  const group: Record<string, unknown> = {};
  for (const figure of figures) group[figure] = { $sum: { $cond: [predicateExpression(SUGGESTION_FIGURE_PREDICATES[figure], now), 1, 0] } };
  return group;
}

export interface StatsRequest {
  sessionId: string;
  areaId?: string;
  departmentId?: string;
  unitRole?: 'lead' | 'assist';
}

/** What the figures are counted over: the session (received: submitted at least once), narrowed to a delegation or a unit. */
export interface StatsTarget {
  session: SuggestionStats['session'];
  area: SuggestionStats['area'];
  unit: SuggestionStats['unit'];
  /** The session's received suggestions, before any narrowing: the per-unit and per-delegation tables. */
  received: object;
  /** The same narrowed to the delegation or unit asked for. */
  narrowed: object;
}

/**
 * The session, delegation and unit asked for, checked against the caller's scope: a session of a
 * congress in their area (ADMIN.OUT_OF_SCOPE otherwise). Two to four database requests, together.
 */
export async function statsTarget(ctx: CallContext, caller: SuggestionCaller, request: StatsRequest): Promise<StatsTarget> {
  const { db } = ctx;
  const _ = db.command;
  const [session, area, department] = await Promise.all([
    findSession(db, request.sessionId),
    request.areaId ? findArea(db, request.areaId) : Promise.resolve(undefined),
    request.departmentId
      ? db
          .collection(COLLECTIONS.departments)
          .where({ _id: request.departmentId })
          .limit(1)
          .field({ _id: true, name: true })
          .get()
          .then(({ data }) => (data as Array<{ _id: string; name: string }>)[0])
      : Promise.resolve(undefined),
  ]);
  if (!session) fail('SUGGESTION.SESSION_NOT_FOUND');
  if (!caller.staff || !scopeCovers(caller.staff, { areaPath: session.areaPath })) fail('ADMIN.OUT_OF_SCOPE');
  if (request.areaId && !area) fail('ADMIN.AREA_NOT_FOUND');
  if (request.departmentId && !department) fail('DEPARTMENT.NOT_FOUND');
  const received = { sessionId: session._id, submittedAt: _.neq(null) };
  const narrowing: object[] = [received];
  if (area) narrowing.push({ delegationAreaId: area._id });
  const role = request.unitRole ?? 'lead';
  if (department) narrowing.push(role === 'lead' ? { leadDepartmentId: department._id } : { assistUnitIds: department._id });
  return {
    session: { id: session._id, name: session.name, areaName: session.areaName },
    area: area ? { id: area._id, name: area.name } : null,
    unit: department ? { id: department._id, name: department.name, role } : null,
    received,
    narrowed: _.and(narrowing),
  };
}

type RowCounts = Record<RowFigure, number>;

function rowCounts(row: Record<string, number> | undefined): RowCounts {
  return Object.fromEntries(ROW_FIGURES.map((figure) => [figure, row?.[figure] ?? 0])) as RowCounts;
}

const rowRates = (counts: RowCounts & { registered: number }) => suggestionRates(counts);

/**
 * Every figure of the target, then the table per unit (its suggestions as 主办, and how many it
 * assisted) and per delegation: four aggregations at once, never loading the collection.
 */
export async function countSuggestions(db: Database, target: StatsTarget, now: Date): Promise<Pick<SuggestionStats, 'counts' | 'rates' | 'byUnit' | 'byArea'>> {
  const _ = db.command;
  const suggestions = db.collection(COLLECTIONS.suggestions);
  const rowSums = sums(ROW_FIGURES, now);
  const [totals, leads, assists, areas] = await Promise.all([
    suggestions
      .aggregate()
      .match(target.narrowed)
      .group({ _id: null, ...sums(SUGGESTION_FIGURES, now) })
      .end(),
    suggestions
      .aggregate()
      .match(_.and([target.received, { leadDepartmentId: _.neq(null) }]))
      .group({ _id: '$leadDepartmentId', name: { $first: '$leadDepartmentName' }, lead: { $sum: 1 }, ...rowSums })
      .end(),
    suggestions
      .aggregate()
      .match(_.and([target.received, { assistUnitIds: _.exists(true) }]))
      .unwind('$units')
      .match({ 'units.active': true, 'units.role': _.in(['assist', 'joint']) })
      .group({ _id: '$units.departmentId', name: { $first: '$units.departmentName' }, assisting: { $sum: 1 } })
      .end(),
    suggestions
      .aggregate()
      .match(target.received)
      .group({ _id: '$delegationAreaId', name: { $first: '$delegationAreaName' }, received: { $sum: 1 }, ...sums(['registered'], now), ...rowSums })
      .end(),
  ]);
  const row = (totals.data as Array<Record<string, number>>)[0] ?? {};
  const counts = Object.fromEntries(SUGGESTION_FIGURES.map((figure) => [figure, row[figure] ?? 0])) as SuggestionCounts;

  const units = new Map<string, UnitRow>();
  const unitRow = (id: string, name: string): UnitRow => {
    const existing = units.get(id);
    if (existing) return existing;
    const fresh: UnitRow = { departmentId: id, name, lead: 0, assisting: 0, ...rowCounts(undefined), rates: rowRates({ ...rowCounts(undefined), registered: 0 }) };
    units.set(id, fresh);
    return fresh;
  };
  for (const lead of leads.data as Array<Record<string, number> & { _id: string; name: string; lead: number }>) {
    const counted = rowCounts(lead);
    Object.assign(unitRow(lead._id, lead.name), { lead: lead.lead, ...counted, rates: rowRates({ ...counted, registered: lead.lead }) });
  }
  for (const assist of assists.data as Array<{ _id: string; name: string; assisting: number }>) unitRow(assist._id, assist.name).assisting = assist.assisting;

  const byArea: AreaRow[] = (areas.data as Array<Record<string, number> & { _id: string; name: string; received: number; registered: number }>).map((area) => {
    const counted = rowCounts(area);
    return { areaId: area._id, name: area.name, received: area.received, registered: area.registered, ...counted, rates: rowRates({ ...counted, registered: area.registered }) };
  });

  return {
    counts,
    rates: suggestionRates(counts),
    byUnit: [...units.values()].sort((a, b) => b.lead - a.lead || b.assisting - a.assisting || a.name.localeCompare(b.name, 'zh-Hans-CN')),
    byArea: byArea.sort((a, b) => b.received - a.received || a.name.localeCompare(b.name, 'zh-Hans-CN')),
  };
}
