/**
 * In-memory hash indexes over the declared index fields, with MongoDB multikey semantics: an array
 * field contributes one key per element; a missing field is indexed as null.
 *
 * They serve two purposes:
 * - unique constraints (including `_id`), checked before anything is written;
 * - narrowing a query to candidate documents when it constrains an index's leading field by
 *   equality or $in (or, through runtime/database/orderedIndex.ts, by a range). Candidates are a superset of the matches: mingo still evaluates the full query.
 */
import type { IndexSpec } from '../../infra/database';
import { isPlainObject, stringifyEjson, type Document } from './ejson';
import { DatabaseError, ERROR_CODES } from './errors';

/** A value's identity under MongoDB equality, usable as a Map key (1 and 1.0 are one key; '1' another). */
export function equalityKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    default:
      return value instanceof Date ? `d${value.getTime()}` : `o${stringifyEjson(value)}`;
  }
}

/** The values a document holds at a dotted path, as a MongoDB index sees them. */
export function indexedValues(value: unknown, segments: readonly string[], depth = 0): unknown[] {
  if (depth === segments.length) {
    return Array.isArray(value) && value.length > 0 ? value : [value ?? null];
  }
  const segment = segments[depth];
  if (Array.isArray(value)) {
    const found = value.flatMap((element) => (isPlainObject(element) ? indexedValues(element, segments, depth) : []));
    const position = /^\d+$/.test(segment) ? Number(segment) : -1;
    if (position >= 0 && position < value.length) found.push(...indexedValues(value[position], segments, depth + 1));
    return found.length > 0 ? found : [null];
  }
  if (isPlainObject(value)) return indexedValues(value[segment], segments, depth + 1);
  return [null];
}

function indexedKeys(doc: Document, segments: readonly string[]): string[] {
  return [...new Set(indexedValues(doc, segments).map(equalityKey))];
}

/** The collection's documents as they stand, for an index built when first asked. */
export type DocumentSource = () => Iterable<[string, Document]>;

/**
 * Non-unique: key → documents holding it. Built from the collection when first looked up, not
 * when the store opens (a city's collections open without hashing every field of every document);
 * until then adds and removes have nothing to keep, as the build reads the documents as they are.
 */
class HashIndex {
  private entries: Map<string, Set<string>> | undefined;
  private readonly segments: readonly string[];

  constructor(
    field: string,
    private readonly source: DocumentSource,
  ) {
    this.segments = field.split('.');
  }

  private built(): Map<string, Set<string>> {
    if (this.entries === undefined) {
      this.entries = new Map();
      for (const [docKey, doc] of this.source()) this.insert(this.entries, docKey, doc);
    }
    return this.entries;
  }

  add(docKey: string, doc: Document): void {
    if (this.entries !== undefined) this.insert(this.entries, docKey, doc);
  }

  private insert(entries: Map<string, Set<string>>, docKey: string, doc: Document): void {
    for (const key of indexedKeys(doc, this.segments)) {
      const holders = entries.get(key);
      if (holders === undefined) entries.set(key, new Set([docKey]));
      else holders.add(docKey);
    }
  }

  remove(docKey: string, doc: Document): void {
    const entries = this.entries;
    if (entries === undefined) return;
    for (const key of indexedKeys(doc, this.segments)) {
      const holders = entries.get(key);
      holders?.delete(docKey);
      if (holders?.size === 0) entries.delete(key);
    }
  }

  lookup(key: string): Iterable<string> {
    return this.built().get(key) ?? [];
  }
}

/** Unique (possibly compound): index key → the one document holding it. */
class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly fieldSegments: readonly (readonly string[])[];

  constructor(
    private readonly collection: string,
    readonly name: string,
    private readonly fields: readonly string[],
  ) {
    this.fieldSegments = fields.map((field) => field.split('.'));
  }

  /** Compound keys are the cartesian product of each field's (multikey) keys. */
  private keysOf(doc: Document): string[] {
    const perField = this.fieldSegments.map((segments) => indexedKeys(doc, segments));
    if (perField.length === 1) return perField[0];
    const tuples = perField.reduce<string[][]>((acc, keys) => acc.flatMap((tuple) => keys.map((key) => [...tuple, key])), [[]]);
    return tuples.map((tuple) => JSON.stringify(tuple));
  }

  /**
   * Refuses, before changing anything, a document whose keys are already held. Callers remove a
   * document's previous version first, so any holder is another document (or the same _id twice).
   */
  add(docKey: string, doc: Document): void {
    const keys = this.keysOf(doc);
    if (keys.some((key) => this.owners.has(key))) throw this.duplicate(doc);
    for (const key of keys) this.owners.set(key, docKey);
  }

  remove(docKey: string, doc: Document): void {
    for (const key of this.keysOf(doc)) {
      if (this.owners.get(key) === docKey) this.owners.delete(key);
    }
  }

  lookup(key: string): Iterable<string> {
    const owner = this.owners.get(key);
    return owner === undefined ? [] : [owner];
  }

  /** MongoDB's E11000 wording, which CloudBase passes through in the message. */
  private duplicate(doc: Document): DatabaseError {
    const values = this.fieldSegments.map((segments, i) => {
      const held = indexedValues(doc, segments);
      return `${this.fields[i]}: ${JSON.stringify(held.length === 1 ? held[0] : held)}`;
    });
    return new DatabaseError(ERROR_CODES.duplicateWrite, `E11000 duplicate key error collection: ${this.collection} index: ${this.name} dup key: { ${values.join(', ')} }`);
  }
}

type EqualityLookup = (key: string) => Iterable<string>;

function isIndexable(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}

