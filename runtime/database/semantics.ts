/**
 * MongoDB query, update and aggregation semantics, evaluated by mingo. Known mingo departures from
 * MongoDB are corrected here instead of being answered wrongly:
 * - aggregation comparisons ($eq, $ne, $lt, $lte, $gt, $gte, so also `$expr`) reuse mingo's query
 *   predicates: they look inside arrays (`$eq: ['$tags', 'a']` is true for tags ['a', 'b']) and
 *   compare only same-typed values, where MongoDB compares the values themselves, across types in
 *   type order (a missing field is less than any number);
 * - $bucket puts a value equal to an inner boundary into the previous bucket;
 * - `$elemMatch` with conditions on sub-document fields also tests plain (non-document) elements,
 *   so `{ tags: { $elemMatch: { value: { $gt: 0 } } } }` matched `tags: [1, 3]`;
 * - `$substr`/`$substrBytes` refuse a negative length, which MongoDB reads as "to the end";
 * - `$week` counted from 1 where MongoDB counts weeks from Sunday, days before the first Sunday in week 0;
 * - `$indexOfCP` is missing, and `$jsonSchema` needs a validator (runtime/database/jsonSchema.ts).
 * Errors raised while evaluating become CloudBase error answers (see `evaluating`).
 */
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as updateOperators from 'mingo/operators/update';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { update } from 'mingo/updater';
import { compare, isEqual, isNil, isOperator, MingoError, resolve } from 'mingo/util';
import { isPlainObject, type Document } from './ejson';
import { $lookup, type CollectionResolver } from './lookup';
import { cloneValue } from './ejson';
import { GEO_MODIFIERS, geoQueryOperators, orderByNearness, readGeoNearStage, runGeoNear } from './geo';
import { jsonSchemaValidator } from './jsonSchema';
import { DatabaseError, ERROR_CODES, unsupportedOperator } from './errors';

export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  projection?: Document;
  sort?: SortSpec;
  skip: number;
  limit: number;
}

/** Resolves a collection name used by $lookup/$unionWith to that collection's documents. */
export type { CollectionResolver } from './lookup';

/** An aggregation comparison operator: evaluates its two operands and compares the values as they are. */
function comparison(holds: (left: unknown, right: unknown) => boolean) {
  return (obj: AnyObject, expr: unknown, options: Options): boolean => {
    const args = evalExpr(obj, expr, options);
    if (!Array.isArray(args) || args.length !== 2) throw new MingoError('comparison expects an array of 2 expressions');
    return holds(args[0], args[1]);
  };
}

/** mingo's `compare` orders values of different types by type, as MongoDB does. */
const ordered = (holds: (order: number) => boolean) => comparison((left, right) => holds(compare(left, right)));
const sameValue = (left: unknown, right: unknown) => isEqual(left, right) || (isNil(left) && isNil(right));

interface BucketSpec {
  groupBy: unknown;
  boundaries: unknown[];
  default?: unknown;
  output?: AnyObject;
}

/**
 * MongoDB itself desugars $bucket into $group on a $switch of [lower, upper) ranges, then $sort on _id;
 * doing the same gives its exact boundary semantics.
 */
function $bucket(collection: Iterator, expr: BucketSpec, options: Options): Iterator {
  const { groupBy, boundaries, default: otherwise, output } = expr;
  if (!Array.isArray(boundaries) || boundaries.length < 2) {
    throw new MingoError('$bucket requires at least two boundaries');
  }
  if (boundaries.some((bound, i) => i > 0 && compare(boundaries[i - 1], bound) >= 0)) {
    throw new MingoError('$bucket boundaries must be sorted in ascending order');
  }
  const first = boundaries[0];
  const last = boundaries[boundaries.length - 1];
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [groupBy, { $literal: lower }] }, { $lt: [groupBy, { $literal: boundaries[i + 1] }] }] },
    then: { $literal: lower },
  }));
  const inRange = (value: unknown) => compare(value, first) >= 0 && compare(value, last) < 0;
  const checked =
    otherwise === undefined
      ? collection.map((doc: AnyObject) => {
          if (!inRange(evalExpr(doc, groupBy, options))) {
            throw new MingoError('$bucket: a value falls outside the boundaries and no default was specified');
          }
          return doc;
        })
      : collection;
  const id = { $switch: otherwise === undefined ? { branches } : { branches, default: { $literal: otherwise } } };
  const grouped = pipelineOperators.$group(checked, { _id: id, ...(output ?? { count: { $sum: 1 } }) }, options);
  return pipelineOperators.$sort(grouped, { _id: 1 }, options);
}

