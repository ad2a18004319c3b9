/**
 * Values on the wire and in the log are EJSON (MongoDB Extended JSON); in memory they are plain
 * JavaScript values (numbers, strings, Dates, RegExps, arrays, objects) because that is what mingo
 * evaluates. Other BSON types (ObjectId, Decimal128, …) pass through as bson objects.
 */
import { BSONRegExp, EJSON, ObjectId } from 'bson';
import { invalidParam } from './errors';

export type Document = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Document {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Canonical EJSON keeps int/double/date types exact: the form the SDK sends and reads back. */
export function stringifyEjson(value: unknown): string {
  return canonical(value);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * What `EJSON.stringify(value, { relaxed: false })` writes, character for character, made without
 * bson's intermediate copy of the whole document: every answer's documents pass through here, and
 * bson's serializer was a third of a read's cost. Strings, booleans, null, int32 numbers, valid
 * dates, arrays and plain objects are written directly; anything else (doubles, longs, -0, other
 * BSON types) is handed to bson, so the output stays bson's (test/runtime/ejson.test.ts compares them).
 */
function canonical(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'number':
      if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)) return `{"$numberInt":"${value}"}`;
      return EJSON.stringify(value, { relaxed: false });
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonical(value[i]);
        return `${text}]`;
      }
      if (value instanceof Date) {
        const time = value.getTime();
        return Number.isNaN(time) ? EJSON.stringify(value, { relaxed: false }) : `{"$date":{"$numberLong":"${time}"}}`;
      }
      if (!isPlainObject(value)) return EJSON.stringify(value, { relaxed: false });
      let text = '{';
      let first = true;
      for (const key of Object.keys(value)) {
        text += `${first ? '' : ','}${JSON.stringify(key)}:${canonical(value[key])}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      return EJSON.stringify(value, { relaxed: false });
  }
}

/** EJSON text as stored in the log: no server-side rewriting, only the in-memory value forms. */
export function parseStoredEjson(text: string): unknown {
  return toMemoryForm(EJSON.parse(text, { relaxed: true }), undefined);
}

/**
 * EJSON text from a request. `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`
 * for the server to fill in; it becomes the server's clock plus offset milliseconds. `db.ObjectId({ id })`
 * arrives as `{ $oid }` and becomes its hexadecimal string: CloudBase answers an ObjectId, as `_id` or
 * in any other field, as that string (its SDK tests assert `add({ _id: db.ObjectId({ id }) }).id === id`).
 */
export function parseRequestEjson(text: string, serverTime: number): unknown {
  return toMemoryForm(EJSON.parse(text, { relaxed: true }), serverTime);
}

/** Deep copy of a stored value, so an update can be computed aside and discarded if refused. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const copy: Document = {};
    for (const key of Object.keys(value)) copy[key] = cloneValue(value[key]);
    return copy as T;
  }
  // Strings, numbers and the remaining BSON value types are immutable: sharing them is safe.
  return value;
}

/** Rewrites parsed EJSON in place (it is freshly parsed, nobody else holds it). */
function toMemoryForm(value: unknown, serverTime: number | undefined): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toMemoryForm(value[i], serverTime);
    return value;
  }
  if (value instanceof BSONRegExp) return toRegExp(value);
  if (serverTime !== undefined && value instanceof ObjectId) return value.toHexString();
  if (!isPlainObject(value)) return value;
  if (serverTime !== undefined && '$tcb_server_date' in value) {
    return serverDate(value.$tcb_server_date, serverTime);
  }
  for (const key of Object.keys(value)) value[key] = toMemoryForm(value[key], serverTime);
  return value;
}

function serverDate(spec: unknown, serverTime: number): Date {
  const offset = isPlainObject(spec) ? (spec.offset ?? 0) : 0;
  if (typeof offset !== 'number' || !Number.isFinite(offset)) {
    throw invalidParam('serverDate offset must be a finite number of milliseconds');
  }
  return new Date(serverTime + offset);
}

/**
 * MongoDB regex options are i, m, s, x, u (and l). JavaScript has i, m, s, u; x (extended syntax)
 * and l (locale classes) have no faithful equivalent, so they are refused rather than ignored.
 */
function toRegExp(regex: BSONRegExp): RegExp {
  const unsupported = [...regex.options].filter((flag) => !'imsu'.includes(flag));
  if (unsupported.length > 0) {
    throw invalidParam(`regular expression option(s) "${unsupported.join('')}" are not supported by the local runtime`);
  }
  try {
    return new RegExp(regex.pattern, regex.options);
  } catch (error) {
    throw invalidParam(`invalid regular expression /${regex.pattern}/: ${(error as Error).message}`);
  }
}
