import { shanghaiTimeOfDay } from '../../../miniprogram/shared/domain/reception';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { staffOnDay } from '../access';
import { bookingOnDay, rosterEntry, walkInSlot, type BookingDocument } from '../../../infra/documents/booking';
import { newBookingCode, requestDocumentId } from '../ids';
import { insertBooking, requireMobile } from '../reservations';
import { markDayVisited, settleDay } from '../../core/visitCounters';

/**
 * Staff register a visitor who came without booking, on the day. They take no seat (they are
 * already there) and appear on the roster as arrived, at the time they arrived. The day's visit
 * counters are marked before and settled after (core/visitCounters.ts).
 */
export const addWalkIn: Handler<'booking.addWalkIn'> = async (payload, ctx) => {
  const { now, db } = ctx;
  const phone = payload.phone?.trim() ? requireMobile(payload.phone) : '';
  const { caller, day } = await staffOnDay(ctx, payload.dayId);
  if (day.date !== shanghaiDate(now)) fail('BOOKING.WRONG_DAY');
  if (day.cancelled) fail('BOOKING.DAY_CANCELLED');

  const _id = requestDocumentId(`walk-in:${caller.openid}`, payload.clientRequestId);
  const arrival = shanghaiTimeOfDay(now);
  const walkIn: BookingDocument = {
    ...bookingOnDay(day, walkInSlot(arrival), {
      _id,
      code: newBookingCode(),
      kind: 'walkIn',
      openid: null,
      status: 'checkedIn',
      activeKey: `walk-in|${_id}`,
      name: payload.name,
      phone,
      topic: payload.topic,
      queuedAt: now,
      createdAt: now,
      updatedAt: now,
    }),
    checkedInAt: now,
    checkedInBy: 'staff',
    late: false,
  };
  await markDayVisited(db, day._id);
  const { booking } = await insertBooking(db, walkIn);
  await settleDay(db, day._id);
  return { entry: rosterEntry(booking, false) };
};
