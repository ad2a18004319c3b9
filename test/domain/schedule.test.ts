import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import { describePattern, horizon, nextWorkingDay, scheduledDates } from '../../miniprogram/shared/domain/schedule';
import { addMonths, isCalendarDate, isoWeekday } from '../../miniprogram/shared/domain/time';

const { isWorkingDay } = packageCalendar;

/** Weekends off, nothing else: enough to see the rule logic apart from the holiday calendar. */
const weekdaysOnly = (date: string) => isoWeekday(date) <= 5;

describe('which dates a reception rule gives', () => {
  test('the 15th of each month in the range, moved past weekends', () => {
    expect(scheduledDates({ kind: 'monthly', dayOfMonth: 15 }, { from: '2026-11-23', until: '2027-02-23' }, weekdaysOnly)).toEqual([
      { date: '2026-12-15', nominalDate: '2026-12-15' },
      { date: '2027-01-15', nominalDate: '2027-01-15' },
      { date: '2027-02-15', nominalDate: '2027-02-15' },
    ]);
    expect(scheduledDates({ kind: 'monthly', dayOfMonth: 15 }, horizon('2026-11-01', 1), weekdaysOnly)).toEqual([{ date: '2026-11-16', nominalDate: '2026-11-15' }]);
  });

  test("last month's day moved into the range is included; this month's moved out of it is not", () => {
    // 2026-08-15 is a Saturday: received on Monday the 17th.
    expect(scheduledDates({ kind: 'monthly', dayOfMonth: 15 }, { from: '2026-08-16', until: '2026-08-18' }, weekdaysOnly)).toEqual([
      { date: '2026-08-17', nominalDate: '2026-08-15' },
    ]);
    expect(scheduledDates({ kind: 'monthly', dayOfMonth: 15 }, { from: '2026-08-01', until: '2026-08-17' }, weekdaysOnly)).toEqual([]);
  });

  test('statutory holidays move the day on; a 调休 weekend working day takes it', () => {
    expect(nextWorkingDay('2024-02-15', isWorkingDay)).toBe('2024-02-18');
    expect(isoWeekday('2024-02-18')).toBe(7);
    expect(nextWorkingDay('2026-02-15', isWorkingDay)).toBe('2026-02-24');
    expect(nextWorkingDay('2026-10-01', isWorkingDay)).toBe('2026-10-08');
    expect(nextWorkingDay('2026-12-15', isWorkingDay)).toBe('2026-12-15');
  });

  test('a weekly rule gives each week once, and two weeks moved onto one day give one reception day', () => {
    const mondays = scheduledDates({ kind: 'weekly', weekday: 1 }, { from: '2026-02-09', until: '2026-03-03' }, isWorkingDay);
    // 16th and 23rd fall in the Spring Festival holiday (15th–23rd): both move to Tuesday the 24th.
    expect(mondays).toEqual([
      { date: '2026-02-09', nominalDate: '2026-02-09' },
      { date: '2026-02-24', nominalDate: '2026-02-16' },
      { date: '2026-03-02', nominalDate: '2026-03-02' },
    ]);
  });

  test('months add on the calendar, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
    expect(horizon('2026-11-23', 3)).toEqual({ from: '2026-11-23', until: '2027-02-23' });
  });

  test('dates are checked for existence, rules described in plain words', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
    expect(describePattern({ kind: 'monthly', dayOfMonth: 15 })).toBe('每月15日（遇节假日顺延）');
    expect(describePattern({ kind: 'weekly', weekday: 3 })).toBe('每周三（遇节假日顺延）');
  });
});
