import { COLLECTIONS } from '../../infra/database';
import {
  caseCount,
  COUNTED_FIELDS,
  counterId,
  counterIdsFor,
  counterMoves,
  dayField,
  sameCount,
  sumCounters,
  type CaseCount,
  type CountableCase,
  type CounterDocument,
  type CounterValues,
  QUEUES_MONTH,
} from '../../miniprogram/shared/domain/caseCounters';
import { COUNTED_QUEUES, type QueueValues } from '../../miniprogram/shared/domain/caseQueues';
import type { Database } from './cloud';
import { isDuplicateWrite } from './databaseErrors';

/**
 * The statistics counters (shared/domain/caseCounters.ts) in the database. A case written by any
 * use case is marked `countsStale` in the same write (core/caseChanges.ts); settling then moves
 * the counters by the difference between what the case now contributes and what it contributed
 * when last counted. Settling claims the case first (a conditional update on `countedVersion`), so
 * two settlements of one case never both apply the same difference; a settlement that dies halfway
 * leaves the case stale for the hourly timer, and the repair (runtime/repair) recounts everything.
 */

interface CountedCase extends CountableCase {
  updatedAt: Date;
  counted?: CaseCount | null;
  countedOverdueAt?: Date | null;
  countedVersion?: number;
  countsStale?: boolean;
}

const ATTEMPTS = 4;

/** Whether two kept instants are the same (either may be null). */
function sameInstant(a: Date | string | null | undefined, b: Date | null): boolean {
  return a === null || a === undefined || b === null ? (a ?? null) === b : new Date(a).getTime() === b.getTime();
}

/** Moves the counters by one case's change (applyCounterMoves). */
async function moveCounters(db: Database, before: CaseCount | null | undefined, after: CaseCount | null): Promise<void> {
  await applyCounterMoves(db, COLLECTIONS.caseCounters, counterMoves(before, after));
}

/**
 * Applies counter moves to a collection of `<place>|<month>` documents (case or visit counters).
 * One request to find the counter documents, one to create those a place and month sees first,
 * one per amount.
 */
export async function applyCounterMoves(
  db: Database,
  collection: string,
  moves: ReadonlyArray<{ ids: string[]; month: string; day: string | null; by: Record<string, number | undefined> }>,
): Promise<void> {
  if (moves.length === 0) return;
  const _ = db.command;
  const counters = db.collection(collection);
  const ids = moves.flatMap((move) => move.ids);
  const { data } = await counters
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .field({ _id: true })
    .get();
  const present = new Set((data as Array<{ _id: string }>).map((doc) => doc._id));
  const missing = moves.flatMap((move) => move.ids.filter((id) => !present.has(id)).map((id) => ({ id, month: move.month })));
  const fresh = missing.map(({ id, month }) => ({ _id: id, key: id.slice(0, id.lastIndexOf('|')), month, total: {}, days: {} }));
  if (fresh.length > 0) {
    try {
      await counters.add(fresh);
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
      // Another settlement created one of them meanwhile: each on its own, the existing ones left as they are.
      await Promise.all(
        fresh.map(async (doc) => {
          try {
            await counters.add(doc);
          } catch (inner) {
            if (!isDuplicateWrite(inner)) throw inner;
          }
        }),
      );
    }
  }
  await Promise.all(
    moves.map((move) => {
      const update: Record<string, unknown> = {};
      for (const [name, by] of Object.entries(move.by)) {
        if (!by) continue;
        update[`total.${name}`] = _.inc(by);
        if (move.day !== null) update[`days.${dayField(move.day)}.${name}`] = _.inc(by);
      }
      return counters.where({ _id: _.in(move.ids) }).update(update);
    }),
  );
}

/**
 * Brings the counters up to date with one case: reads it, and if what it contributes at `now`
 * differs from what was counted (or it is marked stale), claims it (unless another write came in since the read) and moves the counters. Usually
 * four requests (three for a case the caller holds as written); one when nothing changed.
 */