/**
 * `$in` over strings (ids, codes, states) as one set built once per query, where mingo intersects
 * the document's values with the whole list for every document: a city's deputies tested against
 * its 400 station ids hashed the 400 again for each of them. Other lists (null, numbers, dates,
 * regular expressions, documents) keep mingo's own, whose equality they need.
 */
function $in(selector: string, values: unknown, options: Options) {
  if (!Array.isArray(values) || values.length < 2 || !values.every((value) => typeof value === 'string')) return queryOperators.$in(selector, values, options);
  const listed = new Set(values as string[]);
  return (doc: AnyObject): boolean => {
    const held = resolve(doc, selector, { unwrapArray: true });
    return Array.isArray(held) ? held.some((value) => typeof value === 'string' && listed.has(value)) : typeof held === 'string' && listed.has(held);
  };
}

/**
 * MongoDB's $elemMatch: conditions on fields (or logical operators over them) look only at elements
 * that are documents; conditions on the element itself (`{ $gt: 2 }`) look at every element.
 */
function $elemMatch(selector: string, criteria: AnyObject, options: Options) {
  const onFields = Object.keys(criteria).some((key) => !isOperator(key) || key === '$and' || key === '$or' || key === '$nor');
  if (!onFields) return queryOperators.$elemMatch(selector, criteria, options);
  const query = new Query(criteria, options);
  return (doc: AnyObject): boolean => {
    const elements = resolve(doc, selector, { unwrapArray: true });
    return Array.isArray(elements) && elements.some((element) => isPlainObject(element) && query.test(element));
  };
}

/** `$substr`/`$substrBytes` with a negative length: the rest of the string, as in MongoDB. */
function toTheEnd(substrBytes: (obj: AnyObject, expr: unknown, options: Options) => unknown) {
  return (obj: AnyObject, expr: unknown, options: Options): unknown => {
    const args = evalExpr(obj, expr, options);
    if (!Array.isArray(args) || args.length !== 3 || typeof args[2] !== 'number' || args[2] >= 0) return substrBytes(obj, expr, options);
    const [text, start] = args;
    const bytes = typeof text === 'string' ? new TextEncoder().encode(text).length : 0;
    const rest = typeof start === 'number' ? Math.max(0, bytes - start) : 0;
    return substrBytes(obj, [{ $literal: text }, { $literal: start }, rest], options);
  };
}

/** `$indexOfCP: [string, substring, start?, end?]`: the code-point index of the first occurrence, or -1. */
function $indexOfCP(obj: AnyObject, expr: unknown, options: Options): number | null {
  const args = evalExpr(obj, expr, options);
  if (!Array.isArray(args) || args.length < 2 || args.length > 4) throw new MingoError('$indexOfCP expects 2 to 4 arguments');
  const [text, search, start = 0, end] = args as unknown[];
  if (isNil(text)) return null;
  if (typeof text !== 'string' || typeof search !== 'string') throw new MingoError('$indexOfCP requires a string and a substring');
  const isIndex = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (!isIndex(start) || (end !== undefined && !isIndex(end))) throw new MingoError('$indexOfCP start and end must be non-negative integers');
  const points = Array.from(text);
  const needle = Array.from(search);
  const stop = Math.min(end === undefined ? points.length : (end as number), points.length);
  for (let i = start as number; i + needle.length <= stop; i += 1) {
    if (needle.every((point, j) => points[i + j] === point)) return i;
  }
  return -1;
}

/** MongoDB's `$week`: weeks begin on Sunday; days before the year's first Sunday are week 0. */
function $week(obj: AnyObject, expr: unknown, options: Options): number | null {
  const dayOfYear = expressionOperators.$dayOfYear(obj, expr, options) as number | null;
  const dayOfWeek = expressionOperators.$dayOfWeek(obj, expr, options) as number | null;
  if (dayOfYear === null || dayOfWeek === null || isNil(dayOfYear) || isNil(dayOfWeek)) return null;
  return Math.floor((dayOfYear - dayOfWeek + 7) / 7);
}

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $eq: comparison(sameValue),
    $ne: comparison((left, right) => !sameValue(left, right)),
    $lt: ordered((order) => order < 0),
    $lte: ordered((order) => order <= 0),
    $gt: ordered((order) => order > 0),
    $gte: ordered((order) => order >= 0),
    $substr: toTheEnd(expressionOperators.$substrBytes),
    $substrBytes: toTheEnd(expressionOperators.$substrBytes),
    $indexOfCP,
    $week,
  },
  pipeline: { ...pipelineOperators, $bucket, $lookup },
  projection: projectionOperators,
  query: { ...queryOperators, $elemMatch, $in, ...geoQueryOperators },
  window: windowOperators,
});

