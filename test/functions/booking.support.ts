/** Helpers the booking function tests share: staff identities, days to book, the outbox, raw documents. */
import type * as Tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import type { PayloadOf } from '../../miniprogram/shared/contract';
import type { ReceptionDayView } from '../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { ok, runtimeOutbox, type TestRuntime } from '../support/runtime';

/** Seeded staff: the city administrator, a Jiangnan district office, the Beishan station. */
export const CITY_STAFF = 'demo-staff-city';
export const JIANGNAN_STAFF = 'demo-staff-jiangnan';
export const BEISHAN_STAFF = 'demo-staff-beishan';

/** The Shanghai date the runtime's clock reads: the test's "today". */
export const today = (t: TestRuntime): string => shanghaiDate(t.clock.now());
export const daysFromToday = (t: TestRuntime, n: number): string => addDays(today(t), n);

let requestCounter = 0;
export const requestId = (): string => `req-${process.pid}-${(requestCounter += 1)}-${Math.random().toString(36).slice(2, 8)}`;

export function bookingPayload(day: Pick<ReceptionDayView, '_id' | 'slots'>, overrides: Partial<PayloadOf<'booking.book'>> = {}): PayloadOf<'booking.book'> {
  return {
    dayId: day._id,
    slotId: day.slots[0]?.id ?? '0900',
    topic: '小区加装电梯的进展',
    name: '李阿姨',
    phone: '13812345678',
    clientRequestId: requestId(),
    ...overrides,
  };
}

/**
 * A day staff add at a station, one slot of `seats` seats by default. A seeded reception day on
 * that date (the 15th, or the working day after) is removed first, so tests run on any date.
 */
export async function addTestDay(
  t: TestRuntime,
  options: { stationId?: string; date: string; seats?: number; windows?: Array<{ start: string; end: string }>; slotMinutes?: number; staff?: string },
): Promise<ReceptionDayView> {
  const stationId = options.stationId ?? 'st-beishan';
  await database(t).collection(COLLECTIONS.receptionDays).where({ stationId, date: options.date, source: 'rule' }).remove();
  const { day } = ok(
    await t.call(
      'booking.addDay',
      {
        stationId,
        date: options.date,
        windows: options.windows ?? [{ start: '09:00', end: '09:30' }],
        slotMinutes: options.slotMinutes ?? 30,
        seatsPerSlot: options.seats ?? 3,
      },
      { openid: options.staff ?? CITY_STAFF },
    ),
  );
  return day;
}

export interface OutboxMessage {
  seq: number;
  apiName: string;
  request: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> };
}

export async function outbox(t: TestRuntime): Promise<OutboxMessage[]> {
  const messages = await runtimeOutbox<OutboxMessage>(t.runtime.url);
  return messages.filter((m) => m.apiName === 'subscribeMessage.send');
}

/** The store itself, through the SDK the functions use: to place days and bookings in the past. */
export function database(t: TestRuntime) {
  // Required, not imported: the runtime has set the SDK's environment by now.
  const tcb = require('@cloudbase/node-sdk') as typeof Tcb;
  return tcb.init({ env: t.runtime.config.envId }).database();
}

export async function readDocument<T>(t: TestRuntime, collection: string, id: string): Promise<T | undefined> {
  const { data } = await database(t).collection(collection).where({ _id: id }).limit(1).get();
  return (data as T[])[0];
}

export async function seatsLeft(t: TestRuntime, dayId: string): Promise<number[]> {
  const day = await readDocument<{ slots: Array<{ seatsLeft: number }> }>(t, COLLECTIONS.receptionDays, dayId);
  return day?.slots.map((s) => s.seatsLeft) ?? [];
}
