/**
 * Ordered views of declared indexes, as a B-tree gives MongoDB: a one-field index keeps its
 * documents sorted by that field (serving ranges: `dueAt < now`); a two-field index keeps, for
 * each value of its first field, the documents sorted by the second (serving "a station's cases,
 * newest first": walk them in order and stop once a page is full, instead of sorting the whole
 * station). Built on first use from the collection's documents, then kept as documents change.
 * Order is BSON's: by type (null and missing, numbers, strings, objects, arrays, booleans, dates),
 * then by value, then by document key so that every entry has one place (found by binary search).
 */
import { compare } from 'mingo/util';
import type { IndexSpec } from '../../infra/database';
import { isPlainObject, type Document } from './ejson';
import { equalityKey, indexedValues } from './indexes';

interface Entry {
  rank: number;
  value: unknown;
  key: string;
}

/** BSON's order of types, for the values an index holds. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  return Array.isArray(value) ? 5 : 4;
}

function compareSameType(rank: number, a: unknown, b: unknown): number {
  switch (rank) {
    case 1:
      return 0;
    case 2:
      return (a as number) - (b as number);
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    default:
      return compare(a, b);
  }
}

/** Compares two index values in BSON order. */
export function compareIndexValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  return ra !== rb ? ra - rb : compareSameType(ra, a, b);
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const byValue = compareSameType(a.rank, a.value, b.value);
  if (byValue !== 0) return byValue;
  return a.key === b.key ? 0 : a.key < b.key ? -1 : 1;
}

