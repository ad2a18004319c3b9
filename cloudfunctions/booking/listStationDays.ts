import { addDays } from '../../miniprogram/shared/domain/time';
import type { Handler } from '../core/handler';
import { staffAtStation } from './access';
import { daysBetween } from './days';
import { dayView } from './documents';

/**
 * Staff look up a station's days in a range, past and cancelled ones included, to open a past
 * day's roster. Four requests: account, station and rule concurrently, then the days.
 */
export const listStationDays: Handler<'booking.listStationDays'> = async ({ stationId, from, to }, ctx) => {
  await staffAtStation(ctx, stationId);
  const days = await daysBetween(ctx.db, [stationId], { from, until: addDays(to, 1) });
  return { days: days.map((day) => dayView(day, ctx.now)) };
};
