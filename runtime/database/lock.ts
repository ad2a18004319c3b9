/**
 * One writer per data folder. Two runtimes on one folder hand out the same numbers and, when one
 * compacts a log, the other keeps writing to the file it replaced. So the store takes
 * `<dataDir>/store.lock` before reading anything: created exclusively (O_EXCL), holding the owner's
 * PID, host and, once it listens, its port. A lock whose PID no longer runs on this host is stale (a
 * crash, kill -9) and is taken over; one whose process lives is refused, naming it.
 *
 * Limit: a PID reused by an unrelated process after a crash looks alive; the refusal says how to
 * check and remove the lock by hand.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../miniprogram/shared/domain/time';

export const LOCK_FILE = 'store.lock';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  port?: number;
  /** What holds it: the runtime, a restore. */
  purpose: string;
}

export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `the data folder ${lockFile.slice(0, -LOCK_FILE.length - 1)} is in use by another ${owner.purpose}: PID ${owner.pid}` +
            `${owner.port !== undefined ? `, port ${owner.port}` : ''}, since ${owner.since}${owner.host !== hostname() ? ` on host ${owner.host}` : ''}. ` +
            'Stop it first, or give this one another DATA_DIR. ' +
            `(If PID ${owner.pid} is not a 连心桥 runtime, the lock is left from a crash: delete ${lockFile}.)`
        : `the data folder lock ${lockFile} exists but cannot be read (a start on a full disk?). ` + `If no runtime uses this folder, delete ${lockFile} and start again.`,
    );
    this.name = 'StoreLockedError';
  }
}

/** Locks held by this process: a lock naming our own PID is live only if it is one of these. */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isStale(file: string, owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !heldHere.has(file);
  return !isRunning(owner.pid);
}

function write(file: string, owner: LockOwner, flag: 'wx' | 'w'): void {
  const fd = openSync(file, flag);
  try {
    // On a full disk the (empty) lock file is still ours: O_EXCL needs no data block.
    try {
      writeSync(fd, JSON.stringify(owner));
    } catch {
      /* the next starter finds an unreadable lock and is told how to clear it */
    }
  } finally {
    closeSync(fd);
  }
}

export interface StoreLock {
  readonly file: string;
  /** Adds the port the runtime listens on, for the refusal a second runtime gets. */
  announce(port: number): void;
  release(): void;
}

/** Takes the folder's lock, taking over a stale one; throws StoreLockedError when another process holds it. */
export function lockDataDir(dataDir: string, purpose = 'runtime'): StoreLock {
  const file = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: systemClock.now().toISOString(), purpose };
  for (let attempt = 0; ; attempt += 1) {
    try {
      write(file, owner, 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(file);
      if (attempt > 0 || current === undefined || !isStale(file, current)) throw new StoreLockedError(file, current);
      console.warn(`[runtime/database] ${file}: taking over the lock of PID ${current.pid} (${current.purpose} since ${current.since}), which no longer runs`);
      rmSync(file, { force: true });
    }
  }
  heldHere.add(file);
  let held = true;
  return {
    file,
    announce(port) {
      if (held) write(file, { ...owner, port }, 'w');
    },
    release() {
      if (!held) return;
      held = false;
      heldHere.delete(file);
      if (readOwner(file)?.pid === process.pid || readOwner(file) === undefined) rmSync(file, { force: true });
    },
  };
}

/** Who holds the folder's lock now, if a live process does. */
export function lockHolder(dataDir: string): LockOwner | undefined {
  const file = join(dataDir, LOCK_FILE);
  const owner = readOwner(file);
  return owner && !isStale(file, owner) ? owner : undefined;
}
