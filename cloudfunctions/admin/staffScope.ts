import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { Deputy, Station } from '../../miniprogram/shared/domain/directory';
import { loadCaller, requireStaff, scopeCovers } from '../core/caller';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { deputyStationsLookup } from '../core/deputyStations';
import type { StationPosition } from '../../infra/documents/stationPosition';

/**
 * A station as stored: its area and every ancestor area, for scope checks; `position`, its location
 * as the geospatial index reads it (infra/documents/stationPosition.ts), absent on stations saved before it.
 */
export type StationDocument = Station & { areaPath: string[]; position?: StationPosition };

export type StationPlace = Pick<StationDocument, '_id' | 'areaPath'>;

/** The caller's staff scope (one database request), or AUTH.FORBIDDEN for anyone else. */
export async function loadStaff(ctx: CallContext): Promise<{ openid: string; scope: StaffScope }> {
  const caller = await loadCaller(ctx);
  return { openid: caller.openid, scope: requireStaff(caller) };
}

/** The caller as an administrator (who manages staff accounts), or AUTH.FORBIDDEN. One database request. */
export async function loadAdmin(ctx: CallContext): Promise<{ openid: string; scope: StaffScope }> {
  const staff = await loadStaff(ctx);
  if (staff.scope.role !== 'admin') fail('AUTH.FORBIDDEN');
  return staff;
}

export function coversStation(scope: StaffScope, station: StationPlace): boolean {
  return scopeCovers(scope, { areaPath: station.areaPath, stationId: station._id });
}

/** Staff act on a deputy who receives at one of the stations they cover. */
export function coversAnyStation(scope: StaffScope, stations: readonly StationPlace[]): boolean {
  return stations.some((station) => coversStation(scope, station));
}

export type DeputyWithStations = Deputy & { stations: StationPlace[] };

/** A deputy (active or not) with the places of their stations, in one database request; null if none. */
export async function findDeputyWithStations(db: Database, deputyId: string): Promise<DeputyWithStations | null> {
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: deputyId })
    .lookup(deputyStationsLookup(db, { _id: 1, areaPath: 1 }))
    .end();
  return (data as DeputyWithStations[])[0] ?? null;
}

/** A deputy the staff member may act on: COMMON.NOT_FOUND or ADMIN.OUT_OF_SCOPE otherwise. */
export async function deputyInScope(db: Database, scope: StaffScope, deputyId: string): Promise<DeputyWithStations> {
  const deputy = await findDeputyWithStations(db, deputyId);
  if (!deputy) fail('COMMON.NOT_FOUND');
  if (!coversAnyStation(scope, deputy.stations)) fail('ADMIN.OUT_OF_SCOPE');
  return deputy;
}
