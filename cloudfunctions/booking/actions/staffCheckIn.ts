import { COLLECTIONS } from '../../../infra/database';
import { slotStartsAt } from '../../../miniprogram/shared/domain/reception';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { loadCaller, requireOpenid, requireStaff, scopeCovers } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { recordIdFor, rosterEntry, type BookingDocument } from '../../../infra/documents/booking';
import { markDayVisited, settleDay } from '../../core/visitCounters';

/**
 * Staff scan (or type) a resident's booking code on the day. A resident still on the waitlist
 * who came anyway is checked in too: staff see them arrive and decide. Three requests, and the
 * day's visit counters: marked before, settled after (core/visitCounters.ts).
 */
export const staffCheckIn: Handler<'booking.staffCheckIn'> = async ({ code }, ctx) => {
  requireOpenid(ctx);
  const { db, now } = ctx;
  const [caller, { data }] = await Promise.all([loadCaller(ctx), db.collection(COLLECTIONS.bookings).where({ code }).limit(1).get()]);
  const scope = requireStaff(caller);
  const booking = (data as BookingDocument[])[0];
  // Another station's code is answered like an unknown one: staff learn nothing about bookings outside their scope.
  if (!booking || !scopeCovers(scope, { areaPath: booking.areaPath, stationId: booking.stationId })) fail('BOOKING.CODE_NOT_FOUND');
  if (booking.date !== shanghaiDate(now)) fail('BOOKING.NOT_TODAY_STAFF');
  if (booking.status === 'checkedIn') {
    const { data: records } = await db
      .collection(COLLECTIONS.receptionRecords)
      .where({ _id: recordIdFor(booking._id) })
      .limit(1)
      .field({ _id: 1 })
      .get();
    return { entry: rosterEntry(booking, records.length > 0) };
  }
  if (booking.status !== 'booked' && booking.status !== 'waiting') fail('BOOKING.NOT_ACTIVE');

  const late = now.getTime() >= slotStartsAt(booking.date, booking.slotEnd).getTime();
  await markDayVisited(db, booking.dayId);
  const { updated } = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: booking._id, status: booking.status })
    .update({ status: 'checkedIn', checkedInAt: now, checkedInBy: 'staff', late, updatedAt: now });
  await settleDay(db, booking.dayId);
  if (updated !== 1) fail('BOOKING.NOT_ACTIVE');
  return { entry: rosterEntry({ ...booking, status: 'checkedIn', checkedInAt: now, checkedInBy: 'staff', late }, false) };
};
