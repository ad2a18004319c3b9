import { COLLECTIONS } from '../../infra/database';
import { normalizeMobile } from '../../miniprogram/shared/domain/booking';
import type { ParsedPayloadOf } from '../../miniprogram/shared/contract';
import { slotState, type Slot } from '../../miniprogram/shared/domain/reception';
import type { Database } from '../core/cloud';
import { isDuplicateWrite } from '../core/databaseErrors';
import { fail } from '../core/errors';
import { findDay } from './access';
import { activeKeyFor, bookingOnDay, type BookingDocument, type DayDocument } from '../../infra/documents/booking';
import { newBookingCode, requestDocumentId } from './ids';
import type { SeatRef } from './seats';

export type ReservationPayload = ParsedPayloadOf<'booking.book'>;

/** The mobile number as stored, or BOOKING.INVALID_PHONE before anything is read. */
export function requireMobile(phone: string): string {
  return normalizeMobile(phone) ?? fail('BOOKING.INVALID_PHONE', { phone: '请填写11位手机号码' });
}

export interface OpenSlot {
  day: DayDocument;
  slot: Slot;
  seat: SeatRef;
}

/** The day and slot asked for, if a resident may still take a place there (one read). */
export async function openSlot(db: Database, dayId: string, slotId: string, now: Date): Promise<OpenSlot> {
  const day = await findDay(db, dayId);
  if (!day) fail('COMMON.NOT_FOUND');
  const slotIndex = day.slots.findIndex((s) => s.id === slotId);
  const slot = day.slots[slotIndex];
  if (!slot) fail('COMMON.NOT_FOUND');
  const state = slotState(day, slot, now);
  if (state === 'cancelled') fail('BOOKING.DAY_CANCELLED');
  if (state === 'started') fail('BOOKING.CLOSED');
  return { day, slot, seat: { dayId: day._id, epoch: day.epoch, slotIndex, slotId } };
}

export function reservationFor(
  openid: string,
  payload: ReservationPayload,
  phone: string,
  { day, slot, seat }: OpenSlot,
  status: 'booked' | 'waiting',
  now: Date,
): BookingDocument {
  return bookingOnDay(
    day,
    { id: slot.id, index: seat.slotIndex, start: slot.start, end: slot.end },
    {
      _id: requestDocumentId(openid, payload.clientRequestId),
      code: newBookingCode(),
      kind: 'online',
      openid,
      status,
      activeKey: activeKeyFor(openid, day),
      name: payload.name,
      phone,
      shareContactWithDeputies: payload.shareContactWithDeputies === true,
      topic: payload.topic,
      queuedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  );
}

export async function findBooking(db: Database, bookingId: string): Promise<BookingDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.bookings).where({ _id: bookingId }).limit(1).get();
  return (data as BookingDocument[])[0];
}

/** In one read: the booking this request made (a retry), and the caller's active booking of that day. */
export async function findOwnBooking(db: Database, requestBookingId: string, activeKey: string): Promise<{ requested?: BookingDocument; active?: BookingDocument } | undefined> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.bookings)
    .where(_.or([{ _id: requestBookingId }, { activeKey }]))
    .limit(2)
    .get();
  const found = data as BookingDocument[];
  if (found.length === 0) return undefined;
  return { requested: found.find((b) => b._id === requestBookingId), active: found.find((b) => b.activeKey === activeKey) };
}

const CODE_ATTEMPTS = 3;

/**
 * Inserts the booking. The unique indexes decide the races: the same request again (same _id)
 * answers the first booking with `created: false`; another active booking of the caller on that
 * day (same activeKey) is BOOKING.ALREADY_BOOKED; a booking code drawn twice is drawn again.
 */
export async function insertBooking(db: Database, draft: BookingDocument): Promise<{ booking: BookingDocument; created: boolean }> {
  const _ = db.command;
  let booking = draft;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.collection(COLLECTIONS.bookings).add(booking);
      return { booking, created: true };
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
    const { data } = await db
      .collection(COLLECTIONS.bookings)
      .where(_.or([{ _id: booking._id }, { activeKey: booking.activeKey }]))
      .limit(2)
      .get();
    const holders = data as BookingDocument[];
    const same = holders.find((b) => b._id === booking._id);
    if (same) return { booking: same, created: false };
    if (holders.length > 0) fail('BOOKING.ALREADY_BOOKED');
    if (attempt >= CODE_ATTEMPTS) throw new Error(`booking code collided ${CODE_ATTEMPTS} times`);
    booking = { ...booking, code: newBookingCode() };
  }
}
