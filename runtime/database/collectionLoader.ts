/**
 * The store's collections, each loaded when first used: a start at city size answers within
 * seconds instead of after loading every log. Until a collection is loaded nothing writes to it, so
 * loading it later gives what loading it at start would have given; only the latest instant its files
 * record is needed at start (the store clock's floor), and that is read without loading
 * (runtime/database/storedUntil.ts).
 *
 * `loadAll` loads the rest one collection per turn of the event loop, smallest log first, so that
 * requests are served in between (none waits longer than one collection's load) and damage is found
 * soon after start even where no one asks.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSpec } from '../../infra/database';
import { Collection, type CollectionReport } from './collection';
import { storedUntilWithoutLoading } from './storedUntil';

/** A collection whose load failed (a declared unique index its stored documents violate, an unreadable file). */
export interface LoadFailure {
  collection: string;
  error: string;
}

export class CollectionLoader {
  /** The loaded collections by name (the transaction manager reads this same map). */
  readonly loaded = new Map<string, Collection>();
  /** What each load found, in load order. */
  readonly reports: CollectionReport[] = [];
  private readonly waiting = new Map<string, CollectionSpec>();
  /** The latest instant each collection's files recorded at start, read without loading it. */
  private readonly floors: number[] = [];
  private readonly failures = new Map<string, string>();
  private loadingAll: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    specs: readonly CollectionSpec[],
    private readonly instant: () => number,
    /** Told of each collection loaded, before anyone uses it. */
    private readonly onLoad: (collection: Collection, report: CollectionReport) => void,
  ) {
    for (const spec of specs) {
      this.waiting.set(spec.name, spec);
      const floor = storedUntilWithoutLoading(this.logFile(spec.name));
      if (floor !== undefined) this.floors.push(floor);
    }
  }

  has(name: string): boolean {
    return this.loaded.has(name) || this.waiting.has(name);
  }

  /** The collection, loaded now if it was not yet; undefined when it does not exist. Throws what its load throws. */
  get(name: string): Collection | undefined {
    return this.loaded.get(name) ?? this.load(name);
  }

  /** A collection made at run time (db.createCollection): new, so already loaded. */
  add(collection: Collection): void {
    this.loaded.set(collection.name, collection);
  }

  notLoaded(): string[] {
    return [...this.waiting.keys()];
  }

  loadFailures(): LoadFailure[] {
    return Array.from(this.failures, ([collection, error]) => ({ collection, error }));
  }

  /** The latest instant any collection's files record, loaded or not. */
  storedUntil(): number | undefined {
    const stamps = [...this.floors, ...this.reports.flatMap((report) => (report.storedUntil === undefined ? [] : [report.storedUntil]))];
    return stamps.length > 0 ? Math.max(...stamps) : undefined;
  }

  /** Loads every collection not loaded yet, now, in one go (throws what a load throws). */
  loadEvery(): void {
    if (this.closed) return;
    for (const name of this.notLoaded()) this.load(name);
  }

  /**
   * Loads every collection not loaded yet, one per turn of the event loop; resolves when none is
   * left (or the store closed). A collection that fails to load is skipped and listed in `loadFailures`.
   */
  loadAll(): Promise<void> {
    this.loadingAll ??= new Promise((resolve) => {
      const order = this.notLoaded().sort((a, b) => this.logBytes(a) - this.logBytes(b));
      const step = () => {
        const name = order.shift();
        if (this.closed || name === undefined) return resolve();
        try {
          this.load(name);
        } catch (error) {
          this.failures.set(name, (error as Error).message);
          console.error(`[runtime/database] collection ${name} could not be loaded: ${(error as Error).message}`);
        }
        setImmediate(step);
      };
      setImmediate(step);
    });
    return this.loadingAll;
  }

  /** Closes the loaded collections' files and stops loading the rest. */
  close(): void {
    this.closed = true;
    for (const collection of this.loaded.values()) collection.close();
  }

  private load(name: string): Collection | undefined {
    const spec = this.waiting.get(name);
    if (spec === undefined) return undefined;
    if (this.closed) throw new Error(`the store is closed: collection ${name} is not loaded`);
    const { collection, report } = Collection.open(this.dataDir, spec, this.instant);
    this.waiting.delete(name);
    this.failures.delete(name);
    this.loaded.set(name, collection);
    this.reports.push(report);
    this.onLoad(collection, report);
    return collection;
  }

  private logFile(name: string): string {
    return join(this.dataDir, `${name}.log`);
  }

  private logBytes(name: string): number {
    try {
      return statSync(this.logFile(name)).size;
    } catch {
      return 0;
    }
  }
}
