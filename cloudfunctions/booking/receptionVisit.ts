import { COLLECTIONS } from '../../infra/database';
import type { ActorRole } from '../../miniprogram/shared/domain/opinion';
import { loadCaller, requireOpenid, scopeCovers, type Caller } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { lookupEqual } from '../core/lookups';
import type { BookingDocument, DayDocument, RecordDocument } from '../../infra/documents/booking';

/** Who writes a reception record: staff covering the station, or a deputy on duty that day. */
export interface Recorder {
  role: Extract<ActorRole, 'staff' | 'deputy'>;
  id: string;
  name: string;
}

export interface ReceptionVisit {
  caller: Caller;
  recorder: Recorder;
  booking: BookingDocument;
  day: DayDocument;
  /** The record written so far, if any. */
  record: RecordDocument | undefined;
}

function recorderOf(caller: Caller, day: DayDocument): Recorder | null {
  const account = caller.account;
  const roles = account?.roles ?? [];
  if (roles.includes('staff') && account?.staff && scopeCovers(account.staff, { areaPath: day.areaPath, stationId: day.stationId })) {
    return { role: 'staff', id: caller.openid, name: account.staffName ?? '' };
  }
  if (roles.includes('deputy') && account?.deputy && day.deputyIds.includes(account.deputy.deputyId)) {
    return { role: 'deputy', id: account.deputy.deputyId, name: account.deputy.name };
  }
  return null;
}

/** Congress staff and deputies record visits; residents and departments' handlers never do. */
function recordsVisits(caller: Caller): boolean {
  const account = caller.account;
  const roles = account?.roles ?? [];
  return (roles.includes('staff') && !!account?.staff && account.staff.role !== 'handler') || (roles.includes('deputy') && !!account?.deputy);
}

type Row = BookingDocument & { day: DayDocument[]; record: RecordDocument[] };

/**
 * A visit as the one who records it sees it: the booking with its day and its record, for staff
 * covering the station or a deputy on duty that day. Callers who record no visits are AUTH.FORBIDDEN;
 * staff and deputies get COMMON.NOT_FOUND for a visit out of their reach, as for a missing one.
 * Two concurrent requests.
 */
export async function loadVisit(ctx: CallContext, bookingId: string): Promise<ReceptionVisit> {
  requireOpenid(ctx);
  const { db } = ctx;
  const [caller, { data }] = await Promise.all([
    loadCaller(ctx),
    db
      .collection(COLLECTIONS.bookings)
      .aggregate()
      .match({ _id: bookingId })
      .lookup(lookupEqual(db, { from: COLLECTIONS.receptionDays, field: '_id', equals: 'dayId', as: 'day' }))
      .lookup(lookupEqual(db, { from: COLLECTIONS.receptionRecords, field: 'bookingId', equals: '_id', as: 'record' }))
      .end(),
  ]);
  if (!recordsVisits(caller)) fail('AUTH.FORBIDDEN');
  const row = (data as Row[])[0];
  const day = row?.day[0];
  // A visit out of the caller's reach is answered exactly like a missing one: existence does not leak.
  const recorder = day ? recorderOf(caller, day) : null;
  if (!row || !day || !recorder) fail('COMMON.NOT_FOUND');
  const { day: _day, record, ...booking } = row;
  return { caller, recorder, booking, day, record: record[0] };
}
