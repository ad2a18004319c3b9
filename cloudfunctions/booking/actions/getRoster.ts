import { COLLECTIONS } from '../../../infra/database';
import { rosterCounts } from '../../../miniprogram/shared/domain/booking';
import type { DeputySummary } from '../../../miniprogram/shared/domain/directory';
import { loadCaller, requireOpenid, requireStaff } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { dayDeputiesLookup, lookupEqual } from '../../core/lookups';
import { requireStaffFor } from '../access';
import { dayView, rosterEntry, type BookingDocument, type DayDocument } from '../../../infra/documents/booking';

const VISIT_ORDER: Record<BookingDocument['status'], number> = { checkedIn: 0, booked: 0, noShow: 0, waiting: 1, cancelled: 2, lapsed: 2 };

type Row = DayDocument & { bookings: BookingDocument[]; deputies: DeputySummary[]; records: Array<{ bookingId: string }> };

/**
 * The day at the station, for staff: who booked which slot, who arrived, walk-ins, the
 * waitlist, and which visits have a reception record. Two concurrent requests: the caller's
 * account and the day joined with its bookings, deputies and records; then the audit entry when
 * the roster shows anyone's name or phone.
 */
export const getRoster: Handler<'booking.getRoster'> = async ({ dayId }, ctx) => {
  requireOpenid(ctx);
  const { db, now } = ctx;
  const [caller, { data }] = await Promise.all([
    loadCaller(ctx),
    db
      .collection(COLLECTIONS.receptionDays)
      .aggregate()
      .match({ _id: dayId })
      .lookup(
        lookupEqual(db, { from: COLLECTIONS.bookings, field: 'dayId', equals: '_id', as: 'bookings' }, (pipeline) => pipeline.sort({ slotStart: 1, queuedAt: 1 }).limit(1000)),
      )
      .lookup(dayDeputiesLookup(db, { activeOnly: false }))
      .lookup(lookupEqual(db, { from: COLLECTIONS.receptionRecords, field: 'dayId', equals: '_id', as: 'records' }, (pipeline) => pipeline.project({ _id: 0, bookingId: 1 })))
      .end(),
  ]);
  requireStaff(caller);
  const row = (data as Row[])[0];
  if (!row) fail('COMMON.NOT_FOUND');
  const { bookings, deputies, records, ...day } = row;
  requireStaffFor(caller, { areaPath: day.areaPath, stationId: day.stationId });
  const recorded = new Set(records.map((r) => r.bookingId));
  const entries = [...bookings].sort((a, b) => VISIT_ORDER[a.status] - VISIT_ORDER[b.status]).map((booking) => rosterEntry(booking, recorded.has(booking._id)));
  // Staff in scope are granted names and phones in full (they phone residents); the data-access door logs each such read.
  return { day: dayView(day, now), deputies, entries, counts: rosterCounts(entries) };
};
