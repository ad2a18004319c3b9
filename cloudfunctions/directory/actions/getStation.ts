import { COLLECTIONS } from '../../../infra/database';
import type { StationDetail } from '../../../miniprogram/shared/contract/directory';
import { byRank } from '../../../miniprogram/shared/domain/directory';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { DEPUTY_SUMMARY_FIELDS, publishedFiguresLookup, RECEPTION_DAY_FIELDS, UPCOMING_DAYS_SHOWN } from '../upcoming';

/**
 * A station page in one database request: the station, the deputies who receive there and
 * its next reception days and its published 亮分, joined by the database rather than by four round trips.
 */
export const getStation: Handler<'directory.getStation'> = async ({ stationId }, { db, now }) => {
  const $ = db.command.aggregate;
  const _ = db.command;
  const today = shanghaiDate(now);
  const { data } = await db
    .collection(COLLECTIONS.stations)
    .aggregate()
    .match({ _id: stationId, active: true })
    .lookup({
      from: COLLECTIONS.deputies,
      let: { stationId: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.in(['$$stationId', '$stationIds']), $.eq(['$active', true])])))
        .project(DEPUTY_SUMMARY_FIELDS)
        .done(),
      as: 'deputies',
    })
    .lookup({
      from: COLLECTIONS.receptionDays,
      let: { stationId: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$stationId', '$$stationId']), $.gte(['$date', today]), $.neq(['$cancelled', true])])))
        .sort({ date: 1 })
        .limit(UPCOMING_DAYS_SHOWN)
        .project(RECEPTION_DAY_FIELDS)
        .done(),
      as: 'upcomingDays',
    })
    .lookup(publishedFiguresLookup(db, 'station'))
    .end();
  const row = (data as Array<Record<string, unknown>>)[0];
  if (!row) fail('COMMON.NOT_FOUND');
  const { deputies, upcomingDays, dutyFigures, ...station } = row as unknown as StationDetail['station'] &
    Omit<StationDetail, 'station' | 'dutyFigures'> & { dutyFigures: Array<NonNullable<StationDetail['dutyFigures']>> };
  return { station, deputies: byRank(deputies), upcomingDays, dutyFigures: dutyFigures[0] ?? null };
};
