/**
 * The embedded database of the local CloudBase runtime: answers the `database.*` requests that
 * @cloudbase/node-sdk sends, from collections kept in memory and persisted to append-only logs.
 *
 * Atomicity: `handle` runs each request synchronously from parsing to the log write, with no await
 * in between, so no other request can observe or touch the same data halfway. A conditional
 * `where({ _id, seatsLeft: _.gt(0) }).update({ seatsLeft: _.inc(-1) })` is therefore atomic. The one
 * wait is before a request starts over: a write to a document an open transaction has written
 * waits for that transaction to end (runtime/database/transactions.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSpec } from '../../infra/database';
import type { Clock } from '../../miniprogram/shared/domain/time';
import { runAction, type ActionContext } from './actions';
import { Collection, type CollectionReport } from './collection';
import { CollectionLoader, type LoadFailure } from './collectionLoader';
import { collectionNotExist, DatabaseError, ERROR_CODES, invalidParam } from './errors';
import { lockDataDir, type StoreLock } from './lock';
import { quarantineFileOf } from './log';
import { IndexUse, type UnindexedQuery } from './indexUse';
import { narrowingResolver } from './lookup';
import { observeQuery } from './queryObserver';
import { errorAnswer, newRequestId } from './protocol';
import { BlockedByTransaction, TransactionManager } from './transactions';

/** Names of the collections made with `db.createCollection`, which exist on later starts too. */
const CREATED_COLLECTIONS_FILE = 'created-collections.json';

/** Letters, digits, `_` and `-`, not starting with `_` (the SDK's own rule); the name is also a file name. */
const COLLECTION_NAME = /^[A-Za-z0-9-][A-Za-z0-9_-]{0,63}$/;

function readCreatedCollections(dataDir: string): string[] {
  const file = join(dataDir, CREATED_COLLECTIONS_FILE);
  if (!existsSync(file)) return [];
  const names: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && COLLECTION_NAME.test(name)) : [];
}

function writeCreatedCollections(dataDir: string, names: string[]): void {
  const file = join(dataDir, CREATED_COLLECTIONS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(names));
  renameSync(`${file}.tmp`, file);
}

/** A collection created at run time: no index but _id's, and clients denied, until infra/database.ts declares it. */
const createdSpec = (name: string): CollectionSpec => ({ name, indexes: [], rule: { read: false, write: false } });

/** A damaged stretch found in a log, as the start banner and /health report it. */
export interface DamageNotice {
  collection: string;
  offset: number;
  length: number;
  reason: string;
  ids: string[];
  /** Where its bytes were copied; absent when the copy failed (they then stay in the log). */
  quarantine?: string;
  /** Whether the record was recovered whole (only its line end was damaged). */
  recovered: boolean;
}

/** What opening the store found: the start banner and /health say it. */
export interface StoreReport {
  /** The collections loaded so far. */
  collections: CollectionReport[];
  /** Collections not loaded yet (each loads when first used, the rest in the background after start). */
  notLoaded: string[];
  /** Collections whose load failed: requests naming them are refused with the reason. */
  loadFailures: LoadFailure[];
  /** Damage found in this opening (in the collections loaded so far). */
  damage: DamageNotice[];
  /**
   * Quarantine files in the data folder, with their entry counts: damage found now or at an earlier
   * start, kept until someone looks at it (and deletes the file). While any exists the store is flagged.
   */
  quarantined: Array<{ file: string; entries: number }>;
  /** Collections whose due compaction waits for free space. */
  compactionWaiting: string[];
  /** The latest store-clock instant of any stored write (known at open, before any collection loads). */
  storedUntil?: Date;
}

/**
 * What stamps each write (`db.serverDate()`, the log's `at`). Told the latest stored instant, at open
 * and whenever a loaded collection shows a later one, so that it never reads earlier (runtime/clock.ts).
 */
export type StoreClock = Clock & { notBefore?(at: Date): void };

/** Who sent a request: a cloud function's invocation, or the runtime itself (seeds, tests' own checks). */
export interface RequestCaller {
  functionName?: string;
}

