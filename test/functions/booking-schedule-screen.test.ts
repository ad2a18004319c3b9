import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';
import { BEISHAN_STAFF, CITY_STAFF, daysFromToday, JIANGNAN_STAFF, today } from './booking.support';

/** 接待安排 opens on one call: the rule, the days ahead and the deputies who may be put on duty. */
let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t.stop());

const range = (stationId: string) => ({ stationId, from: today(t), to: daysFromToday(t, 60) });

describe('booking.scheduleScreen', () => {
  test('北山 station staff see what getRule, listStationDays and the station page say, in six database requests', async () => {
    const answer = await t.raw('booking', { action: 'booking.scheduleScreen', payload: range('st-beishan') }, { openid: BEISHAN_STAFF });
    const screen = ok(answer.body as never) as Record<string, unknown> & { deputies: Array<{ _id: string }> };
    const rule = ok(await t.call('booking.getRule', { stationId: 'st-beishan' }, { openid: BEISHAN_STAFF }));
    const days = ok(await t.call('booking.listStationDays', range('st-beishan'), { openid: BEISHAN_STAFF }));
    const station = ok(await t.call('directory.getStation', { stationId: 'st-beishan' }));
    expect(screen).toEqual({ ...rule, ...days, stationName: station.station.name, deputies: station.deputies });
    expect(screen.deputies.length).toBeGreaterThan(0);
    expect((screen.days as unknown[]).length).toBeGreaterThan(0);
    expect(answer.databaseRequests).toBe(6);
  });

  test('staff of an area above the station see it too', async () => {
    expect(ok(await t.call('booking.scheduleScreen', range('st-nanhu'), { openid: JIANGNAN_STAFF })).stationId).toBe('st-nanhu');
    expect(ok(await t.call('booking.scheduleScreen', range('st-beishan'), { openid: CITY_STAFF })).stationName).toBe('北山镇人大代表联络站');
  });

  test('staff of another place, residents and callers without an identity are refused, as getRule refuses them', async () => {
    for (const [openid, stationId] of [
      [BEISHAN_STAFF, 'st-nanhu'],
      [JIANGNAN_STAFF, 'st-beishan'],
      ['schedule-screen-resident', 'st-beishan'],
    ] as const) {
      const refusal = await t.call('booking.getRule', { stationId }, { openid });
      expect(refusal).toMatchObject({ ok: false });
      expect(await t.call('booking.scheduleScreen', range(stationId), { openid })).toEqual(refusal);
    }
    expect(await t.call('booking.scheduleScreen', range('st-beishan'))).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    expect(await t.call('booking.scheduleScreen', range('st-none'), { openid: CITY_STAFF })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
  });

  test('a range beyond a quarter or ending before it starts is refused with the field named', async () => {
    expect(await t.call('booking.scheduleScreen', { stationId: 'st-beishan', from: today(t), to: daysFromToday(t, 120) }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { to: '一次最多查看92天' },
    });
    expect(await t.call('booking.scheduleScreen', { stationId: 'st-beishan', from: today(t), to: daysFromToday(t, -1) }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { to: '结束日期不能早于开始日期' },
    });
  });
});
