/**
 * CloudBase transactions (`db.startTransaction()`, `db.runTransaction()`), with the semantics of the
 * MongoDB transactions underneath them:
 * - snapshot reads: inside a transaction every read sees the database as it was when the
 *   transaction started, plus the transaction's own writes; nobody else sees those writes before
 *   commit;
 * - first writer wins: a transaction writing a document that someone committed a change to since
 *   its snapshot, or that another open transaction has written, fails at once with
 *   DATABASE_TRANSACTION_CONFLICT and is aborted (runTransaction then retries it);
 * - a write outside any transaction to a document an open transaction has written waits until that
 *   transaction ends (MongoDB blocks it on the document's lock), then runs against what it left;
 * - a transaction not committed or aborted within 30 seconds is aborted (CloudBase's limit).
 *
 * The SDK sends transactionId with `doc()` reads and writes, `add()`, `where().get()` and
 * `updateAndReturn()`; `where().update()`, `where().remove()` and `count()` run outside (see
 * ../shared/CLOUDBASE-LOCAL.md). Snapshots cost nothing until someone commits: each commit
 * hands every open transaction the versions it replaced (CommitHooks), so a transaction reads its
 * snapshot as today's documents with those earlier versions laid over them.
 */
import { randomUUID } from 'node:crypto';
import { cloneValue, type Document } from './ejson';
import { DatabaseError, ERROR_CODES } from './errors';
import { documentKey, replaceFields, upsertedDocument, withId, type Change, type Collection, type CommitHooks, type Entry, type WriteResult } from './collection';
import { requireGeoIndex } from './geo';
import { applyModifier, compileMatcher, findDocuments, runStoredPipeline, type CollectionResolver, type FindOptions } from './semantics';

/** CloudBase aborts a transaction left open longer than this. */
export const TRANSACTION_LIFETIME_MS = 30_000;

/** CloudBase's own messages, which code written against the cloud may match on. */
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ' +
  'Please check your request, but if the problem persists, contact us.';
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ' + 'Please check your request, but if the problem persists, contact us.';

/** A document as some reader sees it: absent (null) or present at a natural-order position. */
interface Version {
  /** -1: a document that did not exist, and so has no position yet. */
  seq: number;
  doc: Document | null;
}

/** Natural-order positions of documents a transaction inserts: after every stored document. */
let pendingSeq = 2 ** 40;

class Transaction {
  readonly id = randomUUID();
  /** Per collection: documents committed since the snapshot, as they were at the snapshot. */
  readonly earlier = new Map<string, Map<string, Version>>();
  /** Per collection: this transaction's own writes (null: removed). */
  readonly writes = new Map<string, Map<string, Version>>();
  /**
   * Whether its snapshot is taken: at its first read or write, as MongoDB does, not at
   * startTransaction (a write committed between the two is seen).
   */
  snapshotTaken = false;
  readonly ended: Promise<void>;
  private resolveEnded!: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor(onExpiry: (transaction: Transaction) => void) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
    this.timer = setTimeout(() => onExpiry(this), TRANSACTION_LIFETIME_MS);
    this.timer.unref();
  }

  finish(): void {
    clearTimeout(this.timer);
    this.resolveEnded();
  }

  static versions(map: Map<string, Map<string, Version>>, collection: string): Map<string, Version> {
    let versions = map.get(collection);
    if (versions === undefined) map.set(collection, (versions = new Map()));
    return versions;
  }
}

/** A write outside transactions that must wait for `ended` (the transaction holding its document). */
export class BlockedByTransaction extends Error {
  constructor(readonly ended: Promise<void>) {
    super('the document is being written by an open transaction');
  }
}

/** What the request actions need of a collection, inside a transaction or not. */
export type DocumentStore = Pick<Collection, 'find' | 'count' | 'aggregate' | 'insert' | 'update' | 'replace' | 'remove'>;

export class TransactionManager implements CommitHooks {
  private readonly open = new Map<string, Transaction>();
  /** The transaction whose writes are being committed: its own locks do not block them. */
  private committing: Transaction | undefined;

  constructor(private readonly collections: ReadonlyMap<string, Collection>) {}

  /** Hooks a collection into the manager (collections created later too). */
  watch(collection: Collection): void {
    collection.hooks = this;
  }

