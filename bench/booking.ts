/**
 * The booking race: 500 residents tap 预约 at the same moment for a slot of 20 seats, through
 * the local runtime over HTTP. Exactly 20 must get a seat whatever the interleaving; everyone
 * else is told the slot is full. Needs a seeded runtime (it acts as the demo city staff to add
 * the day it races on).
 */
import { DB_REQUESTS_HEADER } from '../runtime/server';
import { addDays, shanghaiDate } from '../miniprogram/shared/domain/time';
import { percentile } from './stats';

const ATTEMPTS = 500;
const SEATS = 20;
const STAFF = 'demo-staff-city';
export const RACE_STATION = 'st-qingshi';
const STATION = RACE_STATION;

export const BOOKING_RACE_HEADERS = [`booking race: ${ATTEMPTS} at once for ${SEATS} seats`, 'value'];

interface Answer {
  ok: boolean;
  code?: string;
  data?: { day?: { _id: string; slots: Array<{ id: string }> } };
}

async function post(runtimeUrl: string, event: unknown, openid: string): Promise<{ body: Answer; databaseRequests: number }> {
  const res = await fetch(`${runtimeUrl}/fn/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  return { body: (await res.json()) as Answer, databaseRequests: Number(res.headers.get(DB_REQUESTS_HEADER)) };
}

/** A fresh day of one slot with SEATS seats, on the first free date two months out. */
export async function raceDay(runtimeUrl: string, seats = SEATS, firstOffset = 60): Promise<{ dayId: string; slotId: string }> {
  const today = shanghaiDate(new Date());
  for (let offset = firstOffset; offset < firstOffset + 60; offset += 1) {
    const payload = { stationId: STATION, date: addDays(today, offset), windows: [{ start: '09:00', end: '09:30' }], slotMinutes: 30, seatsPerSlot: seats };
    const { body } = await post(runtimeUrl, { action: 'booking.addDay', payload }, STAFF);
    const day = body.data?.day;
    if (body.ok && day?.slots[0]) return { dayId: day._id, slotId: day.slots[0].id };
    if (body.code !== 'BOOKING.DAY_EXISTS') throw new Error(`booking.addDay answered ${body.code ?? 'no day'}`);
  }
  throw new Error('no free date for the booking race');
}

/** Runs the race and answers its table rows; throws if capacity was not exactly honoured. */
export async function benchBookingRace(runtimeUrl: string): Promise<Array<[string, string | number]>> {
  const { dayId, slotId } = await raceDay(runtimeUrl);
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  const refusals: Record<string, number> = {};
  let granted = 0;
  let databaseRequests = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      const payload = { dayId, slotId, topic: '压测：预约接待', name: '压测居民', phone: '13800000000', clientRequestId: `race-${run}-${i}` };
      const t0 = performance.now();
      const { body, databaseRequests: used } = await post(runtimeUrl, { action: 'booking.book', payload }, `bench-race-${run}-${i}`);
      latencies.push(performance.now() - t0);
      databaseRequests += used;
      if (body.ok) granted += 1;
      else refusals[body.code ?? 'no code'] = (refusals[body.code ?? 'no code'] ?? 0) + 1;
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  if (granted !== SEATS) throw new Error(`booking race granted ${granted} seats, not ${SEATS}`);
  return [
    ['bookings granted (must be 20)', granted],
    ...Object.entries(refusals)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]): [string, number] => [`refused ${code}`, count]),
    ['p50 ms', latencies.length ? percentile(latencies, 50) : NaN],
    ['p99 ms', latencies.length ? percentile(latencies, 99) : NaN],
    ['whole race ms', elapsed],
    ['database requests per attempt', databaseRequests / ATTEMPTS],
  ];
}
