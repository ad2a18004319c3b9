/**
 * One collection: its documents in memory (in natural, i.e. insertion, order), its indexes and its log.
 *
 * Every write is computed aside first (updates on copies), then committed in one step: indexes
 * (refusing duplicates), then the log line, then memory. A refusal or a failed log write undoes the
 * index changes, so nothing is ever half-written, also for batch inserts and multi updates.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSpec } from '../../infra/database';
import { cloneValue, isPlainObject, stringifyEjson, type Document } from './ejson';
import { invalidParam } from './errors';
import { equalityKey, IndexSet } from './indexes';
import { compareIndexValues, OrderedIndexes } from './orderedIndex';
import { AppendLog, discardInterruptedRewrite, isDiskFull, replayLog, rewriteLog, type LogRecord, type ReplayReport } from './log';
import { geoIndexedFields, requireGeoIndex } from './geo';
import { readSnapshot, setSnapshotAside, writeSnapshot } from './snapshot';
import { applyModifier, compileMatcher, findDocuments, runStoredPipeline, type CollectionResolver, type FindOptions } from './semantics';

export interface Entry {
  /** equalityKey(doc._id) */
  readonly key: string;
  /** Natural order: position of first insertion. */
  readonly seq: number;
  doc: Document;
}

/** One document's write: inserted (no before), replaced, or removed (no after). */
export interface Change {
  key: string;
  before?: Document;
  after?: Document;
}

/**
 * Lets transactions see and guard committed writes (runtime/database/transactions.ts):
 * `beforeCommit` may refuse a write (nothing is changed then); `committed` learns each change with
 * the document it replaced and that document's natural-order position.
 */
export interface CommitHooks {
  beforeCommit(collection: string, changes: readonly Change[]): void;
  committed(collection: string, changes: readonly { key: string; before?: Entry }[]): void;
}

export interface WriteResult {
  matched: number;
  /** Documents actually changed (MongoDB's nModified): an update that changes nothing does not count. */
  updated: number;
  upsertedId?: unknown;
  /** The matched documents as they are after the write. */
  documents: Document[];
}

/** Write a new snapshot at open once the log's tail after the last one holds this many entries. */
const SNAPSHOT_MIN_TAIL = 1000;

const maxDefined = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/** Fewer equality candidates than this are sorted whole; more are read in an ordered index's order. */
const WALK_ABOVE = 500;

/** Compact on open once the log holds this many more entries than there are documents. */
const COMPACTION_MIN_ENTRIES = 1000;
const COMPACTION_RATIO = 2;

/** CloudBase generates 32 hexadecimal characters. */
function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

export function documentKey(doc: Document): string {
  return equalityKey(doc._id);
}

export function assertValidId(id: unknown): void {
  if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('_id must be a string or a number');
}

/** Fields a query pins by equality, which an upsert gives the document it creates (as MongoDB does). */
export function equalityFields(criteria: Document): Document {
  const fields: Document = {};
  for (const [field, condition] of Object.entries(criteria)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) Object.assign(fields, equalityFields(clause));
    } else if (!field.startsWith('$')) {
      const isOperators = isPlainObject(condition) && Object.keys(condition).some((key) => key.startsWith('$'));
      const value = isOperators ? condition.$eq : condition;
      if (value !== undefined && !(value instanceof RegExp)) fields[field] = value;
    }
  }
  return fields;
}

/** `doc(id).set(data)` as a change on a copy: the document's fields become `replacement`'s, its _id stays. */
export function replaceFields(replacement: Document): (doc: Document) => boolean {
  return (doc) => {
    if (replacement._id !== undefined && equalityKey(replacement._id) !== documentKey(doc)) {
      throw invalidParam('the _id of a document cannot be changed');
    }
    const before = stringifyEjson(doc);
    for (const field of Object.keys(doc)) if (field !== '_id') delete doc[field];
    Object.assign(doc, cloneValue(replacement), { _id: doc._id });
    return stringifyEjson(doc) !== before;
  };
}

