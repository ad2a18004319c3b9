/**
 * The statistics counters recounted from the cases themselves (shared/domain/caseCounters.ts):
 * what the seeds write alongside their cases, and what the repair (`npm run repair-counters`)
 * compares with, and writes over, the counters the functions kept.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import {
  caseCount,
  counterId,
  COUNTER_VALUES,
  dayField,
  hasQueues,
  QUEUES_MONTH,
  type CaseCount,
  type CountableCase,
  type CounterDocument,
} from '../../miniprogram/shared/domain/caseCounters';
import { COUNTED_QUEUES } from '../../miniprogram/shared/domain/caseQueues';

/** Adds a case's count into counter documents held in memory (a full recount; the functions move counters by differences). */
function addToCounters(counters: Map<string, CounterDocument>, count: CaseCount): void {
  const month = count.day.slice(0, 7);
  for (const key of count.keys) {
    const { queues } = count;
    if (queues && hasQueues(key) && COUNTED_QUEUES.some((queue) => queues[queue] !== 0)) {
      const id = counterId(key, QUEUES_MONTH);
      let doc = counters.get(id);
      if (!doc) {
        doc = { _id: id, key, month: QUEUES_MONTH, total: {}, days: {} };
        counters.set(id, doc);
      }
      const total = (doc.total ??= {});
      for (const queue of COUNTED_QUEUES) if (queues[queue]) total[queue] = (total[queue] ?? 0) + queues[queue];
    }
    const id = counterId(key, month);
    let doc = counters.get(id);
    if (!doc) {
      doc = { _id: id, key, month, total: {}, days: {} };
      counters.set(id, doc);
    }
    const day = ((doc.days ??= {})[dayField(count.day)] ??= {});
    const total = (doc.total ??= {});
    for (const name of COUNTER_VALUES) {
      if (!count.values[name]) continue;
      total[name] = (total[name] ?? 0) + count.values[name];
      day[name] = (day[name] ?? 0) + count.values[name];
    }
  }
}

/** Counts cases in memory: the counter documents, and sets each case's own record of what was counted. */
export class CaseRecount {
  readonly counters = new Map<string, CounterDocument>();

  constructor(private readonly now: Date) {}

  /** Counts one case and writes onto it what was counted (the fields the functions keep). */
  count<T extends CountableCase>(doc: T): T & { counted: unknown; countedVersion: number; countsStale: false; countedOverdueAt: Date | null } {
    const { count, overdueAt } = caseCount(doc, this.now);
    addToCounters(this.counters, count);
    const counted = Object.assign(doc, { counted: count, countedVersion: 1, countsStale: false as const, countedOverdueAt: overdueAt });
    return counted;
  }

  documents(): CounterDocument[] {
    return [...this.counters.values()].sort((a, b) => a._id.localeCompare(b._id));
  }
}

/** The database as @cloudbase/node-sdk gives it. */
export type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

const PAGE = 1000;

/** Visits every document of the collection, a page at a time in _id order. */
export async function eachPage<T>(db: Database, collection: string, visit: (docs: T[]) => Promise<void> | void): Promise<void> {
  const _ = db.command;
  let after = '';
  for (;;) {
    const { data } = await db
      .collection(collection)
      .where({ _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    await visit(data as T[]);
    if (data.length < PAGE) return;
    after = (data.at(-1) as { _id: string })._id;
  }
}

/** The values a counter document holds (case or visit counters). */
export interface CounterValuesHeld {
  total?: object;
  days?: Record<string, object>;
}

/** Whether two counter documents hold the same values, zeros and order of names aside. */
function sameValues(a: CounterValuesHeld | undefined, b: CounterValuesHeld | undefined): boolean {
  const clean = (doc: CounterValuesHeld | undefined) => {
    // Values compared whatever order their names were written in (the database keeps the writer's order).
    const strip = (values: object | undefined) =>
      Object.fromEntries(
        Object.entries(values ?? {})
          .filter(([, n]) => n !== 0)
          .sort(([x], [y]) => x.localeCompare(y)),
      );
    const days = Object.entries(doc?.days ?? {})
      .map(([day, values]) => [day, strip(values)] as const)
      .filter(([, values]) => Object.keys(values).length > 0)
      .sort(([x], [y]) => x.localeCompare(y));
    return JSON.stringify([strip(doc?.total), days]);
  };
  return clean(a) === clean(b);
}

export interface RepairReport {
  cases: number;
  counters: number;
  /** Counter documents whose values differed from the recount (written over with `write`). */
  differing: string[];
}

/**
 * Recounts every case (in pages of a thousand), compares the counter documents the functions
 * kept with the recount, and with `write` replaces the differing ones and marks every case as
 * counted at `now`. Run it with the functions stopped (nothing else writing cases).
 */
export async function repairCaseCounters(db: Database, now: Date, options: { write: boolean }): Promise<RepairReport> {
  const recount = new CaseRecount(now);
  let cases = 0;
  await eachPage<CountableCase & Record<string, unknown>>(db, COLLECTIONS.opinions, async (docs) => {
    cases += docs.length;
    for (const doc of docs) {
      const before = JSON.stringify([doc.counted, doc.countsStale, doc.countedOverdueAt]);
      recount.count(doc);
      if (!options.write || before === JSON.stringify([doc.counted, doc.countsStale, doc.countedOverdueAt])) continue;
      await db
        .collection(COLLECTIONS.opinions)
        .doc(doc._id)
        .update({ counted: db.command.set(doc.counted), countedVersion: db.command.inc(1), countsStale: false, countedOverdueAt: doc.countedOverdueAt });
    }
  });
  const differing = await compareCounters(db, COLLECTIONS.caseCounters, recount.counters, options);
  return { cases, counters: recount.counters.size, differing };
}

/** A recounted counter document (case or visit counters). */
type RecountedDocument = CounterValuesHeld & { _id: string; key: string; month: string };

/**
 * The ids of the counter documents of the collection whose values differ from the recount (kept
 * but not recounted, recounted but missing, or other values); with `write`, the recount is
 * written over them (and the ones it no longer has removed).
 */
export async function compareCounters(db: Database, collection: string, recounted: ReadonlyMap<string, RecountedDocument>, options: { write: boolean }): Promise<string[]> {
  const kept = new Map<string, CounterValuesHeld>();
  await eachPage<RecountedDocument>(db, collection, (docs) => docs.forEach((doc) => kept.set(doc._id, doc)));
  const differing = [...new Set([...kept.keys(), ...recounted.keys()])].filter((id) => !sameValues(kept.get(id), recounted.get(id))).sort();
  if (options.write) {
    for (const id of differing) {
      const doc = recounted.get(id);
      if (doc) await db.collection(collection).doc(id).set({ key: doc.key, month: doc.month, total: doc.total, days: doc.days });
      else await db.collection(collection).doc(id).remove();
    }
  }
  return differing;
}
