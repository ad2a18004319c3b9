/**
 * `$lookup` that reads the joined collection through its indexes, as MongoDB does, instead of
 * copying the whole collection for every request (a station page joined 15,000 reception days to
 * show three). For each outer document it derives, from `localField`/`foreignField` and from the
 * equalities of the sub-pipeline's leading `$match` (`$expr` `$eq`/`$in` on a field, with the
 * `let` variables filled in), a filter the joined collection's indexes serve, and runs mingo's own
 * `$lookup` on those candidates only. The candidates are a superset of the matches (the whole stage
 * still runs on them), so the answer is the one the whole collection gives; where no equality can
 * be derived, the whole collection is joined as before.
 */
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import { $lookup as mingoLookup } from 'mingo/operators/pipeline';
import type { AnyObject, Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { isPlainObject, type Document } from './ejson';

/** A collection's copies: all of them, or (when the source can narrow) those a filter may match. */
export interface CollectionResolver {
  (name: string): Document[];
  /**
   * Runs `join` with `name` resolving, once, to the documents that may match `criteria` (a superset,
   * in natural order), or to the whole collection when no index serves `criteria` (kept in `whole`
   * so that the next outer document of the same stage does not copy it again).
   */
  narrowing?: <T>(name: string, criteria: Document, whole: { documents?: Document[] }, join: () => T) => T;
}

/**
 * A resolver over `all` that can narrow through `candidates` (undefined when no index serves the
 * filter). Pipelines run synchronously, so the narrowed answer is handed to the one resolution
 * `join` makes; nested joins resolve as usual.
 */
export function narrowingResolver(all: (name: string) => Document[], candidates: (name: string, criteria: Document) => Document[] | undefined): CollectionResolver {
  let pending: { name: string; criteria: Document; whole: { documents?: Document[] } } | undefined;
  const resolver: CollectionResolver = (name) => {
    const narrowed = pending?.name === name ? pending : undefined;
    pending = undefined;
    if (narrowed === undefined) return all(name);
    const found = narrowed.whole.documents === undefined ? candidates(name, narrowed.criteria) : undefined;
    if (found !== undefined) return found;
    narrowed.whole.documents ??= all(name);
    return narrowed.whole.documents;
  };
  resolver.narrowing = (name, criteria, whole, join) => {
    pending = { name, criteria, whole };
    try {
      return join();
    } finally {
      pending = undefined;
    }
  };
  return resolver;
}

/** A value an index equality can look up (a scalar, a date, null). */
function isScalar(value: unknown): boolean {
  return value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value);
}

/** `'$field'` (not a variable `'$$x'`): the field path, else undefined. */
function fieldPath(operand: unknown): string | undefined {
  return typeof operand === 'string' && operand.startsWith('$') && !operand.startsWith('$$') ? operand.slice(1) : undefined;
}

/** The constant an operand stands for: a `let` variable's value or a literal; undefined when it is a field or an expression. */
function constant(operand: unknown, variables: AnyObject): { value: unknown } | undefined {
  if (typeof operand === 'string' && operand.startsWith('$$')) {
    const name = operand.slice(2);
    return name in variables ? { value: variables[name] } : undefined;
  }
  if (typeof operand === 'string' && operand.startsWith('$')) return undefined;
  if (isPlainObject(operand)) return '$literal' in operand ? { value: operand.$literal } : undefined;
  return { value: operand };
}

/** Equalities on fields an `$expr` states for certain (inside `$and`), as query conditions. */
function exprEqualities(expr: unknown, variables: AnyObject, into: Document[]): void {
  if (!isPlainObject(expr)) return;
  const [operator, ...rest] = Object.keys(expr);
  if (operator === undefined || rest.length > 0) return;
  const args = expr[operator];
  if (operator === '$and' && Array.isArray(args)) {
    for (const clause of args) exprEqualities(clause, variables, into);
    return;
  }
  if (!Array.isArray(args) || args.length !== 2) return;
  const [left, right] = args;
  if (operator === '$eq') {
    const field = fieldPath(left) ?? fieldPath(right);
    const known = fieldPath(left) === undefined ? constant(left, variables) : constant(right, variables);
    if (field !== undefined && known !== undefined && isScalar(known.value)) into.push({ [field]: known.value });
  } else if (operator === '$in') {
    const element = constant(left, variables);
    const arrayField = fieldPath(right);
    // `$in: [x, '$tags']`: the documents whose array holds x (a multikey index's entry for x).
    if (element !== undefined && arrayField !== undefined && isScalar(element.value)) into.push({ [arrayField]: element.value });
    // `$in: ['$_id', $$ids]`: one of the listed values.
    const field = fieldPath(left);
    const list = constant(right, variables);
    if (field !== undefined && list !== undefined && Array.isArray(list.value) && list.value.every(isScalar)) into.push({ [field]: { $in: list.value } });
  }
}

/** Conditions that every joined document must meet for this outer document; empty when none is known. */
function joinConditions(stage: AnyObject, outer: AnyObject, options: Options): Document[] {
  const conditions: Document[] = [];
  const { localField, foreignField } = stage;
  if (typeof localField === 'string' && typeof foreignField === 'string') {
    const local = resolve(outer, localField) ?? null;
    const values = Array.isArray(local) ? local : [local];
    if (values.every(isScalar)) conditions.push({ [foreignField]: { $in: values } });
  }
  const first: unknown = Array.isArray(stage.pipeline) ? stage.pipeline[0] : undefined;
  const match = isPlainObject(first) && isPlainObject(first.$match) ? first.$match : undefined;
  if (match !== undefined) {
    const { $expr, ...plain } = match;
    if (Object.keys(plain).length > 0) conditions.push(plain);
    if ($expr !== undefined) {
      const variables = isPlainObject(stage.let) ? (evalExpr(outer, stage.let, options) as AnyObject) : {};
      exprEqualities($expr, variables, conditions);
    }
  }
  return conditions;
}

/** The `$lookup` pipeline operator the runtime registers in place of mingo's. */
export function $lookup(collection: Iterator, stage: Parameters<typeof mingoLookup>[1], options: Options): Iterator {
  const source = options.collectionResolver as CollectionResolver | undefined;
  const from = stage.from;
  const narrowing = source?.narrowing;
  if (narrowing === undefined || typeof from !== 'string') return mingoLookup(collection, stage, options);
  const whole: { documents?: Document[] } = {};
  return collection.map((outer) => {
    const join = () => mingoLookup(Lazy([outer]), stage, options).collect()[0];
    const conditions = joinConditions(stage as unknown as AnyObject, outer as AnyObject, options);
    if (conditions.length === 0) return join();
    return narrowing(from, conditions.length === 1 ? (conditions[0] as Document) : { $and: conditions }, whole, join);
  });
}