export interface DatabaseEngine {
  /**
   * Answer one SDK request body whose `action` starts with "database.". Returns the JSON the SDK
   * expects (never throws for bad requests: answers { code, message, requestId } like CloudBase).
   */
  handle(body: Record<string, unknown>, caller?: RequestCaller): Promise<Record<string, unknown>>;
  /**
   * What the opening found (damage, quarantine, the latest stored instant), every collection loaded:
   * loads those not loaded yet, at once (at city size that takes its time; /health reads `reportSoFar`).
   */
  report(): StoreReport;
  /** What the collections loaded so far found, and which are not loaded yet; loads nothing. */
  reportSoFar(): StoreReport;
  /**
   * Loads every collection not loaded yet, one per turn of the event loop (requests are served in
   * between); resolves with the report once none is left. Runs from open unless `warmUp: false`.
   */
  loadAll(): Promise<StoreReport>;
  /**
   * The byte length of each collection's log at this instant, taken with no write in between: every
   * log cut there is whole, and together they are one consistent state (what a backup copies).
   * Loads every collection first: a first load may compact a log, which must not happen after the cut.
   */
  cut(): Record<string, number>;
  /** Writes the runtime's port into the folder's lock, so a second runtime is told who holds it. */
  announce(port: number): void;
  /** Flush and close files, release the folder. */
  close(): Promise<void>;
  /** The queries answered so far that no declared index serves (runtime/database/indexUse.ts). */
  unindexedQueries(): UnindexedQuery[];
  /** Forgets them (the benchmark counts phase by phase). */
  resetUnindexedQueries(): void;
}

/** One line for the banner and the console: where, what is known, which ids, where the bytes went. */
export function describeDamage(notice: DamageNotice): string {
  const ids = notice.ids.length > 0 ? `; ids readable in it: ${notice.ids.join(', ')}` : '';
  const kept = notice.recovered ? ' (the record itself is whole and kept)' : ' (not served)';
  const where = notice.quarantine ? `copied to ${notice.quarantine}` : 'left in place: the quarantine copy could not be written';
  const file = notice.reason.startsWith('snapshot') ? `${notice.collection}.snapshot` : `${notice.collection}.log byte ${notice.offset}`;
  return `${file}, ${notice.length} bytes: ${notice.reason}${kept}${ids}; ${where}`;
}

/** The start banner's lines about the store: empty when all is well. */
export function describeStore(report: StoreReport): string[] {
  const lines: string[] = [];
  if (report.damage.length > 0) {
    lines.push(`STORE DAMAGE: ${report.damage.length} damaged stretch(es) found while loading; damaged records are not served:`);
    for (const notice of report.damage) lines.push(`  - ${describeDamage(notice)}`);
  }
  if (report.quarantined.length > 0) {
    const files = report.quarantined.map((q) => `${q.file} (${q.entries})`).join(', ');
    lines.push(`STORE FLAGGED: quarantine holds damaged bytes: ${files}. Check the records named there (npm run verify-store), then delete the file.`);
  }
  for (const failure of report.loadFailures) lines.push(`STORE: collection ${failure.collection} could not be loaded and is not served: ${failure.error}`);
  if (report.compactionWaiting.length > 0) {
    lines.push(`compaction of ${report.compactionWaiting.join(', ')} waits for free space on the disk (the store is served as is)`);
  }
  return lines;
}

/** What a collection's load found that the banner and /health call damage. */
function damageNotices(r: CollectionReport): DamageNotice[] {
  return [
    ...r.damage.map((d) => ({ collection: r.collection, offset: d.offset, length: d.length, reason: d.reason, ids: d.ids, quarantine: d.quarantine, recovered: d.recovered })),
    // An unusable snapshot loses nothing (the log holds every record): said, and its file kept aside.
    ...(r.snapshot.unusable === undefined
      ? []
      : [
          {
            collection: r.collection,
            offset: 0,
            length: r.snapshot.bytes ?? 0,
            reason: `${r.snapshot.unusable}; loaded from the log instead`,
            ids: [],
            quarantine: r.snapshot.setAside,
            recovered: true,
          },
        ]),
  ];
}

function countQuarantined(dataDir: string, schema: readonly CollectionSpec[]): StoreReport['quarantined'] {
  return schema.flatMap((spec) => {
    const file = quarantineFileOf(join(dataDir, `${spec.name}.log`));
    if (!existsSync(file)) return [];
    const entries = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    return [{ file, entries }];
  });
}

/**
 * Opens (creating if needed) the store under `dataDir` with the declared collections, after taking
 * the folder's lock (one writer per folder). A collection not in `schema` does not exist, whatever
 * files the directory holds. Opening reads only what the store clock needs (the latest stored
 * instant); each collection loads when first used, and the rest in the background (`loadAll`).
 */
