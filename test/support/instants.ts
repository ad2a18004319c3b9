/**
 * The instants tests run at. A test that depends on the date names its instant; the local runtime
 * and the pages then read that instant instead of the machine's clock, so a test passes on any day.
 */
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';

/**
 * An ordinary Wednesday morning in Shanghai: a working day, mid-month, away from reception days
 * (the 15th), holidays, month ends and midnight. What tests run at unless they name another instant.
 */
export const ORDINARY_MORNING = shanghaiInstant('2026-11-18', '10:00');

/** The instants where calendars break: each named, in Shanghai time (comments give the UTC reading). */
export const HARD_INSTANTS = {
  /** 00:05 on 1 December in Shanghai: still 30 November in UTC. */
  firstMinutesOfMonth: shanghaiInstant('2026-12-01', '00:05'),
  /** 23:59 on 30 November in Shanghai, the last minute of the month. */
  lastMinuteOfMonth: shanghaiInstant('2026-11-30', '23:59'),
  /** 23:59 on the eve of reception day (Mon 2026-12-14), one minute before the 15th. */
  receptionEve: shanghaiInstant('2026-12-14', '23:59'),
  /** 09:00 on reception day itself, Tuesday 2026-12-15. */
  receptionDay: shanghaiInstant('2026-12-15', '09:00'),
  /** A 调休 working Saturday (2026-02-14, before the Spring Festival). */
  makeUpSaturday: shanghaiInstant('2026-02-14', '10:00'),
  /** Inside the 2026 Spring Festival holiday, whose 15 February moves reception to the 24th. */
  springFestival2026: shanghaiInstant('2026-02-16', '10:00'),
  /** 23:59 on New Year's Eve 2026, one minute before a year whose holidays the package does not know. */
  newYearsEve: shanghaiInstant('2026-12-31', '23:59'),
  /** 31 January 2027 at 23:59: month end, into February. */
  lastMinuteOfJanuary2027: shanghaiInstant('2027-01-31', '23:59'),
  /** 10 February 2027, around the Spring Festival of 2027 (holidays not in the package). */
  springFestival2027: shanghaiInstant('2027-02-10', '10:00'),
  /** 8 October 2027, right after the National Day week of 2027. */
  afterNationalDay2027: shanghaiInstant('2027-10-08', '08:30'),
  /** 29 February 2028 at noon: a leap day. */
  leapDay2028: shanghaiInstant('2028-02-29', '12:00'),
} as const;

export type HardInstant = keyof typeof HARD_INSTANTS;
