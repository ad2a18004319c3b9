/**
 * Geospatial queries answered as CloudBase answers them (MongoDB 2dsphere semantics): distances in
 * metres on MongoDB's sphere, nearest first, polygons with great-circle edges and holes, and the
 * aggregation `geoNear` stage. The attraction coordinates and distances are those of CloudBase's
 * `Aggregate.geoNear` documentation.
 */
import type { CollectionSpec } from '../../../infra/database';
import { refuseUnsupportedOperators } from '../../../runtime/database/unsupported';
import { useHarness } from './sdk-harness';

const PLACES: CollectionSpec = {
  name: 'places',
  indexes: [
    { name: 'location_2dsphere', keys: [{ field: 'location', direction: '2dsphere' }] },
    { name: 'city_1', keys: [{ field: 'city', direction: 1 }] },
  ],
  rule: { read: false, write: false },
};
/** Two geo indexes: `geoNear` must be told which (`key`). */
const ROUTES: CollectionSpec = {
  name: 'routes',
  indexes: [
    { name: 'start_2dsphere', keys: [{ field: 'start', direction: '2dsphere' }] },
    { name: 'end_2dsphere', keys: [{ field: 'end', direction: '2dsphere' }] },
  ],
  rule: { read: false, write: false },
};
/** No geo index at all. */
const SHAPES: CollectionSpec = { name: 'shapes', indexes: [], rule: { read: false, write: false } };

const h = useHarness([PLACES, ROUTES, SHAPES]);

/** The SDK's geometry classes (its typings declare only Point). */
interface GeoClasses {
  Point: new (longitude: number, latitude: number) => object;
  LineString: new (points: object[]) => object;
  Polygon: new (lines: object[]) => object;
}
const geo = () => h.db.Geo as unknown as GeoClasses;

const places = () => h.db.collection(PLACES.name);
const names = (docs: Array<Record<string, unknown>>) => docs.map((doc) => doc.name);

/** The four attractions of CloudBase's geoNear documentation, and the point they are measured from. */
async function addAttractions(): Promise<void> {
  const point = (longitude: number, latitude: number) => ({ type: 'Point', coordinates: [longitude, latitude] });
  await places().add([
    { _id: 'geoNear.0', city: 'Guangzhou', name: 'Canton Tower', location: point(113.30593, 23.1361155) },
    { _id: 'geoNear.1', city: 'Guangzhou', name: 'Baiyun Mountain', location: point(113.306789, 23.1564721) },
    { _id: 'geoNear.2', city: 'Beijing', name: 'The Palace Museum', location: point(116.3949659, 39.9163447) },
    { _id: 'geoNear.3', city: 'Beijing', name: 'Great Wall', location: point(116.2328567, 40.242373) },
  ]);
}
const here = () => new h.db.Geo.Point(113.3089506, 23.0968251);

describe('geoNear in a query ($nearSphere)', () => {
  test('answers nearest first, within maxDistance and beyond minDistance, in metres', async () => {
    await addAttractions();
    const _ = h.db.command;
    const all = await places()
      .where({ location: _.geoNear({ geometry: here() }) })
      .get();
    expect(names(all.data)).toEqual(['Canton Tower', 'Baiyun Mountain', 'The Palace Museum', 'Great Wall']);
    const nearby = await places()
      .where({ location: _.geoNear({ geometry: here(), maxDistance: 5000 }) })
      .get();
    expect(names(nearby.data)).toEqual(['Canton Tower']);
    const ring = await places()
      .where({ location: _.geoNear({ geometry: here(), minDistance: 5000, maxDistance: 1_900_000 }) })
      .get();
    expect(names(ring.data)).toEqual(['Baiyun Mountain', 'The Palace Museum']);
    const withOtherFilter = await places()
      .where({ city: 'Beijing', location: _.geoNear({ geometry: here() }) })
      .limit(1)
      .get();
    expect(names(withOtherFilter.data)).toEqual(['The Palace Museum']);
    // A point read back is a Geo.Point, as from CloudBase.
    expect(nearby.data[0].location).toEqual(new h.db.Geo.Point(113.30593, 23.1361155));
  });

  test('needs a 2dsphere index on the field, as MongoDB does', async () => {
    const _ = h.db.command;
    await h.db.collection(SHAPES.name).add({ location: { type: 'Point', coordinates: [1, 1] } });
    await expect(
      h.db
        .collection(SHAPES.name)
        .where({ location: _.geoNear({ geometry: new h.db.Geo.Point(1, 1) }) })
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('unable to find index for $geoNear query') });
  });
});

