import { COLLECTIONS } from '../../infra/database';
import { newDay } from '../../cloudfunctions/booking/days';
import type { BookingDocument } from '../../cloudfunctions/booking/documents';
import { formatBookingCode } from '../../miniprogram/shared/domain/bookingCode';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { DEMO_STATIONS } from '../../runtime/seed/demoData';
import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';
import { addTestDay, bookingPayload, database, daysFromToday, outbox, readDocument } from './booking.support';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
  // The function runs in this process: its run report and calendar warning would fill the output.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => t.stop());

const TIMER_EVENT = { Type: 'Timer', TriggerName: 'bookingDaily', Time: '2026-11-24T02:00:00Z', Message: '' };
const runTimer = () => t.raw('booking', TIMER_EVENT);
const beishan = DEMO_STATIONS.find((s) => s._id === 'st-beishan')!;

/** Yesterday's day with one resident booked and one still waiting, placed in the store. */
async function placeYesterday(): Promise<{ booked: string; waiting: string }> {
  const date = daysFromToday(-1);
  const day = newDay(beishan, DEFAULT_RECEPTION_RULE, { date, nominalDate: date }, 'manual', new Date());
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
    queuedAt: new Date(),
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const bookings: BookingDocument[] = [
    { ...base, _id: 'bk-yesterday-booked', code: 'YYYBBB', openid: 'resident-absent', status: 'booked', activeKey: `resident-absent|${day._id}#0` },
    { ...base, _id: 'bk-yesterday-waiting', code: 'YYYWWW', openid: 'resident-waited', status: 'waiting', activeKey: `resident-waited|${day._id}#0` },
  ];
  await database(t).collection(COLLECTIONS.bookings).add(bookings);
  return { booked: 'bk-yesterday-booked', waiting: 'bk-yesterday-waiting' };
}

describe('booking: the daily timer reminds, marks no-shows and keeps the schedule ahead', () => {
  test('a client cannot run the timer: a timer-shaped event from a user is an unknown action', async () => {
    const tomorrow = await addTestDay(t, { date: daysFromToday(1), seats: 3 });
    ok(await t.call('booking.book', bookingPayload(tomorrow), { openid: 'resident-early-bird' }));
    const before = (await outbox(t)).length;

    expect((await t.raw('booking', TIMER_EVENT, { openid: 'resident-early-bird' })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await t.raw('booking', { action: 'booking.runDailyJobs', payload: {} }, { openid: 'resident-early-bird' })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await t.raw('booking', { ...TIMER_EVENT, TriggerName: 'somethingElse' })).body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect((await outbox(t)).length).toBe(before);
  });

  test("the day before, each of tomorrow's visitors is reminded once; cancelled ones are not", async () => {
    const tomorrow = ok(await t.call('booking.listDays', { stationId: 'st-beishan' })).days.find((d) => d.date === daysFromToday(1))!;
    const { booking: leaving } = ok(await t.call('booking.book', bookingPayload(tomorrow), { openid: 'resident-changes-mind' }));
    ok(await t.call('booking.cancel', { bookingId: leaving._id }, { openid: 'resident-changes-mind' }));
    const mine = ok(await t.call('booking.listMine', {}, { openid: 'resident-early-bird' })).upcoming[0]!;
    const yesterday = await placeYesterday();
    const before = (await outbox(t)).length;

    const first = await runTimer();
    expect(first.body).toMatchObject({ ok: true, data: { reminded: 1, remindersFailed: 0, noShows: 1, lapsed: 1 } });
    const sent = (await outbox(t)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.request).toMatchObject({
      touser: 'resident-early-bird',
      template_id: 'lxq-booking-reminder',
      page: 'pages/my-bookings/index',
      data: { thing1: { value: '北山镇人大代表联络站' }, character_string3: { value: formatBookingCode(mine.code) }, time2: { value: expect.stringMatching(/ 09:00$/) } },
    });
    expect((await readDocument<BookingDocument>(t, COLLECTIONS.bookings, mine._id))?.remindedAt).toBeInstanceOf(Date);

    const second = await runTimer();
    expect(second.body).toMatchObject({ ok: true, data: { reminded: 0, noShows: 0, lapsed: 0, daysCreated: 0 } });
    expect((await outbox(t)).length).toBe(before + 1);

    expect((await readDocument<BookingDocument>(t, COLLECTIONS.bookings, yesterday.booked))?.status).toBe('noShow');
    expect((await readDocument<BookingDocument>(t, COLLECTIONS.bookings, yesterday.waiting))?.status).toBe('lapsed');
    expect(ok(await t.call('booking.listMine', {}, { openid: 'resident-absent' })).past[0]).toMatchObject({ status: 'noShow', statusLabel: '未到' });
  });

  test('the schedule is topped up three months ahead: a missing rule day comes back', async () => {
    const days = ok(await t.call('booking.listDays', { stationId: 'st-linjiang' })).days;
    const last = days[days.length - 1]!;
    await database(t).collection(COLLECTIONS.receptionDays).doc(last._id).remove();
    const answer = await runTimer();
    expect(answer.body).toMatchObject({ ok: true, data: { daysCreated: 1 } });
    expect(ok(await t.call('booking.listDays', { stationId: 'st-linjiang' })).days.map((d) => d._id)).toEqual(days.map((d) => d._id));
    expect(answer.databaseRequests).toBeLessThanOrEqual(8);
  });
});
