/**
 * How long each stage of a case may take, in working days, and how long a resident has to rate
 * the answer, in calendar days. The defaults follow common 代表建议办理 practice; an environment
 * can override any of them (cloudfunctions/core/caseDeadlines.ts reads `CASE_DEADLINES`).
 */
import type { WorkingCalendar } from './holidays';
import type { OpinionStatus } from './opinion';
import { shanghaiDate } from './time';
import { addWorkingDays, dueAfterWorkingDays, endOfShanghaiDay } from './workingDays';

/** The stages a deadline runs for; each status waits on at most one of them. */
export const CASE_STAGES = ['accept', 'respond', 'assign', 'answer', 'review'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  accept: '受理',
  respond: '代表答复或交办',
  assign: '交办',
  answer: '承办单位办理',
  review: '审核办理结果',
};

/** The stage whose clock runs while a case is in a status; none while it waits on the resident or is closed. */
export const STAGE_OF_STATUS: Partial<Record<OpinionStatus, CaseStage>> = {
  received: 'accept',
  read: 'accept',
  accepted: 'respond',
  forwarded: 'assign',
  reopened: 'assign',
  assigned: 'answer',
  answered: 'review',
  referred: 'assign',
};

export interface CaseDeadlineConfig {
  /** Working days per stage. */
  workingDays: Record<CaseStage, number>;
  /** Calendar days the resident has to rate an answer before the case closes as 未评价. */
  ratingDays: number;
  /**
   * Calendar days after a case closes before the resident is asked once whether the problem is
   * really solved (回访): two to four weeks, so the answer tells what the rating right after the
   * answer cannot.
   */
  followUpDays: number;
}

export const DEFAULT_CASE_DEADLINES: CaseDeadlineConfig = {
  workingDays: { accept: 3, respond: 5, assign: 2, answer: 15, review: 3 },
  ratingDays: 7,
  followUpDays: 21,
};

const LIMIT = { min: 1, max: 90 };
/** 回访: two to four weeks after closing. */
export const FOLLOW_UP_DAYS_LIMIT = { min: 14, max: 28 };

function days(value: unknown, what: string, limit = LIMIT): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < limit.min || value > limit.max) {
    throw new RangeError(`case deadline ${what} must be a whole number of days from ${limit.min} to ${limit.max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The defaults with overrides applied, e.g. `{ "accept": 2, "answer": 20, "ratingDays": 10 }`.
 * Unknown keys and out-of-range values are refused rather than silently ignored.
 */
export function caseDeadlinesWith(overrides: unknown): CaseDeadlineConfig {
  if (overrides === undefined || overrides === null) return DEFAULT_CASE_DEADLINES;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new RangeError('case deadlines must be an object of stage → days');
  const config: CaseDeadlineConfig = { ...DEFAULT_CASE_DEADLINES, workingDays: { ...DEFAULT_CASE_DEADLINES.workingDays } };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'ratingDays') config.ratingDays = days(value, key);
    else if (key === 'followUpDays') config.followUpDays = days(value, key, FOLLOW_UP_DAYS_LIMIT);
    else if ((CASE_STAGES as readonly string[]).includes(key)) config.workingDays[key as CaseStage] = days(value, key);
    else throw new RangeError(`unknown case deadline "${key}"; known: ${[...CASE_STAGES, 'ratingDays', 'followUpDays'].join(', ')}`);
  }
  return config;
}

/** A stage's clock: when it started and when it is due. */
export interface CaseDeadline {
  stage: CaseStage;
  startedAt: Date;
  dueAt: Date;
  /**
   * Counted across a year whose holidays nobody had recorded: only weekends were days off, so
   * `dueAt` may come too early. Recounted once the year is recorded.
   */
  provisional?: true;
}

/** Whether counting from `startedAt` to `dueAt` crossed a year the calendar does not know. */
export function countedBlind(startedAt: Date, dueAt: Date, calendar: WorkingCalendar): boolean {
  return calendar.unknownYears(shanghaiDate(startedAt), shanghaiDate(new Date(dueAt.getTime() - 1))).length > 0;
}

export function deadlineFor(stage: CaseStage, startedAt: Date, config: CaseDeadlineConfig, calendar: WorkingCalendar): CaseDeadline {
  const dueAt = dueAfterWorkingDays(startedAt, config.workingDays[stage], calendar.isWorkingDay);
  return countedBlind(startedAt, dueAt, calendar) ? { stage, startedAt, dueAt, provisional: true } : { stage, startedAt, dueAt };
}

/** The deadline a stage started at `now` would get: its working days, its last allowed Shanghai day, and the instant it is due. */
export interface ProspectiveDeadline {
  workingDays: number;
  /** YYYY-MM-DD, Shanghai: the last working day allowed. */
  dueDate: string;
  /** The end of `dueDate`: overdue from then on. */
  dueAt: Date;
  /** Counted across a year whose holidays nobody recorded (see CaseDeadline.provisional). */
  provisional: boolean;
}

/** What starting `stage` now would give, e.g. the answer deadline a 交办 made now would set (equal to `deadlineFor`'s). */
export function prospectiveDeadline(stage: CaseStage, now: Date, config: CaseDeadlineConfig, calendar: WorkingCalendar): ProspectiveDeadline {
  const workingDays = config.workingDays[stage];
  const dueDate = addWorkingDays(shanghaiDate(now), workingDays, calendar.isWorkingDay);
  const dueAt = endOfShanghaiDay(dueDate);
  return { workingDays, dueDate, dueAt, provisional: countedBlind(now, dueAt, calendar) };
}
