/**
 * Gives every station the `position` directory.nearestStations finds it by (a GeoJSON Point under a
 * 2dsphere index, infra/documents/stationPosition.ts), taken from its `location`, and drops the grid
 * cells (`geoCells`) the action read before. Stations saved before that change carry no position,
 * and a `geoNear` query never finds a document without one: run it once on a store made before
 * (`npm run repair-station-positions -- --write`). Safe to run again, and beside the functions: a
 * station already right is left alone, and one moved since it was read is not overwritten.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import { stationPosition } from '../../infra/documents/stationPosition';
import type { StationDocument } from '../seed/demoData';
import { eachPage } from './caseCounters';

type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** A station as a store made before may hold it. */
type StoredStation = Pick<StationDocument, '_id' | 'location'> & { position?: unknown; geoCells?: unknown };

export interface StationPositionsReport {
  stations: number;
  /** The stations whose position was missing or stale (or that still carried grid cells). */
  differing: string[];
}

/** Lists the stations to repair; with `write`, repairs them. */
export async function repairStationPositions(db: Database, { write }: { write: boolean }): Promise<StationPositionsReport> {
  const _ = db.command;
  const report: StationPositionsReport = { stations: 0, differing: [] };
  await eachPage<StoredStation>(db, COLLECTIONS.stations, async (stations) => {
    report.stations += stations.length;
    for (const station of stations) {
      const position = stationPosition(station.location);
      // The SDK reads a stored point back as a Geo.Point, whose JSON is the GeoJSON it was written as.
      if (JSON.stringify(station.position) === JSON.stringify(position) && station.geoCells === undefined) continue;
      report.differing.push(station._id);
      if (!write) continue;
      // Only while the station still stands where it was read: a save that moved it meanwhile wrote its own position.
      const unmoved = { _id: station._id, 'location.latitude': station.location.latitude, 'location.longitude': station.location.longitude };
      await db
        .collection(COLLECTIONS.stations)
        .where(unmoved)
        .update({ position: _.set(position), geoCells: _.remove() });
    }
  });
  return report;
}
