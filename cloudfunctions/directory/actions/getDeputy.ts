import { COLLECTIONS } from '../../../infra/database';
import type { DeputyDetail } from '../../../miniprogram/shared/contract/directory';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { deputyStationsLookup } from '../../core/deputyStations';
import { publishedFiguresLookup, RECEPTION_DAY_FIELDS, STATION_SUMMARY_FIELDS, UPCOMING_DAYS_SHOWN } from '../upcoming';

/**
 * A deputy page in two concurrent database requests: the deputy joined with their stations and
 * their published 亮分, and the reception days whose roster names them.
 */
export const getDeputy: Handler<'directory.getDeputy'> = async ({ deputyId }, { db, now }) => {
  const _ = db.command;
  const today = shanghaiDate(now);
  const [deputyRows, days] = await Promise.all([
    db
      .collection(COLLECTIONS.deputies)
      .aggregate()
      .match({ _id: deputyId, active: true })
      .lookup(deputyStationsLookup(db, STATION_SUMMARY_FIELDS, { openOnly: true, byCode: true }))
      .lookup(publishedFiguresLookup(db, 'deputy'))
      .end(),
    db
      .collection(COLLECTIONS.receptionDays)
      .where({ deputyIds: deputyId, date: _.gte(today), cancelled: _.neq(true) })
      .orderBy('date', 'asc')
      .limit(UPCOMING_DAYS_SHOWN)
      .field(RECEPTION_DAY_FIELDS)
      .get(),
  ]);
  const row = (deputyRows.data as Array<Record<string, unknown>>)[0];
  if (!row) fail('COMMON.NOT_FOUND');
  const { stations, dutyFigures, ...deputy } = row;
  return { deputy, stations, upcomingDays: days.data, dutyFigures: (dutyFigures as unknown[])[0] ?? null } as unknown as DeputyDetail;
};
