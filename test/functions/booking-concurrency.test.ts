import { COLLECTIONS } from '../../infra/database';
import type { ApiResponse } from '../../miniprogram/shared/errors';
import { ok, useTestRuntime } from '../support/runtime';
import { addTestDay, bookingPayload, database, daysFromToday, seatsLeft } from './booking.support';

const t = useTestRuntime();

function tally(answers: ReadonlyArray<ApiResponse<unknown>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.ok ? 'booked' : answer.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function activeBookings(dayId: string): Promise<Array<{ openid: string }>> {
  const { data } = await database(t).collection(COLLECTIONS.bookings).where({ dayId, status: 'booked' }).limit(1000).get();
  return data as Array<{ openid: string }>;
}

describe('booking: capacity holds whatever the concurrency', () => {
  test('200 residents at once for 10 seats: exactly 10 bookings, everyone else told it is full', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 40), seats: 10 });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => t.call('booking.book', bookingPayload(day), { openid: `race-resident-${i}` })));
    expect(tally(answers)).toEqual({ booked: 10, 'BOOKING.FULL': 190 });
    expect(await seatsLeft(t, day._id)).toEqual([0]);
    const held = await activeBookings(day._id);
    expect(held).toHaveLength(10);
    expect(new Set(held.map((b) => b.openid)).size).toBe(10);
  });

  test('one resident tapping 20 times at once gets exactly one booking', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 41), seats: 10, windows: [{ start: '09:00', end: '11:00' }] });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.call('booking.book', bookingPayload(day, { slotId: day.slots[i % 4]!.id }), { openid: 'eager-resident' })),
    );
    expect(tally(answers)).toEqual({ booked: 1, 'BOOKING.ALREADY_BOOKED': 19 });
    expect(await activeBookings(day._id)).toHaveLength(1);
    expect((await seatsLeft(t, day._id)).reduce((sum, n) => sum + n, 0)).toBe(39);
  });

  test('the same request retried 20 times at once books once and answers the same booking', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 42), seats: 10 });
    const payload = bookingPayload(day);
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.call('booking.book', payload, { openid: 'retrying-resident' })));
    const ids = new Set(answers.map((a) => (a.ok ? a.data.booking._id : a.code)));
    expect(ids.size).toBe(1);
    expect(await seatsLeft(t, day._id)).toEqual([9]);
  });

  test('cancellations racing new bookings and waitlist joins never exceed the seats', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 43), seats: 5 });
    const first = await Promise.all(Array.from({ length: 5 }, (_, i) => t.call('booking.book', bookingPayload(day), { openid: `churn-${i}` })));
    const ids = first.map((a) => (a.ok ? a.data.booking._id : ''));
    await Promise.all([
      ...ids.map((bookingId, i) => t.call('booking.cancel', { bookingId }, { openid: `churn-${i}` })),
      ...Array.from({ length: 30 }, (_, i) => t.call('booking.book', bookingPayload(day), { openid: `churn-new-${i}` })),
      ...Array.from({ length: 10 }, (_, i) => t.call('booking.joinWaitlist', bookingPayload(day), { openid: `churn-wait-${i}` })),
    ]);
    const held = await activeBookings(day._id);
    const [left] = await seatsLeft(t, day._id);
    expect(held.length).toBeLessThanOrEqual(5);
    expect(held.length + (left ?? NaN)).toBe(5);
    // A seat left free while someone waits for it would be a lost promotion.
    const { total: waiting } = await database(t).collection(COLLECTIONS.bookings).where({ dayId: day._id, status: 'waiting' }).count();
    expect({ left, waiting }).toEqual(left === 0 ? { left: 0, waiting } : { left, waiting: 0 });
  });

  test('a seat given up while residents wait goes to the first of them, never to someone booking at that moment', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 44), seats: 1 });
    const holder = await t.call('booking.book', bookingPayload(day), { openid: 'handover-holder' });
    if (!holder.ok) throw new Error('the holder could not book');
    expect(await t.call('booking.joinWaitlist', bookingPayload(day), { openid: 'handover-waiter' })).toMatchObject({ ok: true });

    // Someone books at the worst moment: right after any write to the day's seat counters made
    // while the seat is being given up.
    const engine = t.runtime.database;
    const handle = engine.handle.bind(engine);
    const grabs: Array<ApiResponse<unknown>> = [];
    let grabbing = false;
    engine.handle = async (body) => {
      const answer = await handle(body);
      if (!grabbing && body.action === 'database.modifyDocument' && body.collectionName === COLLECTIONS.receptionDays) {
        grabbing = true;
        grabs.push(await t.call('booking.book', bookingPayload(day), { openid: `handover-grab-${grabs.length}` }));
        grabbing = false;
      }
      return answer;
    };
    try {
      ok(await t.call('booking.cancel', { bookingId: holder.data.booking._id }, { openid: 'handover-holder' }));
    } finally {
      engine.handle = handle;
    }
    grabs.push(await t.call('booking.book', bookingPayload(day), { openid: 'handover-grab-after' }));

    expect(tally(grabs)).toEqual({ 'BOOKING.FULL': grabs.length });
    expect((await activeBookings(day._id)).map((b) => b.openid)).toEqual(['handover-waiter']);
    expect(await seatsLeft(t, day._id)).toEqual([0]);
  });
});
