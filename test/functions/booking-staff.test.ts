import { COLLECTIONS } from '../../infra/database';
import type { BookingDocument } from '../../infra/documents/booking';
import type { ReceptionDayView, ReceptionRecordView } from '../../miniprogram/shared/domain/booking';
import { DEFAULT_RECEPTION_RULE, slotStartsAt } from '../../miniprogram/shared/domain/reception';
import { isoWeekday } from '../../miniprogram/shared/domain/time';
import { DEMO_STATIONS } from '../../runtime/seed/demoData';
import { FIRST_RATE_TURN, ok, RATE_TURN, useTestRuntime } from '../support/runtime';
import { allowMessages, opinionFor } from './helpers/cloud';
import { addTestDay, BEISHAN_STAFF, bookingPayload, CITY_STAFF, database, daysFromToday, JIANGNAN_STAFF, outbox, requestId, seatsLeft, today } from './booking.support';

const t = useTestRuntime();
beforeAll(async () => {
  await database(t)
    .collection(COLLECTIONS.accounts)
    .add([
      { _id: 'deputy-huang', roles: ['resident', 'deputy'], deputy: { deputyId: 'dp-011', name: '黄大勇' } },
      { _id: 'deputy-sun', roles: ['resident', 'deputy'], deputy: { deputyId: 'dp-007', name: '孙国平' } },
    ]);
});

const beishan = DEMO_STATIONS.find((s) => s._id === 'st-beishan')!;

let placed = 0;
/** A booking placed straight into the store: on a day whose slots have started, the API would refuse it. */
async function placeBooking(day: ReceptionDayView, openid: string, status: BookingDocument['status'] = 'booked'): Promise<BookingDocument> {
  placed += 1;
  const slot = day.slots[0]!;
  const booking: BookingDocument = {
    _id: `bk-placed-${placed}`,
    code: `PQR${'ABCDEFGHJK'[Math.floor(placed / 10) % 10]}${'ABCDEFGHJK'[placed % 10]}2`,
    kind: 'online',
    openid,
    status,
    activeKey: `${openid}|${day._id}#0`,
    dayId: day._id,
    epoch: 0,
    stationId: day.stationId,
    stationName: day.stationName,
    stationAddress: beishan.address,
    areaPath: beishan.areaPath,
    date: day.date,
    slotId: slot.id,
    slotIndex: 0,
    slotStart: slot.start,
    slotEnd: slot.end,
    name: '赵阿姨',
    phone: '13700000000',
    topic: '菜市场噪音',
    queuedAt: t.clock.now(),
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
  };
  await database(t).collection(COLLECTIONS.bookings).add(booking);
  return booking;
}

