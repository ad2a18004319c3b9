import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { persisting } from '../../core/planLimits';
import { myBooking } from '../../../infra/documents/booking';
import { insertBooking, openSlot, requireMobile, reservationFor } from '../reservations';
import { returnSeat, takeSeat } from '../seats';

/**
 * A resident queues for a full slot. Having joined, they try for a seat at once: one freed
 * between their look and their joining is theirs (and a slot with seats left simply books).
 * The answer says their place in the queue.
 */
export const joinWaitlist: Handler<'booking.joinWaitlist'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const phone = requireMobile(payload.phone);
  const open = await openSlot(db, payload.dayId, payload.slotId, now);
  const { booking, created } = await insertBooking(db, reservationFor(openid, payload, phone, open, 'waiting', now));
  const bookings = db.collection(COLLECTIONS.bookings);
  const placeInQueue = async (): Promise<number> => {
    const { total } = await bookings
      .where({ dayId: booking.dayId, epoch: booking.epoch, slotId: booking.slotId, status: 'waiting', queuedAt: ctx.db.command.lt(booking.queuedAt) })
      .count();
    return total + 1;
  };
  // A retry answers the first join as it stands now: still queued, with its place.
  if (!created) return { booking: myBooking(booking, now), position: booking.status === 'waiting' ? await placeInQueue() : null };

  if (await takeSeat(db, open.seat)) {
    // A seat taken is given to the booking or back, also when the plan's request limit refuses a step.
    const { updated } = await persisting(() => bookings.where({ _id: booking._id, status: 'waiting' }).update({ status: 'booked', promotedAt: now, updatedAt: now }));
    // Not waiting any more: a cancellation promoted them meanwhile, with a seat of its own.
    if (updated !== 1) await persisting(() => returnSeat(db, open.seat));
    return { booking: myBooking({ ...booking, status: 'booked' }, now), position: null };
  }
  return { booking: myBooking(booking, now), position: await placeInQueue() };
};
