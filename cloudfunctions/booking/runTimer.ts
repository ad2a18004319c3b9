import { COLLECTIONS } from '../../infra/database';
import { SCHEDULE_HORIZON_MONTHS } from '../../miniprogram/shared/domain/reception';
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import { horizon } from '../../miniprogram/shared/domain/schedule';
import { addDays, shanghaiDate, shanghaiInstant, shanghaiTimeOfDay } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import type { CallContext } from '../core/handler';
import { oncePerDay } from '../core/timer';
import { settleStaleDays } from '../core/visitCounters';
import { ruleOf } from './access';
import { applyDayChanges, daysBetween, plannedDays, reconcileDays } from './days';
import { STATION_REF_FIELDS, type BookingDocument, type RuleDocument, type StationRef } from '../../infra/documents/booking';
import { newRunId } from './ids';
import { deliver, reminderMessage } from './notifications';

export interface TimerReport {
  /** Past bookings nobody came for, marked 未到. */
  noShows: number;
  /** Waitlist places of past days that never got a seat. */
  lapsed: number;
  /** The day's planning, once per Shanghai day; null on the other firings. */
  daily: DailyReport | null;
}

export interface DailyReport {
  reminded: number;
  remindersFailed: number;
  daysCreated: number;
  /** Generated days nobody booked that a newly recorded holiday moved. */
  daysRemoved: number;
  /** Years in the scheduling horizon whose holidays nobody has recorded: their reception days were not moved off holidays. */
  calendarMissingYears: number[];
}

/** The Shanghai hour from which the day's reminders go out: not at night. */
export const DAILY_RUN_HOUR = 10;

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
 * The reminders, each sent once: tomorrow's bookings, and today's that were booked before today
 * and whose slot is still to come (yesterday's run did not happen). The run first claims the
 * unreminded bookings by stamping its id on them (one conditional update, so two runs never claim
 * the same booking), then sends to what it claimed. A resident who did not subscribe is skipped.
 */
async function sendReminders(db: Database, today: string, now: Date): Promise<{ sent: number; failed: number }> {
  const _ = db.command;
  const bookings = db.collection(COLLECTIONS.bookings);
  const runId = newRunId();
  const startOfToday = shanghaiInstant(today);
  const [forTomorrow, missedForToday] = await Promise.all([
    bookings.where({ status: 'booked', date: addDays(today, 1), reminderRun: _.exists(false) }).update({ reminderRun: runId }),
    bookings
      .where({ status: 'booked', date: today, reminderRun: _.exists(false), createdAt: _.lt(startOfToday), slotStart: _.gt(shanghaiTimeOfDay(now)) })
      .update({ reminderRun: runId }),
  ]);
  if (forTomorrow.updated + missedForToday.updated === 0) return { sent: 0, failed: 0 };
  const claimed = await readAll<BookingDocument>(bookings.where({ reminderRun: runId }).orderBy('_id', 'asc'));
  const results = await deliver(
    db,
    claimed.map((booking) => reminderMessage(booking, today)),
    now,
  );
  const sentIds = claimed.filter((_booking, i) => results[i]).map((booking) => booking._id);
  if (sentIds.length > 0) await bookings.where({ _id: _.in(sentIds) }).update({ remindedAt: now });
  return { sent: sentIds.length, failed: claimed.length - sentIds.length };
}

/**
 * Keeps every station's reception days three months ahead as time passes, and in step with the
 * holiday calendar: a generated day nobody booked that now falls on a recorded holiday moves to the
 * next working day. Days with bookings, staff-added and cancelled days stay as they are.
 */
async function keepSchedules(db: Database, today: string, now: Date, calendar: WorkingCalendar): Promise<{ created: number; removed: number }> {
  const range = horizon(today, SCHEDULE_HORIZON_MONTHS);
  const [stations, rules] = await Promise.all([
    readAll<StationRef>(db.collection(COLLECTIONS.stations).where({ active: true }).orderBy('_id', 'asc').field(STATION_REF_FIELDS)),
    readAll<RuleDocument>(db.collection(COLLECTIONS.receptionRules).orderBy('_id', 'asc')),
  ]);
  if (stations.length === 0) return { created: 0, removed: 0 };
  const existing = await daysBetween(
    db,
    stations.map((s) => s._id),
    range,
  );
  const ruleByStation = new Map(rules.map((rule) => [rule._id, rule]));
  const changes = stations.map((station) =>
    reconcileDays(
      existing.filter((day) => day.stationId === station._id),
      plannedDays(station, ruleOf(ruleByStation.get(station._id)), today, now, calendar.isWorkingDay),
    ),
  );
  return applyDayChanges(db, { remove: changes.flatMap((c) => c.remove), insert: changes.flatMap((c) => c.insert) });
}

/**
 * What the booking timer does at every firing (hourly): bookings of days gone by that nobody came
 * for become no-shows, and waitlist places that never got a seat lapse. Once a Shanghai day, from
 * 10:00: remind the next visitors and keep the schedules three months ahead. Every part is
 * idempotent, so a repeated or late firing changes nothing twice.
 */
export async function runBookingTimer(ctx: CallContext): Promise<TimerReport> {
  const { db, now } = ctx;
  const _ = db.command;
  const today = shanghaiDate(now);
  const bookings = db.collection(COLLECTIONS.bookings);
  const [noShows, lapsed] = await Promise.all([
    bookings.where({ status: 'booked', date: _.lt(today) }).update({ status: 'noShow', updatedAt: now }),
    bookings.where({ status: 'waiting', date: _.lt(today) }).update({ status: 'lapsed', updatedAt: now }),
    // Days whose visit write died before settling them (core/visitCounters.ts).
    settleStaleDays(db),
  ]);
  const daily = await oncePerDay(db, 'booking.daily', now, DAILY_RUN_HOUR, async (date): Promise<DailyReport> => {
    const calendar = await ctx.calendar();
    const reminders = await sendReminders(db, date, now);
    const schedules = await keepSchedules(db, date, now, calendar);
    const range = horizon(date, SCHEDULE_HORIZON_MONTHS);
    const calendarMissingYears = calendar.unknownYears(range.from, range.until);
    if (calendarMissingYears.length > 0) {
      console.warn(`[booking] no holidays recorded for ${calendarMissingYears.join(', ')}: reception days there are not moved off holidays until staff record them`);
    }
    return { reminded: reminders.sent, remindersFailed: reminders.failed, daysCreated: schedules.created, daysRemoved: schedules.removed, calendarMissingYears };
  });
  return { noShows: noShows.updated, lapsed: lapsed.updated, daily };
}
