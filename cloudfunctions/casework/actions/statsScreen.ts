import { COLLECTIONS } from '../../../infra/database';
import { DEPUTY_SUMMARY_FIELDS, STATION_SUMMARY_FIELDS } from '../../../infra/documents/booking';
import { byRank, type DeputySummary, type StationSummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { computeStats } from '../stats';

/** More stations than any area has. */
const MOST_STATIONS = 200;
/** More deputies than any station has. */
const MOST_DEPUTIES = 100;

/**
 * 统计 opens on one call: the figures as casework.stats answers them (the same caller and scope
 * checks) and the places to narrow to: for area staff and administrators, the active stations of
 * their area; for station staff, their station's active deputies (they look at their own station
 * only). Five database requests.
 */
export const statsScreen: Handler<'casework.statsScreen'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const stationId = worker.scope.role === 'station' ? worker.scope.stationId : undefined;
  const areaId = worker.scope.role === 'station' ? null : worker.scope.areaId;
  const [{ stats }, stations, deputies] = await Promise.all([
    computeStats(ctx, worker, payload),
    areaId
      ? ctx.db
          .collection(COLLECTIONS.stations)
          .where({ active: true, areaPath: areaId })
          .orderBy('code', 'asc')
          .limit(MOST_STATIONS)
          .field(STATION_SUMMARY_FIELDS)
          .get()
          .then(({ data }) => data as StationSummary[])
      : Promise.resolve([]),
    stationId
      ? ctx.db
          .collection(COLLECTIONS.deputies)
          .where({ stationIds: stationId, active: true })
          .limit(MOST_DEPUTIES)
          .field(DEPUTY_SUMMARY_FIELDS)
          .get()
          .then(({ data }) => byRank(data as DeputySummary[]))
      : Promise.resolve([]),
  ]);
  return { stats, stations, deputies };
};
