import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { computeStats } from '../stats';

/**
 * Oversight figures for a date range and an area, station or deputy within the caller's scope:
 * 进站人次, 接待人次, opinions collected, accepted, resolved (办结率), answered 已解决, satisfaction,
 * average time to first response, overdue and urged. Counted by aggregation in the database, never
 * by loading the collections. Four database requests.
 */
export const getStats: Handler<'casework.stats'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  return (await computeStats(ctx, worker, payload)).stats;
};