describe('geoWithin', () => {
  test('a polygon with a hole holds the points between its rings, not those in the hole or outside', async () => {
    const { Point: P, LineString: L, Polygon: G } = geo();
    const ring = (d: number) => new L([new P(-d, -d), new P(d, -d), new P(d, d), new P(-d, d), new P(-d, -d)]);
    const shapes = h.db.collection(SHAPES.name);
    await shapes.add([
      { name: 'centre', at: new P(0, 0) },
      { name: 'between', at: new P(1.5, 0) },
      { name: 'outside', at: new P(3, 0) },
      { name: 'many', at: [new P(9, 9), new P(-1.5, 1.5)] },
      { name: 'no location' },
    ]);
    const _ = h.db.command;
    const framed = await shapes.where({ at: _.geoWithin({ geometry: new G([ring(2), ring(1)]) }) }).get();
    expect(names(framed.data)).toEqual(['between', 'many']);
    const whole = await shapes.where({ at: _.geoWithin({ geometry: new G([ring(2)]) }) }).get();
    expect(names(whole.data)).toEqual(['centre', 'between', 'many']);
  });

  test('a polygon’s edges are great circles: a point just under a long east-west edge is inside it', async () => {
    const { Point: P, LineString: L, Polygon: G } = geo();
    const shapes = h.db.collection(SHAPES.name);
    // On a flat map the edge at latitude 60 runs straight; on the sphere it bulges north to ~60.8° at longitude 0.
    await shapes.add([{ name: 'under the arc', at: new P(0, 60.5) }]);
    const _ = h.db.command;
    const polygon = new G([new L([new P(-20, 50), new P(20, 50), new P(20, 60), new P(-20, 60), new P(-20, 50)])]);
    expect(names((await shapes.where({ at: _.geoWithin({ geometry: polygon }) }).get()).data)).toEqual(['under the arc']);
  });

  test('centerSphere takes a radius in radians, the centre as a Point or a pair, and refuses out-of-range coordinates', async () => {
    const { Point: P } = geo();
    const shapes = h.db.collection(SHAPES.name);
    await shapes.add([
      { name: '111 m north', at: new P(-88, 30.001) },
      { name: '20 km north', at: new P(-88, 30.18) },
    ]);
    const _ = h.db.command;
    const tenKm = 10 / 6378.1;
    expect(names((await shapes.where({ at: _.geoWithin({ centerSphere: [new P(-88, 30), tenKm] }) }).get()).data)).toEqual(['111 m north']);
    expect(names((await shapes.where({ at: _.geoWithin({ centerSphere: [[-88, 30], 3 * tenKm] }) }).get()).data)).toEqual(['111 m north', '20 km north']);
    // The SDK itself refuses such a centre; a request that reaches the server anyway is refused there too.
    const query = JSON.stringify({ at: { $geoWithin: { $centerSphere: [[-288, 30], tenKm] } } });
    await expect(h.engine.handle({ action: 'database.getDocument', collectionName: SHAPES.name, queryType: 'WHERE', query })).resolves.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('out of bounds'),
    });
  });
});

