/** Distances on the earth's surface, for "nearest station" lists (a few km; haversine is plenty). */
import type { GeoPoint } from './directory';

const EARTH_RADIUS_METERS = 6_371_008.8;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in whole metres. Both points in the same coordinate system (GCJ-02 in WeChat). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Grid cells for "stations near me" without a geo index: each station stores the cells it lies in
 * (`geoCells`, indexed), a fine one (0.05°, about 5 km) and a coarse one (0.5°, about 50 km); a query
 * asks for the cells around the phone and measures only the stations found there.
 */
export const FINE_CELL_DEGREES = 0.05;
export const COARSE_CELL_DEGREES = 0.5;
/** The fine cells read first: the phone's cell and this many rings around it. */
export const FINE_RINGS = 2;
/** The coarse cells read when the fine ones hold too few stations: the phone's coarse cell and one ring. */
export const COARSE_RINGS = 1;

interface CellPosition {
  row: number;
  column: number;
}

const position = (point: GeoPoint, size: number): CellPosition => ({
  row: Math.floor(point.latitude / size),
  column: Math.floor(point.longitude / size),
});

const cellKey = (prefix: string, row: number, column: number): string => `${prefix}${row}:${column}`;

/** The cells a place lies in, as stored on its document. */
export function geoCellsOf(point: GeoPoint): string[] {
  const fine = position(point, FINE_CELL_DEGREES);
  const coarse = position(point, COARSE_CELL_DEGREES);
  return [cellKey('f', fine.row, fine.column), cellKey('c', coarse.row, coarse.column)];
}

function block(point: GeoPoint, size: number, prefix: string, rings: number): string[] {
  const at = position(point, size);
  const cells: string[] = [];
  for (let row = at.row - rings; row <= at.row + rings; row += 1)
    for (let column = at.column - rings; column <= at.column + rings; column += 1) cells.push(cellKey(prefix, row, column));
  return cells;
}

/** The fine cells around a point: its own and FINE_RINGS rings. */
export const fineCellsAround = (point: GeoPoint): string[] => block(point, FINE_CELL_DEGREES, 'f', FINE_RINGS);
/** The coarse cells around a point: its own and COARSE_RINGS rings. */
export const coarseCellsAround = (point: GeoPoint): string[] => block(point, COARSE_CELL_DEGREES, 'c', COARSE_RINGS);

/**
 * How far from the point every place outside its block of cells is, at least: the rings' width,
 * measured along the narrower side of a cell (a degree of longitude shrinks towards the poles).
 */
export function coveredRadiusMeters(point: GeoPoint, size: number, rings: number): number {
  const north = distanceMeters(point, { latitude: point.latitude + size * rings, longitude: point.longitude });
  const east = distanceMeters(point, { latitude: point.latitude, longitude: point.longitude + size * rings });
  return Math.min(north, east);
}