describe('booking: only staff in scope run the station', () => {
  test('a resident calling any staff action is refused', async () => {
    const day = ok(await t.call('booking.listDays', { stationId: 'st-beishan' })).days[0]!;
    const calls = [
      t.call('booking.getRule', { stationId: 'st-beishan' }, { openid: 'resident-x' }),
      t.call(
        'booking.saveRule',
        {
          stationId: 'st-beishan',
          rule: { pattern: { kind: 'monthly', dayOfMonth: 10 }, windows: [{ start: '09:00', end: '10:00' }], slotMinutes: 30, seatsPerSlot: 2, deputyIds: [] },
        },
        { openid: 'resident-x' },
      ),
      t.call('booking.addDay', { stationId: 'st-beishan', date: daysFromToday(t, 5) }, { openid: 'resident-x' }),
      t.call('booking.cancelDay', { dayId: day._id }, { openid: 'resident-x' }),
      t.call('booking.setRoster', { dayId: day._id, deputyIds: [] }, { openid: 'resident-x' }),
      t.call('booking.getCheckInQr', { stationId: 'st-beishan' }, { openid: 'resident-x' }),
      t.call('booking.getRoster', { dayId: day._id }, { openid: 'resident-x' }),
      t.call('booking.staffCheckIn', { code: 'ABC234' }, { openid: 'resident-x' }),
      t.call('booking.addWalkIn', { dayId: day._id, name: '张三', topic: '问路', clientRequestId: requestId() }, { openid: 'resident-x' }),
      t.call('booking.recordReception', { bookingId: 'anything', deputyIds: [], items: [{ text: '路灯', toOpinion: false }] }, { openid: 'resident-x' }),
      t.call('booking.getRecord', { bookingId: 'anything' }, { openid: 'resident-x' }),
      t.call('booking.listStationDays', { stationId: 'st-beishan', from: today(t), to: today(t) }, { openid: 'resident-x' }),
    ];
    for (const answer of await Promise.all(calls)) expect(answer).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' });
    expect(await t.call('booking.getRule', { stationId: 'st-beishan' })).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('staff outside their scope are refused; the station and area above it are not', async () => {
    expect(await t.call('booking.getRule', { stationId: 'st-beishan' }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('booking.getRule', { stationId: 'st-linjiang' }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const nanhuDay = ok(await t.call('booking.listDays', { stationId: 'st-nanhu' })).days[0]!;
    expect(await t.call('booking.getRoster', { dayId: nanhuDay._id }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('booking.cancelDay', { dayId: nanhuDay._id }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(ok(await t.call('booking.getRule', { stationId: 'st-beishan' }, { openid: BEISHAN_STAFF })).stationId).toBe('st-beishan');
    expect(ok(await t.call('booking.getRule', { stationId: 'st-nanhu' }, { openid: JIANGNAN_STAFF })).isDefault).toBe(true);
  });
});

describe('booking: staff set the reception rule and the days follow', () => {
  test('a station without a rule of its own follows the 15th, 09:00–11:30 and 14:30–17:00', async () => {
    const answer = await t.raw('booking', { action: 'booking.getRule', payload: { stationId: 'st-qingshi' } }, { openid: CITY_STAFF });
    expect(ok(answer.body as never)).toMatchObject({ isDefault: true, rule: DEFAULT_RECEPTION_RULE });
    expect(answer.databaseRequests).toBe(3);
  });

  test('a weekly rule replaces the untouched days, keeps the booked one, and saving it again changes nothing', async () => {
    const seeded = ok(await t.call('booking.listDays', { stationId: 'st-qingshi' })).days;
    const booked = seeded.find((d) => d.date > today(t))!;
    ok(await t.call('booking.book', bookingPayload(booked), { openid: 'resident-qingshi' }));

    const rule = { pattern: { kind: 'weekly' as const, weekday: 3 }, windows: [{ start: '09:00', end: '11:00' }], slotMinutes: 60, seatsPerSlot: 5, deputyIds: ['dp-006'] };
    const saved = await t.raw('booking', { action: 'booking.saveRule', payload: { stationId: 'st-qingshi', rule } }, { openid: CITY_STAFF });
    const result = ok(saved.body as never) as { created: number; removed: number; isDefault: boolean };
    expect(result.isDefault).toBe(false);
    expect(result.removed).toBe(seeded.length - 1);
    expect(result.created).toBeGreaterThanOrEqual(12);
    expect(saved.databaseRequests).toBeLessThanOrEqual(9 + FIRST_RATE_TURN);

    const days = ok(await t.call('booking.listDays', { stationId: 'st-qingshi' })).days;
    expect(days.find((d) => d._id === booked._id)?.slots).toHaveLength(10);
    const weekly = days.filter((d) => d._id !== booked._id);
    expect(weekly.length).toBeGreaterThanOrEqual(11);
    // Wednesdays, or the working day after when a Wednesday is a holiday.
    for (const day of weekly) {
      expect(isoWeekday(day.nominalDate)).toBe(3);
      expect(day.date >= day.nominalDate).toBe(true);
      expect(day.slots.map((s) => [s.start, s.seats])).toEqual([
        ['09:00', 5],
        ['10:00', 5],
      ]);
      expect(day.deputyIds).toEqual(['dp-006']);
    }
    expect(ok(await t.call('booking.saveRule', { stationId: 'st-qingshi', rule }, { openid: CITY_STAFF }))).toMatchObject({ created: 0, removed: 0 });
    expect(ok(await t.call('booking.getRule', { stationId: 'st-qingshi' }, { openid: CITY_STAFF }))).toMatchObject({ isDefault: false, rule });
  });

  test('overlapping windows, or a deputy of another station, are refused', async () => {
    const overlapping = {
      ...DEFAULT_RECEPTION_RULE,
      windows: [
        { start: '09:00', end: '11:00' },
        { start: '10:30', end: '12:00' },
      ],
    };
    expect(await t.call('booking.saveRule', { stationId: 'st-beishan', rule: overlapping }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { 'rule.windows': '09:00–11:00 与 10:30–12:00 重叠' },
    });
    const stranger = { ...overlapping, windows: [{ start: '09:00', end: '11:00' }], deputyIds: ['dp-001'] };
    expect(await t.call('booking.saveRule', { stationId: 'st-beishan', rule: stranger }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.DEPUTY_NOT_AT_STATION',
    });
  });

  test('adding a day: not in the past, not twice; a cancelled day comes back with fresh seats', async () => {
    expect(await t.call('booking.addDay', { stationId: 'st-beishan', date: daysFromToday(t, -1) }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.DATE_PASSED',
    });
    const day = await addTestDay(t, { date: daysFromToday(t, 50), seats: 2 });
    expect(day).toMatchObject({ stationId: 'st-beishan', date: daysFromToday(t, 50), nominalDate: daysFromToday(t, 50), cancelled: false });
    expect(await t.call('booking.addDay', { stationId: 'st-beishan', date: daysFromToday(t, 50) }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.DAY_EXISTS',
    });

    ok(await t.call('booking.book', bookingPayload(day), { openid: 'resident-restored' }));
    ok(await t.call('booking.cancelDay', { dayId: day._id }, { openid: CITY_STAFF }));
    const restored = await addTestDay(t, { date: daysFromToday(t, 50), seats: 2 });
    expect(restored._id).toBe(day._id);
    expect(restored.slots[0]).toMatchObject({ seatsLeft: 2, state: 'open' });
    expect(ok(await t.call('booking.book', bookingPayload(restored), { openid: 'resident-restored' })).booking.status).toBe('booked');
  });

  test('cancelling a day cancels every seat and waitlist place on it and tells each resident', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 51), seats: 1 });
    ok(await t.call('booking.book', bookingPayload(day), { openid: 'resident-cd1' }));
    ok(await t.call('booking.joinWaitlist', bookingPayload(day), { openid: 'resident-cd2' }));
    for (const resident of ['resident-cd1', 'resident-cd2']) await allowMessages(t, resident, 'lxq-booking-day-cancelled');
    const before = (await outbox(t)).length;
    const answer = await t.raw('booking', { action: 'booking.cancelDay', payload: { dayId: day._id, reason: '代表集中学习，改期接待' } }, { openid: BEISHAN_STAFF });
    expect(ok(answer.body as never)).toMatchObject({ day: { cancelled: true }, cancelledBookings: 2 });
    // Five, and one acceptance spent per resident.
    expect(answer.databaseRequests).toBe(7 + RATE_TURN);
    const sent = (await outbox(t)).slice(before);
    expect(sent.map((m) => m.request.touser).sort()).toEqual(['resident-cd1', 'resident-cd2']);
    expect(sent[0]?.request).toMatchObject({
      template_id: 'lxq-booking-day-cancelled',
      data: { date2: { value: daysFromToday(t, 51) }, thing3: { value: '代表集中学习，改期接待' } },
    });
    for (const openid of ['resident-cd1', 'resident-cd2']) {
      expect(ok(await t.call('booking.listMine', {}, { openid })).past[0]).toMatchObject({ dayId: day._id, status: 'cancelled' });
    }
    expect(ok(await t.call('booking.listDays', { stationId: 'st-beishan' })).days.some((d) => d._id === day._id)).toBe(false);
    expect(ok(await t.call('booking.cancelDay', { dayId: day._id }, { openid: CITY_STAFF })).cancelledBookings).toBe(0);
  });

  test("the roster of a day puts deputies on duty; the deputy's page then shows the day", async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 52) });
    const answer = await t.raw('booking', { action: 'booking.setRoster', payload: { dayId: day._id, deputyIds: ['dp-011', 'dp-013'] } }, { openid: BEISHAN_STAFF });
    expect(ok(answer.body as never)).toMatchObject({ day: { deputyIds: ['dp-011', 'dp-013'] } });
    // Four, and two to settle the day's visit counters (the roster decides whose figures its visits count in): read it and claim it; a day nobody visited has nothing to move.
    expect(answer.databaseRequests).toBe(6 + RATE_TURN);
    const deputyPage = ok(await t.call('directory.getDeputy', { deputyId: 'dp-011' }));
    expect(deputyPage.upcomingDays.map((d) => d._id)).toContain(day._id);
    expect(await t.call('booking.setRoster', { dayId: day._id, deputyIds: ['dp-005'] }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.DEPUTY_NOT_AT_STATION',
    });
  });
});