/** The document an upsert creates: the query's equality fields, then the write applied to it. */
export function upsertedDocument(criteria: Document, change: (doc: Document) => boolean): Document {
  const { _id: id = newDocumentId(), ...pinned } = cloneValue(equalityFields(criteria));
  const doc: Document = { _id: id };
  // Through $set so that dotted fields ("a.b": 1) become nested documents.
  if (Object.keys(pinned).length > 0) applyModifier(doc, { $set: pinned }, {});
  change(doc);
  assertValidId(doc._id);
  return doc;
}

/** Generated _ids: CloudBase's 32 hexadecimal characters. */
export function withId(doc: Document): Document {
  const withGenerated = doc._id === undefined ? { _id: newDocumentId(), ...doc } : doc;
  assertValidId(withGenerated._id);
  return withGenerated;
}

/** How the collection's snapshot served this opening (runtime/database/snapshot.ts). */
export interface SnapshotReport {
  /** Loaded, so only the log's tail was replayed. */
  loaded: boolean;
  /** Why a snapshot found was not used (the store was loaded from the log alone). */
  unusable?: string;
  /** Its size in bytes, when unusable. */
  bytes?: number;
  /** Where an unusable snapshot was moved. */
  setAside?: string;
  /** A new snapshot was written. */
  written: boolean;
}

/** What opening a collection found. */
export interface CollectionReport extends ReplayReport {
  collection: string;
  documents: number;
  compaction: 'none' | 'done' | 'waits for free space';
  snapshot: SnapshotReport;
}

export class Collection {
  private readonly indexes: IndexSet;
  private readonly ordered: OrderedIndexes;
  /** Fields with a declared 2dsphere index: what `$nearSphere` and `$geoNear` may use. */
  readonly geoFields: ReadonlySet<string>;
  /** Set by the transaction manager. */
  hooks: CommitHooks | undefined;

  private constructor(
    readonly name: string,
    spec: CollectionSpec,
    private readonly entries: Map<string, Entry>,
    private nextSeq: number,
    private readonly log: AppendLog,
  ) {
    const documents = () => Array.from(this.entries.values(), (entry): [string, Document] => [entry.key, entry.doc]);
    this.indexes = new IndexSet(spec.name, spec.indexes, documents);
    this.ordered = new OrderedIndexes(spec.indexes, documents);
    this.indexes.serveRanges((field, condition) => this.ordered.range(field, condition));
    this.geoFields = geoIndexedFields(spec.indexes);
    try {
      for (const entry of entries.values()) this.indexes.add(entry.key, entry.doc);
    } catch (error) {
      log.close();
      throw new Error(`stored documents of "${spec.name}" violate a declared index (${(error as Error).message}); ` + 'fix the data or the index declaration in infra/database.ts');
    }
  }

