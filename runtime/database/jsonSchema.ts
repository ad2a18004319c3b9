/**
 * `$jsonSchema` in a query (`_.jsonSchema({ required: ['category'] })`), validated by Ajv. MongoDB
 * reads JSON Schema draft 4 plus its own `bsonType` keyword; Ajv's default draft accepts the same
 * keywords a query uses (required, properties, type, enum, minimum, pattern, items, …) and
 * `bsonType` is added here with MongoDB's type names.
 */
import Ajv from 'ajv';
import { isPlainObject } from './ejson';

const BSON_TYPES: Record<string, (value: unknown) => boolean> = {
  double: (value) => typeof value === 'number',
  number: (value) => typeof value === 'number',
  int: (value) => typeof value === 'number' && Number.isInteger(value),
  long: (value) => typeof value === 'number' && Number.isInteger(value),
  decimal: (value) => typeof value === 'number',
  string: (value) => typeof value === 'string',
  bool: (value) => typeof value === 'boolean',
  date: (value) => value instanceof Date,
  regex: (value) => value instanceof RegExp,
  null: (value) => value === null,
  array: Array.isArray,
  object: isPlainObject,
  objectId: (value) => typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'ObjectId',
};

const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  errors: false,
  validate: (types: string | string[], value: unknown) => [types].flat().some((type) => BSON_TYPES[type]?.(value) === true),
});

/** Compiled schemas by their text: a query's schema is a fresh object on every request. */
const compiled = new Map<string, (doc: unknown) => boolean>();
const CACHE_SIZE = 100;

/** mingo's `jsonSchemaValidator` option. An invalid schema throws (a refused query). */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => boolean {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    const check = ajv.compile(schema);
    ajv.removeSchema(schema);
    validate = (doc) => check(doc) === true;
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, validate);
  }
  return validate;
}
