import calendar from 'chinese-days/dist/chinese-days.json';
import { COLLECTIONS } from '../../infra/database';
import type { HolidayYearView } from '../../miniprogram/shared/contract/admin';
import { workingCalendar, type HolidayPeriod, type HolidayYear, type WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import { addDays, yearOf } from '../../miniprogram/shared/domain/time';
import type { Database } from './cloud';

/**
 * The back end's one holiday calendar: the years the chinese-days package publishes, and the years
 * staff record themselves (admin.saveHolidayYear) for what the package does not know yet, or to
 * correct it. Booking moves reception days with it; case handling counts deadlines with it.
 *
 * The package's tables are read directly (`dist/chinese-days.json`, keyed by YYYY-MM-DD) rather than
 * through its `isWorkday`, which parses dates as UTC and reads them back in local time, so west of
 * UTC every holiday slips a day. A lookup by date string has no time zone.
 */

/** A staff-recorded year, as stored in `holiday_years` (_id `holidays-<year>`), with every version saved. */
export interface HolidayYearDocument extends HolidayYear {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
  updatedByName?: string;
  createdAt: Date;
  history?: Array<{ at: Date; by: string; byName?: string; holidays: HolidayPeriod[] }>;
}

export function holidayYearId(year: number): string {
  return `holidays-${year}`;
}

type Table = Record<string, string>;
const { holidays, workdays } = calendar as { holidays: Table; workdays: Table };

/** The package's entries `English,中文,days` grouped into each year's named periods. */
function packageYears(): HolidayYear[] {
  const periods: HolidayPeriod[] = [];
  for (const date of Object.keys(holidays).sort()) {
    const name = holidays[date]?.split(',')[1] ?? '节假日';
    const last = periods[periods.length - 1];
    if (last && last.name === name && addDays(last.to, 1) === date) last.to = date;
    else periods.push({ name, from: date, to: date, workdays: [] });
  }
  for (const date of Object.keys(workdays).sort()) {
    const name = workdays[date]?.split(',')[1];
    // A 调休 working day belongs to the nearest period of its holiday.
    const nearest = periods
      .filter((period) => period.name === name)
      .sort((a, b) => Math.abs(Date.parse(a.from) - Date.parse(date)) - Math.abs(Date.parse(b.from) - Date.parse(date)))[0];
    nearest?.workdays.push(date);
  }
  const byYear = new Map<number, HolidayPeriod[]>();
  // A New Year holiday that starts on 30 December belongs to the year it ends in.
  for (const period of periods) byYear.set(yearOf(period.to), [...(byYear.get(yearOf(period.to)) ?? []), period]);
  return [...byYear].map(([year, list]) => ({ year, holidays: list }));
}

export const PACKAGE_HOLIDAY_YEARS: readonly HolidayYear[] = packageYears();

/** The calendar from the package alone (seeds, and code that has no database). */
export const packageCalendar: WorkingCalendar = workingCalendar(PACKAGE_HOLIDAY_YEARS);

/** Staff-recorded years replace the package's year of the same number. */
export function mergeHolidayYears(recorded: readonly HolidayYear[]): HolidayYear[] {
  const byYear = new Map(PACKAGE_HOLIDAY_YEARS.map((year) => [year.year, year]));
  for (const year of recorded) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Every staff-recorded year: a handful of small documents, one database request. */
export async function recordedHolidayYears(db: Database): Promise<HolidayYearDocument[]> {
  const { data } = await db.collection(COLLECTIONS.holidayYears).orderBy('year', 'asc').limit(100).get();
  return data as HolidayYearDocument[];
}

/** The calendar in force: the package and what staff recorded. One database request. */
export async function loadWorkingCalendar(db: Database): Promise<WorkingCalendar> {
  return workingCalendar(mergeHolidayYears(await recordedHolidayYears(db)));
}

/** A year of the calendar as staff read it: staff-recorded when they recorded it, else the package's. */
export function holidayYearView(year: number, recorded: HolidayYearDocument | undefined): HolidayYearView | null {
  if (recorded) {
    return {
      year,
      source: 'staff',
      holidays: recorded.holidays,
      updatedAt: new Date(recorded.updatedAt).toISOString(),
      updatedByName: recorded.updatedByName ?? null,
      revisions: recorded.history?.length ?? 1,
    };
  }
  const fromPackage = PACKAGE_HOLIDAY_YEARS.find((entry) => entry.year === year);
  return fromPackage ? { year, source: 'package', holidays: fromPackage.holidays, updatedAt: null, updatedByName: null, revisions: 0 } : null;
}
