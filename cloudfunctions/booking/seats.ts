import { COLLECTIONS } from '../../infra/database';
import type { Database } from '../core/cloud';
import type { BookingDocument } from '../../infra/documents/booking';
import { deliver, promotedMessage } from './notifications';

/** Which seat counter a booking holds: the slot at that position of that day, in that epoch. */
export interface SeatRef {
  dayId: string;
  epoch: number;
  slotIndex: number;
  slotId: string;
}

/**
 * Takes one seat if one is left: a single conditional update, atomic in the database, so
 * capacity holds whatever the concurrency. The slot id is pinned so a reshaped day is never
 * counted at the wrong position; a cancelled day gives no seats.
 */
export async function takeSeat(db: Database, seat: SeatRef): Promise<boolean> {
  const _ = db.command;
  const counter = `slots.${seat.slotIndex}.seatsLeft`;
  const { updated } = await db
    .collection(COLLECTIONS.receptionDays)
    .where({ _id: seat.dayId, epoch: seat.epoch, cancelled: false, [`slots.${seat.slotIndex}.id`]: seat.slotId, [counter]: _.gt(0) })
    .update({ [counter]: _.inc(-1), taken: _.inc(1) });
  return updated === 1;
}

export async function returnSeat(db: Database, seat: SeatRef): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.receptionDays)
    .where({ _id: seat.dayId, epoch: seat.epoch, [`slots.${seat.slotIndex}.id`]: seat.slotId })
    .update({ [`slots.${seat.slotIndex}.seatsLeft`]: _.inc(1), taken: _.inc(-1) });
}

/** How many waitlist places are looked at per freed seat (the rest left the list meanwhile). */
const WAITERS_TRIED = 5;

async function firstWaiters(db: Database, seat: SeatRef): Promise<BookingDocument[]> {
  const { data } = await db
    .collection(COLLECTIONS.bookings)
    .where({ dayId: seat.dayId, epoch: seat.epoch, slotId: seat.slotId, status: 'waiting' })
    .orderBy('queuedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(WAITERS_TRIED)
    .get();
  return data as BookingDocument[];
}

/** Moves a waiter to booked if still waiting (one conditional write) and tells them. */
async function promote(db: Database, waiter: BookingDocument, now: Date): Promise<BookingDocument | null> {
  const { updated } = await db.collection(COLLECTIONS.bookings).where({ _id: waiter._id, status: 'waiting' }).update({ status: 'booked', promotedAt: now, updatedAt: now });
  if (updated !== 1) return null;
  const promoted: BookingDocument = { ...waiter, status: 'booked', promotedAt: now, updatedAt: now };
  await deliver(db, [promotedMessage(promoted)], now);
  return promoted;
}

/**
 * A booked seat is given up. If residents wait for that slot, the seat passes straight to the
 * first still waiting: their booking turns from waiting to booked in one conditional write and
 * the seat counter is never touched, so nobody booking at that moment can take it over them.
 * With nobody waiting the seat returns to the open pool; a resident who joined the waitlist in
 * between (and found no seat) is then promoted from the pool as before.
 */
export async function handOverSeat(db: Database, seat: SeatRef, now: Date): Promise<BookingDocument | null> {
  for (const waiter of await firstWaiters(db, seat)) {
    const promoted = await promote(db, waiter, now);
    if (promoted) return promoted;
  }
  await returnSeat(db, seat);
  return promoteWaiting(db, seat, now);
}

/**
 * A seat is in the open pool while someone may be waiting for it: the first resident waiting for
 * that slot gets it and is told. The seat is taken with the same conditional update as a booking,
 * then the waiter is moved from waiting to booked only if still waiting; if they left meanwhile
 * the seat goes back and the next is tried. A resident joining the waitlist tries for a seat
 * after joining, so a seat freed in between is never left empty while someone waits.
 */
export async function promoteWaiting(db: Database, seat: SeatRef, now: Date): Promise<BookingDocument | null> {
  for (const waiter of await firstWaiters(db, seat)) {
    if (!(await takeSeat(db, seat))) return null;
    const promoted = await promote(db, waiter, now);
    if (promoted) return promoted;
    await returnSeat(db, seat);
  }
  return null;
}
