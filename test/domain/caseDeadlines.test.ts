import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';

const { isWorkingDay } = packageCalendar;
import { caseDeadlinesWith, DEFAULT_CASE_DEADLINES, deadlineFor, prospectiveDeadline } from '../../miniprogram/shared/domain/caseDeadlines';
import { isoWeekday } from '../../miniprogram/shared/domain/time';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { addWorkingDays, dueAfterCalendarDays, dueAfterWorkingDays, endOfShanghaiDay, isPastDue, overdueWorkingDays } from '../../miniprogram/shared/domain/workingDays';

/**
 * Deadlines count working days of the State Council's calendar, as chinese-days publishes it —
 * the same calendar booking moves reception days with. 2026: 中秋 Fri 09-25, 国庆 Thu 10-01 … Wed
 * 10-07, with 调休 working days Sun 09-20 and Sat 10-10.
 */
describe('the working-day calendar around National Day 2026', () => {
  test('holidays are days off, 调休 weekends are working days', () => {
    // 国庆 and 中秋, and the Sunday after the 调休 Saturday.
    for (const dayOff of ['2026-10-01', '2026-10-04', '2026-10-07', '2026-09-25', '2026-10-11']) expect(isWorkingDay(dayOff)).toBe(false);
    // The two 调休 weekend days, and the first day after the holiday.
    for (const workingDay of ['2026-09-20', '2026-10-10', '2026-10-08']) expect(isWorkingDay(workingDay)).toBe(true);
  });
});

