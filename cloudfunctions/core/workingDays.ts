import { getHolidaysInRange, isWorkday } from 'chinese-days';
import type { IsWorkingDay } from '../../miniprogram/shared/domain/schedule';

/**
 * Whether a Shanghai calendar date is a working day, from chinese-days (the State Council's
 * holiday and 调休 arrangements, maintained upstream: weekends are days off, statutory holidays
 * are days off, 调休 weekend days are working days). The one calendar of the back end: booking
 * moves reception days with it, case handling counts deadlines with it.
 *
 * chinese-days parses `YYYY-MM-DD` as UTC midnight but reads it back with local-time getters,
 * so in a zone west of UTC it would answer for the previous day. Handing it local noon of the
 * date makes the answer the same in every machine time zone.
 */
export const isWorkingDay: IsWorkingDay = (date) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return isWorkday(new Date(year, month - 1, day, 12));
};

/**
 * Whether the calendar knows the year's statutory holidays: the State Council publishes them
 * around November for the next year, and chinese-days follows. Until then only weekends count
 * as days off.
 */
export function calendarKnowsYear(year: number): boolean {
  return getHolidaysInRange(new Date(year, 0, 1, 12), new Date(year, 11, 31, 12), false).length > 0;
}
