import { COLLECTIONS } from '../../../infra/database';
import { ACTIVE_STATUSES, isCancellable } from '../../../miniprogram/shared/domain/booking';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { myBooking, type BookingDocument } from '../../../infra/documents/booking';
import { findBooking } from '../reservations';
import { handOverSeat } from '../seats';

/** A status changes under us at most this often (a waiter promoted while leaving the list). */
const ATTEMPTS = 3;

/**
 * A resident gives up their seat (or waitlist place) until the slot starts. The seat passes
 * straight to the first resident waiting for that slot, who is told by subscribe message; with
 * nobody waiting it returns to the open pool.
 * Someone else's booking is answered like a missing one. Cancelling twice is answered with the
 * cancelled booking.
 */
export const cancelBooking: Handler<'booking.cancel'> = async ({ bookingId }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const booking = await findBooking(db, bookingId);
    if (!booking || booking.openid !== openid) fail('COMMON.NOT_FOUND');
    if (booking.status === 'cancelled') return { booking: myBooking(booking, now) };
    if (!ACTIVE_STATUSES.includes(booking.status)) fail('BOOKING.NOT_CANCELLABLE');
    if (!isCancellable(booking, now)) fail('BOOKING.CANCEL_TOO_LATE');

    const cancelled: BookingDocument = { ...booking, status: 'cancelled', activeKey: booking._id, cancelledAt: now, cancelReason: 'resident', updatedAt: now };
    const { updated } = await db
      .collection(COLLECTIONS.bookings)
      .where({ _id: booking._id, status: booking.status })
      .update({ status: 'cancelled', activeKey: booking._id, cancelledAt: now, cancelReason: 'resident', updatedAt: now });
    if (updated !== 1) continue;

    if (booking.status === 'booked') {
      const seat = { dayId: booking.dayId, epoch: booking.epoch, slotIndex: booking.slotIndex, slotId: booking.slotId };
      await handOverSeat(db, seat, now);
    }
    return { booking: myBooking(cancelled, now) };
  }
  throw new Error(`booking ${bookingId} kept changing while being cancelled`);
};
