/**
 * Geospatial queries as CloudBase (MongoDB with a 2dsphere index underneath) answers them:
 * `$geoWithin` ($geometry Polygon/MultiPolygon or $centerSphere), `$geoIntersects`, `$nearSphere`/
 * `$near` with a GeoJSON point (distances in metres, results nearest first) and the aggregation
 * `$geoNear` stage. Geometry is evaluated by s2js, a port of the S2 library MongoDB itself uses:
 * edges are great-circle arcs, distances are angles on a sphere of MongoDB's earth radius, so a
 * distance reads back to the last digit as CloudBase's does.
 *
 * Like MongoDB, `$nearSphere` and `$geoNear` need a 2dsphere index on the field (declared in
 * infra/database.ts); `$geoWithin` and `$geoIntersects` work without one. Legacy planar forms
 * ($box, $center, $polygon, coordinate-pair `near`) are refused rather than answered differently.
 */
import { s2 } from 's2js';
import type { IndexSpec } from '../../infra/database';
import { cloneValue, isPlainObject, type Document } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';

/** MongoDB's kRadiusOfEarthInMeters: what CloudBase multiplies an angle by. */
const EARTH_RADIUS_METRES = 6378.1 * 1000;

/** A GeoJSON geometry decomposed into S2 parts (a Multi* geometry is several parts). */
interface Geometry {
  points: s2.Point[];
  lines: s2.Polyline[];
  polygons: s2.Polygon[];
}

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);

/** Thrown for a malformed geometry in a query: MongoDB answers "Can't extract geo keys"/"invalid" errors. */
function badGeometry(message: string): DatabaseError {
  return new DatabaseError(ERROR_CODES.requestFailed, message);
}

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function checkPosition(position: unknown): void {
  if (!isPosition(position)) throw badGeometry(`a position must be [longitude, latitude], got ${JSON.stringify(position)}`);
  const [longitude, latitude] = position;
  if (!(longitude >= -180 && longitude <= 180) || !(latitude >= -90 && latitude <= 90)) {
    throw badGeometry(`longitude/latitude is out of bounds, lng: ${longitude} lat: ${latitude}`);
  }
}

/** Every position of a GeoJSON coordinates array, however nested. */
function positions(coordinates: unknown): unknown[] {
  if (isPosition(coordinates)) return [coordinates];
  if (!Array.isArray(coordinates) || coordinates.length === 0) throw badGeometry('GeoJSON coordinates must be a non-empty array');
  return coordinates.flatMap(positions);
}

/** Whether a stored value is a geometry (GeoJSON, or a legacy [lng, lat] pair as a 2dsphere index reads it). */
function isGeometryValue(value: unknown): boolean {
  return isPosition(value) || (isPlainObject(value) && typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type));
}

