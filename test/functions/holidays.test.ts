import { COLLECTIONS } from '../../infra/database';
import type { HolidayYearDocument } from '../../cloudfunctions/core/workingCalendar';
import type { PayloadOf } from '../../miniprogram/shared/contract';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, refusedWith } from '../support/runtime';
import { bookingPayload } from './booking.support';
import { database, opinionFor } from './helpers/cloud';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * Holidays are data staff own: the package knows 2026 and before; 2027 is unknown until an
 * administrator records it. Until then whatever is counted into 2027 says so; once recorded,
 * deadlines are counted again and reception days nobody booked move off the new holidays.
 *
 * The 2027 arrangement below is made up for the test (元旦 1–3 January, 春节 10–16 February with
 * Saturday 20 February worked), not the State Council's.
 */
const ARRANGEMENT_2027: PayloadOf<'admin.saveHolidayYear'> = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { name: '春节', from: '2027-02-10', to: '2027-02-16', workdays: ['2027-02-20'] },
  ],
};

// Tuesday 29 December 2026, 09:00: three working days from now reach into 2027.
const t = useTestRuntime({ at: shanghaiInstant('2026-12-29', '09:00'), frozen: true });
beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the holiday calendar staff read', () => {
  test('staff see last year to next, where each came from, and that 2027 is missing; only administrators may record', async () => {
    const answer = ok(await t.call('admin.listHolidayYears', {}, { openid: JIANGNAN_STAFF }));
    expect(answer.years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'package'],
      [2026, 'package'],
    ]);
    expect(answer.years[1]?.holidays.find((h) => h.name === '春节')).toEqual({ name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] });
    expect(answer).toMatchObject({ missingYears: [2027], canEdit: false });
    expect(ok(await t.call('admin.listHolidayYears', {}, { openid: CITY_STAFF })).canEdit).toBe(true);
  });

  test('staff are told on their profile; residents are not', async () => {
    expect(ok(await t.call('account.getProfile', {}, { openid: JIANGNAN_STAFF })).holidaysMissingYears).toEqual([2027]);
    expect(ok(await t.call('account.getProfile', {}, { openid: 'holiday-resident' })).holidaysMissingYears).toBeUndefined();
  });
});

describe('before 2027 is recorded, what reaches into it says so', () => {
  test('a case’s deadline counted into 2027 is marked 假期安排未录入', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'holiday-resident' }));
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    // 30 and 31 December, then Friday 1 January counted as a working day: nobody said it is 元旦.
    expect(view.deadline).toMatchObject({ stage: 'accept', dueAt: '2027-01-01T16:00:00.000Z', holidaysUnknown: true });
  });

  test('statistics over a range in 2027 name the year', async () => {
    const stats = ok(await t.call('casework.stats', { from: '2026-12-01', to: '2027-01-10' }, { openid: JIANGNAN_STAFF }));
    expect(stats.holidaysUnknownYears).toEqual([2027]);
  });

  test('a station’s days in 2027 come with the notice; days in 2026 know their holidays', async () => {
    const answer = ok(await t.call('booking.listStationDays', { stationId: 'st-nanhu', from: '2026-12-29', to: '2027-02-28' }, { openid: CITY_STAFF }));
    expect(answer.holidaysUnknownYears).toEqual([2027]);
    expect(answer.days.map((d) => d.date)).toContain('2027-02-15');
    expect(answer.holidayOn).toEqual({});
  });
});

