import { COLLECTIONS } from '../../infra/database';
import { SCHEDULE_HORIZON_MONTHS } from '../../miniprogram/shared/domain/reception';
import { horizon } from '../../miniprogram/shared/domain/schedule';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import { ruleOf } from './access';
import { calendarKnowsYear } from '../core/workingDays';
import { daysBetween, insertDays, plannedDays } from './days';
import { STATION_REF_FIELDS, type BookingDocument, type RuleDocument, type StationRef } from './documents';
import { newRunId } from './ids';
import { deliver, reminderMessage } from './notifications';

export interface DailyReport {
  reminded: number;
  remindersFailed: number;
  noShows: number;
  lapsed: number;
  daysCreated: number;
  /** Years in the scheduling horizon whose holidays the calendar does not know yet. */
  calendarMissingYears: number[];
}

/** CloudBase answers at most this many documents per read. */
const PAGE = 1000;

async function readAll<T>(query: { skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.skip(skip).limit(PAGE).get();
    all.push(...(data as T[]));
    if (data.length < PAGE) return all;
  }
}

/**
 * The day-before reminders, each sent once: the run first claims tomorrow's unreminded
 * bookings by stamping its id on them (one conditional update, so two runs never claim the
 * same booking), then sends to what it claimed. A resident who did not subscribe is skipped.
 */
async function sendReminders(db: Database, tomorrow: string, now: Date): Promise<{ sent: number; failed: number }> {
  const _ = db.command;
  const bookings = db.collection(COLLECTIONS.bookings);
  const runId = newRunId();
  const { updated } = await bookings.where({ status: 'booked', date: tomorrow, reminderRun: _.exists(false) }).update({ reminderRun: runId });
  if (updated === 0) return { sent: 0, failed: 0 };
  const claimed = await readAll<BookingDocument>(bookings.where({ reminderRun: runId }).orderBy('_id', 'asc'));
  const results = await deliver(claimed.map(reminderMessage));
  const sentIds = claimed.filter((_booking, i) => results[i]).map((booking) => booking._id);
  if (sentIds.length > 0) await bookings.where({ _id: _.in(sentIds) }).update({ remindedAt: now });
  return { sent: sentIds.length, failed: claimed.length - sentIds.length };
}

/** Keeps every station's reception days three months ahead as time passes (adds, never removes). */
async function extendSchedules(db: Database, today: string, now: Date): Promise<number> {
  const range = horizon(today, SCHEDULE_HORIZON_MONTHS);
  const [stations, rules] = await Promise.all([
    readAll<StationRef>(db.collection(COLLECTIONS.stations).where({ active: true }).orderBy('_id', 'asc').field(STATION_REF_FIELDS)),
    readAll<RuleDocument>(db.collection(COLLECTIONS.receptionRules).orderBy('_id', 'asc')),
  ]);
  if (stations.length === 0) return 0;
  const existing = await daysBetween(db, stations.map((s) => s._id), range);
  const taken = new Set(existing.map((day) => `${day.stationId}|${day.date}`));
  const ruleByStation = new Map(rules.map((rule) => [rule._id, rule]));
  const missing = stations.flatMap((station) =>
    plannedDays(station, ruleOf(ruleByStation.get(station._id)), today, now).filter((day) => !taken.has(`${day.stationId}|${day.date}`)),
  );
  return insertDays(db, missing);
}

/**
 * What the daily timer does (10:00 in Shanghai): remind tomorrow's visitors, mark yesterday's
 * and earlier bookings nobody came for as no-shows and waitlist places that never got a seat
 * as lapsed, and keep the schedules three months ahead. Every part is idempotent, so a second
 * run the same day changes nothing.
 */
export async function runDailyJobs(db: Database, now: Date): Promise<DailyReport> {
  const _ = db.command;
  const today = shanghaiDate(now);
  const bookings = db.collection(COLLECTIONS.bookings);
  const reminders = await sendReminders(db, addDays(today, 1), now);
  const [noShows, lapsed] = await Promise.all([
    bookings.where({ status: 'booked', date: _.lt(today) }).update({ status: 'noShow', updatedAt: now }),
    bookings.where({ status: 'waiting', date: _.lt(today) }).update({ status: 'lapsed', updatedAt: now }),
  ]);
  const daysCreated = await extendSchedules(db, today, now);
  const range = horizon(today, SCHEDULE_HORIZON_MONTHS);
  const years = [...new Set([Number(range.from.slice(0, 4)), Number(range.until.slice(0, 4))])];
  const calendarMissingYears = years.filter((year) => !calendarKnowsYear(year));
  if (calendarMissingYears.length > 0) {
    console.warn(`[booking] holiday calendar has no data for ${calendarMissingYears.join(', ')}: update chinese-days once the State Council publishes it`);
  }
  return {
    reminded: reminders.sent,
    remindersFailed: reminders.failed,
    noShows: noShows.updated,
    lapsed: lapsed.updated,
    daysCreated,
    calendarMissingYears,
  };
}
