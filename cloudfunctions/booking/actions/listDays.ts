import { COLLECTIONS } from '../../../infra/database';
import { byRank, type DeputySummary } from '../../../miniprogram/shared/domain/directory';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { Handler } from '../../core/handler';
import { dayDeputiesLookup } from '../../core/lookups';
import { dayView, type DayDocument } from '../../../infra/documents/booking';

/** About three months of a monthly rule, a month of a weekly one. */
const DAYS_SHOWN = 12;

type Row = DayDocument & { deputies: DeputySummary[] };

/**
 * A station's upcoming reception days with seats left per slot, and the deputies on duty on them,
 * for anyone. One request: the days joined with their active deputies by the database.
 */
export const listDays: Handler<'booking.listDays'> = async ({ stationId }, { db, now }) => {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.receptionDays)
    .aggregate()
    .match({ stationId, date: _.gte(shanghaiDate(now)), cancelled: false })
    .sort({ date: 1 })
    .limit(DAYS_SHOWN)
    .lookup(dayDeputiesLookup(db, { activeOnly: true }))
    .end();
  const rows = data as Row[];
  const deputies = new Map<string, DeputySummary>();
  for (const row of rows) for (const deputy of row.deputies) deputies.set(deputy._id, deputy);
  return {
    days: rows.map(({ deputies: _deputies, ...day }) => dayView(day, now)),
    deputies: byRank([...deputies.values()]),
  };
};
