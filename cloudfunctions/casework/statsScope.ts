import { COLLECTIONS } from '../../infra/database';
import type { ScopeView, StatsScope } from '../../miniprogram/shared/contract/casework';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { Area, Deputy } from '../../miniprogram/shared/domain/directory';
import { counterKey } from '../../miniprogram/shared/domain/caseCounters';
import { addDays, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { scopeCovers } from '../core/caller';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CaseWorker } from './access';
import { deputyStationsLookup } from '../core/deputyStations';

interface StationPlace {
  _id: string;
  name: string;
  areaPath: string[];
}

/** A query condition: a plain object of fields, or a command such as `_.and([...])`. */
export type Condition = object;

/** What the figures are counted over: the place, and the same place as a query on opinions and on reception days. */
export interface StatsTarget {
  view: ScopeView;
  /** On opinions: the place, within the caller's own scope. */
  opinions: Condition;
  /** On reception days: the place, within the caller's own scope. */
  days: Condition;
  /** On 票决 rounds: the area's subtree; null for a station or a deputy (rounds belong to areas). */
  rounds: Condition | null;
  /** For a deputy: only the visits they received. */
  deputyId?: string;
  /** The statistics counters of the place as the caller sees it (shared/domain/caseCounters.ts). */
  counterKey: string;
}

export interface StatsRange {
  from: string;
  to: string;
}

/** Opinions submitted within the Shanghai dates, both ends included. */
export function createdWithin(db: Database, range: StatsRange): Record<string, unknown> {
  const _ = db.command;
  return { createdAt: _.gte(shanghaiInstant(range.from)).and(_.lt(shanghaiInstant(addDays(range.to, 1)))) };
}

/** Reception days within the dates, both ends included. */
export function datedWithin(db: Database, range: StatsRange): Record<string, unknown> {
  const _ = db.command;
  return { date: _.gte(range.from).and(_.lte(range.to)) };
}

async function findOne<T>(db: Database, collection: string, id: string, field?: Record<string, boolean>): Promise<T | undefined> {
  let query = db.collection(collection).where({ _id: id }).limit(1);
  if (field) query = query.field(field);
  const { data } = await query.get();
  return (data as T[])[0];
}

/**
 * The place the caller asks figures for, checked against their scope (ADMIN.OUT_OF_SCOPE when it
 * lies outside): an area in their subtree, a station they cover, a deputy receiving at one of
 * their stations; by default their own area or station. Whatever is asked, the queries also keep
 * to the caller's scope, so a deputy who also receives elsewhere counts only here. One database
 * request.
 */
export async function statsTarget(db: Database, worker: CaseWorker, requested: StatsScope | undefined): Promise<StatsTarget> {
  const scope = worker.scope;
  const asked: StatsScope = requested ?? (scope.role === 'station' ? { stationId: scope.stationId ?? '' } : { areaId: scope.areaId });
  return placeTarget(db, asked, scope);
}

/**
 * The place as the public sees it (no caller, no scope): an area's subtree, a station, a deputy
 * wherever they receive. One database request.
 */
export function publicTarget(db: Database, asked: StatsScope): Promise<StatsTarget> {
  return placeTarget(db, asked, null);
}

async function placeTarget(db: Database, asked: StatsScope, scope: StaffScope | null): Promise<StatsTarget> {
  const _ = db.command;
  const own = !scope ? null : scope.role === 'station' ? { stationId: scope.stationId } : { areaPath: scope.areaId };
  const within = (place: Condition): Condition => (own ? _.and([own, place]) : place);
  const covers = (place: Parameters<typeof scopeCovers>[1]) => !scope || scopeCovers(scope, place);

  if ('areaId' in asked) {
    const area = await findOne<Area>(db, COLLECTIONS.areas, asked.areaId);
    if (!area) fail('ADMIN.AREA_NOT_FOUND');
    if (!covers({ areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');
    const place = { areaPath: area._id };
    // Scope covers the area: the area's cases all lie within the caller's scope.
    return { view: { kind: 'area', id: area._id, name: area.name }, opinions: within(place), days: within(place), rounds: place, counterKey: counterKey.area(area._id) };
  }
  if ('stationId' in asked) {
    const station = await findOne<StationPlace>(db, COLLECTIONS.stations, asked.stationId, { _id: true, name: true, areaPath: true });
    if (!station) fail('ADMIN.STATION_NOT_FOUND');
    if (!covers({ areaPath: station.areaPath, stationId: station._id })) fail('ADMIN.OUT_OF_SCOPE');
    const place = { stationId: station._id };
    return {
      view: { kind: 'station', id: station._id, name: station.name },
      opinions: within(place),
      days: within(place),
      rounds: null,
      counterKey: counterKey.station(station._id),
    };
  }
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: asked.deputyId })
    .lookup(deputyStationsLookup(db, { _id: 1, areaPath: 1 }))
    .project({ _id: 1, name: 1, stations: 1 })
    .end();
  const deputy = (data as Array<Pick<Deputy, '_id' | 'name'> & { stations: Array<{ _id: string; areaPath: string[] }> }>)[0];
  if (!deputy) fail('COMMON.NOT_FOUND');
  if (!deputy.stations.some((s) => covers({ areaPath: s.areaPath, stationId: s._id }))) fail('ADMIN.OUT_OF_SCOPE');
  const theirs = _.or([{ deputyId: deputy._id }, { 'reply.deputyId': deputy._id }, { 'forward.deputyId': deputy._id }]);
  return {
    view: { kind: 'deputy', id: deputy._id, name: deputy.name },
    opinions: within(theirs),
    days: within({ deputyIds: deputy._id }),
    rounds: null,
    deputyId: deputy._id,
    // A deputy's cases within the caller's own area or station (the public sees all of them).
    counterKey: counterKey.deputy(deputy._id, !scope ? undefined : scope.role === 'station' ? { stationId: scope.stationId ?? '' } : { areaId: scope.areaId }),
  };
}
