import { COLLECTIONS } from '../../../infra/database';
import { checkInTokenOf } from '../../../miniprogram/shared/domain/booking';
import { slotStartsAt } from '../../../miniprogram/shared/domain/reception';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { myBooking, type BookingDocument, type RuleDocument } from '../../../infra/documents/booking';
import { findBooking } from '../reservations';
import { markDayVisited, settleDay } from '../../core/visitCounters';

/**
 * The resident scans the station's check-in code on the day of their booking. Scanning again
 * answers the same check-in; arriving after the slot ended is marked late. Three requests, and
 * the day's visit counters: marked before, settled after (core/visitCounters.ts).
 */
export const checkIn: Handler<'booking.checkIn'> = async ({ scene }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const token = checkInTokenOf(scene);
  if (!token) fail('BOOKING.INVALID_CHECK_IN_CODE');
  const { data: rules } = await db.collection(COLLECTIONS.receptionRules).where({ checkInToken: token }).limit(1).field({ _id: 1 }).get();
  const stationId = (rules as Pick<RuleDocument, '_id'>[])[0]?._id;
  if (!stationId) fail('BOOKING.INVALID_CHECK_IN_CODE');

  const { data } = await db
    .collection(COLLECTIONS.bookings)
    .where({ openid, stationId, status: db.command.in(['booked', 'checkedIn']) })
    .orderBy('date', 'desc')
    .limit(50)
    .get();
  const bookings = data as BookingDocument[];
  const today = shanghaiDate(now);
  const todays = bookings.filter((b) => b.date === today);
  const arrived = todays.find((b) => b.status === 'checkedIn');
  if (arrived) return { booking: myBooking(arrived, now) };
  const booking = todays.find((b) => b.status === 'booked');
  if (!booking) fail(bookings.some((b) => b.status === 'booked') ? 'BOOKING.WRONG_DAY' : 'BOOKING.NO_BOOKING_HERE');

  const late = now.getTime() >= slotStartsAt(booking.date, booking.slotEnd).getTime();
  await markDayVisited(db, booking.dayId);
  const { updated } = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: booking._id, status: 'booked' })
    .update({ status: 'checkedIn', checkedInAt: now, checkedInBy: 'qr', late, updatedAt: now });
  await settleDay(db, booking.dayId);
  if (updated !== 1) {
    // Staff checked them in at the same moment, or the booking was cancelled.
    const current = await findBooking(db, booking._id);
    if (current?.status === 'checkedIn') return { booking: myBooking(current, now) };
    fail('BOOKING.NOT_ACTIVE');
  }
  return { booking: myBooking({ ...booking, status: 'checkedIn', checkedInAt: now, checkedInBy: 'qr', late }, now) };
};
