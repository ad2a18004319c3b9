import type { StationDaysInRange } from '../../../miniprogram/shared/contract/booking';
import { addDays } from '../../../miniprogram/shared/domain/time';
import type { CallContext, Handler } from '../../core/handler';
import { staffAtStation } from '../access';
import { daysBetween } from '../days';
import { dayView } from '../../../infra/documents/booking';

/** A station's days in a range, each checked against the holiday calendar: two requests side by side. The caller is checked before. */
export async function stationDaysIn(ctx: CallContext, stationId: string, from: string, to: string): Promise<StationDaysInRange> {
  const [days, calendar] = await Promise.all([daysBetween(ctx.db, [stationId], { from, until: addDays(to, 1) }), ctx.calendar()]);
  const holidayOn: Record<string, string> = {};
  for (const day of days) {
    const holiday = calendar.holidayOn(day.date);
    if (holiday) holidayOn[day.date] = holiday;
  }
  return { days: days.map((day) => dayView(day, ctx.now)), holidayOn, holidaysUnknownYears: calendar.unknownYears(from, to) };
}

/**
 * Staff look up a station's days in a range, past and cancelled ones included, to open a past
 * day's roster or plan ahead; each day is checked against the holiday calendar. Five requests:
 * account, station and rule concurrently, then the days and the calendar.
 */
export const listStationDays: Handler<'booking.listStationDays'> = async ({ stationId, from, to }, ctx) => {
  await staffAtStation(ctx, stationId);
  return stationDaysIn(ctx, stationId, from, to);
};
