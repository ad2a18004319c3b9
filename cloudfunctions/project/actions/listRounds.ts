import { COLLECTIONS } from '../../../infra/database';
import type { RoundDocument } from '../../../infra/documents/projects';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { pageOf, pageStart, type PageOrder } from '../../core/paging';
import { roundView } from '../views';

const PAGE_SIZE = 20;
const ORDER: PageOrder = { field: 'year', direction: 'desc' };

/**
 * Anyone: rounds, latest year first, a page at a time (keyset on the year). Of one area; or of a
 * station's areas (its township's, district's and city's rounds, and a joint station's other
 * sides'), the rounds that concern the residents and deputies of that station; or of every area.
 * One database request, two for a station.
 */
export const listRounds: Handler<'project.listRounds'> = async ({ areaId, stationId, cursor, pageSize = PAGE_SIZE }, ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  let place: Record<string, unknown> = {};
  if (areaId) place = { areaId };
  else if (stationId) {
    const { data } = await db.collection(COLLECTIONS.stations).where({ _id: stationId }).limit(1).field({ _id: true, areaPath: true }).get();
    const station = (data as Array<{ areaPath: string[] }>)[0] ?? fail('ADMIN.STATION_NOT_FOUND');
    place = { areaId: _.in(station.areaPath) };
  }
  const start = pageStart(db, ORDER, cursor);
  const { data } = await db
    .collection(COLLECTIONS.projectRounds)
    .where(start.conditions.length ? _.and([place, ...start.conditions]) : place)
    .orderBy('year', 'desc')
    .orderBy('_id', 'asc')
    .skip(start.skip)
    .limit(pageSize + 1)
    .get();
  const page = pageOf(data as RoundDocument[], pageSize, ORDER);
  return { items: page.items.map((round) => roundView(round, now)), nextCursor: page.nextCursor };
};