  start(): string {
    const transaction = new Transaction((expired) => this.finish(expired));
    this.open.set(transaction.id, transaction);
    return transaction.id;
  }

  /** Commits every write of the transaction, all or (on a unique-index refusal) none. */
  commit(id: unknown): void {
    const transaction = this.get(id);
    const plans: { collection: Collection; changes: Change[] }[] = [];
    for (const [name, writes] of transaction.writes) {
      const collection = this.collection(name);
      const changes: Change[] = [];
      for (const [key, { doc }] of writes) {
        const before = collection.entry(key)?.doc;
        if (before !== undefined || doc !== null) changes.push({ key, before, after: doc ?? undefined });
      }
      plans.push({ collection, changes });
    }
    try {
      for (const { collection, changes } of plans) collection.checkChanges(changes);
      this.committing = transaction;
      for (const { collection, changes } of plans) collection.applyChanges(changes);
    } finally {
      this.committing = undefined;
      this.finish(transaction);
    }
  }

  abort(id: unknown): void {
    this.finish(this.get(id));
  }

  /** The collection as the transaction sees it. */
  view(id: unknown, collection: Collection): DocumentStore {
    const transaction = this.get(id);
    transaction.snapshotTaken = true;
    return new TransactionView(this, transaction, collection);
  }

  close(): void {
    for (const transaction of [...this.open.values()]) this.finish(transaction);
  }

  beforeCommit(collection: string, changes: readonly Change[]): void {
    for (const transaction of this.open.values()) {
      if (transaction === this.committing) continue;
      const locked = transaction.writes.get(collection);
      if (locked !== undefined && changes.some((change) => locked.has(change.key))) throw new BlockedByTransaction(transaction.ended);
    }
  }

  committed(collection: string, changes: readonly { key: string; before?: Entry }[]): void {
    for (const transaction of this.open.values()) {
      if (transaction === this.committing || !transaction.snapshotTaken) continue;
      const earlier = Transaction.versions(transaction.earlier, collection);
      for (const { key, before } of changes) {
        if (!earlier.has(key)) earlier.set(key, before === undefined ? { seq: -1, doc: null } : { seq: before.seq, doc: before.doc });
      }
    }
  }

  /**
   * Takes `key` for the transaction's write, or aborts it with DATABASE_TRANSACTION_CONFLICT when
   * the document changed since its snapshot or another open transaction has written it.
   */
  claim(transaction: Transaction, collection: string, key: string): void {
    const changedSinceSnapshot = transaction.earlier.get(collection)?.has(key) === true;
    const heldByOther = [...this.open.values()].some((other) => other !== transaction && other.writes.get(collection)?.has(key) === true);
    if (changedSinceSnapshot || heldByOther) {
      this.finish(transaction);
      throw new DatabaseError(ERROR_CODES.transactionConflict, CONFLICT_MESSAGE);
    }
  }

  private get(id: unknown): Transaction {
    const transaction = typeof id === 'string' ? this.open.get(id) : undefined;
    if (transaction === undefined) throw new DatabaseError(ERROR_CODES.transactionFail, NOT_EXIST_MESSAGE);
    return transaction;
  }

  private collection(name: string): Collection {
    const collection = this.collections.get(name);
    if (collection === undefined) throw new DatabaseError(ERROR_CODES.collectionNotExist, `[ResourceNotFound] Db or Table not exist: ${name}`);
    return collection;
  }

  private finish(transaction: Transaction): void {
    if (!this.open.delete(transaction.id)) return;
    transaction.finish();
  }
}

/** One collection seen from inside one transaction; its writes stay the transaction's until commit. */
class TransactionView implements DocumentStore {
  constructor(
    private readonly manager: TransactionManager,
    private readonly transaction: Transaction,
    private readonly collection: Collection,
  ) {}

  find(criteria: Document, options: FindOptions): Document[] {
    requireGeoIndex(criteria, this.collection.geoFields);
    return findDocuments(this.documents(), criteria, options);
  }

  count(criteria: Document): number {
    return this.matching(criteria).length;
  }

  aggregate(pipeline: Document[], resolve: CollectionResolver): Document[] {
    return runStoredPipeline(this.documents(), pipeline, resolve, this.collection.geoFields);
  }

