import { missingYears } from '../../../miniprogram/shared/domain/holidays';
import { shanghaiDate, yearOf } from '../../../miniprogram/shared/domain/time';
import type { HolidayYearView } from '../../../miniprogram/shared/contract/admin';
import type { Handler } from '../../core/handler';
import { holidayYearView, recordedHolidayYears } from '../../core/workingCalendar';
import { loadStaff } from '../staffScope';

/**
 * The holiday calendar as staff see it: last year, this year, next year and any other year staff
 * recorded, each from the package or from staff; the years reception days and deadlines reach into
 * that nobody has recorded; and whether the caller may record them (administrators). Two database
 * requests.
 */
export const listHolidayYears: Handler<'admin.listHolidayYears'> = async (_payload, ctx) => {
  const [{ scope }, recorded, calendar] = await Promise.all([loadStaff(ctx), recordedHolidayYears(ctx.db), ctx.calendar()]);
  const today = shanghaiDate(ctx.now);
  const thisYear = yearOf(today);
  const wanted = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...recorded.map((doc) => doc.year)])].sort((a, b) => a - b);
  const years = wanted
    .map((year) =>
      holidayYearView(
        year,
        recorded.find((doc) => doc.year === year),
      ),
    )
    .filter((view): view is HolidayYearView => view !== null);
  return { years, missingYears: missingYears(calendar, today), canEdit: scope.role === 'admin' };
};
