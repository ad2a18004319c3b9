import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { persisting } from '../../core/planLimits';
import { requestDocumentId } from '../ids';
import { activeKeyFor, myBooking } from '../../../infra/documents/booking';
import { findOwnBooking, insertBooking, openSlot, requireMobile, reservationFor } from '../reservations';
import { takeSeat } from '../seats';

/**
 * A resident takes a seat: the booking is inserted first (its unique keys settle repeats and a
 * second booking of the same day), then a seat is taken by conditional decrement; no seat left
 * removes the booking again. Three database requests when it succeeds.
 */
export const bookSlot: Handler<'booking.book'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const phone = requireMobile(payload.phone);
  const open = await openSlot(db, payload.dayId, payload.slotId, now);

  if (open.slot.seatsLeft <= 0) {
    // The caller's own booking is looked at before capacity: a retry of a request that took the
    // last seat finds its booking, and a resident already booked that day hears so, not "full".
    const own = await findOwnBooking(db, requestDocumentId(openid, payload.clientRequestId), activeKeyFor(openid, open.day));
    if (own?.requested) return { booking: myBooking(own.requested, now) };
    if (own?.active) fail('BOOKING.ALREADY_BOOKED');
    fail('BOOKING.FULL');
  }

  const { booking, created } = await insertBooking(db, reservationFor(openid, payload, phone, open, 'booked', now));
  if (!created) return { booking: myBooking(booking, now) };
  // Once the booking is written, its seat is taken or the booking undone, also when the plan's
  // request limit refuses a step: a booking left without a seat would overbook the slot on retry.
  const undo = () => persisting(() => db.collection(COLLECTIONS.bookings).doc(booking._id).remove());
  let seated: boolean;
  try {
    seated = await persisting(() => takeSeat(db, open.seat));
  } catch (error) {
    await undo();
    throw error;
  }
  if (!seated) {
    await undo();
    fail('BOOKING.FULL');
  }
  return { booking: myBooking(booking, now) };
};