/** Decodes GeoJSON (or a legacy pair); throws for what MongoDB would not index or accept. */
function toGeometry(value: unknown): Geometry {
  if (isPosition(value)) return toGeometry({ type: 'Point', coordinates: value });
  if (!isPlainObject(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.has(value.type)) {
    throw badGeometry(`unknown GeoJSON geometry: ${JSON.stringify(value)}`);
  }
  positions(value.coordinates).forEach(checkPosition);
  const coordinates = value.coordinates as unknown[];
  // A Multi… type holds a list of what its single type holds.
  const parts = value.type.startsWith('Multi') ? coordinates : [coordinates];
  const geometry: Geometry = { points: [], lines: [], polygons: [] };
  if (value.type.endsWith('Point')) geometry.points.push(...parts.map(toPoint));
  else if (value.type.endsWith('LineString')) geometry.lines.push(...parts.map(toLine));
  else geometry.polygons.push(...parts.map(toPolygon));
  return geometry;
}

function toPoint(position: unknown): s2.Point {
  const [longitude, latitude] = position as [number, number];
  return s2.Point.fromLatLng(s2.LatLng.fromDegrees(latitude, longitude));
}

function toLine(line: unknown): s2.Polyline {
  if (!Array.isArray(line) || line.length < 2) throw badGeometry('a GeoJSON LineString needs at least two positions');
  return new s2.Polyline(line.map(toPoint));
}

/**
 * A GeoJSON polygon as MongoDB reads it: each ring closed, edges along great circles, and each loop
 * taken as the smaller of the two regions it bounds (whatever its orientation); the first ring is
 * the shell, the others holes.
 */
function toPolygon(rings: unknown): s2.Polygon {
  if (!Array.isArray(rings) || rings.length === 0) throw badGeometry('a GeoJSON Polygon needs at least one ring');
  const loops = rings.map((ring: unknown) => {
    if (!Array.isArray(ring) || ring.length < 4) throw badGeometry('a GeoJSON Polygon ring needs at least four positions');
    const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
    if (first[0] !== last[0] || first[1] !== last[1]) throw badGeometry('a GeoJSON Polygon ring must end where it starts');
    const loop = new s2.Loop(ring.slice(0, -1).map(toPoint));
    loop.normalize();
    return loop;
  });
  return new s2.Polygon(loops);
}

function pointOf(value: unknown, what: string): s2.Point {
  const geometry = toGeometry(value);
  if (geometry.points.length !== 1 || geometry.lines.length + geometry.polygons.length > 0) throw badGeometry(`${what} must be a GeoJSON Point`);
  return geometry.points[0];
}

/** The vertices of a geometry: all of them lie in a convex region exactly when the geometry does. */
function vertices(geometry: Geometry): s2.Point[] {
  return [...geometry.points, ...geometry.lines.flatMap((line) => line.points), ...geometry.polygons.flatMap((polygon) => polygon.loops.flatMap((loop) => loop.vertices))];
}

/** A polygon's boundary as lines, to test crossings against. */
function boundaries(polygon: s2.Polygon): s2.Polyline[] {
  return polygon.loops.map((loop) => new s2.Polyline([...loop.vertices, loop.vertices[0]]));
}

const onLine = (line: s2.Polyline, point: s2.Point) => line.project(point)[0].approxEqual(point, 1e-15);

function lineMeetsPolygon(line: s2.Polyline, polygon: s2.Polygon): boolean {
  return line.points.some((point) => polygon.containsPoint(point)) || boundaries(polygon).some((edge) => edge.intersects(line));
}

/** Whether two geometries share at least one point (MongoDB's $geoIntersects). */
function intersects(a: Geometry, b: Geometry): boolean {
  for (const point of a.points) {
    if (b.points.some((other) => other.approxEqual(point, 1e-15))) return true;
    if (b.lines.some((line) => onLine(line, point))) return true;
    if (b.polygons.some((polygon) => polygon.containsPoint(point))) return true;
  }
  for (const line of a.lines) {
    if (b.points.some((point) => onLine(line, point))) return true;
    if (b.lines.some((other) => other.intersects(line))) return true;
    if (b.polygons.some((polygon) => lineMeetsPolygon(line, polygon))) return true;
  }
  for (const polygon of a.polygons) {
    if (b.points.some((point) => polygon.containsPoint(point))) return true;
    if (b.lines.some((line) => lineMeetsPolygon(line, polygon))) return true;
    if (b.polygons.some((other) => other.intersects(polygon))) return true;
  }
  return false;
}

/** Whether `inner` lies within the union of `region`'s polygons (MongoDB's $geoWithin $geometry). */
function within(inner: Geometry, region: s2.Polygon[]): boolean {
  const containsPoint = (point: s2.Point) => region.some((polygon) => polygon.containsPoint(point));
  if (!inner.points.every(containsPoint)) return false;
  const crossesNoBoundary = (line: s2.Polyline) =>
    region.some((polygon) => line.points.every((p) => polygon.containsPoint(p)) && !boundaries(polygon).some((edge) => edge.intersects(line)));
  if (!inner.lines.every(crossesNoBoundary)) return false;
  return inner.polygons.every((polygon) => region.some((outer) => outer.contains(polygon)));
}

/** The values a document holds at `path`, arrays (of geometries, or of documents) looked through. */
function valuesAt(doc: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) {
    if (isGeometryValue(doc)) return [doc];
    return Array.isArray(doc) ? doc.filter(isGeometryValue) : [];
  }
  if (Array.isArray(doc)) return doc.flatMap((element) => valuesAt(element, path));
  if (!isPlainObject(doc)) return [];
  return valuesAt(doc[path[0]], path.slice(1));
}

