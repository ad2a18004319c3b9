import { COLLECTIONS } from '../../../infra/database';
import type { DayDetail } from '../../../miniprogram/shared/contract/booking';
import type { BookingStatus } from '../../../miniprogram/shared/domain/booking';
import type { DeputySummary, StationSummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { fail } from '../../core/errors';
import { templateIds } from '../config';
import { dayView, DEPUTY_SUMMARY_FIELDS, myBooking, STATION_SUMMARY_FIELDS, type BookingDocument, type DayDocument } from '../../../infra/documents/booking';

/** A resident's place on a day: at most one of these exists per day (the activeKey index). */
const SHOWN_AS_MINE: readonly BookingStatus[] = ['waiting', 'booked', 'checkedIn', 'noShow'];

type Row = DayDocument & { station: StationSummary[]; deputies: DeputySummary[]; mine: BookingDocument[] };

/**
 * The booking page of one day in one request: the day's slots, its station, the deputies on
 * duty and the caller's own booking or waitlist place there, joined by the database.
 */
export const getDay: Handler<'booking.getDay'> = async ({ dayId }, { db, now, openid }) => {
  const $ = db.command.aggregate;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.receptionDays)
    .aggregate()
    .match({ _id: dayId })
    .lookup({
      from: COLLECTIONS.stations,
      let: { stationId: '$stationId' },
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', '$$stationId'])))
        .project(STATION_SUMMARY_FIELDS)
        .done(),
      as: 'station',
    })
    .lookup({
      from: COLLECTIONS.deputies,
      let: { deputyIds: '$deputyIds' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.in(['$_id', '$$deputyIds']), $.eq(['$active', true])])))
        .sort({ level: 1, name: 1 })
        .project(DEPUTY_SUMMARY_FIELDS)
        .done(),
      as: 'deputies',
    })
    .lookup({
      from: COLLECTIONS.bookings,
      let: { dayId: '$_id' },
      // Without a caller the empty openid matches nobody's booking.
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$dayId', '$$dayId']), $.eq(['$openid', openid ?? '']), $.in(['$status', [...SHOWN_AS_MINE]])])))
        .sort({ createdAt: -1 })
        .limit(1)
        .done(),
      as: 'mine',
    })
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