/** The first position whose entry is not before `probe` (`probe` ordered by `before`). */
function lowerBound(entries: readonly Entry[], before: (entry: Entry) => boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(entries[middle] as Entry)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A range over one field: bounds of one BSON type, as MongoDB's type bracketing reads them. */
export interface Range {
  rank: number;
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** The range a condition states (`{ $gte: a, $lt: b }` of one type), or undefined when it is not only that. */
export function readRange(condition: unknown): Range | undefined {
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((op) => RANGE_OPERATORS.has(op))) return undefined;
  const ranks = new Set(operators.map((op) => typeRank(condition[op])));
  const [rank] = [...ranks];
  if (ranks.size !== 1 || rank === undefined || rank === 1 || rank === 4 || rank === 5) return undefined;
  const range: Range = { rank };
  for (const op of operators) {
    const bound = { value: condition[op], inclusive: op.endsWith('e') };
    if (op.startsWith('$g')) range.lower = bound;
    else range.upper = bound;
  }
  return range;
}

export class OrderedIndex {
  /** Prefix value's equality key ('' for a one-field index) → entries in order. */
  private groups = new Map<string, Entry[]>();
  private built = false;
  private readonly prefix?: readonly string[];
  private readonly sorted: readonly string[];

  /** `prefixField` is a two-field index's first field; `sortField` the field kept in order. */
  constructor(
    readonly prefixField: string | undefined,
    readonly sortField: string,
    private readonly source: () => Iterable<[string, Document]>,
  ) {
    this.prefix = prefixField?.split('.');
    this.sorted = sortField.split('.');
  }

  private entriesOf(key: string, doc: Document): Array<[string, Entry]> {
    const groups = this.prefix === undefined ? [''] : [...new Set(indexedValues(doc, this.prefix).map(equalityKey))];
    const values = indexedValues(doc, this.sorted);
    return groups.flatMap((group) => values.map((value): [string, Entry] => [group, { rank: typeRank(value), value, key }]));
  }

  private build(): void {
    const groups = new Map<string, Entry[]>();
    for (const [key, doc] of this.source()) {
      for (const [group, entry] of this.entriesOf(key, doc)) {
        const entries = groups.get(group);
        if (entries === undefined) groups.set(group, [entry]);
        else entries.push(entry);
      }
    }
    for (const entries of groups.values()) entries.sort(compareEntries);
    this.groups = groups;
    this.built = true;
  }

  private group(prefixKey: string): readonly Entry[] {
    if (!this.built) this.build();
    return this.groups.get(prefixKey) ?? [];
  }

  add(key: string, doc: Document): void {
    if (!this.built) return;
    for (const [group, entry] of this.entriesOf(key, doc)) {
      let entries = this.groups.get(group);
      if (entries === undefined) this.groups.set(group, (entries = []));
      entries.splice(
        lowerBound(entries, (held) => compareEntries(held, entry) < 0),
        0,
        entry,
      );
    }
  }

  remove(key: string, doc: Document): void {
    if (!this.built) return;
    for (const [group, entry] of this.entriesOf(key, doc)) {
      const entries = this.groups.get(group);
      if (entries === undefined) continue;
      const at = lowerBound(entries, (held) => compareEntries(held, entry) < 0);
      if (entries[at]?.key === key && compareEntries(entries[at] as Entry, entry) === 0) entries.splice(at, 1);
      if (entries.length === 0) this.groups.delete(group);
    }
  }

  /** Keys of the documents whose field lies in `range` (one-field index). */
  inRange(range: Range): Set<string> {
    const entries = this.group('');
    const { rank, lower, upper } = range;
    const start = lowerBound(entries, (entry) => {
      if (entry.rank !== rank) return entry.rank < rank;
      if (lower === undefined) return false;
      const order = compareSameType(rank, entry.value, lower.value);
      return order < 0 || (order === 0 && !lower.inclusive);
    });
    const found = new Set<string>();
    for (let at = start; at < entries.length; at += 1) {
      const entry = entries[at] as Entry;
      if (entry.rank !== rank) break;
      if (upper !== undefined) {
        const order = compareSameType(rank, entry.value, upper.value);
        if (order > 0 || (order === 0 && !upper.inclusive)) break;
      }
      found.add(entry.key);
    }
    return found;
  }

  /** The documents of one prefix value (or all, for a one-field index) in field order, each with its value. */
  *walk(prefixKey: string, direction: 1 | -1): Generator<{ key: string; value: unknown }> {
    const entries = this.group(prefixKey);
    if (direction === 1) for (const { key, value } of entries) yield { key, value };
    else
      for (let at = entries.length - 1; at >= 0; at -= 1) {
        const { key, value } = entries[at] as Entry;
        yield { key, value };
      }
  }
}

function isScalarKey(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}

/** The one value `criteria` requires `field` to equal (at its top level or in a top-level `$and`), if any. */
function equalityOn(criteria: Document, field: string): { value: unknown } | undefined {
  const condition = criteria[field];
  if (isScalarKey(condition)) return { value: condition };
  if (isPlainObject(condition) && Object.keys(condition).length === 1 && isScalarKey(condition.$eq)) return { value: condition.$eq };
  const clauses = criteria.$and;
  if (!Array.isArray(clauses)) return undefined;
  for (const clause of clauses) {
    const found = isPlainObject(clause) ? equalityOn(clause, field) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A collection's ordered indexes: its declared one- and two-field indexes (2dsphere aside). */
export class OrderedIndexes {
  private readonly all: OrderedIndex[] = [];
  private readonly byField = new Map<string, OrderedIndex>();

  constructor(specs: readonly IndexSpec[], source: () => Iterable<[string, Document]>) {
    for (const { keys } of specs) {
      if (keys.length === 0 || keys.length > 2 || keys.some((key) => key.direction === '2dsphere')) continue;
      const [first, second] = keys as [IndexSpec['keys'][number], IndexSpec['keys'][number] | undefined];
      const index = second === undefined ? new OrderedIndex(undefined, first.field, source) : new OrderedIndex(first.field, second.field, source);
      this.all.push(index);
      if (second === undefined && !this.byField.has(first.field)) this.byField.set(first.field, index);
    }
  }

  add(key: string, doc: Document): void {
    for (const index of this.all) index.add(key, doc);
  }

  remove(key: string, doc: Document): void {
    for (const index of this.all) index.remove(key, doc);
  }

  /** Keys of the documents in a range on a field a one-field index orders, or undefined. */
  range(field: string, condition: unknown): Set<string> | undefined {
    const index = this.byField.get(field);
    const range = index === undefined ? undefined : readRange(condition);
    return range === undefined ? undefined : index?.inRange(range);
  }

  /**
   * Documents in the order of `sort`'s first field, from an index that holds them in that order:
   * a two-field index whose first field `criteria` fixes to one value, else a one-field index.
   */
  walk(criteria: Document, sort: Record<string, 1 | -1>): Iterable<{ key: string; value: unknown }> | undefined {
    const [first] = Object.entries(sort);
    if (first === undefined) return undefined;
    const [field, direction] = first;
    for (const index of this.all) {
      if (index.sortField !== field || index.prefixField === undefined) continue;
      const fixed = equalityOn(criteria, index.prefixField);
      if (fixed !== undefined) return index.walk(equalityKey(fixed.value), direction);
    }
    return this.byField.get(field)?.walk('', direction);
  }
}
