/**
 * Places documents straight into a page-test runtime's store, for what no action can make at
 * any hour of the day: a booking for a slot that has already started today (staff check
 * visitors in on the day, but a resident can book only slots still to come). Runs the SDK in a
 * Node process of its own: page tests run in jsdom.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { COLLECTIONS } from '../../../infra/database';
import type { BookingDocument } from '../../../infra/documents/booking';
import type { ReceptionDayView } from '../../../miniprogram/shared/domain/booking';
import { runtimeAdminUrl } from '../../support/runtimeAccess';
import { pageClock } from './local-runtime';

export function insertDocuments(runtimeUrl: string, collection: string, docs: object[]): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'runtime-store-process.ts')], {
    cwd: path.resolve(__dirname, '../../..'),
    input: JSON.stringify({ url: runtimeUrl, adminUrl: runtimeAdminUrl(runtimeUrl), collection, docs }),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** A resident's booking of the day's first slot, as bookSlot would have stored it. */
export function placeBooking(
  runtimeUrl: string,
  day: ReceptionDayView,
  visitor: { id: string; code: string; openid: string; name: string; phone: string; topic: string; areaPath: string[]; stationAddress: string },
): BookingDocument {
  const slot = day.slots[0];
  if (!slot) throw new Error(`day ${day._id} has no slots`);
  const now = pageClock().now();
  const booking: BookingDocument = {
    _id: visitor.id,
    code: visitor.code,
    kind: 'online',
    openid: visitor.openid,
    status: 'booked',
    activeKey: `${visitor.openid}|${day._id}#0`,
    dayId: day._id,
    epoch: 0,
    stationId: day.stationId,
    stationName: day.stationName,
    stationAddress: visitor.stationAddress,
    areaPath: visitor.areaPath,
    date: day.date,
    slotId: slot.id,
    slotIndex: 0,
    slotStart: slot.start,
    slotEnd: slot.end,
    name: visitor.name,
    phone: visitor.phone,
    topic: visitor.topic,
    queuedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  insertDocuments(runtimeUrl, COLLECTIONS.bookings, [booking]);
  return booking;
}
