import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';

/** 统计 opens on one call: the figures, and the places to look at one alone (area staff: stations; station staff: deputies). */
let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t.stop());

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const JIANGNAN = 'demo-staff-jiangnan';
const BEISHAN = 'demo-staff-beishan';
/** The figures without the instant they were counted at (two calls are counted a moment apart). */
const figures = (stats: unknown) => ({ ...(stats as Record<string, unknown>), generatedAt: undefined });

describe('casework.statsScreen', () => {
  test('江南区 staff get the figures casework.stats answers and the stations of 江南区', async () => {
    // Counted in the figures' rate group like casework.stats: the first call of the group opens the caller's turn.
    await t.call('casework.stats', OCTOBER, { openid: JIANGNAN });
    const alone = await t.raw('casework', { action: 'casework.stats', payload: OCTOBER }, { openid: JIANGNAN });
    const answer = await t.raw('casework', { action: 'casework.statsScreen', payload: OCTOBER }, { openid: JIANGNAN });
    const screen = ok(answer.body as never) as { stats: unknown; stations: Array<{ _id: string; name: string }>; deputies: unknown[] };
    expect(figures(screen.stats)).toEqual(figures(ok(await t.call('casework.stats', OCTOBER, { openid: JIANGNAN }))));
    expect(screen.stations.map((s) => s.name)).toEqual(['南湖街道人大代表联络站', '青石镇人大代表联络站']);
    expect(screen.deputies).toEqual([]);
    // One request more than the figures alone: the stations, side by side with the counting.
    expect(answer.databaseRequests).toBe(alone.databaseRequests + 1);
  });

  test('station staff get their station’s figures and no stations to choose from', async () => {
    const screen = ok(await t.call('casework.statsScreen', OCTOBER, { openid: BEISHAN }));
    expect(figures(screen.stats)).toEqual(figures(ok(await t.call('casework.stats', OCTOBER, { openid: BEISHAN }))));
    expect(screen.stations).toEqual([]);
    // Their station's deputies, to count one alone, as the station page lists them.
    const station = ok(await t.call('directory.getStation', { stationId: 'st-beishan' }));
    expect(screen.deputies.map((d) => d.name)).toEqual(station.deputies.map((d) => d.name));
    expect(screen.deputies.length).toBeGreaterThan(0);
  });

  test('refused as casework.stats refuses: a place outside the scope, a resident, no identity, a bad range', async () => {
    const elsewhere = { ...OCTOBER, scope: { stationId: 'st-beishan' } };
    const refusal = await t.call('casework.stats', elsewhere, { openid: JIANGNAN });
    expect(refusal).toMatchObject({ ok: false, code: 'ADMIN.OUT_OF_SCOPE' });
    expect(await t.call('casework.statsScreen', elsewhere, { openid: JIANGNAN })).toEqual(refusal);
    expect(await t.call('casework.statsScreen', OCTOBER, { openid: 'stats-screen-resident' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('casework.statsScreen', OCTOBER)).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    expect(await t.call('casework.statsScreen', { from: '2026-10-31', to: '2026-10-01' }, { openid: JIANGNAN })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { to: '结束日期不能早于开始日期' },
    });
  });
});
