import { COLLECTIONS } from '../../../infra/database';
import { STATION_SUMMARY_FIELDS } from '../../../infra/documents/booking';
import type { StationSummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { computeStats } from '../stats';

/** More stations than any area has. */
const MOST_STATIONS = 200;

/**
 * 统计 opens on one call: the figures as casework.stats answers them (the same caller and scope
 * checks) and, for area staff and administrators, the active stations of their area for the place
 * picker (station staff look at their own station only). Five database requests.
 */
export const statsScreen: Handler<'casework.statsScreen'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const areaId = worker.scope.role === 'station' ? null : worker.scope.areaId;
  const [{ stats }, stations] = await Promise.all([
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
  ]);
  return { stats, stations };
};
