/**
 * Which queries no declared index serves. CloudBase (MongoDB underneath) answers a filter that no
 * index covers by reading the whole collection: fine on a demo, a timeout on a city's 300,000
 * opinions. The local runtime therefore checks every filter it answers against the declaration in
 * infra/database.ts, the same one the deploy creates in the cloud, and keeps what it finds: the
 * collection, the filter's shape (values left out), the action and how often it happened.
 *
 * A filter is served when it constrains, by equality, $in or a range, the leading field of a
 * declared index (or `_id`), or matches it with a regular expression (MongoDB then reads the index's
 * keys, not the documents); an `$or` is served when each branch is. A read with no such filter is
 * served only when it is sorted by an index's leading field (MongoDB walks that index in order and
 * stops at the limit); otherwise it reads every document. This is the planner's rule, not the local store's hash lookup:
 * the store narrows by equality only, MongoDB also walks a range of an index.
 */
import type { CollectionSpec } from '../../infra/database';
import { isPlainObject, type Document } from './ejson';

export interface UnindexedQuery {
  collection: string;
  /** The filter's shape: its fields and operators, values replaced by "?". */
  filter: string;
  /** The database action that carried it (getDocument, calculateDocument, modifyDocument …). */
  action: string;
  /** The cloud function that sent it. */
  functionName: string;
  count: number;
}

/** Operators an index on the field can answer (MongoDB bounds an index scan with them). */
const INDEX_BOUNDING = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$all', '$regex', '$nearSphere', '$near', '$geoWithin', '$geoIntersects']);

function constrainsByIndex(condition: unknown): boolean {
  // A regular expression is matched against the index's keys (the whole index, not the documents).
  if (!isPlainObject(condition)) return true;
  const operators = Object.keys(condition);
  // A plain sub-document is an equality on the whole value.
  if (!operators.some((key) => key.startsWith('$'))) return true;
  return operators.some((key) => INDEX_BOUNDING.has(key));
}

/** The dotted fields a filter constrains, at its top level, in a way an index can serve ($and and $or are the caller's). */
function constrainedFields(criteria: Document, prefix = ''): Set<string> {
  const fields = new Set<string>();
  for (const [key, condition] of Object.entries(criteria)) {
    if (key.startsWith('$')) {
      continue;
    } else if (isPlainObject(condition) && !Object.keys(condition).some((k) => k.startsWith('$')) && Object.keys(condition).length > 0) {
      // { deputy: { deputyId: x } } as the SDK may send it: the nested fields, dotted.
      for (const field of constrainedFields(condition, `${prefix}${key}.`)) fields.add(field);
    } else if (constrainsByIndex(condition)) {
      fields.add(`${prefix}${key}`);
    }
  }
  return fields;
}

/** The filter with its values replaced, so that one query shape is one line of the report. */
export function filterShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => !isPlainObject(v)) ? ['?'] : value.map(filterShape);
  if (!isPlainObject(value)) return '?';
  const shape: Document = {};
  for (const [key, inner] of Object.entries(value)) shape[key] = filterShape(inner);
  return shape;
}

export class IndexUse {
  /** Collection → leading fields of its declared indexes, `_id` included. */
  private readonly leading = new Map<string, Set<string>>();
  private readonly found = new Map<string, UnindexedQuery>();
  private warned = false;

  constructor(schema: readonly CollectionSpec[]) {
    for (const spec of schema) {
      const fields = new Set(['_id']);
      for (const index of spec.indexes) if (index.keys[0]) fields.add(index.keys[0].field);
      this.leading.set(spec.name, fields);
    }
  }

  /** Whether a declared index of `collection` serves `criteria` (read in the order `sort`, if any). */
  serves(collection: string, criteria: Document, sort?: Record<string, unknown>): boolean {
    const first = sort === undefined ? undefined : Object.keys(sort)[0];
    if (first !== undefined && this.leading.get(collection)?.has(first)) return true;
    return this.filterServed(collection, criteria);
  }

  private filterServed(collection: string, criteria: Document): boolean {
    const leading = this.leading.get(collection);
    if (leading === undefined) return true;
    for (const field of constrainedFields(criteria)) if (leading.has(field)) return true;
    const and = criteria.$and;
    if (Array.isArray(and) && and.some((clause) => isPlainObject(clause) && this.filterServed(collection, clause))) return true;
    const or = criteria.$or;
    return Array.isArray(or) && or.length > 0 && or.every((clause) => isPlainObject(clause) && this.filterServed(collection, clause));
  }

  /** Records `criteria` if no index serves it; warns once, on the first. */
  observe(collection: string, action: string, criteria: Document, sort?: Record<string, unknown>, functionName = ''): void {
    if (this.serves(collection, criteria, sort)) return;
    const filter = JSON.stringify(filterShape(criteria));
    const key = `${functionName} ${collection} ${action} ${filter}`;
    const known = this.found.get(key);
    if (known) {
      known.count += 1;
      return;
    }
    this.found.set(key, { collection, filter, action, functionName, count: 1 });
    if (!this.warned) {
      this.warned = true;
      console.warn(
        `[runtime/database] unindexed query from ${functionName || 'the runtime'}: ${collection} ${action} ${filter} — no index declared in infra/database.ts serves it; ` +
          'declare one or query by an indexed field (further ones are counted, not warned)',
      );
    }
  }

  /** Every unindexed query seen so far, one entry per collection, action and filter shape. */
  report(): UnindexedQuery[] {
    return [...this.found.values()].map((entry) => ({ ...entry }));
  }

  /** How many unindexed queries were answered (every occurrence). */
  total(): number {
    let sum = 0;
    for (const entry of this.found.values()) sum += entry.count;
    return sum;
  }

  reset(): void {
    this.found.clear();
  }
}