test('geoIntersects finds the points a polygon covers and the lines that cross it', async () => {
  const { Point: P, LineString: L, Polygon: G } = geo();
  const shapes = h.db.collection(SHAPES.name);
  await shapes.add([
    { name: 'point inside', at: new P(0.5, 0.5) },
    { name: 'point outside', at: new P(5, 5) },
    { name: 'line across', at: new L([new P(-3, 0.5), new P(3, 0.5)]) },
    { name: 'line beside', at: new L([new P(-3, 4), new P(3, 4)]) },
  ]);
  const _ = h.db.command;
  const square = new G([new L([new P(0, 0), new P(1, 0), new P(1, 1), new P(0, 1), new P(0, 0)])]);
  expect(names((await shapes.where({ at: _.geoIntersects({ geometry: square }) }).get()).data)).toEqual(['point inside', 'line across']);
});

describe('the aggregation geoNear stage', () => {
  test('writes the distance in metres as CloudBase does, filters by query, nearest first', async () => {
    await addAttractions();
    const result = await places().aggregate().geoNear({ distanceField: 'distance', spherical: true, near: here(), key: 'location' }).end();
    expect(names(result.data)).toEqual(['Canton Tower', 'Baiyun Mountain', 'The Palace Museum', 'Great Wall']);
    const distances = result.data.map((doc: Record<string, unknown>) => doc.distance as number);
    // CloudBase's documented answer, to the last digit.
    expect(distances[1]).toBe(6643.521654040738);
    expect(distances[0]).toBeCloseTo(4384.68131486958, 6);
    expect(distances[2]).toBe(1894750.4414538583);
    expect(distances[3]).toBe(1928300.3308822548);
    const _ = h.db.command;
    const filtered = await places()
      .aggregate()
      .geoNear({ distanceField: 'how.far', spherical: true, near: here(), query: { city: /zhou$/, name: _.neq('Canton Tower') }, distanceMultiplier: 0.001, includeLocs: 'where' })
      .end();
    expect(filtered.data).toEqual([
      expect.objectContaining({ name: 'Baiyun Mountain', how: { far: 6643.521654040738 * 0.001 }, where: { type: 'Point', coordinates: [113.306789, 23.1564721] } }),
    ]);
  });

  test('limit, maxDistance and minDistance bound it, and later stages run on what it passes on', async () => {
    await addAttractions();
    const $ = h.db.command.aggregate;
    const result = await places()
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near: here(), minDistance: 5000, limit: 2 })
      .project({ _id: 0, name: 1, km: $.floor($.divide(['$d', 1000])) })
      .end();
    expect(result.data).toEqual([
      { name: 'Baiyun Mountain', km: 6 },
      { name: 'The Palace Museum', km: 1894 },
    ]);
  });

  test('is refused without a 2dsphere index, with two unless key names one, and anywhere but first', async () => {
    // The SDK rewrites the options it is given: a fresh object for each call.
    const near = () => ({ distanceField: 'd', spherical: true, near: new h.db.Geo.Point(1, 1) });
    await expect(h.db.collection(SHAPES.name).aggregate().geoNear(near()).end()).rejects.toMatchObject({ message: expect.stringContaining('2dsphere') });
    const routes = h.db.collection(ROUTES.name);
    await routes.add({ name: 'r', start: new h.db.Geo.Point(1, 1), end: new h.db.Geo.Point(2, 2) });
    await expect(routes.aggregate().geoNear(near()).end()).rejects.toMatchObject({ message: expect.stringContaining('key') });
    const byStart = await routes
      .aggregate()
      .geoNear({ ...near(), key: 'start' })
      .end();
    expect(byStart.data[0].d).toBe(0);
    const byEnd = await routes
      .aggregate()
      .geoNear({ ...near(), key: 'end' })
      .end();
    // One degree east and north at the equator: about 157 km.
    expect(byEnd.data[0].d).toBeGreaterThan(156_000);
    expect(byEnd.data[0].d).toBeLessThan(158_000);
    await expect(routes.aggregate().match({ name: 'r' }).geoNear(near()).end()).rejects.toMatchObject({ message: expect.stringContaining('first stage') });
  });
});

test('legacy planar operators are refused with a reason rather than answered differently', () => {
  expect(() =>
    refuseUnsupportedOperators({
      at: {
        $geoWithin: {
          $box: [
            [0, 0],
            [1, 1],
          ],
        },
      },
    }),
  ).toThrow(/GeoJSON/);
});
