import { COLLECTIONS } from '../../infra/database';
import { newDay } from '../../cloudfunctions/booking/days';
import type { BookingDocument } from '../../infra/documents/booking';
import type { ReceptionDayView } from '../../miniprogram/shared/domain/booking';
import { isBookingCode } from '../../miniprogram/shared/domain/bookingCode';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { DEMO_STATIONS } from '../../runtime/seed/demoData';
import { ok, useTestRuntime, FIRST_RATE_TURN, RATE_TURN, onlyOne } from '../support/runtime';
import { addTestDay, bookingPayload, CITY_STAFF, database, daysFromToday, outbox, readDocument, requestId, seatsLeft, today } from './booking.support';
import { allowMessages } from './helpers/cloud';

const t = useTestRuntime();

const beishan = DEMO_STATIONS.find((s) => s._id === 'st-beishan')!;

/** A day placed straight into the store, e.g. one already past. */
async function placeDay(date: string, id: string): Promise<ReceptionDayView> {
  const day = { ...newDay(beishan, DEFAULT_RECEPTION_RULE, { date, nominalDate: date }, 'manual', t.clock.now()), _id: id };
  await database(t).collection(COLLECTIONS.receptionDays).add(day);
  return { ...day, slots: day.slots.map((s) => ({ ...s, state: 'started' as const })) };
}

