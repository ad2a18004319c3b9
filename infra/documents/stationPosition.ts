/**
 * Where a station stands, as the database's geospatial index reads it: a GeoJSON Point in
 * `position` (longitude first; on the wire exactly what the SDK's `db.Geo.Point` sends), kept
 * beside `location` ({ latitude, longitude }, what the contract and the pages use) by every write
 * of a station's location: admin.saveStation, admin.importDirectory, the seeds, and the repair for
 * stations saved before the field existed (runtime/repair/stationPositions.ts). The 2dsphere index
 * on it (infra/database.ts) serves directory.nearestStations.
 */
import type { GeoPoint } from '../../miniprogram/shared/domain/directory';

export interface StationPosition {
  type: 'Point';
  coordinates: [longitude: number, latitude: number];
}

export const stationPosition = (location: GeoPoint): StationPosition => ({ type: 'Point', coordinates: [location.longitude, location.latitude] });