/** The values a condition on one field requires equality with, or undefined if it is not that kind. */
function equalityValues(condition: unknown): unknown[] | undefined {
  if (isIndexable(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  if ('$eq' in condition) return isIndexable(condition.$eq) ? [condition.$eq] : undefined;
  const candidates = condition.$in;
  return Array.isArray(candidates) && candidates.every(isIndexable) ? candidates : undefined;
}

/** A field's condition of several values (`$in`): gathered last, once other conditions narrowed. */
function ofSeveralValues([field, condition]: [string, unknown]): boolean {
  return !field.startsWith('$') && (equalityValues(condition)?.length ?? 1) > 1;
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((key) => large.has(key)));
}

export class IndexSet {
  private readonly unique: UniqueIndex[];
  private readonly hashed: HashIndex[] = [];
  /** Leading field → how to find documents equal on it. */
  private readonly lookups = new Map<string, EqualityLookup>();
  /** Documents whose field lies in a range, where an ordered index serves it (runtime/database/orderedIndex.ts). */
  private rangeLookup: ((field: string, condition: unknown) => Set<string> | undefined) | undefined;

  /** Lets ranges on indexed fields narrow as equalities do. */
  serveRanges(lookup: (field: string, condition: unknown) => Set<string> | undefined): void {
    this.rangeLookup = lookup;
  }

  constructor(collection: string, specs: readonly IndexSpec[], source: DocumentSource) {
    const primary = new UniqueIndex(collection, '_id_', ['_id']);
    this.unique = [primary];
    this.lookups.set('_id', (key) => primary.lookup(key));
    for (const spec of specs.filter((s) => s.unique)) {
      const index = new UniqueIndex(
        collection,
        spec.name,
        spec.keys.map((k) => k.field),
      );
      this.unique.push(index);
      if (spec.keys.length === 1) this.lookups.set(spec.keys[0].field, (key) => index.lookup(key));
    }
    for (const spec of specs) {
      const leading = spec.keys[0]?.field;
      // A 2dsphere index serves geo operators (runtime/database/geo.ts), never an equality lookup.
      if (leading === undefined || this.lookups.has(leading) || spec.keys[0].direction === '2dsphere') continue;
      const index = new HashIndex(leading, source);
      this.hashed.push(index);
      this.lookups.set(leading, (key) => index.lookup(key));
    }
  }

  /** Indexes a document, or throws DATABASE_DUPLICATE_WRITE leaving the indexes as they were. */
  add(docKey: string, doc: Document): void {
    const added: UniqueIndex[] = [];
    try {
      for (const index of this.unique) {
        index.add(docKey, doc);
        added.push(index);
      }
    } catch (error) {
      for (const index of added) index.remove(docKey, doc);
      throw error;
    }
    for (const index of this.hashed) index.add(docKey, doc);
  }

  remove(docKey: string, doc: Document): void {
    for (const index of this.unique) index.remove(docKey, doc);
    for (const index of this.hashed) index.remove(docKey, doc);
  }

  /**
   * Documents that may match `criteria` (read only: it may be an index's own set), or undefined when
   * no index applies (scan everything). Equalities on one value narrow first, taking the index's own
   * set; a condition of several values (`$in`) then keeps those of them it admits instead of
   * gathering its whole union: `dayId = d and status in [four states]` reads the day's bookings, not
   * every booking in those states.
   */
  candidates(criteria: Document, within?: Set<string>): Set<string> | undefined {
    let result = within;
    const narrow = (found: Set<string> | undefined) => {
      if (found !== undefined) result = result === undefined || result === found ? found : intersect(result, found);
    };
    const clauses = Object.entries(criteria);
    for (const [field, condition] of [...clauses.filter((clause) => !ofSeveralValues(clause)), ...clauses.filter(ofSeveralValues)]) {
      if (field === '$and' && Array.isArray(condition)) {
        const parts = condition.filter(isPlainObject);
        const several = (part: Document) => Object.entries(part).some(ofSeveralValues);
        for (const part of [...parts.filter((part) => !several(part)), ...parts.filter(several)]) narrow(this.candidates(part, result));
      } else if (field === '$or' && Array.isArray(condition)) {
        narrow(this.anyOf(condition));
      } else {
        narrow(this.equalTo(field, condition, result));
      }
    }
    return result;
  }

  private anyOf(clauses: unknown[]): Set<string> | undefined {
    const union = new Set<string>();
    for (const clause of clauses) {
      const found = isPlainObject(clause) ? this.candidates(clause) : undefined;
      if (found === undefined) return undefined;
      for (const key of found) union.add(key);
    }
    return union;
  }

  private equalTo(field: string, condition: unknown, within: Set<string> | undefined): Set<string> | undefined {
    const lookup = this.lookups.get(field);
    const values = lookup === undefined ? undefined : equalityValues(condition);
    if (lookup === undefined || values === undefined) return this.rangeLookup?.(field, condition);
    if (values.length === 1) {
      // One value: the index's own set, not a copy (a city's area holds tens of thousands); callers only read it.
      const held = lookup(equalityKey(values[0]));
      return held instanceof Set ? held : new Set(held);
    }
    const sets = values.map((value) => {
      const held = lookup(equalityKey(value));
      return held instanceof Set ? held : new Set(held);
    });
    // Already narrowed to fewer documents than the values hold: keep those one of the values holds.
    const held = sets.reduce((sum, set) => sum + set.size, 0);
    if (within !== undefined && within.size * sets.length < held) return new Set([...within].filter((key) => sets.some((set) => set.has(key))));
    const found = new Set<string>();
    for (const set of sets) for (const key of set) found.add(key);
    return found;
  }
}