describe('booking: a resident books a visit on reception day', () => {
  let day: ReceptionDayView;
  beforeAll(async () => {
    day = await addTestDay(t, { date: daysFromToday(t, 20), seats: 2, windows: [{ start: '09:00', end: '10:00' }] });
  });

  test("a station's upcoming days follow its rule, each slot with its seats left, in one request", async () => {
    const answer = await t.raw('booking', { action: 'booking.listDays', payload: { stationId: 'st-qingshi' } });
    const { days } = ok(answer.body as never) as { days: ReceptionDayView[] };
    expect(days.length).toBeGreaterThanOrEqual(3);
    const ahead = days.find((d) => d.date > today(t))!;
    expect(ahead.slots).toHaveLength(10);
    expect(ahead.slots[0]).toEqual({ id: '0900', start: '09:00', end: '09:30', seats: 3, seatsLeft: 3, state: 'open' });
    expect(answer.databaseRequests).toBe(1);
  });

  test('the days come with the names of the deputies on duty, so the page needs no second call', async () => {
    const day = await addTestDay(t, { stationId: 'st-nanhu', date: daysFromToday(t, 21) });
    ok(await t.call('booking.setRoster', { dayId: day._id, deputyIds: ['dp-002', 'dp-005'] }, { openid: CITY_STAFF }));
    const answer = await t.raw('booking', { action: 'booking.listDays', payload: { stationId: 'st-nanhu' } });
    const { days, deputies } = ok(answer.body as never) as { days: ReceptionDayView[]; deputies: Array<{ _id: string; name: string }> };
    expect(days.find((d) => d._id === day._id)?.deputyIds).toEqual(['dp-002', 'dp-005']);
    expect(deputies.map((d) => d._id)).toEqual(expect.arrayContaining(['dp-002', 'dp-005']));
    expect(deputies.find((d) => d._id === 'dp-002')?.name).toBe('林秀英');
    const named = new Set(deputies.map((d) => d._id));
    for (const shown of days) for (const id of shown.deputyIds) expect(named.has(id)).toBe(true);
    expect(answer.databaseRequests).toBe(1);
  });

  test('the day page shows its slots, station, deputies on duty and no booking yet, in one request', async () => {
    const seeded = ok(await t.call('booking.listDays', { stationId: 'st-nanhu' })).days[0]!;
    const answer = await t.raw('booking', { action: 'booking.getDay', payload: { dayId: seeded._id } }, { openid: 'resident-look' });
    const detail = ok(answer.body as never) as { station: { name: string }; deputies: unknown[]; mine: unknown; notifyTemplateIds: string[]; day: ReceptionDayView };
    expect(detail.station.name).toBe('南湖街道人大代表联络站');
    expect(detail.deputies.length).toBe(2);
    expect(detail.mine).toBeNull();
    expect(detail.notifyTemplateIds).toEqual(['lxq-booking-reminder', 'lxq-booking-promoted', 'lxq-booking-day-cancelled']);
    expect(answer.databaseRequests).toBe(1);
  });

  test('a resident books a slot and gets a short booking code, in three requests', async () => {
    const answer = await t.raw('booking', { action: 'booking.book', payload: bookingPayload(day) }, { openid: 'resident-a' });
    const { booking } = ok(answer.body as never) as { booking: { code: string; status: string; statusLabel: string; cancellable: boolean; stationName: string } };
    expect(isBookingCode(booking.code)).toBe(true);
    expect(booking).toMatchObject({ status: 'booked', statusLabel: '已预约', cancellable: true, stationName: '北山镇人大代表联络站' });
    expect(answer.databaseRequests).toBe(3 + FIRST_RATE_TURN);
    expect(await seatsLeft(t, day._id)).toEqual([1, 2]);
  });

  test('the same request sent again (the answer was lost) gives the same booking, not a second seat', async () => {
    const payload = bookingPayload(day, { slotId: '0930' });
    const first = ok(await t.call('booking.book', payload, { openid: 'resident-b' })).booking;
    const again = ok(await t.call('booking.book', payload, { openid: 'resident-b' })).booking;
    expect(again._id).toBe(first._id);
    expect(again.code).toBe(first.code);
    expect(await seatsLeft(t, day._id)).toEqual([1, 1]);
  });

  test('a second booking on the same day is refused, even in another slot', async () => {
    const answer = await t.call('booking.book', bookingPayload(day, { slotId: '0930' }), { openid: 'resident-a' });
    expect(answer).toMatchObject({ ok: false, code: 'BOOKING.ALREADY_BOOKED', message: expect.stringContaining('我的预约') });
    expect(await seatsLeft(t, day._id)).toEqual([1, 1]);
  });

  test("the day page then shows the resident's own booking", async () => {
    const detail = ok(await t.call('booking.getDay', { dayId: day._id }, { openid: 'resident-a' }));
    expect(detail.mine).toMatchObject({ status: 'booked', slotId: '0900' });
    expect(detail.day.slots.map((s) => s.seatsLeft)).toEqual([1, 1]);
  });

  test('a resident who books the last seat gets it; the next gets BOOKING.FULL', async () => {
    ok(await t.call('booking.book', bookingPayload(day), { openid: 'resident-c' }));
    expect(await t.call('booking.book', bookingPayload(day), { openid: 'resident-d' })).toEqual({
      ok: false,
      code: 'BOOKING.FULL',
      message: '这个时段已约满，可以加入候补，或选择其他时段',
    });
    expect(ok(await t.call('booking.getDay', { dayId: day._id })).day.slots[0]).toMatchObject({ seatsLeft: 0, state: 'full' });
  });

  test('a resident who already holds a seat in the now full slot is told they have booked, not that it is full', async () => {
    const answer = await t.call('booking.book', bookingPayload(day), { openid: 'resident-c' });
    expect(answer).toMatchObject({ ok: false, code: 'BOOKING.ALREADY_BOOKED' });
  });

  test('when a slot is full a resident joins its waitlist and learns their place', async () => {
    const first = ok(await t.call('booking.joinWaitlist', bookingPayload(day), { openid: 'resident-d' }));
    expect(first).toMatchObject({ booking: { status: 'waiting', statusLabel: '候补中' }, position: 1 });
    const second = ok(await t.call('booking.joinWaitlist', bookingPayload(day), { openid: 'resident-e' }));
    expect(second.position).toBe(2);
  });

  test('a cancellation gives the seat to the first resident waiting, who is told by subscribe message', async () => {
    const mine = ok(await t.call('booking.listMine', {}, { openid: 'resident-a' })).upcoming.find((b) => b.dayId === day._id)!;
    await allowMessages(t, 'resident-d', 'lxq-booking-promoted');
    const sentBefore = (await outbox(t)).length;
    const answer = await t.raw('booking', { action: 'booking.cancel', payload: { bookingId: mine._id } }, { openid: 'resident-a' });
    expect(ok(answer.body as never)).toMatchObject({ booking: { status: 'cancelled', statusLabel: '已取消', cancellable: false } });
    // At most six, and the caller's rate-limit turn (a new window's when the clock moved on).
    expect(answer.databaseRequests).toBeLessThanOrEqual(6 + FIRST_RATE_TURN);

    const promoted = ok(await t.call('booking.listMine', {}, { openid: 'resident-d' })).upcoming.find((b) => b.dayId === day._id);
    expect(promoted).toMatchObject({ status: 'booked', slotId: '0900' });
    const stillWaiting = ok(await t.call('booking.listMine', {}, { openid: 'resident-e' })).upcoming.find((b) => b.dayId === day._id);
    expect(stillWaiting?.status).toBe('waiting');
    expect(await seatsLeft(t, day._id)).toEqual([0, 1]);

    const { request } = onlyOne((await outbox(t)).slice(sentBefore));
    expect(request).toMatchObject({
      touser: 'resident-d',
      template_id: 'lxq-booking-promoted',
      page: 'pages/my-bookings/index',
      data: { thing1: { value: '北山镇人大代表联络站' }, thing4: { value: '候补成功，已为您保留座位' } },
    });
    expect(request.data.time2?.value).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 09:00/);
  });

  test('cancelling twice answers the cancelled booking; the seat is not returned twice', async () => {
    const cancelled = ok(await t.call('booking.listMine', {}, { openid: 'resident-a' })).past.find((b) => b.dayId === day._id)!;
    expect(ok(await t.call('booking.cancel', { bookingId: cancelled._id }, { openid: 'resident-a' })).booking.status).toBe('cancelled');
    expect(await seatsLeft(t, day._id)).toEqual([0, 1]);
  });

  test('after cancelling, the resident may book that day again', async () => {
    const again = ok(await t.call('booking.book', bookingPayload(day, { slotId: '0930' }), { openid: 'resident-a' })).booking;
    expect(again).toMatchObject({ status: 'booked', slotId: '0930' });
  });

  test('leaving the waitlist needs no seat back; with nobody waiting a cancelled seat returns', async () => {
    const waiting = ok(await t.call('booking.listMine', {}, { openid: 'resident-e' })).upcoming.find((b) => b.dayId === day._id)!;
    expect(ok(await t.call('booking.cancel', { bookingId: waiting._id }, { openid: 'resident-e' })).booking.status).toBe('cancelled');
    expect(await seatsLeft(t, day._id)).toEqual([0, 0]);
    const booked = ok(await t.call('booking.listMine', {}, { openid: 'resident-a' })).upcoming.find((b) => b.dayId === day._id)!;
    const answer = await t.raw('booking', { action: 'booking.cancel', payload: { bookingId: booked._id } }, { openid: 'resident-a' });
    expect(ok(answer.body as never)).toMatchObject({ booking: { status: 'cancelled' } });
    // Read, cancel, look for waiters, return the seat, look again for anyone who joined meanwhile.
    expect(answer.databaseRequests).toBe(5 + RATE_TURN);
    expect(await seatsLeft(t, day._id)).toEqual([0, 1]);
  });

  test('my bookings: upcoming soonest first, then the past and cancelled, with their status, in one request', async () => {
    const later = await addTestDay(t, { date: daysFromToday(t, 25) });
    ok(await t.call('booking.book', bookingPayload(later), { openid: 'resident-a' }));
    const answer = await t.raw('booking', { action: 'booking.listMine', payload: {} }, { openid: 'resident-a' });
    const { upcoming, past } = ok(answer.body as never) as { upcoming: Array<{ date: string; statusLabel: string }>; past: Array<{ statusLabel: string }> };
    expect(upcoming.map((b) => b.date)).toEqual([daysFromToday(t, 25)]);
    expect(past.map((b) => b.statusLabel)).toEqual(['已取消', '已取消']);
    expect(answer.databaseRequests).toBe(1);
  });
});