/** A stored value that is no valid geometry is skipped (MongoDB would not have indexed it), not an error. */
function storedGeometry(value: unknown): Geometry | undefined {
  try {
    return toGeometry(value);
  } catch {
    return undefined;
  }
}

function geometriesAt(doc: unknown, field: string): Geometry[] {
  return valuesAt(doc, field.split('.')).flatMap((value) => storedGeometry(value) ?? []);
}

const radiansBetween = (a: s2.Point, b: s2.Point) => a.distance(b);

/** The smallest angle from `point` to any part of the stored geometries (0 inside a polygon). */
function angleTo(point: s2.Point, geometry: Geometry): number {
  const angles = [
    ...geometry.points.map((p) => radiansBetween(point, p)),
    ...geometry.lines.map((line) => radiansBetween(point, line.project(point)[0])),
    ...geometry.polygons.map((polygon) => (polygon.containsPoint(point) ? 0 : Math.min(...boundaries(polygon).map((edge) => radiansBetween(point, edge.project(point)[0]))))),
  ];
  return Math.min(...angles);
}

/** The distance in metres from `near` to the nearest geometry a document holds at `field`, if any. */
function distanceMetres(doc: Document, field: string, near: s2.Point): number | undefined {
  const geometries = geometriesAt(doc, field);
  if (geometries.length === 0) return undefined;
  return Math.min(...geometries.map((geometry) => angleTo(near, geometry))) * EARTH_RADIUS_METRES;
}

function readDistance(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) throw badGeometry(`${name} must be a non-negative number`);
  return value;
}

interface NearSpec {
  point: s2.Point;
  minDistance?: number;
  maxDistance?: number;
}

function readNear(value: unknown): NearSpec {
  if (!isPlainObject(value) || !isPlainObject(value.$geometry)) {
    throw invalidParam('$nearSphere needs { $geometry: <GeoJSON Point> } (legacy coordinate pairs are not supported by the local runtime)');
  }
  return {
    point: pointOf(value.$geometry, '$nearSphere $geometry'),
    minDistance: readDistance(value.$minDistance, '$minDistance'),
    maxDistance: readDistance(value.$maxDistance, '$maxDistance'),
  };
}

const inRange = (distance: number, spec: { minDistance?: number; maxDistance?: number }) =>
  (spec.minDistance === undefined || distance >= spec.minDistance) && (spec.maxDistance === undefined || distance <= spec.maxDistance);

type Predicate = (doc: Document) => boolean;

/** `{ $geoWithin: { $geometry } }` or `{ $geoWithin: { $centerSphere: [[lng, lat], radians] } }`. */
function $geoWithin(selector: string, value: unknown, _options: unknown): Predicate {
  if (!isPlainObject(value)) throw invalidParam('$geoWithin needs $geometry or $centerSphere');
  if ('$centerSphere' in value) {
    const spec = value.$centerSphere;
    if (!Array.isArray(spec) || spec.length !== 2) throw badGeometry('$centerSphere must be [[longitude, latitude], radius in radians]');
    const center = pointOf(spec[0], '$centerSphere centre');
    const radius = spec[1];
    if (typeof radius !== 'number' || !(radius >= 0)) throw badGeometry('$centerSphere radius must be a non-negative number of radians');
    // A cap no wider than a hemisphere is convex: a geometry lies in it when its vertices do.
    if (radius > Math.PI / 2) throw badGeometry('$centerSphere radius wider than a hemisphere is not supported by the local runtime');
    return (doc) => geometriesAt(doc, selector).some((geometry) => vertices(geometry).every((point) => radiansBetween(center, point) <= radius));
  }
  if (!('$geometry' in value)) throw invalidParam('$geoWithin needs $geometry (Polygon or MultiPolygon) or $centerSphere');
  const region = toGeometry(value.$geometry);
  if (region.polygons.length === 0 || region.points.length + region.lines.length > 0) throw badGeometry('$geoWithin $geometry must be a Polygon or MultiPolygon');
  return (doc) => geometriesAt(doc, selector).some((geometry) => within(geometry, region.polygons));
}