describe('booking: staff open any day of a station, past and cancelled ones too', () => {
  test("a range of days comes back, the past visit days and a cancelled day included, so a past day's roster opens", async () => {
    const cancelled = await addTestDay(t, { stationId: 'st-nanhu', date: daysFromToday(t, 10) });
    ok(await t.call('booking.cancelDay', { dayId: cancelled._id }, { openid: CITY_STAFF }));
    const answer = await t.raw(
      'booking',
      { action: 'booking.listStationDays', payload: { stationId: 'st-nanhu', from: daysFromToday(t, -30), to: daysFromToday(t, 30) } },
      { openid: JIANGNAN_STAFF },
    );
    const { days } = ok(answer.body as never) as { days: ReceptionDayView[] };
    expect(answer.databaseRequests).toBe(5);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining([daysFromToday(t, -16), daysFromToday(t, -9), daysFromToday(t, 10)]));
    expect(days.find((d) => d._id === cancelled._id)?.cancelled).toBe(true);
    expect(days.every((d) => d.date >= daysFromToday(t, -30) && d.date <= daysFromToday(t, 30))).toBe(true);

    const past = days.find((d) => d.date === daysFromToday(t, -16))!;
    const roster = ok(await t.call('booking.getRoster', { dayId: past._id }, { openid: JIANGNAN_STAFF }));
    expect(roster.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['陈大爷', '周女士']));
  });

  test('a resident, staff of another area, a range backwards or longer than 92 days are refused', async () => {
    const range = { stationId: 'st-nanhu', from: daysFromToday(t, -10), to: daysFromToday(t, 10) };
    expect(await t.call('booking.listStationDays', range, { openid: 'resident-x' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('booking.listStationDays', range, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('booking.listStationDays', { ...range, to: daysFromToday(t, -11) }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { to: '结束日期不能早于开始日期' },
    });
    expect(await t.call('booking.listStationDays', { ...range, to: daysFromToday(t, 82) }, { openid: CITY_STAFF })).toMatchObject({
      ok: false,
      fields: { to: '一次最多查看92天' },
    });
    expect(ok(await t.call('booking.listStationDays', { ...range, to: daysFromToday(t, 81) }, { openid: CITY_STAFF })).days.length).toBeGreaterThan(0);
  });
});

describe('booking: the record of a visit, to write or edit', () => {
  test('a visit recorded before comes back with its record and the deputies on duty, in three requests and one more for the audit entry', async () => {
    const { days } = ok(await t.call('booking.listStationDays', { stationId: 'st-nanhu', from: daysFromToday(t, -16), to: daysFromToday(t, -16) }, { openid: CITY_STAFF }));
    const roster = ok(await t.call('booking.getRoster', { dayId: days[0]!._id }, { openid: CITY_STAFF }));
    const chen = roster.entries.find((e) => e.name === '陈大爷')!;
    const answer = await t.raw('booking', { action: 'booking.getRecord', payload: { bookingId: chen._id } }, { openid: CITY_STAFF });
    expect(ok(answer.body as never)).toMatchObject({
      visit: { _id: chen._id, name: '陈大爷', status: 'checkedIn', recorded: true },
      deputies: expect.arrayContaining([expect.objectContaining({ _id: 'dp-002', name: '林秀英' })]),
      record: { bookingId: chen._id, deputyIds: ['dp-002'], items: [{ text: '反映社区问题', toOpinion: false, category: 'other', opinionId: null, trackingNo: null }] },
    });
    expect(answer.databaseRequests).toBe(4);

    const sun = roster.entries.find((e) => e.name === '孙先生')!;
    expect(ok(await t.call('booking.getRecord', { bookingId: sun._id }, { openid: CITY_STAFF }))).toMatchObject({ visit: { recorded: false }, record: null });
  });

  test('staff of another area or a deputy not on duty get the same answer as for a missing visit; a resident is refused either way', async () => {
    const booking = await placeBooking(await addTestDay(t, { date: daysFromToday(t, 53) }), 'resident-getrecord', 'checkedIn');
    const missing = await t.call('booking.getRecord', { bookingId: 'bk-nobody' }, { openid: BEISHAN_STAFF });
    expect(missing).toEqual({ ok: false, code: 'COMMON.NOT_FOUND', message: expect.any(String) });
    expect(await t.call('booking.getRecord', { bookingId: booking._id }, { openid: JIANGNAN_STAFF })).toEqual(missing);
    expect(await t.call('booking.getRecord', { bookingId: booking._id }, { openid: 'deputy-huang' })).toEqual(missing);
    expect(await t.call('booking.getRecord', { bookingId: 'bk-nobody' }, { openid: 'deputy-huang' })).toEqual(missing);
    const refused = await t.call('booking.getRecord', { bookingId: booking._id }, { openid: 'resident-getrecord' });
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('booking.getRecord', { bookingId: 'bk-nobody' }, { openid: 'resident-getrecord' })).toEqual(refused);
  });
});