describe('booking: what residents are refused, and how they are told', () => {
  test('a day already past: BOOKING.CLOSED', async () => {
    const past = await placeDay(daysFromToday(t, -1), 'rd-test-yesterday');
    expect(await t.call('booking.book', bookingPayload(past), { openid: 'resident-r1' })).toMatchObject({ ok: false, code: 'BOOKING.CLOSED' });
    expect(await t.call('booking.joinWaitlist', bookingPayload(past), { openid: 'resident-r1' })).toMatchObject({ ok: false, code: 'BOOKING.CLOSED' });
  });

  test('a day staff cancelled: BOOKING.DAY_CANCELLED', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 30) });
    ok(await t.call('booking.cancelDay', { dayId: day._id, reason: '站点装修' }, { openid: CITY_STAFF }));
    expect(await t.call('booking.book', bookingPayload(day), { openid: 'resident-r1' })).toMatchObject({ ok: false, code: 'BOOKING.DAY_CANCELLED' });
  });

  test('an invalid phone number: BOOKING.INVALID_PHONE, before anything is read (only the caller’s rate-limit turn is taken)', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 31) });
    for (const phone of ['12345678901', '1381234567', '138-1234-567x', '']) {
      const answer = await t.raw('booking', { action: 'booking.book', payload: bookingPayload(day, { phone }) }, { openid: 'resident-r1' });
      expect(answer.body).toMatchObject({ ok: false, code: 'BOOKING.INVALID_PHONE', fields: { phone: expect.any(String) } });
      expect(answer.databaseRequests).toBe(0 + RATE_TURN);
    }
  });

  test('a phone typed with spaces, dashes or +86 is kept as its 11 digits', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 32) });
    const { booking } = ok(await t.call('booking.book', bookingPayload(day, { phone: '+86 138-1234 5678' }), { openid: 'resident-r2' }));
    expect(booking.phone).toBe('13812345678');
  });

  test('a topic over 100 characters is refused with the field named', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 33) });
    const answer = await t.raw('booking', { action: 'booking.book', payload: bookingPayload(day, { topic: '路'.repeat(101) }) }, { openid: 'resident-r1' });
    expect(answer.body).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT', fields: { topic: '太长了，最多100' } });
    expect(answer.databaseRequests).toBe(0);
    expect(ok(await t.call('booking.book', bookingPayload(day, { topic: '路'.repeat(100) }), { openid: 'resident-r1' })).booking.topic).toHaveLength(100);
  });

  test("cancelling someone else's booking is answered as if it did not exist", async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 34) });
    const { booking } = ok(await t.call('booking.book', bookingPayload(day), { openid: 'resident-owner' }));
    const answer = await t.call('booking.cancel', { bookingId: booking._id }, { openid: 'resident-other' });
    expect(answer).toEqual(await t.call('booking.cancel', { bookingId: 'no-such-booking' }, { openid: 'resident-other' }));
    expect(answer).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
    expect(ok(await t.call('booking.listMine', {}, { openid: 'resident-owner' })).upcoming[0]?.status).toBe('booked');
  });

  test('cancelling once the slot has started: BOOKING.CANCEL_TOO_LATE', async () => {
    const past = await placeDay(daysFromToday(t, -2), 'rd-test-two-days-ago');
    const slot = past.slots[0]!;
    const booking: BookingDocument = {
      _id: 'bk-too-late',
      code: 'TLTLTL',
      kind: 'online',
      openid: 'resident-late',
      status: 'booked',
      activeKey: `resident-late|${past._id}#0`,
      dayId: past._id,
      epoch: 0,
      stationId: beishan._id,
      stationName: beishan.name,
      stationAddress: beishan.address,
      areaPath: beishan.areaPath,
      date: past.date,
      slotId: slot.id,
      slotIndex: 0,
      slotStart: slot.start,
      slotEnd: slot.end,
      name: '王大爷',
      phone: '13900000000',
      topic: '路灯',
      queuedAt: t.clock.now(),
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    };
    await database(t).collection(COLLECTIONS.bookings).add(booking);
    expect(await t.call('booking.cancel', { bookingId: booking._id }, { openid: 'resident-late' })).toMatchObject({ ok: false, code: 'BOOKING.CANCEL_TOO_LATE' });
    expect((await readDocument<BookingDocument>(t, COLLECTIONS.bookings, booking._id))?.status).toBe('booked');
  });

  test('an unknown day or slot is NOT_FOUND; no identity is AUTH.REQUIRED; unknown fields are refused', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 35) });
    expect(await t.call('booking.book', bookingPayload(day, { slotId: '2300' }), { openid: 'resident-r1' })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
    expect(await t.call('booking.book', bookingPayload(day, { dayId: 'rd-none' }), { openid: 'resident-r1' })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
    expect(await t.call('booking.book', bookingPayload(day))).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    const spoof = await t.raw('booking', { action: 'booking.book', payload: { ...bookingPayload(day), openid: 'resident-r1' } }, { openid: 'resident-r3' });
    expect(spoof.body).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT', fields: { openid: '不支持这个字段' } });
    expect((spoof.body as { fields: Record<string, string> }).fields).not.toHaveProperty('_');
  });

  test('a request id must look like one', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 36) });
    expect(await t.call('booking.book', bookingPayload(day, { clientRequestId: 'x' }), { openid: 'resident-r1' })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { clientRequestId: expect.any(String) },
    });
    expect(requestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
