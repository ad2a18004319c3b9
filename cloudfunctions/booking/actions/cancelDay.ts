import { COLLECTIONS } from '../../../infra/database';
import { ACTIVE_STATUSES } from '../../../miniprogram/shared/domain/booking';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { staffOnDay } from '../access';
import { dayView, type BookingDocument, type DayDocument } from '../../../infra/documents/booking';
import { dayCancelledMessage, deliver } from '../notifications';

/**
 * Staff call off a reception day. The day stops taking bookings first (so a booking racing
 * this one cannot take a seat), then every seat and waitlist place on it is cancelled and its
 * holder told. Cancelling again answers the cancelled day.
 */
export const cancelDay: Handler<'booking.cancelDay'> = async ({ dayId, reason }, ctx) => {
  const { db, now } = ctx;
  const { day } = await staffOnDay(ctx, dayId);
  if (day.cancelled) return { day: dayView(day, now), cancelledBookings: 0 };
  if (day.date < shanghaiDate(now)) fail('BOOKING.DATE_PASSED');

  const cancelled: DayDocument = { ...day, cancelled: true, cancelReason: reason ?? '', updatedAt: now };
  const { updated } = await db
    .collection(COLLECTIONS.receptionDays)
    .where({ _id: day._id, cancelled: false })
    .update({ cancelled: true, cancelReason: cancelled.cancelReason, updatedAt: now });
  if (updated !== 1) return { day: dayView(cancelled, now), cancelledBookings: 0 };

  const bookings = db.collection(COLLECTIONS.bookings);
  const active = { dayId: day._id, epoch: day.epoch, status: db.command.in([...ACTIVE_STATUSES]) };
  const { data } = await bookings.where(active).limit(1000).get();
  // Their activeKey stays: it names this epoch of the day, and restoring the day starts a new one.
  const { updated: cancelledBookings } = await bookings.where(active).update({ status: 'cancelled', cancelReason: 'dayCancelled', cancelledAt: now, updatedAt: now });
  await deliver(
    db,
    (data as BookingDocument[]).map((booking) => dayCancelledMessage(booking, cancelled)),
    now,
  );
  return { day: dayView(cancelled, now), cancelledBookings };
};
