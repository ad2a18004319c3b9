/**
 * Keyset paging: a list resumes after the last item it showed (its sort value and _id), so page
 * 500 costs what page 1 costs; skipping N documents makes the database walk them all.
 *
 * The cursor is an opaque token (base64url of the last item's sort value and _id). A number is an
 * offset, as clients released before keyset paging send it: still served, by skipping.
 */
import type { CollectionName } from '../../infra/database';
import type { PageCursor } from '../../miniprogram/shared/contract/fields';
import type { Database } from './cloud';

export interface PageOrder {
  /** The (possibly dotted) field the list is sorted by, then by _id ascending. */
  field: string;
  direction: 'asc' | 'desc';
}

type Position = { value: unknown; id: string };

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc);
}

function encode(position: Position): string {
  const { value, id } = position;
  const tagged = value instanceof Date ? ['d', value.getTime()] : value === null || value === undefined ? ['z', null] : [typeof value === 'number' ? 'n' : 's', value];
  return Buffer.from(JSON.stringify([...tagged, id])).toString('base64url');
}

function decode(token: string): Position | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string') return undefined;
    const [kind, raw, id] = parsed as [unknown, unknown, string];
    if (kind === 'd' && typeof raw === 'number') return { value: new Date(raw), id };
    if (kind === 'n' && typeof raw === 'number') return { value: raw, id };
    if (kind === 's' && typeof raw === 'string') return { value: raw, id };
    if (kind === 'z') return { value: null, id };
    return undefined;
  } catch {
    return undefined;
  }
}

export interface PageStart {
  /** Conditions to add to the list's filter (none on the first page). */
  conditions: Array<Record<string, unknown>>;
  /** Documents to skip: 0, or a legacy offset. */
  skip: number;
}

/**
 * Where the page starts: after the cursor's item (a condition on the sort field and _id), or at a
 * legacy offset. A token that does not decode starts at the beginning.
 */
export function pageStart(db: Database, order: PageOrder, cursor: PageCursor | undefined): PageStart {
  if (cursor === undefined) return { conditions: [], skip: 0 };
  if (typeof cursor === 'number') return { conditions: [], skip: cursor };
  const position = decode(cursor);
  if (!position) return { conditions: [], skip: 0 };
  const _ = db.command;
  const { field, direction } = order;
  const sameValueLater = { [field]: position.value, _id: _.gt(position.id) };
  const either = (a: object, b: object) => _.or([a, b]) as unknown as Record<string, unknown>;
  // Missing values sort first ascending and last descending, as in MongoDB.
  if (position.value === null) return { conditions: [direction === 'asc' ? either({ [field]: _.neq(null) }, sameValueLater) : sameValueLater], skip: 0 };
  const beyond = direction === 'asc' ? _.gt(position.value) : _.lt(position.value);
  return { conditions: [either({ [field]: beyond }, sameValueLater)], skip: 0 };
}

/** The page's items and the cursor after its last one (null when nothing follows); rows were read with limit pageSize + 1. */
export function pageOf<T>(rows: readonly T[], pageSize: number, order: PageOrder): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1) as Record<string, unknown> | undefined;
  const nextCursor = rows.length > pageSize && last ? encode({ value: valueAt(last, order.field) ?? null, id: String(last._id) }) : null;
  return { items, nextCursor };
}

/** A projection that also returns the sort field (the cursor is made of it), unless its parent is already returned. */
export function withOrderField(fields: Record<string, boolean>, order: PageOrder): Record<string, boolean> {
  const segments = order.field.split('.');
  const covered = segments.some((_, i) => fields[segments.slice(0, i + 1).join('.')] === true);
  return covered ? fields : { ...fields, [order.field]: true };
}

/** One page of a list that is a sorted read of one collection. */
export interface PageRead {
  collection: CollectionName;
  /** The list's filter, as conditions that all hold. */
  where: object[];
  order: PageOrder;
  cursor: PageCursor | undefined;
  pageSize: number;
  /** The fields a row needs (the sort field is added); absent: whole documents. */
  fields?: Record<string, boolean>;
}

/**
 * Reads a page: the filter's documents after the cursor, in `order` then by _id, with one more than
 * the page to know whether another follows. One database request.
 */
export async function readPage<T>(db: Database, read: PageRead): Promise<{ items: T[]; nextCursor: string | null }> {
  const { order, pageSize, fields } = read;
  const start = pageStart(db, order, read.cursor);
  const query = db
    .collection(read.collection)
    .where(db.command.and([...read.where, ...start.conditions]))
    .orderBy(order.field, order.direction)
    .orderBy('_id', 'asc')
    .skip(start.skip)
    .limit(pageSize + 1);
  const { data } = await (fields ? query.field(withOrderField(fields, order)) : query).get();
  return pageOf(data as T[], pageSize, order);
}

/**
 * For a list that is not a sorted read of one collection (rows joined in an aggregation): the
 * cursor carries an offset. Its cost grows with the page number; use only where the rows come
 * from a bounded set (a date range's reception days).
 */
export function offsetOf(cursor: PageCursor | undefined): number {
  if (cursor === undefined) return 0;
  if (typeof cursor === 'number') return cursor;
  const match = /^o([0-9]{1,5})$/.exec(cursor);
  return match ? Number(match[1]) : 0;
}

export function offsetPageOf<T>(rows: readonly T[], pageSize: number, offset: number): { items: T[]; nextCursor: string | null } {
  return { items: rows.slice(0, pageSize), nextCursor: rows.length > pageSize ? `o${offset + pageSize}` : null };
}

/**
 * How many documents each tab of a list holds (待处理 3, 已回复 12), for the first page of a tabbed
 * list: one count request per tab, side by side, each on the tab's own indexed filter; no document is
 * read.
 */
export async function countPerTab<V extends string>(db: Database, collection: CollectionName, tabs: readonly V[], whereOf: (tab: V) => object): Promise<Record<V, number>> {
  const totals = await Promise.all(tabs.map(async (tab) => (await db.collection(collection).where(whereOf(tab)).count()).total));
  return Object.fromEntries(tabs.map((tab, i) => [tab, totals[i] ?? 0])) as Record<V, number>;
}
