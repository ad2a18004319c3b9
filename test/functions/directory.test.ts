import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../runtime/seed/demoData';
import { ok, useTestRuntime } from '../support/runtime';

const t = useTestRuntime();

describe('directory: a resident finds stations and deputies', () => {
  test('the area list is the whole tree, city first', async () => {
    const { areas } = ok(await t.call('directory.listAreas', {}));
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(['临江市', '江北区', '江南区', '北山镇', '青石镇']));
    const district = areas.find((a) => a.name === '江南区');
    expect(district?.parentId).toBe('area-linjiang');
  });

  test('stations under a district include those in its townships and communities', async () => {
    const { stations } = ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' }));
    expect(stations.map((s) => s.name)).toEqual(['南湖街道人大代表联络站', '青石镇人大代表联络站']);
    expect(stations[0]).toEqual({ _id: 'st-nanhu', code: 'NH01', name: '南湖街道人大代表联络站', areaId: 'area-hubin', address: expect.stringContaining('湖滨路') });
  });

  test('without an area every active station is listed', async () => {
    const { stations } = ok(await t.call('directory.listStations', {}));
    expect(stations).toHaveLength(DEMO_STATIONS.length);
  });

  test('the station list opens on one call: the area tree and the stations, in two database requests', async () => {
    const all = await t.raw('directory', { action: 'directory.stationsScreen', payload: {} });
    const { areas, stations } = ok(all.body as never) as { areas: Array<{ name: string }>; stations: Array<{ name: string }> };
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(['临江市', '江北区', '江南区', '北山镇', '青石镇']));
    expect(stations).toHaveLength(DEMO_STATIONS.length);
    expect(all.databaseRequests).toBe(2);
    const inArea = ok(await t.call('directory.stationsScreen', { areaId: 'area-jiangnan' }));
    expect(inArea.stations.map((s) => s.name)).toEqual(['南湖街道人大代表联络站', '青石镇人大代表联络站']);
    expect(inArea.areas).toEqual(areas);
  });

  test('the station list screen refuses an area id that is not one', async () => {
    expect(await t.call('directory.stationsScreen', { areaId: '../../etc' })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
    expect(await t.call('directory.stationsScreen', { areaId: 'area-jiangnan', extra: 1 } as never)).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });

  test('a station page shows its deputies and next reception days in one database request', async () => {
    const answer = await t.raw('directory', { action: 'directory.getStation', payload: { stationId: 'st-beishan' } });
    const detail = ok(answer.body as never) as {
      station: { name: string };
      deputies: Array<{ name: string; level: string }>;
      upcomingDays: Array<{ date: string; windows: unknown[] }>;
    };
    expect(detail.station.name).toBe('北山镇人大代表联络站');
    expect(detail.deputies.map((d) => d.name).sort()).toEqual(['孙国平', '王志强', '马文博', '黄大勇'].sort());
    expect(detail.upcomingDays).toHaveLength(3);
    expect(detail.upcomingDays.every((d) => d.date.endsWith('-15'))).toBe(true);
    expect(answer.databaseRequests).toBe(1);
  });

  test('a deputy page shows level, constituency, stations and duty days in at most two requests', async () => {
    const answer = await t.raw('directory', { action: 'directory.getDeputy', payload: { deputyId: 'dp-003' } });
    const detail = ok(answer.body as never) as {
      deputy: { name: string; level: string; constituency: string };
      stations: Array<{ name: string }>;
      upcomingDays: Array<{ deputyIds: string[] }>;
    };
    expect(detail.deputy).toMatchObject({ name: '王志强', level: 'provincial', constituency: '临江市选举产生' });
    expect(detail.stations.map((s) => s.name)).toEqual(['北山镇人大代表联络站', '临江街道人大代表联络站']);
    expect(detail.upcomingDays.length).toBeGreaterThan(0);
    expect(detail.upcomingDays.every((d) => d.deputyIds.includes('dp-003'))).toBe(true);
    expect(answer.databaseRequests).toBeLessThanOrEqual(2);
  });

  test('an unknown deputy or station is NOT_FOUND with a Chinese message', async () => {
    const deputy = await t.call('directory.getDeputy', { deputyId: 'dp-999' });
    expect(deputy).toEqual({ ok: false, code: 'COMMON.NOT_FOUND', message: '没有找到相关内容，可能已被删除' });
    const station = await t.call('directory.getStation', { stationId: 'nope' });
    expect(station).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
  });

  test('operator objects where an id belongs are refused before reaching the database', async () => {
    const answer = await t.raw('directory', { action: 'directory.getDeputy', payload: { deputyId: { $ne: null } } });
    expect(answer.body).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT', fields: { deputyId: expect.any(String) } });
    expect(answer.databaseRequests).toBe(0);
  });

  test('an action of another function, or no action, is refused as unknown', async () => {
    expect((await t.raw('directory', { action: 'account.getProfile', payload: {} })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await t.raw('directory', { payload: {} })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await t.raw('directory', { action: 'directory.__proto__', payload: {} })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
  });

  test('every seeded deputy has a page', async () => {
    for (const d of DEMO_DEPUTIES.slice(0, 3)) {
      expect(ok(await t.call('directory.getDeputy', { deputyId: d._id })).deputy.name).toBe(d.name);
    }
  });
});

describe('the runtime counts database requests per invocation, even under concurrency', () => {
  test('20 concurrent station and deputy pages are each counted on their own', async () => {
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? t.raw('directory', { action: 'directory.getStation', payload: { stationId: 'st-nanhu' } })
        : t.raw('directory', { action: 'directory.getDeputy', payload: { deputyId: 'dp-005' } }),
    );
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.databaseRequests)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 2)));
  });
});

test('a station page lists deputies by rank: national first, township last', async () => {
  const detail = ok(await t.call('directory.getStation', { stationId: 'st-linjiang' }));
  expect(detail.deputies.map((d) => d.level)).toEqual(['national', 'provincial', 'city', 'county']);
});