describe('booking: check-in, roster, walk-ins and reception records at the station', () => {
  let todayDay: ReceptionDayView;
  let scene: string;
  beforeAll(async () => {
    todayDay = await addTestDay(t, { date: today(t), windows: [{ start: '00:00', end: '00:30' }], seats: 5 });
    ok(await t.call('booking.setRoster', { dayId: todayDay._id, deputyIds: ['dp-011'] }, { openid: CITY_STAFF }));
    scene = ok(await t.call('booking.getCheckInQr', { stationId: 'st-beishan' }, { openid: BEISHAN_STAFF })).scene;
  });

  test("the station's check-in code opens the check-in page and carries a secret token", async () => {
    const answer = await t.raw('booking', { action: 'booking.getCheckInQr', payload: { stationId: 'st-beishan' } }, { openid: BEISHAN_STAFF });
    const qr = ok(answer.body as never) as { scene: string; page: string; fileID: string; url: string };
    expect(qr.scene).toBe(scene);
    expect(qr.scene).toMatch(/^c=[A-Za-z0-9]{12}$/);
    expect(qr.page).toBe('pages/check-in/index');
    expect(qr.fileID).toContain('qrcodes/checkin-BS01.png');
    const png = await fetch(qr.url);
    expect(png.status).toBe(200);
    expect(answer.databaseRequests).toBe(3 + RATE_TURN);
  });

  test('a resident scans the code on the day of their booking and is checked in, once', async () => {
    const booking = await placeBooking(todayDay, 'resident-arrives');
    const answer = await t.raw('booking', { action: 'booking.checkIn', payload: { scene: encodeURIComponent(scene) } }, { openid: 'resident-arrives' });
    const expectedLate = t.clock.now().getTime() >= slotStartsAt(todayDay.date, '00:30').getTime();
    expect(ok(answer.body as never)).toMatchObject({ booking: { _id: booking._id, status: 'checkedIn', statusLabel: '已签到', late: expectedLate } });
    // Three, and seven for the day's visit counters (进站人次): mark the day, read it, count its check-ins and records, claim, create the day's first counters and move them.
    expect(answer.databaseRequests).toBe(10 + FIRST_RATE_TURN);
    expect(ok(await t.call('booking.checkIn', { scene }, { openid: 'resident-arrives' })).booking._id).toBe(booking._id);
  });

  test('scanning on another day, without a booking here, or a foreign code is refused', async () => {
    const future = await addTestDay(t, { date: daysFromToday(t, 3) });
    ok(await t.call('booking.book', bookingPayload(future), { openid: 'resident-early' }));
    expect(await t.call('booking.checkIn', { scene }, { openid: 'resident-early' })).toMatchObject({ ok: false, code: 'BOOKING.WRONG_DAY' });
    expect(await t.call('booking.checkIn', { scene }, { openid: 'resident-nobody' })).toMatchObject({ ok: false, code: 'BOOKING.NO_BOOKING_HERE' });
    expect(await t.call('booking.checkIn', { scene: 'c=AAAAAAAAAAAA' }, { openid: 'resident-arrives' })).toMatchObject({ ok: false, code: 'BOOKING.INVALID_CHECK_IN_CODE' });
    expect(await t.call('booking.checkIn', { scene: 's=BS01' }, { openid: 'resident-arrives' })).toMatchObject({ ok: false, code: 'BOOKING.INVALID_CHECK_IN_CODE' });
  });

  test('staff scan a booking code on the day; another day, an unknown code or another station is refused', async () => {
    const booking = await placeBooking(todayDay, 'resident-scanned');
    const code = `${booking.code.slice(0, 3).toLowerCase()}-${booking.code.slice(3)}`;
    const answer = await t.raw('booking', { action: 'booking.staffCheckIn', payload: { code } }, { openid: BEISHAN_STAFF });
    expect(ok(answer.body as never)).toMatchObject({ entry: { _id: booking._id, status: 'checkedIn', kind: 'online', recorded: false } });
    // Four, and seven for the day's visit counters (进站人次): mark the day, read it, count its check-ins and records, claim, find and move the counters.
    expect(answer.databaseRequests).toBe(11 + RATE_TURN); // and the audit entry for the name and phone shown

    const future = ok(await t.call('booking.listMine', {}, { openid: 'resident-early' })).upcoming[0]!;
    expect(await t.call('booking.staffCheckIn', { code: future.code }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.NOT_TODAY_STAFF',
      message: '该预约不是今天的，请核对日期；来访者在现场时可为其现场登记',
    });
    expect(await t.call('booking.staffCheckIn', { code: 'ZZZ999' }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'BOOKING.CODE_NOT_FOUND' });
    expect(await t.call('booking.staffCheckIn', { code: booking.code }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'BOOKING.CODE_NOT_FOUND' });
    expect(await t.call('booking.staffCheckIn', { code: 'not a code!' }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });

  test('staff register a walk-in on the day only; a retried registration adds nobody twice', async () => {
    const clientRequestId = requestId();
    const walkIn = { dayId: todayDay._id, name: '钱师傅', phone: '13600000000', topic: '农村公路养护', clientRequestId };
    const entry = ok(await t.call('booking.addWalkIn', walkIn, { openid: BEISHAN_STAFF })).entry;
    expect(entry).toMatchObject({ kind: 'walkIn', status: 'checkedIn', name: '钱师傅' });
    expect(ok(await t.call('booking.addWalkIn', walkIn, { openid: BEISHAN_STAFF })).entry._id).toBe(entry._id);
    const future = await addTestDay(t, { date: daysFromToday(t, 4) });
    expect(await t.call('booking.addWalkIn', { ...walkIn, dayId: future._id, clientRequestId: requestId() }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.WRONG_DAY',
    });
    expect(await seatsLeft(t, todayDay._id)).toEqual([5]);
  });

  test('the roster shows bookings, arrivals and walk-ins in two requests, and one more to audit the names and phones shown', async () => {
    await placeBooking(todayDay, 'resident-absent');
    const answer = await t.raw('booking', { action: 'booking.getRoster', payload: { dayId: todayDay._id } }, { openid: BEISHAN_STAFF });
    const roster = ok(answer.body as never) as {
      entries: Array<{ name: string; kind: string; status: string }>;
      counts: Record<string, number>;
      deputies: Array<{ name: string }>;
    };
    expect(roster.counts).toEqual({ booked: 1, waiting: 0, checkedIn: 2, walkIns: 1, noShow: 0, cancelled: 0 });
    expect(roster.entries).toHaveLength(4);
    expect(roster.deputies.map((d) => d.name)).toEqual(['黄大勇']);
    expect(answer.databaseRequests).toBe(3);
  });

  test('after a visit the deputy on duty records what was raised; an item marked for the opinion loop becomes an opinion in the visitor’s name', async () => {
    const visit = ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).upcoming.concat(
      ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).past,
    )[0]!;
    const payload = {
      bookingId: visit._id,
      deputyIds: ['dp-011'],
      items: [
        { text: '小区门口路灯坏了三个月', toOpinion: true, category: 'urbanConstruction' as const },
        { text: '咨询医保报销流程，已当场解答', toOpinion: false },
      ],
      note: '群众情绪平稳',
    };
    const answer = await t.raw('booking', { action: 'booking.recordReception', payload }, { openid: 'deputy-huang' });
    const { record } = ok(answer.body as never) as { record: ReceptionRecordView };
    expect(record).toMatchObject({
      bookingId: visit._id,
      visitorName: '赵阿姨',
      items: [
        { toOpinion: true, category: 'urbanConstruction', opinionId: expect.any(String), trackingNo: expect.stringMatching(/^BS01-\d{6}-\d{3}$/) },
        { toOpinion: false, category: 'other', opinionId: null, trackingNo: null },
      ],
    });
    // Visit, account and record; the deputy's name; four for the number (the station's first of the
    // day creates its counter before claiming: cloudfunctions/core/trackingSequence.ts); the opinion;
    // five to count it in the statistics counters (read, claim, create the month's counters, move them, and its place's 待受理 queue).
    // And seven for the day's visit counters (接待人次): mark the day, read it, count its check-ins and records, claim, find and move the counters.
    expect(answer.databaseRequests).toBe(23 + FIRST_RATE_TURN); // and the audit entry for the visitor's name shown
    const stored = await database(t).collection(COLLECTIONS.receptionRecords).where({ bookingId: visit._id }).get();
    expect(stored.data[0]).toMatchObject({ visitorOpenid: 'resident-arrives', areaPath: beishan.areaPath });

    const opinion = record.items[0]!;
    const mine = ok(await t.call('opinion.listMine', {}, { openid: 'resident-arrives' })).items;
    expect(mine.find((o) => o.opinionId === opinion.opinionId)).toMatchObject({
      trackingNo: opinion.trackingNo,
      categoryLabel: '城乡建设',
      excerpt: '小区门口路灯坏了三个月',
      target: { kind: 'deputy', id: 'dp-011', name: '黄大勇' },
      statusLabel: '已提交',
      lastEvent: { type: 'received', note: '接待时记录', actorName: '黄大勇' },
    });
    const inbox = ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'deputy-huang' })).items;
    expect(inbox.find((o) => o.opinionId === opinion.opinionId)).toMatchObject({ trackingNo: opinion.trackingNo, addressedTo: 'me', stationName: beishan.name });

    const roster = ok(await t.call('booking.getRoster', { dayId: todayDay._id }, { openid: BEISHAN_STAFF }));
    expect(roster.entries.find((e) => e._id === visit._id)?.recorded).toBe(true);
  });

  test('writing the record again keeps each converted item and its opinion: never a second opinion', async () => {
    const visit = ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).upcoming.concat(
      ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).past,
    )[0]!;
    const first = ok(await t.call('booking.getRecord', { bookingId: visit._id }, { openid: BEISHAN_STAFF })).record!;
    const converted = first.items[0]!;
    const countOpinions = async () => (await database(t).collection(COLLECTIONS.opinions).where({ authorOpenid: 'resident-arrives' }).count()).total;
    const before = await countOpinions();

    // The same item sent again as typed (no opinionId): the same opinion, in three requests.
    const again = await t.raw(
      'booking',
      {
        action: 'booking.recordReception',
        payload: { bookingId: visit._id, deputyIds: ['dp-011'], items: [{ text: '小区门口路灯坏了三个月', toOpinion: true }], note: '补充：已转交街道' },
      },
      { openid: BEISHAN_STAFF },
    );
    expect(again.databaseRequests).toBe(4 + RATE_TURN); // and the audit entry for the visitor's name shown
    expect((ok(again.body as never) as { record: ReceptionRecordView }).record).toMatchObject({
      note: '补充：已转交街道',
      items: [{ opinionId: converted.opinionId, trackingNo: converted.trackingNo }],
    });

    // Edited, unticked, or left out: a converted item stays converted, as it was.
    const edited = ok(
      await t.call(
        'booking.recordReception',
        {
          bookingId: visit._id,
          deputyIds: ['dp-011'],
          items: [
            { text: '路灯已修', toOpinion: false, opinionId: converted.opinionId! },
            { text: '垃圾分类点太远', toOpinion: false },
          ],
        },
        { openid: BEISHAN_STAFF },
      ),
    ).record;
    expect(edited.items).toEqual([converted, { text: '垃圾分类点太远', toOpinion: false, category: 'other', opinionId: null, trackingNo: null }]);
    const leftOut = ok(
      await t.call('booking.recordReception', { bookingId: visit._id, deputyIds: ['dp-011'], items: [{ text: '垃圾分类点太远', toOpinion: false }] }, { openid: BEISHAN_STAFF }),
    ).record;
    expect(leftOut.items.map((i) => i.opinionId)).toEqual([null, converted.opinionId]);
    expect(await countOpinions()).toBe(before);
  });

  test('received by several deputies (or none named), the opinion goes to the station, where each of its deputies sees it', async () => {
    const booking = await placeBooking(todayDay, 'resident-station', 'checkedIn');
    const record = ok(
      await t.call('booking.recordReception', { bookingId: booking._id, deputyIds: [], items: [{ text: '农贸市场周边停车难', toOpinion: true }] }, { openid: BEISHAN_STAFF }),
    ).record;
    const opinionId = record.items[0]!.opinionId!;
    const mine = ok(await t.call('opinion.listMine', {}, { openid: 'resident-station' })).items;
    expect(mine[0]).toMatchObject({ opinionId, categoryLabel: '其他', target: { kind: 'station', name: beishan.name }, lastEvent: { note: '接待时记录' } });
    const inbox = ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'deputy-huang' })).items;
    expect(inbox.find((o) => o.opinionId === opinionId)).toMatchObject({ addressedTo: 'station' });
  });

  test('many items from one visit become as many opinions, numbered in a row, and do not use up the resident’s own submissions', async () => {
    const booking = await placeBooking(todayDay, 'resident-many', 'checkedIn');
    const items = ['东门路灯不亮', '菜市场污水外溢', '公交站没有遮雨棚', '小区电梯经常停运', '垃圾清运不及时', '学校门口缺少斑马线'].map((text) => ({ text, toOpinion: true }));
    const answer = await t.raw('booking', { action: 'booking.recordReception', payload: { bookingId: booking._id, deputyIds: ['dp-011'], items } }, { openid: BEISHAN_STAFF });
    const { record } = ok(answer.body as never) as { record: ReceptionRecordView };
    // 3 + the deputy's name + 2 for six numbers + 6 inserts + 4 each to count them (read, claim, move the counters and the queue).
    // And seven for the day's visit counters (接待人次): mark the day, read it, count its check-ins and records, claim, find and move the counters (core/visitCounters.ts).
    expect(answer.databaseRequests).toBe(45 + RATE_TURN); // and the audit entry for the visitor's name shown
    const sequences = record.items.map((item) => Number(item.trackingNo?.slice(-3)));
    expect(sequences).toEqual(sequences.map((_n, i) => sequences[0]! + i));
    expect(ok(await t.call('opinion.listMine', { pageSize: 10 }, { openid: 'resident-many' })).items).toHaveLength(6);
    expect(ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'resident-many' })).trackingNo).toMatch(/^BS01-/);
  });

  test('a walk-in has no account: their items are recorded, but none can become an opinion in their name', async () => {
    const { entry } = ok(await t.call('booking.addWalkIn', { dayId: todayDay._id, name: '孙大爷', topic: '低保申请', clientRequestId: requestId() }, { openid: BEISHAN_STAFF }));
    const items = [{ text: '低保申请材料不会填写', toOpinion: true }];
    expect(await t.call('booking.recordReception', { bookingId: entry._id, deputyIds: [], items }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.WALK_IN_NO_OPINION',
    });
    const record = ok(
      await t.call('booking.recordReception', { bookingId: entry._id, deputyIds: [], items: [{ ...items[0]!, toOpinion: false }] }, { openid: BEISHAN_STAFF }),
    ).record;
    expect(record.items[0]).toMatchObject({ toOpinion: false, opinionId: null });
  });

  test('staff shorthand may be short, but an item to become an opinion says what the problem is in five characters', async () => {
    const visit = ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).past.concat(
      ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).upcoming,
    )[0]!;
    expect(await t.call('booking.recordReception', { bookingId: visit._id, deputyIds: [], items: [{ text: '路灯', toOpinion: true }] }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { 'items.0.text': '转为意见的事项请至少写5个字，说清是什么问题' },
    });
  });

  test('a deputy not on duty finds no such visit; a visitor not checked in or a deputy off the roster is refused', async () => {
    const visit = ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).past.concat(
      ok(await t.call('booking.listMine', {}, { openid: 'resident-arrives' })).upcoming,
    )[0]!;
    const items = [{ text: '路灯', toOpinion: false }];
    expect(await t.call('booking.recordReception', { bookingId: visit._id, deputyIds: [], items }, { openid: 'deputy-sun' })).toMatchObject({
      ok: false,
      code: 'COMMON.NOT_FOUND',
    });
    const absent = ok(await t.call('booking.listMine', {}, { openid: 'resident-absent' })).upcoming.concat(
      ok(await t.call('booking.listMine', {}, { openid: 'resident-absent' })).past,
    )[0]!;
    expect(await t.call('booking.recordReception', { bookingId: absent._id, deputyIds: [], items }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.NOT_CHECKED_IN',
    });
    expect(await t.call('booking.recordReception', { bookingId: visit._id, deputyIds: ['dp-007'], items }, { openid: BEISHAN_STAFF })).toMatchObject({
      ok: false,
      code: 'BOOKING.DEPUTY_NOT_AT_STATION',
    });
  });

  test('a new check-in code stops the old one working', async () => {
    const rotated = ok(await t.call('booking.getCheckInQr', { stationId: 'st-beishan', rotate: true }, { openid: BEISHAN_STAFF })).scene;
    expect(rotated).not.toBe(scene);
    expect(await t.call('booking.checkIn', { scene }, { openid: 'resident-arrives' })).toMatchObject({ ok: false, code: 'BOOKING.INVALID_CHECK_IN_CODE' });
    expect(ok(await t.call('booking.checkIn', { scene: rotated }, { openid: 'resident-arrives' })).booking.status).toBe('checkedIn');
  });
});
