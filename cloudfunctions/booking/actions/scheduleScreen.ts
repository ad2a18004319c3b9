import { COLLECTIONS } from '../../../infra/database';
import { DEPUTY_SUMMARY_FIELDS } from '../../../infra/documents/booking';
import { byRank, type DeputySummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { ruleOf, staffAtStation } from '../access';
import { stationDaysIn } from './listStationDays';

/** More deputies than any station has. */
const MOST_DEPUTIES = 200;

/**
 * 接待安排 opens on one call: the rule as getRule answers it, the days as listStationDays answers
 * them, and the station's name and active deputies (the duty picker). The caller is checked once,
 * as both actions check it. Six requests: account, station and rule, then the days, the calendar
 * and the deputies side by side.
 */
export const scheduleScreen: Handler<'booking.scheduleScreen'> = async ({ stationId, from, to }, ctx) => {
  const { station, rule } = await staffAtStation(ctx, stationId);
  const [inRange, { data: deputies }] = await Promise.all([
    stationDaysIn(ctx, stationId, from, to),
    ctx.db.collection(COLLECTIONS.deputies).where({ active: true, stationIds: stationId }).limit(MOST_DEPUTIES).field(DEPUTY_SUMMARY_FIELDS).get(),
  ]);
  return {
    stationId,
    rule: ruleOf(rule),
    isDefault: !rule?.rule,
    ...inRange,
    stationName: station.name,
    deputies: byRank(deputies as DeputySummary[]),
  };
};
