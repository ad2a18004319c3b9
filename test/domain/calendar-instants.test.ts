import { packageCalendar, mergeHolidayYears } from '../../cloudfunctions/core/workingCalendar';
import { deadlineFor, DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import { missingYears, workingCalendar, type HolidayYear, type WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import { DEFAULT_RECEPTION_RULE, SCHEDULE_HORIZON_MONTHS } from '../../miniprogram/shared/domain/reception';
import { horizon, scheduledDates } from '../../miniprogram/shared/domain/schedule';
import { addDays, addMonths, shanghaiDate, shanghaiHour } from '../../miniprogram/shared/domain/time';
import { HARD_INSTANTS, type HardInstant } from '../support/instants';

/**
 * The instants where calendars break, each with what the product must make of it: the Shanghai
 * date (and the UTC date, which differs from 00:00 to 08:00 Shanghai), the reception days the
 * default rule (the 15th, 顺延 past weekends and holidays) gives from then, when an accept deadline
 * of three working days started then falls due, and whether that count had to guess at a year
 * whose holidays nobody recorded.
 */
interface Expected {
  shanghai: string;
  utc: string;
  workingDay: boolean;
  receptionDays: string[];
  acceptDueEndOf: string;
  provisional: boolean;
}

const receptionDays = (today: string, calendar: WorkingCalendar) =>
  scheduledDates(DEFAULT_RECEPTION_RULE.pattern, horizon(today, SCHEDULE_HORIZON_MONTHS), calendar.isWorkingDay).map((d) => d.date);

function observe(at: Date, calendar: WorkingCalendar): Expected {
  const today = shanghaiDate(at);
  const deadline = deadlineFor('accept', at, DEFAULT_CASE_DEADLINES, calendar);
  return {
    shanghai: today,
    utc: at.toISOString().slice(0, 10),
    workingDay: calendar.isWorkingDay(today),
    receptionDays: receptionDays(today, calendar),
    acceptDueEndOf: addDays(shanghaiDate(deadline.dueAt), -1),
    provisional: deadline.provisional === true,
  };
}

/** With the holiday package alone, which knows 2026 and earlier. */
const PACKAGE_ONLY: Record<HardInstant, Expected> = {
  firstMinutesOfMonth: {
    shanghai: '2026-12-01',
    utc: '2026-11-30',
    workingDay: true,
    receptionDays: ['2026-12-15', '2027-01-15', '2027-02-15'],
    acceptDueEndOf: '2026-12-04',
    provisional: false,
  },
  lastMinuteOfMonth: {
    shanghai: '2026-11-30',
    utc: '2026-11-30',
    workingDay: true,
    receptionDays: ['2026-12-15', '2027-01-15', '2027-02-15'],
    acceptDueEndOf: '2026-12-03',
    provisional: false,
  },
  receptionEve: {
    shanghai: '2026-12-14',
    utc: '2026-12-14',
    workingDay: true,
    receptionDays: ['2026-12-15', '2027-01-15', '2027-02-15'],
    acceptDueEndOf: '2026-12-17',
    provisional: false,
  },
  receptionDay: {
    shanghai: '2026-12-15',
    utc: '2026-12-15',
    workingDay: true,
    receptionDays: ['2026-12-15', '2027-01-15', '2027-02-15'],
    acceptDueEndOf: '2026-12-18',
    provisional: false,
  },
  // A 调休 Saturday is a working day; the 15th of February is in the Spring Festival: received on the 24th.
  makeUpSaturday: {
    shanghai: '2026-02-14',
    utc: '2026-02-14',
    workingDay: true,
    receptionDays: ['2026-02-24', '2026-03-16', '2026-04-15'],
    acceptDueEndOf: '2026-02-26',
    provisional: false,
  },
  springFestival2026: {
    shanghai: '2026-02-16',
    utc: '2026-02-16',
    workingDay: false,
    receptionDays: ['2026-02-24', '2026-03-16', '2026-04-15', '2026-05-15'],
    acceptDueEndOf: '2026-02-26',
    provisional: false,
  },
  // 1 January 2027 is counted as a working day: nobody has said it is 元旦 — and the deadline says so.
  newYearsEve: {
    shanghai: '2026-12-31',
    utc: '2026-12-31',
    workingDay: true,
    receptionDays: ['2027-01-15', '2027-02-15', '2027-03-15'],
    acceptDueEndOf: '2027-01-05',
    provisional: true,
  },
  lastMinuteOfJanuary2027: {
    shanghai: '2027-01-31',
    utc: '2027-01-31',
    workingDay: false,
    receptionDays: ['2027-02-15', '2027-03-15', '2027-04-15'],
    acceptDueEndOf: '2027-02-03',
    provisional: true,
  },
  springFestival2027: {
    shanghai: '2027-02-10',
    utc: '2027-02-10',
    workingDay: true,
    receptionDays: ['2027-02-15', '2027-03-15', '2027-04-15'],
    acceptDueEndOf: '2027-02-15',
    provisional: true,
  },
  afterNationalDay2027: {
    shanghai: '2027-10-08',
    utc: '2027-10-08',
    workingDay: true,
    receptionDays: ['2027-10-15', '2027-11-15', '2027-12-15'],
    acceptDueEndOf: '2027-10-13',
    provisional: true,
  },
  // 2028-04-15 is a Saturday: received on Monday the 17th.
  leapDay2028: {
    shanghai: '2028-02-29',
    utc: '2028-02-29',
    workingDay: true,
    receptionDays: ['2028-03-15', '2028-04-17', '2028-05-15'],
    acceptDueEndOf: '2028-03-03',
    provisional: true,
  },
};

/**
 * A 2027 arrangement as staff would record it. Made up for the test (the State Council's own is
 * whatever it published): 元旦 1–3 January; 春节 10–16 February, Saturday 20 February worked;
 * 国庆节 1–7 October, Saturday 9 October worked.
 */
const RECORDED_2027: HolidayYear = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { name: '春节', from: '2027-02-10', to: '2027-02-16', workdays: ['2027-02-20'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-10-09'] },
  ],
};
const WITH_2027 = workingCalendar(mergeHolidayYears([RECORDED_2027]));

const WITH_2027_RECORDED: Partial<Record<HardInstant, Expected>> = {
  newYearsEve: {
    shanghai: '2026-12-31',
    utc: '2026-12-31',
    workingDay: true,
    receptionDays: ['2027-01-15', '2027-02-17', '2027-03-15'],
    acceptDueEndOf: '2027-01-06',
    provisional: false,
  },
  springFestival2027: {
    shanghai: '2027-02-10',
    utc: '2027-02-10',
    workingDay: false,
    receptionDays: ['2027-02-17', '2027-03-15', '2027-04-15'],
    acceptDueEndOf: '2027-02-19',
    provisional: false,
  },
  // 8 October is the first working day after the week off; the Saturday after it is worked.
  afterNationalDay2027: {
    shanghai: '2027-10-08',
    utc: '2027-10-08',
    workingDay: true,
    receptionDays: ['2027-10-15', '2027-11-15', '2027-12-15'],
    acceptDueEndOf: '2027-10-12',
    provisional: false,
  },
};

describe('the calendar at the instants where calendars break', () => {
  test.each(Object.keys(PACKAGE_ONLY) as HardInstant[])('%s, with the holiday package alone', (name) => {
    expect(observe(HARD_INSTANTS[name], packageCalendar)).toEqual(PACKAGE_ONLY[name]);
  });

  test.each(Object.keys(WITH_2027_RECORDED) as HardInstant[])('%s, once staff recorded 2027', (name) => {
    expect(observe(HARD_INSTANTS[name], WITH_2027)).toEqual(WITH_2027_RECORDED[name]);
  });

  test('23:59 → 00:00 in Shanghai on the eve of reception day: the hour and the date turn together', () => {
    const eve = HARD_INSTANTS.receptionEve;
    const midnight = new Date(eve.getTime() + 60_000);
    expect([shanghaiDate(eve), shanghaiHour(eve)]).toEqual(['2026-12-14', 23]);
    expect([shanghaiDate(midnight), shanghaiHour(midnight)]).toEqual(['2026-12-15', 0]);
    expect(midnight.toISOString()).toBe('2026-12-14T16:00:00.000Z');
  });

  test('month arithmetic: 31 January plus a month is the end of February; 31 December plus a day is the new year', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  test('the package’s years end with 2026: a test notices the day a newer package knows 2027', () => {
    expect(packageCalendar.knowsYear(2026)).toBe(true);
    expect(packageCalendar.knowsYear(2027)).toBe(false);
    expect(missingYears(packageCalendar, '2026-11-18')).toEqual([2027]);
    expect(missingYears(packageCalendar, '2026-08-01')).toEqual([]);
    expect(missingYears(WITH_2027, '2027-10-08')).toEqual([2028]);
  });
});
