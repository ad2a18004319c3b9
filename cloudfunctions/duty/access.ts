import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { loadCaller, scopeCovers } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';

/**
 * Who works on the duty record, and what each may see:
 * - a deputy: their own record, reports and leave;
 * - congress staff (station, area, admin): the deputies of the stations their scope covers —
 *   station staff their station's, area staff their area's subtree; department handlers none.
 * Anyone else is AUTH.FORBIDDEN; a deputy out of scope is DUTY.DEPUTY_NOT_FOUND, like a missing one.
 */
export interface DutyCaller {
  openid: string;
  deputy: { deputyId: string; name: string } | null;
  staff: StaffScope | null;
}

export async function loadDutyCaller(ctx: CallContext, kinds: ReadonlyArray<'deputy' | 'staff'>): Promise<DutyCaller> {
  const { openid, account } = await loadCaller(ctx);
  const roles = account?.roles ?? [];
  const deputy = roles.includes('deputy') && account?.deputy ? account.deputy : null;
  const scope = roles.includes('staff') ? (account?.staff ?? null) : null;
  const staff = scope && scope.role !== 'handler' ? scope : null;
  const caller = { openid, deputy, staff };
  if (!kinds.some((kind) => (kind === 'deputy' ? !!deputy : !!staff))) fail('AUTH.FORBIDDEN');
  return caller;
}

export interface StationPlace {
  _id: string;
  name: string;
  code: string;
  areaPath: string[];
}

/** A deputy with the place of their stations. */
export interface DeputyPlace {
  deputyId: string;
  name: string;
  stationIds: string[];
  stations: StationPlace[];
  /** The first station's area path: where their rules and settings come from. */
  areaPath: string[];
}

/** Documents read a request at a time (CloudBase answers at most 1,000 documents a request). */
const PER_READ = 1000;

/** Every document of `collection` that `where` matches, read along `_id` a thousand at a time. */
export async function readAlong<T extends { _id: string }>(ctx: CallContext, collection: string, where: object, fields: Record<string, 1>): Promise<T[]> {
  const _ = ctx.db.command;
  const found: T[] = [];
  for (let after: string | undefined; ;) {
    const page = after === undefined ? where : _.and([where, { _id: _.gt(after) }]);
    const { data } = await ctx.db.collection(collection).where(page).orderBy('_id', 'asc').field(fields).limit(PER_READ).get();
    found.push(...(data as T[]));
    if (data.length < PER_READ) return found;
    after = found[found.length - 1]?._id;
  }
}

/**
 * Every deputy `where` matches, with the place of their stations: a city's 5,000 are all there (one
 * request for up to a thousand, one more per thousand).
 */
export async function findDeputies(ctx: CallContext, where: Record<string, unknown>): Promise<DeputyPlace[]> {
  const deputies = await readAlong<{ _id: string; name: string; stationIds?: string[] }>(ctx, COLLECTIONS.deputies, where, { _id: 1, name: 1, stationIds: 1, active: 1 });
  const stationIds = [...new Set(deputies.flatMap((deputy) => deputy.stationIds ?? []))];
  const stations = await findStations(ctx, stationIds);
  return deputies.map((deputy) => placeOf(deputy, stations));
}

export async function findStations(ctx: CallContext, stationIds: readonly string[]): Promise<Map<string, StationPlace>> {
  if (stationIds.length === 0) return new Map();
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection(COLLECTIONS.stations)
    .where({ _id: _.in([...stationIds]) })
    .field({ _id: 1, name: 1, code: 1, areaPath: 1 })
    .limit(1000)
    .get();
  return new Map((data as StationPlace[]).map((station) => [station._id, station]));
}

/** A deputy as read (id, name, station ids) with the place of their stations. */
export function placeOf(deputy: { _id: string; name: string; stationIds?: string[] }, stations: Map<string, StationPlace>): DeputyPlace {
  const own = (deputy.stationIds ?? []).flatMap((id) => {
    const station = stations.get(id);
    return station ? [station] : [];
  });
  return { deputyId: deputy._id, name: deputy.name, stationIds: deputy.stationIds ?? [], stations: own, areaPath: own[0]?.areaPath ?? [] };
}

export function staffCovers(staff: StaffScope, deputy: Pick<DeputyPlace, 'stations'>): boolean {
  return deputy.stations.some((station) => scopeCovers(staff, { areaPath: station.areaPath, stationId: station._id }));
}

/**
 * The deputy an action is about: the caller themselves (a deputy, no id or their own id), or one
 * staff cover (DUTY.DEPUTY_NOT_FOUND otherwise, like a missing one).
 */
export async function deputyFor(ctx: CallContext, caller: DutyCaller, deputyId: string | undefined): Promise<DeputyPlace> {
  const id = deputyId ?? caller.deputy?.deputyId;
  if (!id) fail('DUTY.DEPUTY_NOT_FOUND');
  const [deputy] = await findDeputies(ctx, { _id: id });
  if (!deputy) fail('DUTY.DEPUTY_NOT_FOUND');
  if (caller.deputy?.deputyId === id) return deputy;
  if (caller.staff && staffCovers(caller.staff, deputy)) return deputy;
  fail('DUTY.DEPUTY_NOT_FOUND');
}

/** Whether staff may act on something placed at `place` (an activity, a contest, a day). */
export function requireCovers(
  staff: StaffScope | null,
  place: { areaPath: string[]; stationIds?: string[]; stationId?: string },
  notFound: 'DUTY.NOT_FOUND' | 'DUTY.REVIEW_NOT_FOUND' = 'DUTY.NOT_FOUND',
): void {
  const stations = place.stationIds ?? (place.stationId ? [place.stationId] : []);
  const covered =
    !!staff &&
    (stations.length === 0 ? scopeCovers(staff, { areaPath: place.areaPath }) : stations.some((stationId) => scopeCovers(staff, { areaPath: place.areaPath, stationId })));
  if (!covered) fail(notFound);
}

/** The document `_id` of `collection` (an activity, a contest), for staff covering its place: DUTY.NOT_FOUND otherwise, like a missing one. One request. */
export async function loadCovered<T extends { areaPath: string[]; stationIds?: string[] }>(
  ctx: CallContext,
  staff: StaffScope | null,
  collection: string,
  _id: string,
): Promise<T> {
  const { data } = await ctx.db.collection(collection).where({ _id }).limit(1).get();
  const doc = data[0] as T | undefined;
  if (!doc) fail('DUTY.NOT_FOUND');
  requireCovers(staff, doc);
  return doc;
}

/** Area staff and administrators for an area: the area must be in their subtree. */
export async function requireAreaStaff(ctx: CallContext, staff: StaffScope | null, areaId: string): Promise<string[]> {
  if (!staff || staff.role === 'station') fail('AUTH.FORBIDDEN');
  const { data } = await ctx.db.collection(COLLECTIONS.areas).where({ _id: areaId }).limit(1).get();
  const area = (data as Array<{ _id: string; path: string[] }>)[0];
  if (!area) fail('ADMIN.OUT_OF_SCOPE');
  if (!scopeCovers(staff, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');
  return area.path;
}
