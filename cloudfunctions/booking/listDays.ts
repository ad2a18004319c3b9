import { COLLECTIONS } from '../../infra/database';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { Handler } from '../core/handler';
import { dayView, type DayDocument } from './documents';

/** About three months of a monthly rule, a month of a weekly one. */
const DAYS_SHOWN = 12;

/** A station's upcoming reception days with seats left per slot, for anyone. One request. */
export const listDays: Handler<'booking.listDays'> = async ({ stationId }, { db, now }) => {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.receptionDays)
    .where({ stationId, date: _.gte(shanghaiDate(now)), cancelled: false })
    .orderBy('date', 'asc')
    .limit(DAYS_SHOWN)
    .get();
  return { days: (data as DayDocument[]).map((day) => dayView(day, now)) };
};
