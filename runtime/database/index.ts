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
import { Collection } from './collection';
import { collectionNotExist, DatabaseError, ERROR_CODES, invalidParam } from './errors';
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

export interface DatabaseEngine {
  /**
   * Answer one SDK request body whose `action` starts with "database.". Returns the JSON the SDK
   * expects (never throws for bad requests: answers { code, message, requestId } like CloudBase).
   */
  handle(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Flush and close files. */
  close(): Promise<void>;
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
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const collections = new Map<string, Collection>();
  const created = readCreatedCollections(dataDir);
  const declared = new Set(options.schema.map((spec) => spec.name));
  try {
    for (const spec of options.schema) collections.set(spec.name, Collection.open(dataDir, spec));
    for (const name of created) if (!declared.has(name)) collections.set(name, Collection.open(dataDir, createdSpec(name)));
  } catch (error) {
    for (const collection of collections.values()) collection.close();
    throw error;
  }
  const transactions = new TransactionManager(collections);
  for (const collection of collections.values()) transactions.watch(collection);
  let open = true;

  const context: ActionContext = {
    store(name, transactionId) {
      const collection = collections.get(name);
      if (collection === undefined) throw collectionNotExist(name);
      return transactionId === undefined ? collection : transactions.view(transactionId, collection);
    },
    documents: (name) => collections.get(name)?.snapshot() ?? [],
    createCollection(name) {
      if (!COLLECTION_NAME.test(name)) throw invalidParam('a collection name is 1 to 64 letters, digits, "_" or "-", not starting with "_"');
      if (collections.has(name)) {
        throw new DatabaseError(ERROR_CODES.collectionAlreadyExist, `[ResourceInUse] collection "${name}" already exists`);
      }
      const collection = Collection.open(dataDir, createdSpec(name));
      try {
        writeCreatedCollections(dataDir, [...created, name]);
      } catch (error) {
        collection.close();
        throw error;
      }
      created.push(name);
      collections.set(name, collection);
      transactions.watch(collection);
    },
  };

  /** One request, synchronously; the transaction actions answer at the top level, as CloudBase does. */
  function run(body: Record<string, unknown>, requestId: string): Record<string, unknown> {
    if (!open) throw new DatabaseError(ERROR_CODES.systemError, 'the local database engine is closed');
    switch (body.action) {
      case 'database.startTransaction':
        return { requestId, transactionId: transactions.start() };
      case 'database.commitTransaction':
        transactions.commit(body.transactionId);
        return { requestId };
      case 'database.abortTransaction':
        transactions.abort(body.transactionId);
        return { requestId };
      default:
        return { requestId, data: runAction(context, body, options.clock.now().getTime()) };
    }
  }

  return {
    async handle(body) {
      const requestId = newRequestId();
      try {
        for (;;) {
          try {
            return run(body, requestId);
          } catch (error) {
            if (!(error instanceof BlockedByTransaction)) throw error;
            await error.ended;
          }
        }
      } catch (error) {
        return errorAnswer(error, requestId);
      }
    },
    async close() {
      if (!open) return;
      open = false;
      transactions.close();
      for (const collection of collections.values()) collection.close();
    },
  };
}
