/**
 * The statutory holiday calendar: which Shanghai dates are working days. Weekends are days off,
 * the State Council's holidays (放假) are days off, and its 调休 weekend days are working days.
 * The arrangement of a year is published around November of the year before; until someone
 * records it, that year is *unknown*, and what is computed across it is marked so instead of
 * being silently wrong.
 */
import { addDays, addMonths, isCalendarDate, isoWeekday, yearsBetween } from './time';

export type IsWorkingDay = (date: string) => boolean;

/** One holiday of a year's arrangement, as the notice reads: 春节 2月15日至23日放假, 2月14日、28日上班. */
export interface HolidayPeriod {
  name: string;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
  /** The 调休 weekend days worked for it. */
  workdays: string[];
}

/** A year's arrangement. */
export interface HolidayYear {
  year: number;
  holidays: HolidayPeriod[];
}

export interface WorkingCalendar {
  isWorkingDay: IsWorkingDay;
  /** Whether the year's arrangement is recorded. */
  knowsYear(year: number): boolean;
  /** The years from `from` to `to` (dates, inclusive) whose arrangement nobody recorded. */
  unknownYears(from: string, to: string): number[];
  /** The holiday a date falls in, if any. */
  holidayOn(date: string): string | null;
}

/** Longer than any holiday: the Spring Festival with its weekends is nine days. */
export const MAX_HOLIDAY_DAYS = 15;

/** Every day of a period, in order. */
export function periodDays(period: Pick<HolidayPeriod, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to && days.length <= MAX_HOLIDAY_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

export function workingCalendar(years: Iterable<HolidayYear>): WorkingCalendar {
  const off = new Map<string, string>();
  const worked = new Set<string>();
  const known = new Set<number>();
  for (const year of years) {
    known.add(year.year);
    for (const period of year.holidays) {
      for (const day of periodDays(period)) off.set(day, period.name);
      for (const day of period.workdays) worked.add(day);
    }
  }
  const isWorkingDay: IsWorkingDay = (date) => worked.has(date) || (!off.has(date) && isoWeekday(date) <= 5);
  return {
    isWorkingDay,
    knowsYear: (year) => known.has(year),
    unknownYears: (from, to) => yearsBetween(from, to).filter((year) => !known.has(year)),
    holidayOn: (date) => off.get(date) ?? null,
  };
}

/**
 * What is wrong with a year's arrangement as entered, in words staff can act on; null when it is
 * sound. Days belong to the year (a New Year holiday may start in the last days of December
 * before), periods do not overlap, and 调休 working days are weekend days outside any holiday.
 */
export function holidayYearProblem(entry: HolidayYear): string | null {
  const earliest = `${entry.year - 1}-12-20`;
  const latest = `${entry.year}-12-31`;
  const inYear = (date: string) => isCalendarDate(date) && date >= earliest && date <= latest;
  if (entry.holidays.length === 0) return '请至少填写一个节假日';
  const seen = new Map<string, string>();
  for (const period of entry.holidays) {
    if (!inYear(period.from) || !inYear(period.to)) return `${period.name}的日期不在${entry.year}年内`;
    if (period.to < period.from) return `${period.name}的结束日期早于开始日期`;
    const days = periodDays(period);
    if (days.length > MAX_HOLIDAY_DAYS) return `${period.name}超过${MAX_HOLIDAY_DAYS}天，请检查日期`;
    for (const day of days) {
      const other = seen.get(day);
      if (other) return `${period.name}与${other}的日期重叠（${day}）`;
      seen.set(day, period.name);
    }
  }
  for (const period of entry.holidays) {
    for (const day of period.workdays) {
      if (!inYear(day)) return `${period.name}的调休上班日 ${day} 不在${entry.year}年内`;
      if (isoWeekday(day) <= 5) return `${period.name}的调休上班日 ${day} 不是周末`;
      if (seen.has(day)) return `${period.name}的调休上班日 ${day} 在假期之中`;
    }
  }
  return null;
}

/**
 * How far ahead the calendar matters today: reception days are planned three months ahead and a
 * case's deadlines run a few weeks beyond that.
 */
export const CALENDAR_REACH_MONTHS = 4;

/** The years from `today` as far as the calendar matters whose holidays nobody has recorded. */
export function missingYears(calendar: WorkingCalendar, today: string): number[] {
  return calendar.unknownYears(today, addMonths(today, CALENDAR_REACH_MONTHS));
}
