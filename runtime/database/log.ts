/**
 * One append-only file per collection, `<dataDir>/<collection>.log`: one canonical-EJSON line per
 * acknowledged write, holding the whole effect of that write (`put`: documents as they now are;
 * `del`: removed _ids). A batch is one line, so a crash keeps all of it or none of it.
 *
 * Durability: each line reaches the kernel with writeSync before the write is acknowledged, so it
 * survives the process being killed (kill -9, a crash). It is not fdatasync'ed per write: surviving
 * power loss is not a goal of a local runtime, and a sync per write would cost milliseconds each.
 * Files are fdatasync'ed on close and when compacted.
 */
import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPlainObject, parseStoredEjson, stringifyEjson, type Document } from './ejson';

export interface LogRecord {
  put?: Document[];
  del?: unknown[];
}

const NEWLINE = 0x0a;
const SNAPSHOT_DOCS_PER_LINE = 1000;

const isStoredDocument = (value: unknown): value is Document => isPlainObject(value) && (typeof value._id === 'string' || typeof value._id === 'number');

function toRecord(line: string): LogRecord | undefined {
  let value: unknown;
  try {
    value = parseStoredEjson(line);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const { put, del } = value;
  if (put !== undefined && !(Array.isArray(put) && put.every(isStoredDocument))) return undefined;
  if (del !== undefined && !Array.isArray(del)) return undefined;
  return { put, del };
}

/**
 * Replays the file into `apply`, record by record. Each write ends with its newline, so a last line
 * without one was cut short by a crash before it was acknowledged: it is dropped, and cut off the
 * file so the next append starts on a clean line. A whole line that does not parse is corruption of
 * an acknowledged write and stops the open.
 */
export function replayLog(file: string, apply: (record: LogRecord) => void): void {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) {
      const torn = bytes.length - start;
      console.warn(`[runtime/database] ${file}: dropped a torn last record (${torn} bytes), never acknowledged`);
      truncateSync(file, start);
      return;
    }
    const record = toRecord(bytes.toString('utf8', start, end));
    if (record === undefined) {
      throw new Error(`${file} is corrupt at byte ${start}: not a log record; restore it from a backup`);
    }
    apply(record);
    start = end + 1;
  }
}

function writeFully(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Makes the rename itself durable. Windows cannot open a directory, and NTFS journals renames anyway. */
function syncDirectory(file: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dirname(file), 'r');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Rewrites the file to hold only `documents` (compaction). Written aside, synced, then renamed over
 * the original: a crash at any point leaves either the old file or the new one, both complete.
 */
export function rewriteLog(file: string, documents: readonly Document[]): void {
  const aside = `${file}.compacting`;
  const fd = openSync(aside, 'w');
  try {
    for (let i = 0; i < documents.length; i += SNAPSHOT_DOCS_PER_LINE) {
      const record: LogRecord = { put: documents.slice(i, i + SNAPSHOT_DOCS_PER_LINE) };
      writeFully(fd, Buffer.from(`${stringifyEjson(record)}\n`, 'utf8'));
    }
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(aside, file);
  syncDirectory(file);
}

/** Leftover of a compaction interrupted before its rename: the original file is still whole. */
export function discardInterruptedRewrite(file: string): void {
  rmSync(`${file}.compacting`, { force: true });
}

export class AppendLog {
  private readonly fd: number;
  private size: number;

  constructor(file: string) {
    this.fd = openSync(file, 'a');
    this.size = fstatSync(this.fd).size;
  }

  /** Returns once the line is in the kernel; if writing fails, the file is cut back to its last whole line. */
  append(record: LogRecord): void {
    const bytes = Buffer.from(`${stringifyEjson(record)}\n`, 'utf8');
    try {
      writeFully(this.fd, bytes);
    } catch (error) {
      ftruncateSync(this.fd, this.size);
      throw error;
    }
    this.size += bytes.length;
  }

  close(): void {
    fdatasyncSync(this.fd);
    closeSync(this.fd);
  }
}