export async function openDatabase(options: {
  dataDir: string;
  schema: readonly CollectionSpec[];
  clock: StoreClock;
  /** Load the collections no one asked for in the background from the start (default true). */
  warmUp?: boolean;
}): Promise<DatabaseEngine> {
  const { dataDir, clock } = options;
  mkdirSync(dataDir, { recursive: true });
  const lock: StoreLock = lockDataDir(dataDir);
  let serverTime = 0;
  const instant = () => serverTime;
  const created = readCreatedCollections(dataDir);
  const declared = new Set(options.schema.map((spec) => spec.name));
  const specs = [...options.schema, ...created.filter((name) => !declared.has(name)).map(createdSpec)];
  const damage: DamageNotice[] = [];
  let quarantined: StoreReport['quarantined'];
  let loader: CollectionLoader;
  /** The latest stored instant the clock was told of. */
  let floor = -Infinity;
  const onLoad = (collection: Collection, report: CollectionReport) => {
    transactionManager.watch(collection);
    const found = damageNotices(report);
    for (const notice of found) console.warn(`[runtime/database] ${describeDamage(notice)}`);
    damage.push(...found);
    if (found.length > 0) quarantined = countQuarantined(dataDir, specs);
    // Only a log whose snapshot no longer matched it can show a later instant than its files did at
    // open; the clock is told then only, so a clock a test set back on purpose is not moved on by a load.
    if (report.storedUntil !== undefined && report.storedUntil > floor) {
      floor = report.storedUntil;
      clock.notBefore?.(new Date(floor));
    }
  };
  try {
    quarantined = countQuarantined(dataDir, specs);
    loader = new CollectionLoader(dataDir, specs, instant, onLoad);
  } catch (error) {
    lock.release();
    throw error;
  }
  const transactionManager = new TransactionManager(loader.loaded);
  const storedUntil = loader.storedUntil();
  if (storedUntil !== undefined) {
    floor = storedUntil;
    clock.notBefore?.(new Date(storedUntil));
  }
  let open = true;
  const indexUse = new IndexUse(options.schema);

  const reportSoFar = (): StoreReport => {
    const latest = loader.storedUntil();
    return {
      collections: [...loader.reports],
      notLoaded: loader.notLoaded(),
      loadFailures: loader.loadFailures(),
      damage: [...damage],
      quarantined,
      compactionWaiting: loader.reports.filter((r) => r.compaction === 'waits for free space').map((r) => r.collection),
      ...(latest !== undefined && { storedUntil: new Date(latest) }),
    };
  };
  const loadAll = async (): Promise<StoreReport> => {
    await loader.loadAll();
    return reportSoFar();
  };
  if (options.warmUp !== false) void loadAll();

  const context: ActionContext = {
    store(name, transactionId) {
      const collection = loader.get(name);
      if (collection === undefined) throw collectionNotExist(name);
      return transactionId === undefined ? collection : transactionManager.view(transactionId, collection);
    },
    documents: narrowingResolver(
      (name) => loader.get(name)?.snapshot() ?? [],
      (name, criteria) => (loader.has(name) ? loader.get(name)?.candidateCopies(criteria) : []),
    ),
    createCollection(name) {
      if (!COLLECTION_NAME.test(name)) throw invalidParam('a collection name is 1 to 64 letters, digits, "_" or "-", not starting with "_"');
      if (loader.has(name)) {
        throw new DatabaseError(ERROR_CODES.collectionAlreadyExist, `[ResourceInUse] collection "${name}" already exists`);
      }
      const { collection } = Collection.open(dataDir, createdSpec(name), instant);
      try {
        writeCreatedCollections(dataDir, [...created, name]);
      } catch (error) {
        collection.close();
        throw error;
      }
      created.push(name);
      loader.add(collection);
      transactionManager.watch(collection);
    },
  };

  /** One request, synchronously; the transaction actions answer at the top level, as CloudBase does. */
  function run(body: Record<string, unknown>, requestId: string, caller: RequestCaller): Record<string, unknown> {
    if (!open) throw new DatabaseError(ERROR_CODES.systemError, 'the local database engine is closed');
    switch (body.action) {
      case 'database.startTransaction':
        return { requestId, transactionId: transactionManager.start() };
      case 'database.commitTransaction':
        transactionManager.commit(body.transactionId);
        return { requestId };
      case 'database.abortTransaction':
        transactionManager.abort(body.transactionId);
        return { requestId };
      default: {
        serverTime = clock.now().getTime();
        const data = runAction(context, body, serverTime);
        // The product's queries are what must stay on an index: those of the functions.
        if (caller.functionName) observeQuery(indexUse, body, serverTime, caller.functionName);
        return { requestId, data };
      }
    }
  }

  return {
    async handle(body, caller = {}) {
      const requestId = newRequestId();
      try {
        for (;;) {
          try {
            return run(body, requestId, caller);
          } catch (error) {
            if (!(error instanceof BlockedByTransaction)) throw error;
            await error.ended;
          }
        }
      } catch (error) {
        return errorAnswer(error, requestId);
      }
    },
    report() {
      loader.loadEvery();
      return reportSoFar();
    },
    reportSoFar,
    loadAll,
    cut() {
      loader.loadEvery();
      const cut: Record<string, number> = {};
      for (const [name, collection] of loader.loaded) cut[name] = collection.logBytes();
      return cut;
    },
    announce: (port) => lock.announce(port),
    async close() {
      if (!open) return;
      open = false;
      try {
        transactionManager.close();
        loader.close();
      } finally {
        lock.release();
      }
    },
    unindexedQueries: () => indexUse.report(),
    resetUnindexedQueries: () => indexUse.reset(),
  };
}