/** `{ $geoIntersects: { $geometry } }`. */
function $geoIntersects(selector: string, value: unknown, _options: unknown): Predicate {
  if (!isPlainObject(value) || !('$geometry' in value)) throw invalidParam('$geoIntersects needs $geometry');
  const shape = toGeometry(value.$geometry);
  return (doc) => geometriesAt(doc, selector).some((geometry) => intersects(geometry, shape));
}

/** `{ $nearSphere: { $geometry, $minDistance, $maxDistance } }`: the filter part (ordering is `orderByNearness`). */
function $nearSphere(selector: string, value: unknown, _options: unknown): Predicate {
  const spec = readNear(value);
  return (doc) => {
    const distance = distanceMetres(doc, selector, spec.point);
    return distance !== undefined && inRange(distance, spec);
  };
}

/** mingo query operators; mingo calls them as (selector, value, options) and they throw for bad input. */
export const geoQueryOperators = { $geoWithin, $geoIntersects, $nearSphere, $near: $nearSphere };

/** Operators that appear only inside the geo operators. */
export const GEO_MODIFIERS = ['$geometry', '$maxDistance', '$minDistance', '$centerSphere'] as const;

/** The `$near`/`$nearSphere` conditions of a filter (top level or under `$and`): field and spec. */
function nearClauses(criteria: Document): Array<{ field: string; spec: unknown }> {
  const found: Array<{ field: string; spec: unknown }> = [];
  for (const [field, condition] of Object.entries(criteria)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) found.push(...nearClauses(clause));
    } else if (!field.startsWith('$') && isPlainObject(condition)) {
      for (const operator of ['$nearSphere', '$near']) if (operator in condition) found.push({ field, spec: condition[operator] });
    }
  }
  return found;
}

/** The fields a collection's declared 2dsphere indexes cover. */
export function geoIndexedFields(indexes: readonly IndexSpec[]): Set<string> {
  return new Set(indexes.flatMap((index) => index.keys.filter((key) => key.direction === '2dsphere').map((key) => key.field)));
}

/** MongoDB refuses a near query with no 2dsphere index on its field; so does the runtime. */
export function requireGeoIndex(criteria: Document, geoFields: ReadonlySet<string>): void {
  const clauses = nearClauses(criteria);
  if (clauses.length > 1) throw badGeometry('Too many geoNear expressions: a query holds at most one $near/$nearSphere');
  for (const { field } of clauses) {
    if (!geoFields.has(field)) {
      throw badGeometry(`error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (no 2dsphere index on "${field}")`);
    }
  }
}

/** Documents in order of distance for a filter with `$nearSphere` (stable: ties keep their order); others untouched. */
export function orderByNearness(docs: Document[], criteria: Document): Document[] {
  const [clause] = nearClauses(criteria);
  if (clause === undefined) return docs;
  const { point } = readNear(clause.spec);
  const distance = (doc: Document) => distanceMetres(doc, clause.field, point) ?? Infinity;
  return docs
    .map((doc, position) => ({ doc, position, distance: distance(doc) }))
    .sort((a, b) => a.distance - b.distance || a.position - b.position)
    .map((entry) => entry.doc);
}

/** The aggregation `$geoNear` stage, read and checked. */
export interface GeoNearStage {
  near: s2.Point;
  field: string;
  distanceField: string;
  query: Document;
  minDistance?: number;
  maxDistance?: number;
  limit?: number;
  distanceMultiplier: number;
  includeLocs?: string;
}

