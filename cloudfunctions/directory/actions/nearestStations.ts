import { COLLECTIONS } from '../../../infra/database';
import { NEAREST_STATIONS_LIMIT, type NearbyStation } from '../../../miniprogram/shared/contract/directory';
import type { StationSummary, GeoPoint } from '../../../miniprogram/shared/domain/directory';
import { coarseCellsAround, coveredRadiusMeters, distanceMeters, fineCellsAround, FINE_CELL_DEGREES, FINE_RINGS } from '../../../miniprogram/shared/domain/geo';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';

const FIELDS = { _id: true, code: true, name: true, areaId: true, address: true, location: true };

type Located = StationSummary & { location: GeoPoint };

async function stationsIn(db: Database, cells: string[], exclude: string[]): Promise<Located[]> {
  const _ = db.command;
  const filter: Record<string, unknown> = { geoCells: _.in(cells), active: true };
  if (exclude.length > 0) filter._id = _.nin(exclude);
  const { data } = await db.collection(COLLECTIONS.stations).where(filter).limit(1000).field(FIELDS).get();
  return data as Located[];
}

/**
 * The active stations nearest the resident's phone, nearest first, read through the grid cells
 * each station stores (shared/domain/geo.ts) rather than by reading every station: first the
 * fine cells within about 10 km; only when they hold fewer than a list's worth of stations
 * closer than that, the coarse cells within about 50 km as well (nearest first among those found). What it reads depends on how
 * dense stations are around the phone, not on how many a city has. One or two database requests;
 * farther than about 50 km from every station the list is empty (the page offers the area list).
 */
export const nearestStations: Handler<'directory.nearestStations'> = async ({ latitude, longitude }, { db }) => {
  const here: GeoPoint = { latitude, longitude };
  const measured = (stations: Located[]) => stations.map((station) => ({ ...station, distanceMeters: distanceMeters(here, station.location) }));
  const nearest = (stations: NearbyStation[]) => [...stations].sort((a, b) => a.distanceMeters - b.distanceMeters || a.code.localeCompare(b.code)).slice(0, NEAREST_STATIONS_LIMIT);

  const near = measured(await stationsIn(db, fineCellsAround(here), []));
  const found = nearest(near);
  const certain = coveredRadiusMeters(here, FINE_CELL_DEGREES, FINE_RINGS);
  if (found.length >= NEAREST_STATIONS_LIMIT && (found.at(-1)?.distanceMeters ?? Infinity) <= certain) return { stations: found };
  const farther = measured(
    await stationsIn(
      db,
      coarseCellsAround(here),
      near.map((s) => s._id),
    ),
  );
  return { stations: nearest([...near, ...farther]) };
};
