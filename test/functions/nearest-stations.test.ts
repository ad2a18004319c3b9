import { writeWorkbook } from '../../cloudfunctions/admin/directoryWorkbook';
import { COLLECTIONS } from '../../infra/database';
import type { PayloadOf } from '../../miniprogram/shared/contract';
import type { GeoPoint } from '../../miniprogram/shared/domain/directory';
import { repairStationPositions } from '../../runtime/repair/stationPositions';
import { CITY_STAFF } from '../support/people';
import { ok, useTestRuntime } from '../support/runtime';
import { database } from './helpers/cloud';

type Database = ReturnType<typeof database>;

/**
 * directory.nearestStations as a resident's phone meets it: the stations staff save or import are
 * found where they stand, the list reads only what it shows, and nothing beyond about 50 km is
 * offered. Each test works far from the demo's stations (around 30.5°N 114.3°E) and from the others.
 */
const t = useTestRuntime();

function station(code: string, location: GeoPoint, overrides: Partial<PayloadOf<'admin.saveStation'>> = {}): PayloadOf<'admin.saveStation'> {
  return {
    code,
    name: `${code}联络站`,
    areaId: 'area-hubin',
    address: '临江市江南区湖滨路20号',
    location,
    openingHours: '工作日 09:00–17:00',
    phone: '027-80000009',
    receptionNote: '每月15日',
    active: true,
    ...overrides,
  };
}

async function save(code: string, location: GeoPoint, overrides: Partial<PayloadOf<'admin.saveStation'>> = {}): Promise<string> {
  return ok(await t.call('admin.saveStation', station(code, location, overrides), { openid: CITY_STAFF })).station._id;
}

async function nearby(phone: GeoPoint) {
  const answer = await t.raw('directory', { action: 'directory.nearestStations', payload: phone });
  const { stations } = ok(answer.body as never) as { stations: Array<{ code: string; distanceMeters: number; location: GeoPoint }> };
  return { codes: stations.map((s) => s.code), stations, databaseRequests: answer.databaseRequests, documentsRead: answer.documentsRead };
}

/** A point `km` kilometres north of `from` (a degree of latitude is about 111.2 km). */
const north = (from: GeoPoint, km: number): GeoPoint => ({ latitude: from.latitude + km / 111.195, longitude: from.longitude });

describe('a station staff save is found by the phones near it', () => {
  const kunming: GeoPoint = { latitude: 25.04, longitude: 102.71 };

  test('found where it was saved; once moved, found at its new place and no longer at the old', async () => {
    const id = await save('GEO01', kunming);
    const found = await nearby(north(kunming, 0.5));
    expect(found.codes).toEqual(['GEO01']);
    expect(found.stations[0]).toMatchObject({ location: kunming, distanceMeters: expect.any(Number) });
    expect(found.stations[0]?.distanceMeters).toBeGreaterThan(490);
    expect(found.stations[0]?.distanceMeters).toBeLessThan(510);

    const dali: GeoPoint = { latitude: 25.6, longitude: 100.27 };
    await save('GEO01', dali, { stationId: id });
    expect((await nearby(kunming)).codes).toEqual([]);
    expect((await nearby(dali)).stations).toEqual([expect.objectContaining({ code: 'GEO01', location: dali, distanceMeters: 0 })]);
  });

  test('a retired station is not offered', async () => {
    const lijiang: GeoPoint = { latitude: 26.87, longitude: 100.23 };
    const id = await save('GEO02', lijiang);
    expect((await nearby(lijiang)).codes).toEqual(['GEO02']);
    await save('GEO02', lijiang, { stationId: id, active: false });
    expect((await nearby(lijiang)).codes).toEqual([]);
  });
});

describe('a station staff import is found by the phones near it', () => {
  test('found where the workbook puts it; imported again elsewhere, found there', async () => {
    const guiyang: GeoPoint = { latitude: 26.65, longitude: 106.63 };
    const zunyi: GeoPoint = { latitude: 27.7, longitude: 106.93 };
    const importAt = async (at: GeoPoint) => {
      const workbook = await writeWorkbook([['GEO03', '导入测试联络站', 'area-hubin', '江南区测试路3号', at.latitude, at.longitude, '', '', '', '在用']], [], t.clock.now());
      expect(ok(await t.call('admin.importDirectory', { workbook: workbook.toString('base64'), apply: true }, { openid: CITY_STAFF }))).toMatchObject({ applied: true });
    };
    await importAt(guiyang);
    expect((await nearby(guiyang)).codes).toEqual(['GEO03']);
    await importAt(zunyi);
    expect((await nearby(guiyang)).codes).toEqual([]);
    expect((await nearby(zunyi)).codes).toEqual(['GEO03']);
  });
});