describe('an administrator records 2027', () => {
  test('refused: anyone but an administrator, and arrangements that cannot be right', async () => {
    expect(await t.call('admin.saveHolidayYear', ARRANGEMENT_2027, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    const refused = async (holidays: PayloadOf<'admin.saveHolidayYear'>['holidays']) => {
      const answer = await t.call('admin.saveHolidayYear', { year: 2027, holidays }, { openid: CITY_STAFF });
      return answer.ok ? 'saved' : [answer.code, answer.fields?.holidays];
    };
    expect(await refused([{ name: '春节', from: '2027-02-10', to: '2027-02-16', workdays: ['2027-02-18'] }])).toEqual([
      'COMMON.INVALID_INPUT',
      '春节的调休上班日 2027-02-18 不是周末',
    ]);
    expect(
      await refused([
        { name: '春节', from: '2027-02-10', to: '2027-02-16', workdays: [] },
        { name: '元宵', from: '2027-02-16', to: '2027-02-17', workdays: [] },
      ]),
    ).toEqual(['COMMON.INVALID_INPUT', '元宵与春节的日期重叠（2027-02-16）']);
    expect(await refused([{ name: '国庆节', from: '2028-10-01', to: '2028-10-07', workdays: [] }])).toEqual(['COMMON.INVALID_INPUT', '国庆节的日期不在2027年内']);
    expect(await refused([{ name: '国庆节', from: '2027-10-07', to: '2027-10-01', workdays: [] }])).toEqual(['COMMON.INVALID_INPUT', '国庆节的结束日期早于开始日期']);
    expect(await refused([])).toEqual(['COMMON.INVALID_INPUT', '请至少填写一个节假日']);
    expect(ok(await t.call('admin.listHolidayYears', {}, { openid: CITY_STAFF })).missingYears).toEqual([2027]);
  });

  test('saved whole, with who and when; saved again, the earlier version stays in its history', async () => {
    const { year } = ok(await t.call('admin.saveHolidayYear', { ...ARRANGEMENT_2027, holidays: ARRANGEMENT_2027.holidays.slice(0, 1) }, { openid: CITY_STAFF }));
    expect(year).toMatchObject({ year: 2027, source: 'staff', revisions: 1, updatedAt: '2026-12-29T01:00:00.000Z' });
    const again = ok(await t.call('admin.saveHolidayYear', ARRANGEMENT_2027, { openid: CITY_STAFF }));
    expect(again.year).toMatchObject({ revisions: 2, holidays: ARRANGEMENT_2027.holidays });
    const { data } = await database(t).collection(COLLECTIONS.holidayYears).where({ year: 2027 }).get();
    const stored = data[0] as HolidayYearDocument;
    expect(stored.history?.map((version) => [version.by, version.holidays.length])).toEqual([
      [CITY_STAFF, 1],
      [CITY_STAFF, 2],
    ]);
    const list = ok(await t.call('admin.listHolidayYears', {}, { openid: JIANGNAN_STAFF }));
    expect(list.missingYears).toEqual([]);
    expect(list.years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'package'],
      [2026, 'package'],
      [2027, 'staff'],
    ]);
    expect(ok(await t.call('account.getProfile', {}, { openid: JIANGNAN_STAFF })).holidaysMissingYears).toEqual([]);
  });

  test('the casework timer counts the provisional deadline again: 元旦 is off, so it is due at the end of Monday 4 January', async () => {
    const { data } = await database(t).collection(COLLECTIONS.opinions).where({ authorOpenid: 'holiday-resident' }).get();
    const opinionId = (data[0] as { _id: string })._id;
    // The demo cases seeded this morning have such deadlines too.
    const provisional = (await database(t).collection(COLLECTIONS.opinions).where({ 'deadline.provisional': true }).count()).total;
    expect(provisional).toBeGreaterThanOrEqual(1);
    t.clock.set(shanghaiInstant('2026-12-29', '09:35'));
    expect((await t.fireTimer('casework')).body).toMatchObject({ ok: true, data: { deadlinesRecounted: provisional } });
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(view.deadline).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', holidaysUnknown: false });
    expect((await t.fireTimer('casework')).body).toMatchObject({ ok: true, data: { deadlinesRecounted: 0 } });
  });

  test('the day’s schedule run moves unbooked reception days off the new holidays; a booked one stays, marked, beside the moved one', async () => {
    const booked = ok(await t.call('booking.listDays', { stationId: 'st-beishan' })).days.find((d) => d.date === '2027-02-15')!;
    ok(await t.call('booking.book', bookingPayload(booked), { openid: 'holiday-visitor' }));
    t.clock.set(shanghaiInstant('2026-12-29', '10:05'));
    expect((await t.fireTimer('booking')).body).toMatchObject({ ok: true, data: { daily: { calendarMissingYears: [] } } });

    const nanhu = ok(await t.call('booking.listStationDays', { stationId: 'st-nanhu', from: '2027-02-01', to: '2027-02-28' }, { openid: CITY_STAFF }));
    expect(nanhu.days.map((d) => [d.date, d.nominalDate])).toEqual([['2027-02-17', '2027-02-15']]);
    expect(nanhu.holidaysUnknownYears).toEqual([]);
    const beishan = ok(await t.call('booking.listStationDays', { stationId: 'st-beishan', from: '2027-02-01', to: '2027-02-28' }, { openid: CITY_STAFF }));
    expect(beishan.days.map((d) => d.date)).toEqual(['2027-02-15', '2027-02-17']);
    expect(beishan.holidayOn).toEqual({ '2027-02-15': '春节' });
  });
});
