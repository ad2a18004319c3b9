/**
 * Reading the request bodies @cloudbase/node-sdk sends for `database.*` actions (shapes pinned by
 * test/runtime/database/protocol.test.ts). The body itself is JSON; the query, data, order,
 * projection and stage values inside it are EJSON strings.
 */
import { randomUUID } from 'node:crypto';
import { isPlainObject, parseRequestEjson, type Document } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import type { SortSpec } from './semantics';
import { refuseUnsupportedOperators } from './unsupported';

export type RequestBody = Record<string, unknown>;

/** The server-side limits CloudBase applies to a read. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function newRequestId(): string {
  return randomUUID();
}

export function errorAnswer(error: unknown, requestId: string): Record<string, unknown> {
  if (error instanceof DatabaseError) return { code: error.code, message: error.message, requestId };
  const message = error instanceof Error ? error.message : String(error);
  return { code: ERROR_CODES.systemError, message: `local database engine failed: ${message}`, requestId };
}

export function readCollectionName(body: RequestBody): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName must be a non-empty string');
  return name;
}

function parseText(text: unknown, what: string, serverTime: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  try {
    return parseRequestEjson(text, serverTime);
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw invalidParam(`${what} is not valid EJSON: ${(error as Error).message}`);
  }
}

function parseObject(text: unknown, what: string, serverTime: number): Document {
  const value = parseText(text, what, serverTime);
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an EJSON object`);
  return value;
}

/** The query; absent (a plain `collection.get()`) selects every document. */
export function readCriteria(body: RequestBody, serverTime: number): Document {
  if (body.query === undefined || body.query === '') return {};
  const criteria = parseObject(body.query, 'query', serverTime);
  refuseUnsupportedOperators(criteria);
  return criteria;
}

export function readProjection(body: RequestBody, serverTime: number): Document | undefined {
  if (body.projection === undefined) return undefined;
  const projection = parseObject(body.projection, 'projection', serverTime);
  refuseUnsupportedOperators(projection);
  return projection;
}

/** `orderBy('a', 'desc').orderBy('b', 'asc')` arrives as `{ a: -1, b: 1 }`, in call order. */
export function readOrder(body: RequestBody, serverTime: number): SortSpec | undefined {
  if (body.order === undefined) return undefined;
  const order = parseObject(body.order, 'order', serverTime);
  const sort: SortSpec = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order of "${field}" must be 1 or -1`);
    sort[field] = direction;
  }
  return sort;
}

function readCount(body: RequestBody, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParam(`${field} must be a non-negative integer`);
  }
  return value;
}

export function readOffset(body: RequestBody): number {
  return readCount(body, 'offset') ?? 0;
}

/** A limit of 0 or none means the default, as in CloudBase; above the maximum is capped. */
export function readLimit(body: RequestBody): number {
  const limit = readCount(body, 'limit');
  return limit === undefined || limit === 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
}

export function readFlag(body: RequestBody, field: string, fallback: boolean): boolean {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidParam(`${field} must be a boolean`);
  return value;
}

/** The first field name starting with `$` anywhere in a stored value, which MongoDB refuses. */
function dollarField(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const element of value) {
      const found = dollarField(element);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [field, inner] of Object.entries(value)) {
    const found = field.startsWith('$') ? field : dollarField(inner);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A document to store as it is (inserted, or set() as a whole): no `$`-prefixed field names, as in CloudBase. */
export function assertStorable(doc: Document): Document {
  const field = dollarField(doc);
  if (field !== undefined) throw new DatabaseError(ERROR_CODES.requestFailed, `Document can't have $ prefixed field names: ${field}`);
  return doc;
}

/** `add(doc)` and `add([...])` both send an array of EJSON strings, one per document. */
export function readNewDocuments(body: RequestBody, serverTime: number): Document[] {
  const data = body.data;
  if (!Array.isArray(data) || data.length === 0) throw invalidParam('data must be a non-empty array of EJSON documents');
  return data.map((text: unknown, index) => assertStorable(parseObject(text, `data[${index}]`, serverTime)));
}

/** `update()` data: update operators (plain fields are flattened by the SDK into `$set`). */
export function readModification(body: RequestBody, serverTime: number): Document {
  const data = parseObject(body.data, 'data', serverTime);
  refuseUnsupportedOperators(data);
  if (isPlainObject(data.$addToSet)) data.$addToSet = withDollarEach(data.$addToSet);
  return data;
}

/**
 * `_.addToSet({ each: [...] })` is documented by WeChat (Command.addToSet: "an object with a field
 * `each`") and the SDK sends it as is; CloudBase reads it as MongoDB's `$each`.
 */
function withDollarEach(fields: Document): Document {
  const normalized: Document = {};
  for (const [field, value] of Object.entries(fields)) {
    const isEachForm = isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.each);
    normalized[field] = isEachForm ? { $each: value.each } : value;
  }
  return normalized;
}

/** `aggregate()` stages: `{ stageKey: '$match', stageValue: '<EJSON>' }`, in pipeline order. */
export function readPipeline(body: RequestBody, serverTime: number): Document[] {
  const stages = body.stages;
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  const pipeline = stages.map((stage: unknown, index) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
      throw invalidParam(`stages[${index}] must be { stageKey: "$<stage>", stageValue: "<EJSON>" }`);
    }
    return { [stage.stageKey]: parseText(stage.stageValue, `stages[${index}].stageValue`, serverTime) };
  });
  // $geoNear is a stage only in first place (runtime/database/geo.ts); its options are checked like any query.
  const [first, ...rest] = pipeline;
  if (first !== undefined && '$geoNear' in first) {
    refuseUnsupportedOperators(first.$geoNear);
    refuseUnsupportedOperators(rest);
  } else {
    refuseUnsupportedOperators(pipeline);
  }
  return pipeline;
}