/** Reads a leading `$geoNear` stage against the collection's 2dsphere fields; undefined when the pipeline has none. */
export function readGeoNearStage(pipeline: readonly Document[], geoFields: ReadonlySet<string>): GeoNearStage | undefined {
  const stage = pipeline[0]?.$geoNear;
  if (stage === undefined) return undefined;
  if (!isPlainObject(stage)) throw invalidParam('$geoNear takes an options document');
  if (typeof stage.distanceField !== 'string' || stage.distanceField === '') throw invalidParam('$geoNear requires distanceField');
  if (!isPlainObject(stage.near)) throw invalidParam('$geoNear near must be a GeoJSON Point (legacy coordinate pairs are not supported by the local runtime)');
  let field: string;
  if (stage.key !== undefined) {
    if (typeof stage.key !== 'string' || !geoFields.has(stage.key)) throw badGeometry(`$geoNear key "${String(stage.key)}" has no 2dsphere index`);
    field = stage.key;
  } else {
    if (geoFields.size === 0) throw badGeometry('$geoNear requires a 2dsphere index, none is declared');
    if (geoFields.size > 1) throw badGeometry('more than one 2dsphere index, use the key option to specify which to use');
    [field] = geoFields;
  }
  if (stage.query !== undefined && !isPlainObject(stage.query)) throw invalidParam('$geoNear query must be a document');
  const limit = stage.limit;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0)) throw invalidParam('$geoNear limit must be a positive integer');
  const multiplier = stage.distanceMultiplier ?? 1;
  if (typeof multiplier !== 'number' || !(multiplier >= 0)) throw invalidParam('$geoNear distanceMultiplier must be a non-negative number');
  if (stage.includeLocs !== undefined && typeof stage.includeLocs !== 'string') throw invalidParam('$geoNear includeLocs must be a field name');
  const query = (stage.query ?? {}) as Document;
  if (nearClauses(query).length > 0) throw badGeometry('$geoNear query cannot hold $near or $nearSphere');
  return {
    near: pointOf(stage.near, '$geoNear near'),
    field,
    distanceField: stage.distanceField,
    query,
    minDistance: readDistance(stage.minDistance, 'minDistance'),
    maxDistance: readDistance(stage.maxDistance, 'maxDistance'),
    ...(typeof limit === 'number' && { limit }),
    distanceMultiplier: multiplier,
    ...(typeof stage.includeLocs === 'string' && { includeLocs: stage.includeLocs }),
  };
}

function setPath(doc: Document, path: string, value: unknown): void {
  const segments = path.split('.');
  let target = doc;
  for (const segment of segments.slice(0, -1)) {
    if (!isPlainObject(target[segment])) target[segment] = {};
    target = target[segment] as Document;
  }
  target[segments[segments.length - 1]] = value;
}

/**
 * What the `$geoNear` stage passes on: the documents (already filtered by `stage.query`) with a
 * location in range, nearest first, each a copy with its distance (and location) written in.
 */
export function runGeoNear(stage: GeoNearStage, matching: readonly Document[]): Document[] {
  const measured = matching.flatMap((doc, position) => {
    const distances = valuesAt(doc, stage.field.split('.')).flatMap((value) => {
      const geometry = storedGeometry(value);
      return geometry === undefined ? [] : [{ value, distance: angleTo(stage.near, geometry) * EARTH_RADIUS_METRES }];
    });
    if (distances.length === 0) return [];
    const nearest = distances.reduce((best, candidate) => (candidate.distance < best.distance ? candidate : best));
    return inRange(nearest.distance, stage) ? [{ doc, position, ...nearest }] : [];
  });
  measured.sort((a, b) => a.distance - b.distance || a.position - b.position);
  return measured.slice(0, stage.limit ?? measured.length).map(({ doc, value, distance }) => {
    const copy = cloneValue(doc);
    setPath(copy, stage.distanceField, distance * stage.distanceMultiplier);
    if (stage.includeLocs !== undefined) setPath(copy, stage.includeLocs, cloneValue(value));
    return copy;
  });
}
