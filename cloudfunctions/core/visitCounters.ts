import { COLLECTIONS } from '../../infra/database';
import { counterIdsFor } from '../../miniprogram/shared/domain/caseCounters';
import { applyCounterMoves } from './caseCounters';
import type { Database } from './cloud';
import {
  dayVisitCount,
  NO_VISITS,
  sameVisitCount,
  sumVisitCounters,
  visitMoves,
  type CountableDay,
  type DayVisits,
  type VisitCount,
  type VisitCounterDocument,
  type VisitValues,
} from './visitCounts';

/**
 * The visit counters (core/visitCounts.ts) in the database. A write that changes what a reception
 * day counts (a check-in, a walk-in, a reception record, the roster, the station's areas) first
 * marks the day (`visitsStale`, and `visitsMark` raised by one), then writes, then settles the
 * day: reads it, recounts its check-ins and records, claims it on `visitsMark` (so a write that
 * came in after the read, or another settlement, makes the claim fail and the count start over)
 * and moves the counters by the difference from what it last counted (`visitsCounted`). A writer
 * that dies after its mark leaves the day stale for the hourly booking timer; one that dies
 * between the claim and the counters' `$inc` leaves a difference the repair finds
 * (`npm run repair-counters`, runtime/repair/visitCounters.ts), as for the case counters.
 */

/** The fields of a reception day settling reads and writes. */
export interface VisitCountedDay extends CountableDay {
  /** Some check-in, walk-in or reception record was written on it (so it has visits to count, and the schedule keeps it). */
  visited?: boolean;
  visitsCounted?: VisitCount | null;
  visitsMark?: number;
  visitsStale?: boolean;
}

const DAY_FIELDS = { _id: true, date: true, stationId: true, areaPath: true, deputyIds: true, visited: true, visitsCounted: true, visitsMark: true, visitsStale: true };

/** What a write that may change a day's visits adds to its own update of the day, or writes before writing a booking or record of it. */
export function visitsChanging(db: Database, options: { visited?: boolean } = {}): Record<string, unknown> {
  return { visitsStale: true, visitsMark: db.command.inc(1), ...(options.visited ? { visited: true } : {}) };
}

/** Marks the day before a check-in, walk-in or reception record is written on it. One request. */
export async function markDayVisited(db: Database, dayId: string): Promise<void> {
  await db
    .collection(COLLECTIONS.receptionDays)
    .doc(dayId)
    .update(visitsChanging(db, { visited: true }));
}

/** The day's check-ins (walk-ins included) and the deputies its reception records name. Two requests, together. */
async function readDayVisits(db: Database, dayId: string): Promise<DayVisits> {
  const [{ total }, { data }] = await Promise.all([
    db.collection(COLLECTIONS.bookings).where({ dayId, status: 'checkedIn' }).count(),
    db.collection(COLLECTIONS.receptionRecords).where({ dayId }).limit(1000).field({ deputyIds: true }).get(),
  ]);
  return { checkedIn: total ?? 0, recordDeputyIds: (data as Array<{ deputyIds?: string[] }>).map((record) => record.deputyIds ?? []) };
}

const ATTEMPTS = 4;

/**
 * Brings the visit counters up to date with one reception day. Two requests for a day nobody
 * visited, or whose count is unchanged and not stale; otherwise four, and the counters' moves
 * (find, create the first of a place and month, one `$inc` per amount).
 */
export async function settleDay(db: Database, dayId: string): Promise<void> {
  const days = db.collection(COLLECTIONS.receptionDays);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const { data } = await days.where({ _id: dayId }).limit(1).field(DAY_FIELDS).get();
    const day = (data as VisitCountedDay[])[0];
    if (!day) return;
    // A day never visited has nothing to count: any visit since this read raised the mark, and the claim below fails.
    const count = dayVisitCount(day, day.visited ? await readDayVisits(db, dayId) : NO_VISITS);
    if (!day.visitsStale && sameVisitCount(day.visitsCounted, count)) return;
    const mark = day.visitsMark ?? 0;
    const { updated } = await days
      .where({ _id: dayId, visitsMark: day.visitsMark ?? null })
      .update({ visitsCounted: db.command.set(count), visitsMark: mark + 1, visitsStale: false });
    if (updated !== 1) continue;
    await applyCounterMoves(db, COLLECTIONS.visitCounters, visitMoves(day.visitsCounted, count));
    return;
  }
}

/** Days settled per timer firing at most. */
const SETTLE_BATCH = 200;

/** What the hourly booking timer settles: days a write marked and nobody settled. Answers how many it looked at. */
export async function settleStaleDays(db: Database): Promise<number> {
  const { data } = await db.collection(COLLECTIONS.receptionDays).where({ visitsStale: true }).limit(SETTLE_BATCH).field({ _id: true }).get();
  const ids = (data as Array<{ _id: string }>).map((day) => day._id);
  await Promise.all(ids.map((id) => settleDay(db, id)));
  return ids.length;
}

/** A place's 进站人次 and 接待人次 over a range of dates: one read of at most thirteen counter documents. */
export async function readVisitCounters(db: Database, key: string, range: { from: string; to: string }): Promise<VisitValues> {
  const ids = counterIdsFor(key, range.from, range.to);
  const { data } = await db
    .collection(COLLECTIONS.visitCounters)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get();
  return sumVisitCounters(data as VisitCounterDocument[], key, range.from, range.to);
}