/** Every operator name mingo evaluates, plus the modifiers that only appear inside one. */
const KNOWN_OPERATORS: ReadonlySet<string> = new Set([
  '$indexOfCP',
  ...Object.keys(geoQueryOperators),
  ...GEO_MODIFIERS,
  ...[accumulatorOperators, expressionOperators, pipelineOperators, projectionOperators, queryOperators, updateOperators, windowOperators].flatMap((operators) =>
    Object.keys(operators),
  ),
  '$each',
  '$position',
  '$options',
]);

/**
 * mingo rejects an unknown pipeline or expression operator only when a document reaches it; MongoDB
 * rejects the request up front, whatever the data. This lets callers do the same.
 */
export function isKnownOperator(name: string): boolean {
  return KNOWN_OPERATORS.has(name);
}

const OPTIONS: Partial<Options> = { context: CONTEXT, scriptEnabled: false, idKey: '_id', jsonSchemaValidator };

/**
 * OPTIONS as mingo's prepared form. Given plain options, every `new Query` copies the context's
 * whole operator table (hundreds of entries) before compiling: a fifth of an indexed read's cost.
 * Given its own prepared options it reuses them. mingo does not export that class, so the prepared
 * options are taken from the one place it hands them out: to a query operator, when a query compiles.
 */
const PREPARED_OPTIONS: Options = (() => {
  let prepared: Options | undefined;
  const capture = Context.init({ query: { $prepared: (_selector: string, _value: unknown, options: Options) => ((prepared = options), () => true) } });
  new Query({ any: { $prepared: true } }, { ...OPTIONS, context: Context.from(CONTEXT, capture) });
  if (prepared === undefined) throw new Error('mingo did not hand its prepared options to a query operator');
  return prepared;
})();

const UNKNOWN_OPERATOR = /unknown (query |top level |update )?operator|unregistered|is not registered/i;

/** Runs mingo and turns what it throws into the answer CloudBase gives for a bad query. */
function evaluating<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MingoError && UNKNOWN_OPERATOR.test(message)) {
      throw unsupportedOperator('operator', message);
    }
    throw new DatabaseError(ERROR_CODES.requestFailed, message);
  }
}

export function compileMatcher(criteria: Document): (doc: Document) => boolean {
  const query = evaluating(() => new Query(criteria, PREPARED_OPTIONS));
  return (doc) => evaluating(() => query.test(doc));
}

export function findDocuments(candidates: Document[], criteria: Document, options: FindOptions): Document[] {
  return evaluating(() => {
    // A $nearSphere filter answers nearest first; an explicit sort still decides (sorts are stable).
    let cursor = new Query(criteria, PREPARED_OPTIONS).find<Document>(orderByNearness(candidates, criteria), options.projection);
    if (options.sort !== undefined) cursor = cursor.sort(options.sort);
    return cursor.skip(options.skip).limit(options.limit).all();
  });
}

/**
 * `source` must be documents the pipeline may modify (stages such as $addFields write into nested
 * objects they share with their input), and so must the resolver's results.
 */
export function runPipeline(source: Document[], pipeline: Document[], resolve: CollectionResolver): Document[] {
  return evaluating(() => new Aggregator(pipeline, { ...OPTIONS, collectionResolver: resolve }).run(source));
}

/**
 * A pipeline over stored documents (not modified: copies are made). A leading `$geoNear` stage is
 * answered here, through the collection's 2dsphere fields, before the rest runs in mingo.
 */
export function runStoredPipeline(stored: readonly Document[], pipeline: Document[], resolve: CollectionResolver, geoFields: ReadonlySet<string>): Document[] {
  const near = readGeoNearStage(pipeline, geoFields);
  if (near === undefined) return runPipeline(stored.map(cloneValue), pipeline, resolve);
  const matches = compileMatcher(near.query);
  return runPipeline(runGeoNear(near, stored.filter(matches)), pipeline.slice(1), resolve);
}

/**
 * Applies update operators to `doc` in place. `criteria` is the query that selected the document,
 * which the positional `$` operator refers to. Returns whether anything changed.
 */
export function applyModifier(doc: Document, modifier: Document, criteria: Document): boolean {
  const changedPaths = evaluating(() => update(doc, modifier, undefined, criteria, { cloneMode: 'deep', queryOptions: PREPARED_OPTIONS }));
  return changedPaths.length > 0;
}
