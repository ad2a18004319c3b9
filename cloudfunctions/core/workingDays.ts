import calendar from 'chinese-days/dist/chinese-days.json';
import { isoWeekday, type IsWorkingDay } from '../../miniprogram/shared/domain/schedule';

/**
 * Whether a Shanghai calendar date is a working day, from chinese-days (the State Council's
 * holiday and 调休 arrangements, maintained upstream: weekends are days off, statutory holidays
 * are days off, 调休 weekend days are working days). The one calendar of the back end: booking
 * moves reception days with it, case handling counts deadlines with it.
 *
 * Read from the package's published tables (`dist/chinese-days.json`, keyed by YYYY-MM-DD) rather
 * than through its `isWorkday`: that function builds its tables by parsing dates as UTC and reading
 * them back in local time, so on a machine west of UTC every holiday slips a day (handing it local
 * noon does not help: its tables are already shifted). A lookup by date string has no time zone;
 * test/domain/schedule-timezones.test.ts proves it under TZ=America/Los_Angeles.
 */
const { holidays, workdays } = calendar as { holidays: Record<string, string>; workdays: Record<string, string> };

export const isWorkingDay: IsWorkingDay = (date) => {
  if (Object.prototype.hasOwnProperty.call(workdays, date)) return true;
  if (Object.prototype.hasOwnProperty.call(holidays, date)) return false;
  return isoWeekday(date) <= 5;
};

const knownYears = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

/**
 * Whether the calendar knows the year's statutory holidays: the State Council publishes them
 * around November for the next year, and chinese-days follows. Until then only weekends count
 * as days off, so the daily jobs warn when their horizon reaches an unknown year.
 */
export function calendarKnowsYear(year: number): boolean {
  return knownYears.has(year);
}