  /**
   * Loads the collection from `<dataDir>/<name>.log` (creating it if new), verifying every record,
   * and compacts it if worthwhile, when damage sits between good records, or when records still lack
   * their checksum. A compaction that finds no room waits for the next start; opening never needs
   * free space. `instant` stamps each write with the store clock.
   */
  static open(dataDir: string, spec: CollectionSpec, instant: () => number): { collection: Collection; report: CollectionReport } {
    const file = join(dataDir, `${spec.name}.log`);
    discardInterruptedRewrite(file);
    const entries = new Map<string, Entry>();
    let nextSeq = 0;
    // Read once: the snapshot is checked against the log's bytes and the tail after it replayed from them.
    const logBytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    const snapshot = readSnapshot(file, logBytes);
    const loaded = snapshot !== undefined && 'state' in snapshot ? snapshot.state : undefined;
    for (const doc of loaded?.documents ?? []) {
      const key = documentKey(doc);
      entries.set(key, { key, seq: nextSeq++, doc });
    }
    const snapshotReport: SnapshotReport = { loaded: loaded !== undefined, written: false };
    if (snapshot !== undefined && 'unusable' in snapshot) {
      snapshotReport.unusable = snapshot.unusable;
      snapshotReport.bytes = snapshot.bytes;
      try {
        snapshotReport.setAside = setSnapshotAside(file);
      } catch {
        // Left in place: it is checked (and refused) again at the next start.
      }
    }
    let tail = 0;
    const replay = replayLog(
      file,
      (record) => {
        for (const doc of record.put ?? []) {
          const key = documentKey(doc);
          const entry = entries.get(key);
          if (entry === undefined) entries.set(key, { key, seq: nextSeq++, doc });
          else entry.doc = doc;
        }
        for (const id of record.del ?? []) entries.delete(equalityKey(id));
        tail += (record.put?.length ?? 0) + (record.del?.length ?? 0);
      },
      loaded?.logBytes ?? 0,
      logBytes,
    );
    const storedUntil = maxDefined(loaded?.storedUntil, replay.storedUntil);
    const report: CollectionReport = { collection: spec.name, ...replay, storedUntil, documents: entries.size, compaction: 'none', snapshot: snapshotReport };
    const replayed = (loaded?.logEntries ?? 0) + tail;
    const worthwhile = replayed >= COMPACTION_MIN_ENTRIES && replayed > COMPACTION_RATIO * entries.size;
    const documents = () => Array.from(entries.values(), (entry) => entry.doc);
    let logEntries = replayed;
    if (worthwhile || replay.needsRewrite || replay.unchecked > 0) {
      try {
        rewriteLog(file, documents(), storedUntil);
        report.compaction = 'done';
        logEntries = entries.size;
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        report.compaction = 'waits for free space';
      }
    }
    // A snapshot with every compaction, and whenever the log's tail has grown long since the last one.
    if (report.compaction === 'done' || tail >= SNAPSHOT_MIN_TAIL || (snapshotReport.unusable !== undefined && replayed > 0)) {
      try {
        snapshotReport.written = writeSnapshot(file, documents(), logEntries, storedUntil);
      } catch (error) {
        if (!isDiskFull(error)) throw error;
      }
    }
    return { collection: new Collection(spec.name, spec, entries, nextSeq, new AppendLog(file, instant)), report };
  }

  /** Bytes in the collection's log, every line whole: where a consistent backup of it ends. */
  logBytes(): number {
    return this.log.bytes;
  }

  close(): void {
    this.log.close();
  }

  /** The stored documents in natural order, not copies: callers must not modify them. */
  entryList(): IterableIterator<Entry> {
    return this.entries.values();
  }

