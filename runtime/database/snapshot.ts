/**
 * A collection's snapshot, `<dataDir>/<collection>.snapshot`: its documents at a known length of its
 * log, in V8's structured-clone form (about three times faster to load than the log's EJSON lines),
 * so a start loads the snapshot and replays only the log's tail. The log stays the one truth: a
 * snapshot is a cache of it, never the only copy of anything.
 *
 * File: one header line `<crc32 of the JSON, 8 hex digits> <JSON>\n` naming the log length it covers,
 * the CRC32 of those log bytes and of the payload, then the payload. A snapshot whose checksums fail,
 * or whose log no longer starts with the bytes it was taken from (a compaction, a restore, an edit),
 * is not used: the store loads from the log alone, and the file is moved aside (`.snapshot.unusable`)
 * for inspection, never deleted.
 */
import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { Document } from './ejson';

const FORMAT = 'lxq-snapshot-1';

interface Header {
  format: string;
  /** Log bytes the documents are the state of; the log's tail after them is replayed. */
  logBytes: number;
  logCrc: number;
  payloadCrc: number;
  /** Log entries (puts and deletions) those bytes hold: what decides compaction. */
  logEntries: number;
  storedUntil?: number;
}

export interface SnapshotState {
  documents: Document[];
  logBytes: number;
  logEntries: number;
  storedUntil?: number;
}

export type SnapshotRead = { state: SnapshotState } | { unusable: string; bytes: number } | undefined;

export const snapshotFileOf = (logFile: string) => logFile.replace(/\.log$/, '.snapshot');

const hex = (value: number) => value.toString(16).padStart(8, '0');

/** Reads and verifies the snapshot of `logFile` against the log's bytes; undefined when there is none. */
export function readSnapshot(logFile: string, log: Buffer): SnapshotRead {
  const file = snapshotFileOf(logFile);
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const unusable = (reason: string) => ({ unusable: reason, bytes: bytes.length });
  try {
    return verified(log, bytes, unusable);
  } catch (error) {
    return unusable(`snapshot unreadable: ${(error as Error).message}`);
  }
}

/** The longest header this store writes, with room to spare: what a header-only read takes. */
const HEADER_READ_BYTES = 4096;

/**
 * What the snapshot's header says, when its checksum holds: the log length it covers and the latest
 * instant stored up to there. Reads only the header, not the documents, and does not check the log
 * against it (loading the collection does).
 */
export function readSnapshotHeader(logFile: string): Pick<SnapshotState, 'logBytes' | 'storedUntil'> | undefined {
  const file = snapshotFileOf(logFile);
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEADER_READ_BYTES);
    bytes = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_READ_BYTES, 0));
  } finally {
    closeSync(fd);
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 10) return undefined;
  const json = bytes.subarray(9, newline);
  if (bytes.subarray(0, 8).toString('latin1') !== hex(crc32(json))) return undefined;
  const header = JSON.parse(json.toString('utf8')) as Header;
  return header.format === FORMAT ? { logBytes: header.logBytes, storedUntil: header.storedUntil } : undefined;
}

function verified(log: Buffer, bytes: Buffer, unusable: (reason: string) => SnapshotRead): SnapshotRead {
  const newline = bytes.indexOf(0x0a);
  if (newline < 10) return unusable('snapshot header unreadable');
  const json = bytes.subarray(9, newline);
  if (bytes.subarray(0, 8).toString('latin1') !== hex(crc32(json))) return unusable('snapshot header checksum mismatch');
  const header = JSON.parse(json.toString('utf8')) as Header;
  const payload = bytes.subarray(newline + 1);
  if (header.format !== FORMAT || crc32(payload) !== header.payloadCrc) return unusable('snapshot checksum mismatch');
  if (log.length < header.logBytes || crc32(log.subarray(0, header.logBytes)) !== header.logCrc) return unusable('snapshot does not match its log');
  const decoded: unknown = deserialize(payload);
  if (!Array.isArray(decoded)) return unusable('snapshot payload is not a document list');
  // V8 builds the values in the main context; code running in another (a test's vm) gets its own kind.
  const documents = (decoded instanceof Array ? decoded : (decoded as unknown[]).map(inThisRealm)) as Document[];
  return { state: { documents, logBytes: header.logBytes, logEntries: header.logEntries, storedUntil: header.storedUntil } };
}

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

function inThisRealm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inThisRealm);
  if (typeof value !== 'object' || value === null) return value;
  if (tagOf(value) === '[object Date]') return new Date((value as Date).getTime());
  if (tagOf(value) === '[object RegExp]') return new RegExp((value as RegExp).source, (value as RegExp).flags);
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, inner] of Object.entries(value)) copy[key] = inThisRealm(inner);
  return Object.assign({}, copy);
}

/** Whether V8's clone keeps every value as it is: plain data, dates and regular expressions, no BSON classes. */
function clonesFaithfully(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(clonesFaithfully);
  if (typeof value !== 'object' || value === null) return typeof value !== 'bigint' && typeof value !== 'symbol' && typeof value !== 'function';
  if (value instanceof Date || value instanceof RegExp) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(clonesFaithfully);
}

/** Moves an unusable snapshot aside (replacing an older one set aside); returns where it went. */
export function setSnapshotAside(logFile: string): string {
  const target = `${snapshotFileOf(logFile)}.unusable`;
  renameSync(snapshotFileOf(logFile), target);
  return target;
}

/**
 * Writes the snapshot of `documents` as the state of the log as it now is (`logEntries` entries).
 * Written aside, synced, then renamed into place: a crash leaves the old snapshot or the new one.
 * Returns false when the documents hold values V8 cannot clone faithfully (no snapshot then).
 * Throws what writing throws (a full disk); the caller goes on without a new snapshot.
 */
export function writeSnapshot(logFile: string, documents: readonly Document[], logEntries: number, storedUntil: number | undefined): boolean {
  // Documents holding other BSON values (Decimal128, Long …) are loaded from the log, which keeps their types.
  if (!documents.every(clonesFaithfully)) return false;
  const payload = serialize(documents);
  const log = existsSync(logFile) ? readFileSync(logFile) : Buffer.alloc(0);
  const header: Header = { format: FORMAT, logBytes: log.length, logCrc: crc32(log), payloadCrc: crc32(payload), logEntries, ...(storedUntil !== undefined && { storedUntil }) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const file = snapshotFileOf(logFile);
  const aside = `${file}.writing`;
  try {
    const fd = openSync(aside, 'w');
    try {
      for (const part of [Buffer.from(`${hex(crc32(json))} `, 'latin1'), json, Buffer.from('\n', 'latin1'), payload]) {
        let written = 0;
        while (written < part.length) written += writeSync(fd, part, written, part.length - written);
      }
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (statSync(aside).size !== 10 + json.length + payload.length) throw new Error(`snapshot of ${logFile} was not written whole`);
    renameSync(aside, file);
    return true;
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
