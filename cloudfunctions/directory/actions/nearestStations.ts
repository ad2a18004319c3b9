import { COLLECTIONS } from '../../../infra/database';
import { NEAREST_STATIONS_LIMIT, type NearbyStation } from '../../../miniprogram/shared/contract/directory';
import type { StationSummary, GeoPoint } from '../../../miniprogram/shared/domain/directory';
import { distanceMeters } from '../../../miniprogram/shared/domain/geo';
import type { Handler } from '../../core/handler';

/** How far a station may be and still be offered as near: farther, the page offers the area list. */
const NEAREST_STATIONS_REACH_METERS = 50_000;

const FIELDS = { _id: true, code: true, name: true, areaId: true, address: true, location: true };

type Located = StationSummary & { location: GeoPoint };

/**
 * The active stations nearest the resident's phone, nearest first, in one database request: the
 * database's geospatial index on `position` (infra/documents/stationPosition.ts) walks outwards from
 * the phone and stops at a list's worth, so it reads what the list shows however many stations the
 * city has. Among those, stations at the same whole metre come by code: the database orders equal
 * distances as it finds them (so of two tied for the last place, either may be the one listed).
 */
export const nearestStations: Handler<'directory.nearestStations'> = async ({ latitude, longitude }, { db }) => {
  const _ = db.command;
  const here: GeoPoint = { latitude, longitude };
  const { data } = await db
    .collection(COLLECTIONS.stations)
    .where({ position: _.geoNear({ geometry: new db.Geo.Point(longitude, latitude), maxDistance: NEAREST_STATIONS_REACH_METERS }), active: true })
    .limit(NEAREST_STATIONS_LIMIT)
    .field(FIELDS)
    .get();
  const stations: NearbyStation[] = (data as Located[]).map((station) => ({ ...station, distanceMeters: distanceMeters(here, station.location) }));
  return { stations: stations.sort((a, b) => a.distanceMeters - b.distanceMeters || a.code.localeCompare(b.code)) };
};