  entry(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /**
   * Throws what committing `changes` would throw for a unique index (DATABASE_DUPLICATE_WRITE),
   * changing nothing: a transaction checks every collection before it commits any.
   */
  checkChanges(changes: readonly Change[]): void {
    const removed = changes.filter((change) => change.before !== undefined);
    const added: Change[] = [];
    for (const { key, before } of removed) this.indexes.remove(key, before as Document);
    try {
      for (const change of changes) {
        if (change.after === undefined) continue;
        this.indexes.add(change.key, change.after);
        added.push(change);
      }
    } finally {
      for (const { key, after } of added.reverse()) this.indexes.remove(key, after as Document);
      for (const { key, before } of removed) this.indexes.add(key, before as Document);
    }
  }

  /** Commits changes computed elsewhere (a transaction's writes), as one write. */
  applyChanges(changes: Change[]): void {
    this.commit(changes);
  }

  /** Copies of every document, for pipelines (which may modify what they are given). */
  snapshot(): Document[] {
    return Array.from(this.entries.values(), (entry) => cloneValue(entry.doc));
  }

  /** Copies of the documents that may match `criteria`, found through the indexes (in natural order); undefined when no index serves it. */
  candidateCopies(criteria: Document): Document[] | undefined {
    const keys = this.indexes.candidates(criteria);
    return keys === undefined ? undefined : this.entriesOf(keys).map((entry) => cloneValue(entry.doc));
  }

  find(criteria: Document, options: FindOptions): Document[] {
    requireGeoIndex(criteria, this.geoFields);
    return findDocuments(this.walked(criteria, options) ?? this.candidates(criteria).map((entry) => entry.doc), criteria, options);
  }

  /**
   * A sorted page read in index order, as MongoDB reads it: where an ordered index holds the
   * documents in the sort's order and the equality candidates are many, the first matches in that
   * order (and every later one tied with the last), so that a city's newest cases cost what a
   * station's do. Undefined where that does not apply (the caller sorts the candidates).
   */
  private walked(criteria: Document, options: FindOptions): Document[] | undefined {
    if (options.sort === undefined || !Number.isFinite(options.limit) || JSON.stringify(criteria).includes('"$near')) return undefined;
    const walk = this.ordered.walk(criteria, options.sort);
    if (walk === undefined) return undefined;
    const keys = this.indexes.candidates(criteria);
    if (keys !== undefined && keys.size <= WALK_ABOVE) return undefined;
    const matches = compileMatcher(criteria);
    const needed = options.skip + options.limit;
    const found: Entry[] = [];
    const seen = new Set<string>();
    let last: unknown;
    for (const { key, value } of walk) {
      if (found.length >= needed && compareIndexValues(value, last) !== 0) break;
      if (seen.has(key) || (keys !== undefined && !keys.has(key))) continue;
      seen.add(key);
      const entry = this.entries.get(key);
      if (entry !== undefined && matches(entry.doc)) {
        found.push(entry);
        last = value;
      }
    }
    return found.sort((a, b) => a.seq - b.seq).map((entry) => entry.doc);
  }

  /** How many documents match: the index's candidates tested one by one, none copied or sorted. */
  count(criteria: Document): number {
    requireGeoIndex(criteria, this.geoFields);
    const matches = compileMatcher(criteria);
    const keys = this.indexes.candidates(criteria);
    let total = 0;
    if (keys === undefined) {
      for (const entry of this.entries.values()) if (matches(entry.doc)) total += 1;
      return total;
    }
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry !== undefined && matches(entry.doc)) total += 1;
    }
    return total;
  }

  /** A leading $match (or $geoNear's query) narrows the input through the indexes; the stage itself still runs. */
  aggregate(pipeline: Document[], resolve: CollectionResolver): Document[] {
    const [first] = pipeline;
    const geoNear = first?.$geoNear;
    const narrowing = isPlainObject(first?.$match) ? first.$match : isPlainObject(geoNear) && isPlainObject(geoNear.query) ? geoNear.query : undefined;
    const source = narrowing === undefined ? [...this.entries.values()] : this.candidates(narrowing);
    return runStoredPipeline(
      source.map((entry) => entry.doc),
      pipeline,
      resolve,
      this.geoFields,
    );
  }

  /** Inserts all documents or none; returns their _ids (generated when absent). */
  insert(docs: Document[]): unknown[] {
    const changes = docs.map((doc): Change => {
      const after = withId(doc);
      return { key: documentKey(after), after };
    });
    this.commit(changes);
    return changes.map((change) => change.after?._id);
  }

  /** Applies update operators to the first match (or every match with `multi`). */
  update(criteria: Document, modifier: Document, options: { multi: boolean; upsert: boolean }): WriteResult {
    const modify = (doc: Document) => applyModifier(doc, modifier, criteria);
    return this.write(criteria, options, modify);
  }

  /** Replaces the first match's fields (keeping its _id): `doc(id).set(data)`. */
  replace(criteria: Document, replacement: Document, options: { upsert: boolean }): WriteResult {
    return this.write(criteria, { multi: false, upsert: options.upsert }, replaceFields(replacement));
  }

  remove(criteria: Document, options: { multi: boolean }): number {
    const removed = this.matching(criteria, options.multi ? Infinity : 1);
    this.commit(removed.map((entry) => ({ key: entry.key, before: entry.doc })));
    return removed.length;
  }

  /** `change` modifies a copy in place and reports whether it changed anything. */
  private write(criteria: Document, options: { multi: boolean; upsert: boolean }, change: (doc: Document) => boolean): WriteResult {
    const matched = this.matching(criteria, options.multi ? Infinity : 1);
    if (matched.length === 0) {
      return options.upsert ? this.upsert(criteria, change) : { matched: 0, updated: 0, documents: [] };
    }
    const changes: Change[] = [];
    const documents = matched.map((entry) => {
      const after = cloneValue(entry.doc);
      if (!change(after)) return entry.doc;
      changes.push({ key: entry.key, before: entry.doc, after });
      return after;
    });
    this.commit(changes);
    return { matched: matched.length, updated: changes.length, documents };
  }

  private upsert(criteria: Document, change: (doc: Document) => boolean): WriteResult {
    const doc = upsertedDocument(criteria, change);
    this.commit([{ key: documentKey(doc), after: doc }]);
    return { matched: 0, updated: 0, upsertedId: doc._id, documents: [doc] };
  }

  private matching(criteria: Document, limit = Infinity): Entry[] {
    requireGeoIndex(criteria, this.geoFields);
    const matches = compileMatcher(criteria);
    const found: Entry[] = [];
    for (const entry of this.candidates(criteria)) {
      if (found.length >= limit) break;
      if (matches(entry.doc)) found.push(entry);
    }
    return found;
  }

  /** Documents an index says may match, in natural order; every document when no index applies. */
  private candidates(criteria: Document): Entry[] {
    const keys = this.indexes.candidates(criteria);
    return keys === undefined ? [...this.entries.values()] : this.entriesOf(keys);
  }

  /** The entries of `keys`, in natural order. */
  private entriesOf(keys: Set<string>): Entry[] {
    return Array.from(keys, (key) => this.entries.get(key))
      .filter((entry): entry is Entry => entry !== undefined)
      .sort((a, b) => a.seq - b.seq);
  }

  private commit(changes: Change[]): void {
    if (changes.length === 0) return;
    this.hooks?.beforeCommit(this.name, changes);
    for (const { key, before } of changes) if (before !== undefined) this.indexes.remove(key, before);
    const indexed: Change[] = [];
    try {
      for (const change of changes) {
        if (change.after === undefined) continue;
        this.indexes.add(change.key, change.after);
        indexed.push(change);
      }
      this.log.append(toLogRecord(changes));
    } catch (error) {
      for (const { key, after } of indexed.reverse()) if (after !== undefined) this.indexes.remove(key, after);
      for (const { key, before } of changes) if (before !== undefined) this.indexes.add(key, before);
      throw error;
    }
    if (this.hooks !== undefined) {
      const replaced = changes.map(({ key }) => {
        const entry = this.entries.get(key);
        return { key, before: entry && { key, seq: entry.seq, doc: entry.doc } };
      });
      this.hooks.committed(this.name, replaced);
    }
    for (const { key, before, after } of changes) {
      if (before !== undefined) this.ordered.remove(key, before);
      if (after !== undefined) this.ordered.add(key, after);
      const entry = this.entries.get(key);
      if (after === undefined) this.entries.delete(key);
      else if (entry === undefined) this.entries.set(key, { key, seq: this.nextSeq++, doc: after });
      else entry.doc = after;
    }
  }
}

function toLogRecord(changes: Change[]): LogRecord {
  const put = changes.flatMap((change) => (change.after === undefined ? [] : [change.after]));
  const del = changes.flatMap((change) => (change.after === undefined && change.before ? [change.before._id] : []));
  return { ...(put.length > 0 && { put }), ...(del.length > 0 && { del }) };
}
