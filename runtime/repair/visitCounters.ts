/**
 * The visit counters (进站, 接待: cloudfunctions/core/visitCounts.ts) recounted from the reception
 * days, bookings and reception records themselves: what the seeds write alongside their visits,
 * and what the repair (`npm run repair-counters`) compares with, and writes over, the counters
 * the functions kept.
 */
import { COLLECTIONS } from '../../infra/database';
import {
  addVisitsToCounters,
  dayVisitCount,
  NO_VISITS,
  sameVisitCount,
  type CountableDay,
  type DayVisits,
  type VisitCount,
  type VisitCounterDocument,
} from '../../cloudfunctions/core/visitCounts';
import { compareCounters, eachPage, type Database } from './caseCounters';

interface VisitOfDay {
  dayId: string;
  status?: string;
  deputyIds?: string[];
}

type StampedDay = CountableDay & { visited?: boolean; visitsCounted?: VisitCount | null; visitsMark?: number; visitsStale?: boolean };

/** Counts reception days in memory: gathers their check-ins and records first, then counts each day and writes onto it what was counted. */
export class VisitRecount {
  readonly counters = new Map<string, VisitCounterDocument>();
  private readonly visits = new Map<string, DayVisits & { recordDeputyIds: string[][] }>();

  private of(dayId: string) {
    let visits = this.visits.get(dayId);
    if (!visits) {
      visits = { checkedIn: 0, recordDeputyIds: [] };
      this.visits.set(dayId, visits);
    }
    return visits;
  }

  /** A booking (only the checked-in ones count) or a reception record of some day. */
  addBookings(bookings: readonly VisitOfDay[]): void {
    for (const booking of bookings) if (booking.status === 'checkedIn') this.of(booking.dayId).checkedIn += 1;
  }

  addRecords(records: readonly VisitOfDay[]): void {
    for (const record of records) this.of(record.dayId).recordDeputyIds.push(record.deputyIds ?? []);
  }

  /** Counts one day (after its bookings and records were added) and writes onto it what the functions keep. */
  count<T extends StampedDay>(day: T): T {
    const visits = this.visits.get(day._id) ?? NO_VISITS;
    const count = dayVisitCount(day, visits);
    addVisitsToCounters(this.counters, count);
    const visited = visits.checkedIn > 0 || visits.recordDeputyIds.length > 0 || day.visited === true;
    return Object.assign(day, { visitsCounted: count, visitsMark: (day.visitsMark ?? 0) + 1, visitsStale: false }, visited ? { visited: true } : {});
  }

  documents(): VisitCounterDocument[] {
    return [...this.counters.values()].sort((a, b) => a._id.localeCompare(b._id));
  }
}

export interface VisitRepairReport {
  days: number;
  counters: number;
  /** Counter documents whose values differed from the recount (written over with `write`). */
  differing: string[];
}

/**
 * Recounts every reception day from its bookings and records, compares the visit counter
 * documents the functions kept with the recount, and with `write` replaces the differing ones and
 * marks as counted every day whose own record of its count differed (a day nobody visited and
 * never counted needs none). Run it with the functions stopped.
 */
export async function repairVisitCounters(db: Database, options: { write: boolean }): Promise<VisitRepairReport> {
  const recount = new VisitRecount();
  await eachPage<VisitOfDay>(db, COLLECTIONS.bookings, (docs) => recount.addBookings(docs));
  await eachPage<VisitOfDay>(db, COLLECTIONS.receptionRecords, (docs) => recount.addRecords(docs));
  let days = 0;
  await eachPage<StampedDay>(db, COLLECTIONS.receptionDays, async (docs) => {
    days += docs.length;
    for (const day of docs) {
      const { visitsCounted: counted, visitsStale: stale, visited } = day;
      recount.count(day);
      // A day counted as it is needs no write: most days of a store made before the visit counters (nobody visited them).
      if (!options.write || (sameVisitCount(counted, day.visitsCounted) && !stale && (visited ?? false) === (day.visited ?? false))) continue;
      await db
        .collection(COLLECTIONS.receptionDays)
        .doc(day._id)
        .update({ visitsCounted: db.command.set(day.visitsCounted), visitsMark: db.command.inc(1), visitsStale: false, ...(day.visited ? { visited: true } : {}) });
    }
  });
  const differing = await compareCounters(db, COLLECTIONS.visitCounters, recount.counters, options);
  return { days, counters: recount.counters.size, differing };
}