  insert(docs: Document[]): unknown[] {
    const created = docs.map(withId);
    const keys = new Set<string>();
    for (const doc of created) {
      const key = documentKey(doc);
      if (keys.has(key) || this.exists(key)) throw duplicateId(this.collection.name, doc._id);
      keys.add(key);
    }
    this.record(created.map((doc) => ({ key: documentKey(doc), doc })));
    return created.map((doc) => doc._id);
  }

  update(criteria: Document, modifier: Document, options: { multi: boolean; upsert: boolean }): WriteResult {
    return this.write(criteria, options, (doc) => applyModifier(doc, modifier, criteria));
  }

  replace(criteria: Document, replacement: Document, options: { upsert: boolean }): WriteResult {
    return this.write(criteria, { multi: false, upsert: options.upsert }, replaceFields(replacement));
  }

  remove(criteria: Document, options: { multi: boolean }): number {
    const removed = this.matching(criteria, options.multi ? Infinity : 1);
    this.record(removed.map((doc) => ({ key: documentKey(doc), doc: null })));
    return removed.length;
  }

  private write(criteria: Document, options: { multi: boolean; upsert: boolean }, change: (doc: Document) => boolean): WriteResult {
    const matched = this.matching(criteria, options.multi ? Infinity : 1);
    if (matched.length === 0) {
      if (!options.upsert) return { matched: 0, updated: 0, documents: [] };
      const doc = upsertedDocument(criteria, change);
      if (this.exists(documentKey(doc))) throw duplicateId(this.collection.name, doc._id);
      this.record([{ key: documentKey(doc), doc }]);
      return { matched: 0, updated: 0, upsertedId: doc._id, documents: [doc] };
    }
    const written: { key: string; doc: Document }[] = [];
    const documents = matched.map((doc) => {
      const after = cloneValue(doc);
      if (!change(after)) return doc;
      written.push({ key: documentKey(after), doc: after });
      return after;
    });
    this.record(written);
    return { matched: matched.length, updated: written.length, documents };
  }

  /** Claims every document first, so a conflict leaves none of this request's writes behind. */
  private record(writes: { key: string; doc: Document | null }[]): void {
    for (const { key } of writes) this.manager.claim(this.transaction, this.collection.name, key);
    const own = Transaction.versions(this.transaction.writes, this.collection.name);
    for (const { key, doc } of writes) {
      const seq = this.version(key)?.seq ?? -1;
      own.set(key, { seq: seq >= 0 ? seq : pendingSeq++, doc });
    }
  }

  /** The document as the transaction sees it; undefined when it never existed. */
  private version(key: string): Version | undefined {
    const name = this.collection.name;
    const seen = this.transaction.writes.get(name)?.get(key) ?? this.transaction.earlier.get(name)?.get(key);
    if (seen !== undefined) return seen;
    const entry = this.collection.entry(key);
    return entry && { seq: entry.seq, doc: entry.doc };
  }

  private exists(key: string): boolean {
    return (this.version(key)?.doc ?? null) !== null;
  }

  private matching(criteria: Document, limit = Infinity): Document[] {
    requireGeoIndex(criteria, this.collection.geoFields);
    const matches = compileMatcher(criteria);
    const found: Document[] = [];
    for (const doc of this.documents()) {
      if (found.length >= limit) break;
      if (matches(doc)) found.push(doc);
    }
    return found;
  }

  /** The snapshot with the transaction's writes, in natural order. Shared objects: not to be modified. */
  private documents(): Document[] {
    const name = this.collection.name;
    const earlier = this.transaction.earlier.get(name);
    const own = this.transaction.writes.get(name);
    if (earlier === undefined && own === undefined) return Array.from(this.collection.entryList(), (entry) => entry.doc);
    const versions = new Map<string, Version>();
    for (const entry of this.collection.entryList()) versions.set(entry.key, { seq: entry.seq, doc: entry.doc });
    for (const [key, version] of earlier ?? []) versions.set(key, version);
    for (const [key, version] of own ?? []) versions.set(key, version);
    return [...versions.values()]
      .filter((version): version is { seq: number; doc: Document } => version.doc !== null)
      .sort((a, b) => a.seq - b.seq)
      .map((version) => version.doc);
  }
}

function duplicateId(collection: string, id: unknown): DatabaseError {
  return new DatabaseError(ERROR_CODES.duplicateWrite, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
}
