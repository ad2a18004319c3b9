/**
 * The embedded database of the local CloudBase runtime: answers the `database.*` requests that
 * @cloudbase/node-sdk sends, from collections kept in memory and persisted to append-only logs.
 *
 * Atomicity: `handle` runs each request synchronously from parsing to the log write, with no await
 * in between, so no other request can observe or touch the same data halfway. A conditional
 * `where({ _id, seatsLeft: _.gt(0) }).update({ seatsLeft: _.inc(-1) })` is therefore atomic.
 */
import { mkdirSync } from 'node:fs';
import type { CollectionSpec } from '../../infra/database';
import type { Clock } from '../../miniprogram/shared/domain/time';
import { runAction } from './actions';
import { Collection } from './collection';
import { DatabaseError, ERROR_CODES } from './errors';
import { IndexUse, type UnindexedQuery } from './indexUse';
import { observeQuery } from './queryObserver';
import { errorAnswer, newRequestId } from './protocol';

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
  /** Flush and close files. */
  close(): Promise<void>;
  /** The queries answered so far that no declared index serves (runtime/database/indexUse.ts). */
  unindexedQueries(): UnindexedQuery[];
  /** Forgets them (the benchmark counts phase by phase). */
  resetUnindexedQueries(): void;
}

/**
 * Opens (creating if needed) the store under `dataDir` with the declared collections. A collection
 * not in `schema` does not exist, whatever files the directory holds.
 */
export async function openDatabase(options: {
  dataDir: string;
  schema: readonly CollectionSpec[];
  /** What `db.serverDate()` reads. */
  clock: Clock;
}): Promise<DatabaseEngine> {
  mkdirSync(options.dataDir, { recursive: true });
  const collections = new Map<string, Collection>();
  try {
    for (const spec of options.schema) collections.set(spec.name, Collection.open(options.dataDir, spec));
  } catch (error) {
    for (const collection of collections.values()) collection.close();
    throw error;
  }
  let open = true;
  const indexUse = new IndexUse(options.schema);

  return {
    async handle(body, caller = {}) {
      const requestId = newRequestId();
      try {
        if (!open) throw new DatabaseError(ERROR_CODES.systemError, 'the local database engine is closed');
        const serverTime = options.clock.now().getTime();
        const data = runAction(collections, body, serverTime);
        // The product's queries are what must stay on an index: those of the functions.
        if (caller.functionName) observeQuery(indexUse, body, serverTime, caller.functionName);
        return { requestId, data };
      } catch (error) {
        return errorAnswer(error, requestId);
      }
    },
    async close() {
      if (!open) return;
      open = false;
      for (const collection of collections.values()) collection.close();
    },
    unindexedQueries: () => indexUse.report(),
    resetUnindexedQueries: () => indexUse.reset(),
  };
}
