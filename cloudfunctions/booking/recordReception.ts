import { COLLECTIONS } from '../../infra/database';
import { loadCaller, requireOpenid, scopeCovers, type Caller } from '../core/caller';
import { fail } from '../core/errors';
import type { Handler } from '../core/handler';
import { recordIdFor, recordView, type BookingDocument, type DayDocument, type RecordDocument } from './documents';

type Row = BookingDocument & { day: DayDocument[] };

/** Staff covering the station, or a deputy on duty that day, may write what a visitor raised. */
function mayRecord(caller: Caller, day: DayDocument): boolean {
  const account = caller.account;
  const roles = account?.roles ?? [];
  if (roles.includes('staff') && account?.staff && scopeCovers(account.staff, { areaPath: day.areaPath, stationId: day.stationId })) return true;
  return roles.includes('deputy') && !!account?.deputy && day.deputyIds.includes(account.deputy.deputyId);
}

/**
 * After a visit, the deputy or staff note what was raised. An item marked `toOpinion` is to
 * enter the opinion handling loop in the visitor's name (the record keeps the visitor's OPENID
 * for that). Writing again replaces the record. Three requests: account and visit
 * concurrently, then the record.
 */
export const recordReception: Handler<'booking.recordReception'> = async (payload, ctx) => {
  requireOpenid(ctx);
  const { db, now } = ctx;
  const $ = db.command.aggregate;
  const _ = db.command;
  const [caller, { data }] = await Promise.all([
    loadCaller(ctx),
    db
      .collection(COLLECTIONS.bookings)
      .aggregate()
      .match({ _id: payload.bookingId })
      .lookup({
        from: COLLECTIONS.receptionDays,
        let: { dayId: '$dayId' },
        pipeline: $.pipeline().match(_.expr($.eq(['$_id', '$$dayId']))).done(),
        as: 'day',
      })
      .end(),
  ]);
  const row = (data as Row[])[0];
  const day = row?.day[0];
  if (!row || !day) {
    if (!caller.account?.roles?.some((role) => role === 'staff' || role === 'deputy')) fail('AUTH.FORBIDDEN');
    fail('COMMON.NOT_FOUND');
  }
  if (!mayRecord(caller, day)) fail('AUTH.FORBIDDEN');
  const { day: _day, ...booking } = row;
  if (booking.status !== 'checkedIn') fail('BOOKING.NOT_CHECKED_IN');
  if (!payload.deputyIds.every((id) => day.deputyIds.includes(id))) fail('BOOKING.DEPUTY_NOT_AT_STATION');

  const record: RecordDocument = {
    _id: recordIdFor(booking._id),
    bookingId: booking._id,
    dayId: booking.dayId,
    stationId: booking.stationId,
    areaPath: booking.areaPath,
    visitorOpenid: booking.openid,
    visitorName: booking.name,
    visitorPhone: booking.phone,
    deputyIds: [...new Set(payload.deputyIds)],
    items: payload.items.map((item) => ({ text: item.text, toOpinion: item.toOpinion, opinionId: null })),
    note: payload.note ?? '',
    recordedBy: caller.openid,
    recordedAt: now,
  };
  const { _id, ...fields } = record;
  await db.collection(COLLECTIONS.receptionRecords).doc(_id).set(fields);
  return { record: recordView(record) };
};
