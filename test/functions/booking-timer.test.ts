import { COLLECTIONS } from '../../infra/database';
import { newDay } from '../../cloudfunctions/booking/days';
import type { BookingDocument } from '../../infra/documents/booking';
import { formatBookingCode } from '../../miniprogram/shared/domain/bookingCode';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { DEMO_STATIONS } from '../../runtime/seed/demoData';
import { ok, useTestRuntime, onlyOne } from '../support/runtime';
import { allowMessages } from './helpers/cloud';
import { addTestDay, bookingPayload, database, daysFromToday, outbox, readDocument } from './booking.support';

/**
 * The booking timer fires every hour (config.json). At each firing, bookings of days gone by become
 * no-shows; once a Shanghai day, from 10:00, the reminders go out and the schedules are kept ahead.
 * The clock is frozen at named instants and stepped by hand, so each test says when it happens.
 */
const MONDAY = '2026-11-23';

const t = useTestRuntime({ at: shanghaiInstant(MONDAY, '08:00'), frozen: true });
beforeAll(async () => {
  // The function runs in this process: its run report and calendar warning would fill the output.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const at = (date: string, time: string) => t.clock.set(shanghaiInstant(date, time));
const fire = async () => (await t.fireTimer('booking')) as { body: { ok: boolean; data: Record<string, unknown> }; databaseRequests: number };
const station = (id: string) => DEMO_STATIONS.find((s) => s._id === id)!;

/** A day at a station with one resident booked and one still waiting, placed straight in the store, booked at `bookedAt`. */
async function placeDay(
  date: string,
  ids: { booked: string; waiting: string },
  bookedAt: Date,
  window = { start: '09:00', end: '09:30' },
  beishan = station('st-beishan'),
): Promise<void> {
  const day = newDay(beishan, { ...DEFAULT_RECEPTION_RULE, windows: [window], slotMinutes: 30 }, { date, nominalDate: date }, 'manual', bookedAt);
  await database(t).collection(COLLECTIONS.receptionDays).add(day);
  const slot = day.slots[0]!;
  const base = {
    kind: 'online' as const,
    dayId: day._id,
    epoch: 0,
    stationId: beishan._id,
    stationName: beishan.name,
    stationAddress: beishan.address,
    areaPath: beishan.areaPath,
    date,
    slotId: slot.id,
    slotIndex: 0,
    slotStart: slot.start,
    slotEnd: slot.end,
    name: '周大姐',
    phone: '13500000000',
    topic: '停车难',
    queuedAt: bookedAt,
    createdAt: bookedAt,
    updatedAt: bookedAt,
  };
  const bookings: BookingDocument[] = [
    { ...base, _id: ids.booked, code: nextCode(), openid: `${ids.booked}-resident`, status: 'booked', activeKey: `${ids.booked}|${day._id}#0` },
    { ...base, _id: ids.waiting, code: nextCode(), openid: `${ids.waiting}-resident`, status: 'waiting', activeKey: `${ids.waiting}|${day._id}#0` },
  ];
  await database(t).collection(COLLECTIONS.bookings).add(bookings);
}

let codes = 0;
function nextCode(): string {
  codes += 1;
  return `TM${String(codes).padStart(4, '0')}`;
}

const statusOf = async (id: string) => (await readDocument<BookingDocument>(t, COLLECTIONS.bookings, id))?.status;

describe('booking: the hourly timer reminds, marks no-shows and keeps the schedule ahead', () => {
  test('a client cannot run the timer: a timer-shaped event from a user is an unknown action', async () => {
    const tomorrow = await addTestDay(t, { date: daysFromToday(t, 1), seats: 3 });
    ok(await t.call('booking.book', bookingPayload(tomorrow), { openid: 'resident-early-bird' }));
    const before = (await outbox(t)).length;
    const timerEvent = { Type: 'Timer', TriggerName: 'bookingDaily', Time: t.clock.now().toISOString(), Message: '' };

    expect((await t.raw('booking', timerEvent, { openid: 'resident-early-bird' })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await t.raw('booking', { action: 'booking.runDailyJobs', payload: {} }, { openid: 'resident-early-bird' })).body).toMatchObject({
      ok: false,
      code: 'COMMON.UNKNOWN_ACTION',
    });
    expect((await t.raw('booking', { ...timerEvent, TriggerName: 'somethingElse' })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await outbox(t)).length).toBe(before);
  });

  test('before 10:00 nobody is woken by a reminder; yesterday’s absentees are marked all the same', async () => {
    await placeDay('2026-11-22', { booked: 'bk-sunday-booked', waiting: 'bk-sunday-waiting' }, shanghaiInstant('2026-11-20', '12:00'));
    const before = (await outbox(t)).length;
    at(MONDAY, '08:05');
    expect((await fire()).body).toEqual({ ok: true, data: { noShows: 1, lapsed: 1, daily: null } });
    expect(await statusOf('bk-sunday-booked')).toBe('noShow');
    expect(await statusOf('bk-sunday-waiting')).toBe('lapsed');
    expect((await outbox(t)).length).toBe(before);
  });

  test("from 10:00, each of tomorrow's visitors is reminded once; cancelled ones are not; later firings that day do nothing", async () => {
    const tomorrow = ok(await t.call('booking.listDays', { stationId: 'st-beishan' })).days.find((d) => d.date === daysFromToday(t, 1))!;
    const { booking: leaving } = ok(await t.call('booking.book', bookingPayload(tomorrow), { openid: 'resident-changes-mind' }));
    ok(await t.call('booking.cancel', { bookingId: leaving._id }, { openid: 'resident-changes-mind' }));
    const mine = ok(await t.call('booking.listMine', {}, { openid: 'resident-early-bird' })).upcoming[0]!;
    await allowMessages(t, 'resident-early-bird', 'lxq-booking-reminder');
    const before = (await outbox(t)).length;

    at(MONDAY, '10:05');
    const first = await fire();
    expect(first.body).toMatchObject({ ok: true, data: { noShows: 0, lapsed: 0, daily: { reminded: 1, remindersFailed: 0, calendarMissingYears: [2027] } } });
    expect(onlyOne((await outbox(t)).slice(before)).request).toMatchObject({
      touser: 'resident-early-bird',
      template_id: 'lxq-booking-reminder',
      page: 'pages/my-bookings/index',
      data: {
        thing1: { value: '北山镇人大代表联络站' },
        character_string3: { value: formatBookingCode(mine.code) },
        time2: { value: '2026年11月24日 09:00' },
        thing4: { value: '明天接待，到站后扫码签到' },
      },
    });
    expect((await readDocument<BookingDocument>(t, COLLECTIONS.bookings, mine._id))?.remindedAt).toEqual(shanghaiInstant(MONDAY, '10:05'));

    at(MONDAY, '11:05');
    expect((await fire()).body).toEqual({ ok: true, data: { noShows: 0, lapsed: 0, daily: null } });
    expect((await outbox(t)).length).toBe(before + 1);
  });

  test('a day the timer never fired is caught up once the next day: today’s later visitors hear “今天”, those already started hear nothing', async () => {
    const wednesday = '2026-11-25';
    await placeDay(wednesday, { booked: 'bk-wed-afternoon', waiting: 'bk-wed-afternoon-waiting' }, shanghaiInstant(MONDAY, '12:00'), { start: '14:00', end: '14:30' });
    await placeDay(
      wednesday,
      { booked: 'bk-wed-morning', waiting: 'bk-wed-morning-waiting' },
      shanghaiInstant(MONDAY, '12:00'),
      { start: '09:00', end: '09:30' },
      station('st-qingshi'),
    );
    await allowMessages(t, 'bk-wed-afternoon-resident', 'lxq-booking-reminder');
    const before = (await outbox(t)).length;
    // Tuesday passes without a single firing; Wednesday 10:05 is the first.
    at(wednesday, '10:05');
    const answer = await fire();
    expect(answer.body).toMatchObject({ ok: true, data: { daily: { reminded: 1, remindersFailed: 0 } } });
    const sent = (await outbox(t)).slice(before);
    expect(sent.map((m) => [m.request.touser, m.request.data.thing4?.value])).toEqual([['bk-wed-afternoon-resident', '今天接待，到站后扫码签到']]);

    at(wednesday, '15:05');
    expect((await fire()).body).toMatchObject({ ok: true, data: { noShows: 0, daily: null } });
    expect((await outbox(t)).length).toBe(before + 1);
  });

  test('across Shanghai midnight: a day ends at 24:00 in Shanghai, not in UTC', async () => {
    await placeDay('2026-11-30', { booked: 'bk-month-end', waiting: 'bk-month-end-waiting' }, shanghaiInstant('2026-11-27', '12:00'));
    at('2026-11-30', '23:59');
    expect((await fire()).body).toMatchObject({ ok: true });
    expect(await statusOf('bk-month-end')).toBe('booked');
    expect(await statusOf('bk-wed-afternoon')).toBe('noShow');
    // 00:05 on 1 December in Shanghai is still 30 November in UTC.
    at('2026-12-01', '00:05');
    expect(t.clock.now().toISOString()).toBe('2026-11-30T16:05:00.000Z');
    expect((await fire()).body).toMatchObject({ ok: true, data: { noShows: 1, lapsed: 1, daily: null } });
    expect(await statusOf('bk-month-end')).toBe('noShow');
  });

  test('the schedule is topped up three months ahead at the day’s run: a missing rule day comes back', async () => {
    at('2026-12-02', '09:00');
    const days = ok(await t.call('booking.listDays', { stationId: 'st-linjiang' })).days;
    const last = days[days.length - 1]!;
    await database(t).collection(COLLECTIONS.receptionDays).doc(last._id).remove();
    at('2026-12-02', '10:05');
    const answer = await fire();
    expect(answer.body).toMatchObject({ ok: true, data: { daily: { daysCreated: 1 } } });
    expect(ok(await t.call('booking.listDays', { stationId: 'st-linjiang' })).days.map((d) => d._id)).toEqual(days.map((d) => d._id));
    expect(answer.databaseRequests).toBeLessThanOrEqual(12);
  });
});