describe('counting working days', () => {
  test('three working days after the last working day before the holiday end on the 调休 Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1, isWorkingDay)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, isWorkingDay)).toBe('2026-10-10');
  });

  test('an opinion left during the holiday waits until the week after it to count', () => {
    expect(addWorkingDays('2026-10-03', 3, isWorkingDay)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-03', 4, isWorkingDay)).toBe('2026-10-12');
  });

  test('fifteen working days from 中秋 eve cross both holidays and the 调休 Saturday', () => {
    // 09-24 Thu → 09-28, 29, 30, 10-08, 09, 10 (Sat 调休), 12, 13, 14, 15, 16, 19, 20, 21, 22.
    expect(addWorkingDays('2026-09-24', 15, isWorkingDay)).toBe('2026-10-22');
  });

  test('zero working days is the day itself; negative or fractional counts are refused', () => {
    expect(addWorkingDays('2026-10-01', 0, isWorkingDay)).toBe('2026-10-01');
    expect(() => addWorkingDays('2026-10-01', -1, isWorkingDay)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-01', 1.5, isWorkingDay)).toThrow(RangeError);
  });
});

describe('stage deadlines', () => {
  test('due at the end of the last allowed working day, Shanghai time', () => {
    const submitted = shanghaiInstant('2026-09-30', '16:45');
    const due = dueAfterWorkingDays(submitted, 3, isWorkingDay);
    expect(due).toEqual(shanghaiInstant('2026-10-11', '00:00'));
    expect(due.toISOString()).toBe('2026-10-10T16:00:00.000Z');
    expect(isPastDue(due, shanghaiInstant('2026-10-10', '23:59'))).toBe(false);
    expect(isPastDue(due, shanghaiInstant('2026-10-11', '00:00'))).toBe(true);
  });

  test('the Shanghai date decides, not the UTC one: 01:00 on 10-08 in Shanghai is still 10-07 in UTC', () => {
    const early = shanghaiInstant('2026-10-08', '01:00');
    expect(early.toISOString().slice(0, 10)).toBe('2026-10-07');
    expect(dueAfterWorkingDays(early, 1, isWorkingDay)).toEqual(endOfShanghaiDay('2026-10-09'));
  });

  test('each stage takes its configured days; the rating window counts calendar days', () => {
    const assigned = shanghaiInstant('2026-09-29', '10:00');
    expect(deadlineFor('answer', assigned, DEFAULT_CASE_DEADLINES, packageCalendar)).toEqual({
      stage: 'answer',
      startedAt: assigned,
      dueAt: endOfShanghaiDay('2026-10-26'),
    });
    expect(dueAfterCalendarDays(shanghaiInstant('2026-09-30', '10:00'), 7)).toEqual(endOfShanghaiDay('2026-10-07'));
  });
});

describe('how many working days late, across the National Day week', () => {
  // Due the end of Wednesday 09-30, the last working day before the holiday (as the back end stores it: the next midnight).
  const due = endOfShanghaiDay('2026-09-30');
  const at = (date: string, time = '10:00') => shanghaiInstant(date, time);

  test('0 while in time, and 0 while only holidays have passed', () => {
    expect(overdueWorkingDays(due, at('2026-09-30', '23:59'), isWorkingDay)).toBe(0);
    expect(overdueWorkingDays(due, at('2026-10-01', '00:00'), isWorkingDay)).toBe(0);
    expect(overdueWorkingDays(due, at('2026-10-07', '18:00'), isWorkingDay)).toBe(0);
  });

  test('the days after the holiday count, today included; the 调休 Saturday counts, Sunday 10-11 does not', () => {
    expect(overdueWorkingDays(due, at('2026-10-08', '09:00'), isWorkingDay)).toBe(1);
    expect(overdueWorkingDays(due, at('2026-10-09'), isWorkingDay)).toBe(2);
    expect(overdueWorkingDays(due, at('2026-10-10'), isWorkingDay)).toBe(3);
    expect(overdueWorkingDays(due, at('2026-10-11'), isWorkingDay)).toBe(3);
    expect(overdueWorkingDays(due, at('2026-10-12'), isWorkingDay)).toBe(4);
  });

  test('the calendar is a parameter: Monday to Friday alone would say 8 on 10-12 (the phone’s old count)', () => {
    const mondayToFriday = (date: string) => isoWeekday(date) <= 5;
    expect(overdueWorkingDays(due, at('2026-10-12'), mondayToFriday)).toBe(8);
  });

  test('a deadline given as the last millisecond of the day, or as an ISO string, reads the same; a bad date is not late', () => {
    expect(overdueWorkingDays('2026-09-30T15:59:59.999Z', at('2026-10-08'), isWorkingDay)).toBe(1);
    expect(overdueWorkingDays(due.toISOString(), at('2026-10-12'), isWorkingDay)).toBe(4);
    expect(overdueWorkingDays('not a date', at('2026-10-12'), isWorkingDay)).toBe(0);
  });
});

describe('the deadline a stage started now would get', () => {
  test('a 交办 made on 中秋 eve: 15 working days, the same as deadlineFor sets', () => {
    const now = shanghaiInstant('2026-09-24', '10:00');
    const promised = prospectiveDeadline('answer', now, DEFAULT_CASE_DEADLINES, packageCalendar);
    expect(promised).toEqual({ workingDays: 15, dueDate: '2026-10-22', dueAt: endOfShanghaiDay('2026-10-22'), provisional: false });
    expect(promised.dueAt).toEqual(deadlineFor('answer', now, DEFAULT_CASE_DEADLINES, packageCalendar).dueAt);
  });

  test('configured to 20 working days from the last day before the holiday', () => {
    // 10-08, 09, 10 (调休), 12–16, 19–23, 26–30, 11-02, 03.
    const config = caseDeadlinesWith({ answer: 20 });
    expect(prospectiveDeadline('answer', shanghaiInstant('2026-09-30', '16:00'), config, packageCalendar)).toEqual({
      workingDays: 20,
      dueDate: '2026-11-03',
      dueAt: endOfShanghaiDay('2026-11-03'),
      provisional: false,
    });
  });
});

describe('configuring the deadlines', () => {
  test('the defaults: accept 3, respond 5, assign 2, answer 15, review 3 working days; rate within 7 days; 回访 21 days after closing', () => {
    expect(DEFAULT_CASE_DEADLINES).toEqual({ workingDays: { accept: 3, respond: 5, assign: 2, answer: 15, review: 3 }, ratingDays: 7, followUpDays: 21 });
    expect(caseDeadlinesWith(undefined)).toBe(DEFAULT_CASE_DEADLINES);
  });

  test('overrides replace single stages and leave the others', () => {
    expect(caseDeadlinesWith({ accept: 2, answer: 20, ratingDays: 10 })).toEqual({
      workingDays: { accept: 2, respond: 5, assign: 2, answer: 20, review: 3 },
      ratingDays: 10,
      followUpDays: 21,
    });
  });

  test('回访 is set from two to four weeks after closing, nothing outside', () => {
    expect(caseDeadlinesWith({ followUpDays: 14 }).followUpDays).toBe(14);
    expect(caseDeadlinesWith({ followUpDays: 28 }).followUpDays).toBe(28);
    expect(() => caseDeadlinesWith({ followUpDays: 13 })).toThrow(/from 14 to 28/);
    expect(() => caseDeadlinesWith({ followUpDays: 29 })).toThrow(/from 14 to 28/);
  });

  test('unknown stages and impossible numbers are refused, not ignored', () => {
    expect(() => caseDeadlinesWith({ acept: 2 })).toThrow(/unknown case deadline "acept"/);
    expect(() => caseDeadlinesWith({ answer: 0 })).toThrow(RangeError);
    expect(() => caseDeadlinesWith({ answer: 2.5 })).toThrow(RangeError);
    expect(() => caseDeadlinesWith({ answer: '15' })).toThrow(RangeError);
    expect(() => caseDeadlinesWith([3])).toThrow(RangeError);
  });
});
