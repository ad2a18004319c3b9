import { COLLECTIONS } from '../../../infra/database';
import type { DayDetail } from '../../../miniprogram/shared/contract/booking';
import type { BookingStatus } from '../../../miniprogram/shared/domain/booking';
import type { DeputySummary, StationSummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { dayDeputiesLookup, lookupEqual } from '../../core/lookups';
import { fail } from '../../core/errors';
import { templateIds } from '../config';
import { dayView, myBooking, STATION_SUMMARY_FIELDS, type BookingDocument, type DayDocument } from '../../../infra/documents/booking';

/** A resident's place on a day: at most one of these exists per day (the activeKey index). */
const SHOWN_AS_MINE: readonly BookingStatus[] = ['waiting', 'booked', 'checkedIn', 'noShow'];

type Row = DayDocument & { station: StationSummary[]; deputies: DeputySummary[]; mine: BookingDocument[] };

/**
 * The booking page of one day in one request: the day's slots, its station, the deputies on
 * duty and the caller's own booking or waitlist place there, joined by the database.
 */
export const getDay: Handler<'booking.getDay'> = async ({ dayId }, { db, now, openid }) => {
  const { data } = await db
    .collection(COLLECTIONS.receptionDays)
    .aggregate()
    .match({ _id: dayId })
    .lookup(lookupEqual(db, { from: COLLECTIONS.stations, field: '_id', equals: 'stationId', as: 'station' }, (pipeline) => pipeline.project(STATION_SUMMARY_FIELDS)))
    .lookup(dayDeputiesLookup(db, { activeOnly: true }, (pipeline) => pipeline.sort({ level: 1, name: 1 })))
    .lookup(
      lookupEqual(
        db,
        // Without a caller the empty openid matches nobody's booking.
        { from: COLLECTIONS.bookings, field: 'dayId', equals: '_id', as: 'mine', also: ($) => [$.eq(['$openid', openid ?? '']), $.in(['$status', [...SHOWN_AS_MINE]])] },
        (pipeline) => pipeline.sort({ createdAt: -1 }).limit(1),
      ),
    )
    .end();
  const row = (data as Row[])[0];
  const station = row?.station[0];
  if (!row || !station) fail('COMMON.NOT_FOUND');
  const { deputies, mine, station: _stations, ...day } = row;
  const ids = templateIds();
  const detail: DayDetail = {
    day: dayView(day, now),
    station,
    deputies,
    mine: openid && mine[0] ? myBooking(mine[0], now) : null,
    notifyTemplateIds: [ids.reminder, ids.promoted, ids.dayCancelled],
  };
  return detail;
};
