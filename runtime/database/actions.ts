/**
 * One function per `database.*` action the SDK sends, each returning the `data` object the SDK
 * reads back (node_modules/@cloudbase/database/src: query.ts, document.ts, collection.ts, aggregate.ts).
 */
import { stringifyEjson, type Document } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import type { CollectionResolver } from './semantics';
import type { DocumentStore } from './transactions';
import {
  assertStorable,
  readCollectionName,
  readCriteria,
  readFlag,
  readLimit,
  readModification,
  readNewDocuments,
  readOffset,
  readOrder,
  readPipeline,
  readProjection,
  type RequestBody,
} from './protocol';

/** What the actions need of the database. */
export interface ActionContext {
  /**
   * The collection a request names, as the request's transaction sees it when it carries a
   * transactionId; throws DATABASE_COLLECTION_NOT_EXIST or DATABASE_TRANSACTION_FAIL.
   */
  store(name: string, transactionId: unknown): DocumentStore;
  /** A collection's committed documents, copies, for $lookup and $unionWith (none when it does not exist). */
  documents: CollectionResolver;
  /** Throws DATABASE_COLLECTION_ALREADY_EXIST when it exists. */
  createCollection(name: string): void;
}

type Action = (context: ActionContext, body: RequestBody, serverTime: number) => Record<string, unknown>;

function collectionOf(context: ActionContext, body: RequestBody): DocumentStore {
  const transactionId = body.transactionId === '' ? undefined : body.transactionId;
  return context.store(readCollectionName(body), transactionId);
}

/** `where().get()` (queryType WHERE) and `doc(id).get()` (queryType DOC, query `{ _id }`) alike. */
const getDocument: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  const offset = readOffset(body);
  const limit = readLimit(body);
  const found = collection.find(readCriteria(body, serverTime), {
    projection: readProjection(body, serverTime),
    sort: readOrder(body, serverTime),
    skip: offset,
    limit,
  });
  return { list: found.map(stringifyEjson), offset, limit };
};

const insertDocument: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  return { insertedIds: collection.insert(readNewDocuments(body, serverTime)) };
};

/**
 * `update()` sends operators with merge: true; `doc(id).set()` sends a whole document with
 * merge: false, upsert: true. `upsert_id` is present only when a document was created.
 * An update counts the documents it changed (MongoDB's nModified); a set() that replaced a document
 * counts it even when the content was the same, as CloudBase reports it (its SDK tests assert
 * `updated: 1` for a set() of an unchanged document).
 */
const modifyDocument: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  const criteria = readCriteria(body, serverTime);
  const data = readModification(body, serverTime);
  const upsert = readFlag(body, 'upsert', false);
  const result = readFlag(body, 'merge', true)
    ? collection.update(criteria, toModifier(data), { multi: readFlag(body, 'multi', false), upsert })
    : collection.replace(criteria, toReplacement(data), { upsert });
  const replaced = !readFlag(body, 'merge', true);
  return {
    matched: result.matched,
    updated: replaced ? result.matched : result.updated,
    ...(result.upsertedId !== undefined && { upsert_id: result.upsertedId }),
  };
};

const isOperator = (field: string) => field.startsWith('$');

/** Plain fields merged into the document mean `$set`; mixing them with operators is ambiguous. */
function toModifier(data: Document): Document {
  const fields = Object.keys(data);
  if (!fields.some(isOperator)) return { $set: data };
  if (!fields.every(isOperator)) throw invalidParam('update data cannot mix update operators and plain fields');
  return data;
}

function toReplacement(data: Document): Document {
  if (Object.keys(data).some(isOperator)) {
    throw invalidParam('a replacement document (merge: false) cannot contain update operators');
  }
  return assertStorable(data);
}

/**
 * `where().updateAndReturn()`: the first match, updated, and returned as it now is. CloudBase counts
 * the match as updated even when nothing changed, and answers `doc: null` when nothing matched.
 */
const modifyAndReturnDoc: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  const modifier = toModifier(readModification(body, serverTime));
  const result = collection.update(readCriteria(body, serverTime), modifier, { multi: false, upsert: false });
  const [doc] = result.documents;
  return { updated: result.matched, doc: doc === undefined ? null : stringifyEjson(doc) };
};

const removeDocument: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  return { deleted: collection.remove(readCriteria(body, serverTime), { multi: readFlag(body, 'multi', false) }) };
};

const calculateDocument: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  return { total: collection.count(readCriteria(body, serverTime)) };
};

/** $lookup and $unionWith read other collections; a missing one joins as empty, as in MongoDB. */
const aggregateDocuments: Action = (context, body, serverTime) => {
  const collection = collectionOf(context, body);
  return { list: collection.aggregate(readPipeline(body, serverTime), context.documents).map(stringifyEjson) };
};

/** `db.createCollection(name)`: an empty collection with no index but _id's. */
const addCollection: Action = (context, body) => {
  context.createCollection(readCollectionName(body));
  return {};
};

const ACTIONS: ReadonlyMap<string, Action> = new Map([
  ['database.getDocument', getDocument],
  ['database.insertDocument', insertDocument],
  ['database.modifyDocument', modifyDocument],
  ['database.modifyAndReturnDoc', modifyAndReturnDoc],
  ['database.removeDocument', removeDocument],
  ['database.calculateDocument', calculateDocument],
  ['database.aggregateDocuments', aggregateDocuments],
  ['database.addCollection', addCollection],
]);

/** Runs one request to completion, synchronously. Returns the answer's `data`. */
export function runAction(context: ActionContext, body: RequestBody, serverTime: number): Record<string, unknown> {
  const action = typeof body.action === 'string' ? ACTIONS.get(body.action) : undefined;
  if (action === undefined) {
    throw new DatabaseError(ERROR_CODES.invalidAction, `unknown database action: ${String(body.action)}`);
  }
  return action(context, body, serverTime);
}
