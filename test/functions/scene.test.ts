import { COLLECTIONS } from '../../infra/database';
import { DEMO_STATIONS } from '../../runtime/seed/demoData';
import { ok, useTestRuntime } from '../support/runtime';
import { database } from './helpers/cloud';

const t = useTestRuntime();

const UNKNOWN = { ok: false, code: 'SCENE.UNKNOWN', message: '这个二维码已失效或无法识别，请在联络站列表中查找您的代表' };

describe('directory.resolveScene: a scanned code lands on the right page', () => {
  test('a deputy’s and a station’s scene, as the page receives them, in one database request', async () => {
    const deputy = await t.raw('directory', { action: 'directory.resolveScene', payload: { scene: 'd%3DD002' } });
    expect(deputy.body).toEqual({ ok: true, data: { kind: 'deputy', id: 'dp-002' } });
    expect(deputy.databaseRequests).toBe(1);
    expect(ok(await t.call('directory.resolveScene', { scene: 's=QS01' }))).toEqual({ kind: 'station', id: 'st-qingshi' });
  });

  test.each(['', 'hello', 'd=D999', 's=ZZ99', 'x=D001', 'd=D001;drop'])('%j leads to the friendly page, never an error', async (scene) => {
    const answer = await t.raw('directory', { action: 'directory.resolveScene', payload: { scene } });
    expect(answer.body).toEqual(UNKNOWN);
  });

  test('a retired deputy’s code is unknown too', async () => {
    await database(t).collection(COLLECTIONS.deputies).doc('dp-012').update({ active: false });
    expect(await t.call('directory.resolveScene', { scene: 'd=D012' })).toEqual(UNKNOWN);
    await database(t).collection(COLLECTIONS.deputies).doc('dp-012').update({ active: true });
  });
});

describe('directory.searchDeputies: find a deputy by name', () => {
  test('part of a name finds active deputies, with their stations, in one request', async () => {
    const answer = await t.raw('directory', { action: 'directory.searchDeputies', payload: { keyword: ' 建华 ' } });
    expect(answer.databaseRequests).toBe(1);
    expect(ok(answer.body as never)).toEqual({
      deputies: [{ _id: 'dp-001', code: 'D001', name: '陈建华', level: 'national', photoUrl: '', stations: [{ _id: 'st-linjiang', name: '临江街道人大代表联络站' }] }],
    });
    const wang = ok(await t.call('directory.searchDeputies', { keyword: '王' })).deputies;
    expect(wang[0]?.stations.map((s) => s.name)).toEqual(['北山镇人大代表联络站', '临江街道人大代表联络站']);
  });

  test('regular-expression characters are plain text', async () => {
    expect(ok(await t.call('directory.searchDeputies', { keyword: '.*' })).deputies).toEqual([]);
    expect(ok(await t.call('directory.searchDeputies', { keyword: '(' })).deputies).toEqual([]);
  });

  test('retired deputies are not found; an empty keyword asks for a name', async () => {
    await database(t).collection(COLLECTIONS.deputies).doc('dp-013').update({ active: false });
    expect(ok(await t.call('directory.searchDeputies', { keyword: '马文博' })).deputies).toEqual([]);
    await database(t).collection(COLLECTIONS.deputies).doc('dp-013').update({ active: true });
    expect(await t.call('directory.searchDeputies', { keyword: '  ' })).toMatchObject({ code: 'COMMON.INVALID_INPUT', fields: { keyword: '请输入代表姓名' } });
  });
});

describe('directory.nearestStations: stations near the phone', () => {
  test('nearest first, with the distance in metres, in one request that reads only the stations it lists', async () => {
    const nanhu = DEMO_STATIONS.find((s) => s._id === 'st-nanhu');
    const answer = await t.raw('directory', { action: 'directory.nearestStations', payload: { latitude: 30.5015, longitude: 114.3305 } });
    expect(answer.databaseRequests).toBe(1);
    expect(answer.documentsRead).toBe(DEMO_STATIONS.length);
    const { stations } = ok(answer.body as never) as { stations: Array<{ _id: string; distanceMeters: number; location: unknown }> };
    expect(stations[0]).toMatchObject({ _id: 'st-nanhu', location: nanhu?.location });
    expect(stations[0]?.distanceMeters).toBeLessThan(100);
    expect(stations.map((s) => s.distanceMeters)).toEqual([...stations.map((s) => s.distanceMeters)].sort((a, b) => a - b));
    expect(stations).toHaveLength(DEMO_STATIONS.length);
  });

  test('a phone far from every station reads none of them and gets an empty list', async () => {
    const answer = await t.raw('directory', { action: 'directory.nearestStations', payload: { latitude: 39.9, longitude: 116.4 } });
    expect(ok(answer.body as never)).toEqual({ stations: [] });
    expect(answer.documentsRead).toBe(0);
  });

  test('coordinates off the globe are refused', async () => {
    expect(await t.call('directory.nearestStations', { latitude: 91, longitude: 0 })).toMatchObject({ code: 'COMMON.INVALID_INPUT', fields: { latitude: expect.any(String) } });
  });
});