describe('what the list offers and what it reads', () => {
  test('stations within about 50 km, nearest first; one farther is left for the area list', async () => {
    const phone: GeoPoint = { latitude: 23.13, longitude: 113.26 };
    await save('GEO04', north(phone, 45));
    await save('GEO05', north(phone, 20));
    await save('GEO06', north(phone, 56));
    const found = await nearby(phone);
    expect(found.codes).toEqual(['GEO05', 'GEO04']);
    expect(found.stations.map((s) => Math.round(s.distanceMeters / 1000))).toEqual([20, 45]);
    // From 100 km north, only the 56 km one is within reach (44 km).
    expect((await nearby(north(phone, 100))).codes).toEqual(['GEO06']);
  });

  test('on a dense city, the ten nearest in one request that reads only those ten; equal distances by code', async () => {
    const phone: GeoPoint = { latitude: 34.26, longitude: 108.94 };
    // Fourteen stations 1 km, 2 km … 14 km away; two more exactly where the 3 km one stands.
    for (let km = 1; km <= 14; km += 1) await save(`GEX${String(km).padStart(2, '0')}`, north(phone, km));
    await save('GEW03', north(phone, 3));
    await save('GEY03', north(phone, 3));
    const found = await nearby(phone);
    expect(found.codes).toEqual(['GEX01', 'GEX02', 'GEW03', 'GEX03', 'GEY03', 'GEX04', 'GEX05', 'GEX06', 'GEX07', 'GEX08']);
    expect(found.databaseRequests).toBe(1);
    expect(found.documentsRead).toBe(10);
  });
});

/** The database, but each page of stations the repair reads (a range of `_id`) is answered only after `meanwhile` has run. */
function afterEachPageRead(db: Database, meanwhile: () => Promise<unknown>): Database {
  const paged = (filter: object) => '_id' in filter && typeof (filter as { _id: unknown })._id !== 'string';
  return new Proxy(db, {
    get: (target, key) =>
      key !== 'collection'
        ? Reflect.get(target, key)
        : (name: string) => {
            const collection = target.collection(name);
            const where = collection.where.bind(collection);
            return Object.assign(Object.create(collection), {
              where: (filter: object) => {
                const query = where(filter);
                if (!paged(filter)) return query;
                return {
                  orderBy: (...order: Parameters<typeof query.orderBy>) => ({
                    limit: (n: number) => ({
                      get: async () => {
                        const page = await query
                          .orderBy(...order)
                          .limit(n)
                          .get();
                        await meanwhile();
                        return page;
                      },
                    }),
                  }),
                };
              },
            });
          },
  });
}

describe('stations saved before they carried a position', () => {
  test('are not found until the repair gives them one from their location; the repair then finds nothing to do', async () => {
    const db = database(t);
    const harbin: GeoPoint = { latitude: 45.75, longitude: 126.63 };
    const id = await save('GEO07', harbin);
    // As a store made before the change holds it: the grid cells, no position.
    await db
      .collection(COLLECTIONS.stations)
      .doc(id)
      .update({ position: db.command.remove(), geoCells: ['f915:2532', 'c91:253'] });
    expect((await nearby(harbin)).codes).toEqual([]);

    expect((await repairStationPositions(db, { write: false })).differing).toEqual([id]);
    expect((await nearby(harbin)).codes).toEqual([]);
    const repaired = await repairStationPositions(db, { write: true });
    expect(repaired.differing).toEqual([id]);
    expect(repaired.stations).toBeGreaterThan(4);
    expect((await nearby(harbin)).stations).toEqual([expect.objectContaining({ code: 'GEO07', location: harbin, distanceMeters: 0 })]);
    const { data } = await db.collection(COLLECTIONS.stations).doc(id).get();
    expect(data[0]).not.toHaveProperty('geoCells');
    expect((await repairStationPositions(db, { write: false })).differing).toEqual([]);
  });

  test('the repair does not put back the place of a station moved while it ran', async () => {
    const db = database(t);
    const urumqi: GeoPoint = { latitude: 43.82, longitude: 87.62 };
    const kashgar: GeoPoint = { latitude: 39.47, longitude: 75.99 };
    const id = await save('GEO08', urumqi);
    await db.collection(COLLECTIONS.stations).doc(id).update({ position: db.command.remove() });
    // Staff move the station after the repair has read it, before it writes.
    const movedAfterReading = afterEachPageRead(db, () => save('GEO08', kashgar, { stationId: id }));
    expect((await repairStationPositions(movedAfterReading, { write: true })).differing).toContain(id);
    expect((await nearby(urumqi)).codes).toEqual([]);
    expect((await nearby(kashgar)).codes).toEqual(['GEO08']);
  });
});