export async function settleCase(db: Database, opinionId: string, now: Date, known?: CountedCase): Promise<void> {
  const _ = db.command;
  const opinions = db.collection(COLLECTIONS.opinions);
  const fields = Object.fromEntries(COUNTED_FIELDS.map((field) => [field, true]));
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // A case the caller has just written whole is not read again (the claim still checks it is unchanged).
    const stored = attempt === 0 && known ? known : ((await opinions.where({ _id: opinionId }).limit(1).field(fields).get()).data as CountedCase[])[0];
    if (!stored) return;
    const { count, overdueAt } = caseCount(stored, now);
    // The instant too: a passed one must not stay due for the timer when the count itself does not
    // move (a case hidden by moderation and counted overdue already).
    if (!stored.countsStale && sameCount(stored.counted, count) && sameInstant(stored.countedOverdueAt, overdueAt)) return;
    const { updated } = await opinions
      .where({ _id: opinionId, updatedAt: stored.updatedAt, countedVersion: stored.countedVersion ?? null })
      .update({ counted: _.set(count), countedVersion: (stored.countedVersion ?? 0) + 1, countsStale: false, countedOverdueAt: overdueAt });
    if (updated !== 1) continue;
    await moveCounters(db, stored.counted, count);
    return;
  }
}

export async function settleCases(db: Database, opinionIds: readonly string[], now: Date): Promise<void> {
  await Promise.all(opinionIds.map((id) => settleCase(db, id, now)));
}

/** Cases settled per timer firing at most, of each kind. */
const SETTLE_BATCH = 200;

/**
 * What the hourly timer settles: cases a write marked and nobody settled (a function that died
 * halfway, a timer's own multi-case update), and cases whose deadline has passed since they were
 * counted. Answers how many it looked at.
 */
export async function settleStaleCases(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const opinions = db.collection(COLLECTIONS.opinions);
  const [stale, due] = await Promise.all([
    opinions.where({ countsStale: true }).limit(SETTLE_BATCH).field({ _id: true }).get(),
    opinions
      .where({ countedOverdueAt: _.lt(now) })
      .limit(SETTLE_BATCH)
      .field({ _id: true })
      .get(),
  ]);
  const ids = [...new Set([...(stale.data as Array<{ _id: string }>), ...(due.data as Array<{ _id: string }>)].map((doc) => doc._id))];
  await settleCases(db, ids, now);
  return ids.length;
}

/**
 * The cases whose running deadline passed since they were counted (`countedOverdueAt`, kept while a
 * running deadline has not passed: shared/domain/caseCounters.ts) and the timer has not settled
 * yet: a range of an hour's deadlines on the `countedOverdueAt` index, whatever the number of cases.
 * `counting`: the statistics' 逾期 moves only for those counted with 逾期 0 (a case late at an earlier
 * stage counted 1 already); the 逾期 queue for every one (counted with its deadline running, so out of it).
 */
export function turnedOverdueSinceCounted(db: Database, now: Date, counting: 'figures' | 'queue'): object {
  const _ = db.command;
  return counting === 'figures' ? { countedOverdueAt: _.lt(now), 'counted.values.overdue': 0 } : { countedOverdueAt: _.lt(now) };
}

/**
 * A place's case figures over a range of dates from its counters: one read of at most thirteen
 * counter documents, and one count of the cases turned overdue since they were counted.
 */
export async function readCaseCounters(db: Database, key: string, pendingOverdue: object, range: { from: string; to: string }, now: Date): Promise<CounterValues> {
  const _ = db.command;
  const ids = counterIdsFor(key, range.from, range.to);
  const [{ data }, { total }] = await Promise.all([
    db
      .collection(COLLECTIONS.caseCounters)
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get(),
    db
      .collection(COLLECTIONS.opinions)
      .where(_.and([turnedOverdueSinceCounted(db, now, 'figures'), pendingOverdue]))
      .count(),
  ]);
  const values = sumCounters(data as CounterDocument[], key, range.from, range.to);
  values.overdue += total ?? 0;
  return values;
}

/**
 * A station's or area's work queue sizes as counted (待受理 3): one document read, whatever the
 * number of cases. 逾期 lacks the cases turned overdue since they were counted (the caller adds them).
 */
export async function readQueueCounts(db: Database, key: string): Promise<QueueValues> {
  const { data } = await db
    .collection(COLLECTIONS.caseCounters)
    .where({ _id: counterId(key, QUEUES_MONTH) })
    .limit(1)
    .get();
  const total = (data as CounterDocument[])[0]?.total ?? {};
  return Object.fromEntries(COUNTED_QUEUES.map((queue) => [queue, total[queue] ?? 0])) as QueueValues;
}
