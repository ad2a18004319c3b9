/**
 * One function per `database.*` action the SDK sends, each returning the `data` object the SDK
 * reads back (node_modules/@cloudbase/database/src: query.ts, document.ts, collection.ts, aggregate.ts).
 */
import { stringifyEjson, type Document } from './ejson';
import { collectionNotExist, DatabaseError, ERROR_CODES, invalidParam } from './errors';
import type { Collection } from './collection';
import {
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

export type Collections = ReadonlyMap<string, Collection>;

type Action = (collections: Collections, body: RequestBody, serverTime: number) => Record<string, unknown>;

function collectionOf(collections: Collections, body: RequestBody): Collection {
  const name = readCollectionName(body);
  const collection = collections.get(name);
  if (collection === undefined) throw collectionNotExist(name);
  return collection;
}

/** `where().get()` (queryType WHERE) and `doc(id).get()` (queryType DOC, query `{ _id }`) alike. */
const getDocument: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
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

const insertDocument: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  return { insertedIds: collection.insert(readNewDocuments(body, serverTime)) };
};

/**
 * `update()` sends operators with merge: true; `doc(id).set()` sends a whole document with
 * merge: false, upsert: true. `upsert_id` is present only when a document was created.
 */
const modifyDocument: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  const criteria = readCriteria(body, serverTime);
  const data = readModification(body, serverTime);
  const upsert = readFlag(body, 'upsert', false);
  const result = readFlag(body, 'merge', true)
    ? collection.update(criteria, toModifier(data), { multi: readFlag(body, 'multi', false), upsert })
    : collection.replace(criteria, toReplacement(data), { upsert });
  return {
    matched: result.matched,
    updated: result.updated,
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
  return data;
}

/** `where().updateAndReturn()`: the first match, updated, and returned as it now is. */
const modifyAndReturnDoc: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  const modifier = toModifier(readModification(body, serverTime));
  const result = collection.update(readCriteria(body, serverTime), modifier, { multi: false, upsert: false });
  const [doc] = result.documents;
  return { updated: result.updated, ...(doc !== undefined && { doc: stringifyEjson(doc) }) };
};

const removeDocument: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  return { deleted: collection.remove(readCriteria(body, serverTime), { multi: readFlag(body, 'multi', false) }) };
};

const calculateDocument: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  return { total: collection.count(readCriteria(body, serverTime)) };
};

/** $lookup and $unionWith read other collections; an undeclared one joins as empty, as in MongoDB. */
const aggregateDocuments: Action = (collections, body, serverTime) => {
  const collection = collectionOf(collections, body);
  const resolve = (name: string) => collections.get(name)?.snapshot() ?? [];
  return { list: collection.aggregate(readPipeline(body, serverTime), resolve).map(stringifyEjson) };
};

function transactionsUnsupported(): never {
  throw new DatabaseError(
    ERROR_CODES.transactionFail,
    'transactions are not supported by the local CloudBase runtime; guard writes with a conditional update ' +
      'instead, e.g. where({ _id, seatsLeft: _.gt(0) }).update({ seatsLeft: _.inc(-1) })',
  );
}

function addCollection(): never {
  throw new DatabaseError(ERROR_CODES.invalidOperation, 'collections are not created at run time: declare them in infra/database.ts');
}

const ACTIONS: ReadonlyMap<string, Action> = new Map([
  ['database.getDocument', getDocument],
  ['database.insertDocument', insertDocument],
  ['database.modifyDocument', modifyDocument],
  ['database.modifyAndReturnDoc', modifyAndReturnDoc],
  ['database.removeDocument', removeDocument],
  ['database.calculateDocument', calculateDocument],
  ['database.aggregateDocuments', aggregateDocuments],
  ['database.addCollection', addCollection],
  ['database.startTransaction', transactionsUnsupported],
  ['database.commitTransaction', transactionsUnsupported],
  ['database.abortTransaction', transactionsUnsupported],
  ['database.getInTransaction', transactionsUnsupported],
  ['database.updateDocInTransaction', transactionsUnsupported],
  ['database.deleteDocInTransaction', transactionsUnsupported],
]);

/** Runs one request to completion, synchronously. Returns the answer's `data`. */
export function runAction(collections: Collections, body: RequestBody, serverTime: number): Record<string, unknown> {
  const action = typeof body.action === 'string' ? ACTIONS.get(body.action) : undefined;
  if (action === undefined) {
    throw new DatabaseError(ERROR_CODES.invalidAction, `unknown database action: ${String(body.action)}`);
  }
  // A transactionId can only come from startTransaction, which is refused; refuse its operations too.
  if (typeof body.transactionId === 'string' && body.transactionId !== '') transactionsUnsupported();
  return action(collections, body, serverTime);
}
