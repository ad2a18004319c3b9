import { COLLECTIONS } from '../../../infra/database';
import { NEAREST_STATIONS_LIMIT, type NearbyStation } from '../../../miniprogram/shared/contract/directory';
import type { StationSummary, GeoPoint } from '../../../miniprogram/shared/domain/directory';
import { distanceMeters } from '../../../miniprogram/shared/domain/geo';
import type { Handler } from '../../core/handler';

/** A city has tens of stations, not thousands: reading them all is one small request. */
const MAX_STATIONS_READ = 1000;

/**
 * The active stations nearest the resident's phone, nearest first. The distance is computed here
 * rather than with a geo query: a city's stations fit in one read, and the local runtime (like
 * any database without a geo index declared) cannot answer $geoNear. One database request.
 */
export const nearestStations: Handler<'directory.nearestStations'> = async ({ latitude, longitude }, { db }) => {
  const { data } = await db
    .collection(COLLECTIONS.stations)
    .where({ active: true })
    .limit(MAX_STATIONS_READ)
    .field({ _id: true, code: true, name: true, areaId: true, address: true, location: true })
    .get();
  const here: GeoPoint = { latitude, longitude };
  const stations: NearbyStation[] = (data as Array<StationSummary & { location: GeoPoint }>)
    .map((station) => ({ ...station, distanceMeters: distanceMeters(here, station.location) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.code.localeCompare(b.code))
    .slice(0, NEAREST_STATIONS_LIMIT);
  return { stations };
};
