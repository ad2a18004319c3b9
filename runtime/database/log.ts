/**
 * One append-only file per collection, `<dataDir>/<collection>.log`: one line per acknowledged
 * write, holding the whole effect of that write (`put`: documents as they now are; `del`: removed
 * _ids) and the store-clock instant it was made at (`at`). A batch is one line, so a crash keeps all
 * of it or none of it.
 *
 * A line is `<crc32 of the JSON, 8 hex digits> <canonical EJSON>\n`. The checksum is verified on every
 * load, by compaction before it replaces a file, and by `npm run verify-store`: a damaged record is
 * never served. Lines of stores written before checksums existed (`{…}` alone) are read as they are
 * until the first checksummed line, and get their checksum at the next compaction.
 *
 * Durability: each line reaches the kernel with writeSync before the write is acknowledged, so it
 * survives the process being killed (kill -9, a crash). It is not fdatasync'ed per write: surviving
 * power loss is not a goal of a local runtime, and a sync per write would cost milliseconds each.
 * Files are fdatasync'ed on close and when compacted.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { systemClock } from '../../miniprogram/shared/domain/time';
import { isPlainObject, parseStoredEjson, stringifyEjson, type Document } from './ejson';
import { DatabaseError, ERROR_CODES } from './errors';

export interface LogRecord {
  /** The store-clock instant of the write (milliseconds); absent in lines written before it was kept. */
  at?: number;
  put?: Document[];
  del?: unknown[];
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const CHECKSUM_DIGITS = 8;
const SNAPSHOT_DOCS_PER_LINE = 1000;

/** What is known about a damaged stretch of a log; never a guess about whether it was acknowledged. */
export type DamageReason =
  /** A whole line whose bytes no longer match their checksum (bit rot, an editor, a foreign write). */
  | 'checksum mismatch'
  /** Bytes after the last newline that are not a whole record: a write cut short, or damage. */
  | 'incomplete last line'
  /** A line without a checksum after checksummed lines: nothing this store writes. */
  | 'checksum missing'
  /** The checksum matches but the line is not a log record (written by something else). */
  | 'not a log record'
  /** A record whose checksum matches but whose line end was damaged: the record is kept, the old bytes quarantined. */
  | 'damaged line end';

export interface Damage {
  offset: number;
  length: number;
  reason: DamageReason;
  /** Document ids readable in the damaged bytes (they may themselves be damaged). */
  ids: string[];
  /** Whether the record itself was recovered (only for 'damaged line end'). */
  recovered: boolean;
}

export interface ScannedRecord {
  offset: number;
  /** Offset just past the record's line (its newline, or the end of the file for a last line without one). */
  end: number;
  record: LogRecord;
}

export interface LogScan {
  records: ScannedRecord[];
  damage: Damage[];
  /** Records read from lines written before checksums existed. */
  unchecked: number;
  /** Where the last good record's line ends: everything after it is damage. */
  goodUntil: number;
  /** Whether the file ends with a newline (an append must start a fresh line otherwise). */
  endsWithNewline: boolean;
}

const isStoredDocument = (value: unknown): value is Document => isPlainObject(value) && (typeof value._id === 'string' || typeof value._id === 'number');

function toRecord(json: string): LogRecord | undefined {
  let value: unknown;
  try {
    value = parseStoredEjson(json);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const { at, put, del } = value;
  if (at !== undefined && !(typeof at === 'number' && Number.isFinite(at))) return undefined;
  if (put !== undefined && !(Array.isArray(put) && put.every(isStoredDocument))) return undefined;
  if (del !== undefined && !Array.isArray(del)) return undefined;
  return { at, put, del };
}

const checksumOf = (json: Buffer): string => crc32(json).toString(16).padStart(CHECKSUM_DIGITS, '0');

export function encodeLine(record: LogRecord): Buffer {
  const json = Buffer.from(stringifyEjson(record), 'utf8');
  return Buffer.concat([Buffer.from(`${checksumOf(json)} `, 'latin1'), json, Buffer.from('\n', 'latin1')]);
}

const isHexDigit = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66));

/** Whether a checksummed line could start at `at`: eight lowercase hex digits, a space, `{`. */
function looksLikeLineStart(bytes: Buffer, at: number): boolean {
  for (let i = 0; i < CHECKSUM_DIGITS; i += 1) if (!isHexDigit(bytes[at + i])) return false;
  return bytes[at + CHECKSUM_DIGITS] === SPACE && bytes[at + CHECKSUM_DIGITS + 1] === 0x7b;
}

type LineVerdict = { record: LogRecord; checked: boolean } | { reason: DamageReason };

/** Reads the bytes [start, end) (without their newline) as one line. */
function readLine(bytes: Buffer, start: number, end: number, uncheckedAllowed: boolean): LineVerdict {
  if (bytes[start] === 0x7b) {
    if (!uncheckedAllowed) return { reason: 'checksum missing' };
    const record = toRecord(bytes.toString('utf8', start, end));
    return record ? { record, checked: false } : { reason: 'not a log record' };
  }
  if (end - start < CHECKSUM_DIGITS + 2 || !looksLikeLineStart(bytes, start)) return { reason: 'checksum mismatch' };
  const json = bytes.subarray(start + CHECKSUM_DIGITS + 1, end);
  if (checksumOf(json) !== bytes.toString('latin1', start, start + CHECKSUM_DIGITS)) return { reason: 'checksum mismatch' };
  const record = toRecord(json.toString('utf8'));
  return record ? { record, checked: true } : { reason: 'not a log record' };
}

/** Ids readable in damaged bytes, for the report (best effort: the ids may be damaged too). */
function readableIds(bytes: Buffer): string[] {
  const ids = new Set<string>();
  for (const match of bytes.toString('utf8').matchAll(/"_id":(?:"((?:[^"\\]|\\.)*)"|\{"\$number(?:Int|Double|Long)":"([^"]*)"\})/g)) {
    ids.add(match[1] ?? match[2] ?? '');
  }
  return [...ids];
}

/**
 * Reads a whole log, verifying every line. Damage never stops the scan: a line that fails is reported
 * with its offset and reason, and the scan goes on with the next line. A line that fails only because
 * its newline was damaged (two records run together, or a last record whose newline became another
 * byte) is recovered when the record's own checksum proves it whole.
 */
export function scanLog(bytes: Buffer): LogScan {
  const scan: LogScan = { records: [], damage: [], unchecked: 0, goodUntil: 0, endsWithNewline: bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE };
  let uncheckedAllowed = true;
  const keep = (offset: number, end: number, verdict: { record: LogRecord; checked: boolean }) => {
    scan.records.push({ offset, end, record: verdict.record });
    if (verdict.checked) uncheckedAllowed = false;
    else scan.unchecked += 1;
    scan.goodUntil = end;
  };
  const damaged = (offset: number, end: number, reason: DamageReason, recovered = false) => {
    scan.damage.push({ offset, length: end - offset, reason, ids: readableIds(bytes.subarray(offset, end)), recovered });
  };

  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const last = newline === -1;
    const end = last ? bytes.length : newline;
    const verdict = readLine(bytes, start, end, uncheckedAllowed);
    if ('record' in verdict) {
      keep(start, last ? end : end + 1, verdict);
      start = end + 1;
      continue;
    }
    // A record whose newline turned into another byte, followed by the next record (or by the end).
    const split = findDamagedLineEnd(bytes, start, end, uncheckedAllowed);
    if (split !== undefined) {
      damaged(start, split.next, 'damaged line end', true);
      keep(start, split.next, split.verdict);
      start = split.next;
      continue;
    }
    damaged(start, last ? end : end + 1, last ? 'incomplete last line' : verdict.reason);
    start = end + 1;
  }
  return scan;
}

/** Finds p such that [start, p - 1) is a verified record and p starts the next line (or p - 1 is the file's last byte). */
function findDamagedLineEnd(bytes: Buffer, start: number, end: number, uncheckedAllowed: boolean): { next: number; verdict: { record: LogRecord; checked: boolean } } | undefined {
  const candidates: number[] = [];
  if (end === bytes.length) candidates.push(end);
  for (let p = start + 1; p < end; p += 1) if (looksLikeLineStart(bytes, p)) candidates.push(p);
  for (const next of candidates) {
    const verdict = readLine(bytes, start, next - 1, uncheckedAllowed);
    if ('record' in verdict && verdict.checked) return { next, verdict };
  }
  return undefined;
}

/** `{"at":` then an int32, a long or a double, as stringifyEjson writes a record's stamp first. */
const LEADING_STAMP = /^\{"at":(?:(-?\d+)|\{"\$number(?:Int|Long|Double)":"([^"]+)"\})[,}]/;

/**
 * The latest `at` of the verified records in `bytes` (whole lines of a log), without parsing the
 * records: each line's checksum is verified and its stamp read from the line's start. Gives what a
 * full replay's `storedUntil` gives; where a line is not a plain checksummed record with its stamp
 * first (damage, lines written before checksums or stamps), the bytes are scanned in full instead.
 */
export function latestStoredInstant(bytes: Buffer): number | undefined {
  let latest: number | undefined;
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const stamp = end - start > CHECKSUM_DIGITS + 1 && looksLikeLineStart(bytes, start) ? verifiedStamp(bytes.subarray(start, end)) : undefined;
    if (stamp === undefined) return latestOfScan(bytes);
    latest = Math.max(latest ?? stamp, stamp);
    start = end + 1;
  }
  return latest;
}

function verifiedStamp(line: Buffer): number | undefined {
  const json = line.subarray(CHECKSUM_DIGITS + 1);
  if (checksumOf(json) !== line.toString('latin1', 0, CHECKSUM_DIGITS)) return undefined;
  const match = LEADING_STAMP.exec(json.toString('latin1', 0, 64));
  const stamp = Number(match?.[1] ?? match?.[2]);
  return Number.isFinite(stamp) ? stamp : undefined;
}

function latestOfScan(bytes: Buffer): number | undefined {
  let latest: number | undefined;
  for (const { record } of scanLog(bytes).records) if (record.at !== undefined) latest = Math.max(latest ?? record.at, record.at);
  return latest;
}

/** A scan of the bytes from `from` on, with offsets into the whole file. */
function shifted(scan: LogScan, from: number): LogScan {
  if (from === 0) return scan;
  return {
    ...scan,
    records: scan.records.map((record) => ({ ...record, offset: record.offset + from, end: record.end + from })),
    damage: scan.damage.map((damage) => ({ ...damage, offset: damage.offset + from })),
    goodUntil: scan.goodUntil + from,
  };
}

export interface Quarantined extends Damage {
  /** The quarantine file holding a copy of the damaged bytes; undefined when the copy could not be written. */
  quarantine?: string;
  /** Why the copy failed (a full disk): the bytes then stay where they are. */
  quarantineError?: string;
}

export interface ReplayReport {
  file: string;
  records: number;
  unchecked: number;
  damage: Quarantined[];
  /** The latest `at` of any record. */
  storedUntil: number | undefined;
  /** Damage sits between good records: only a rewrite (compaction) takes it out of the file. */
  needsRewrite: boolean;
}

export const quarantineFileOf = (file: string) => `${file}.quarantine`;

/** One JSON line per damaged stretch, with its bytes in base64: nothing is lost, and an entry is written once. */
function quarantine(file: string, bytes: Buffer, damage: Damage): Quarantined {
  const target = quarantineFileOf(file);
  const data = bytes.subarray(damage.offset, damage.offset + damage.length).toString('base64');
  try {
    if (existsSync(target) && readFileSync(target, 'utf8').includes(`"offset":${damage.offset},"length":${damage.length},"bytes":"${data}"`)) {
      return { ...damage, quarantine: target };
    }
    const entry = {
      log: basename(file),
      reason: damage.reason,
      ids: damage.ids,
      quarantinedAt: systemClock.now().toISOString(),
      offset: damage.offset,
      length: damage.length,
      bytes: data,
    };
    appendFileSync(target, `${JSON.stringify(entry)}\n`, { flush: true });
    return { ...damage, quarantine: target };
  } catch (error) {
    return { ...damage, quarantineError: (error as Error).message };
  }
}

/**
 * Replays the file into `apply`, record by record, after verifying each. Damaged bytes are copied to
 * the quarantine file beside the log and never applied. Damage after the last good record is then cut
 * off the file (needs no free space); damage between good records stays until the next rewrite
 * (`needsRewrite`), skipped on every load. Bytes whose copy could not be written are left in place.
 */
export function replayLog(file: string, apply: (record: LogRecord) => void, from = 0, read?: Buffer): ReplayReport {
  const report: ReplayReport = { file, records: 0, unchecked: 0, damage: [], storedUntil: undefined, needsRewrite: false };
  if (!existsSync(file)) return report;
  const bytes = read ?? readFileSync(file);
  const scan = shifted(scanLog(bytes.subarray(from)), from);
  for (const { record } of scan.records) {
    apply(record);
    if (record.at !== undefined) report.storedUntil = Math.max(report.storedUntil ?? record.at, record.at);
  }
  report.records = scan.records.length;
  report.unchecked = scan.unchecked;
  report.damage = scan.damage.map((damage) => quarantine(file, bytes, damage));
  const allCopied = report.damage.every((damage) => damage.quarantine !== undefined);
  const lastRecordEnd = scan.records.at(-1)?.end ?? from;
  const tailOnly = scan.damage.every((damage) => damage.offset >= lastRecordEnd);
  if (report.damage.length > 0 && allCopied && tailOnly) truncateSync(file, lastRecordEnd);
  // A recovered record whose newline was damaged: rewritten with a clean one.
  report.needsRewrite = allCopied && scan.damage.some((damage) => damage.offset < lastRecordEnd);
  return report;
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

export const isDiskFull = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};

/**
 * Rewrites the file to hold only `documents` (compaction), stamped with the store's latest instant.
 * Written aside, synced, read back and verified, then renamed over the original: a crash at any point
 * leaves either the old file or the new one, both complete. On a failure (a full disk) the aside
 * file is removed and the original kept.
 */
export function rewriteLog(file: string, documents: readonly Document[], storedUntil: number | undefined): void {
  const aside = `${file}.compacting`;
  try {
    const fd = openSync(aside, 'w');
    try {
      for (let i = 0; i < documents.length; i += SNAPSHOT_DOCS_PER_LINE) {
        const record: LogRecord = { ...(storedUntil !== undefined && { at: storedUntil }), put: documents.slice(i, i + SNAPSHOT_DOCS_PER_LINE) };
        writeFully(fd, encodeLine(record));
      }
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const check = scanLog(readFileSync(aside));
    const written = check.records.reduce((sum, { record }) => sum + (record.put?.length ?? 0), 0);
    if (check.damage.length > 0 || check.unchecked > 0 || written !== documents.length) {
      throw new Error(`compaction of ${file} read back ${written} of ${documents.length} documents with ${check.damage.length} damaged lines; the original is kept`);
    }
    renameSync(aside, file);
    syncDirectory(file);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}

/** Leftover of a compaction interrupted before its rename: the original file is still whole. */
export function discardInterruptedRewrite(file: string): void {
  rmSync(`${file}.compacting`, { force: true });
}

export const DISK_FULL_MESSAGE = 'the disk holding the local data folder is full: the write was not made (free some space and retry)';

export class AppendLog {
  private readonly fd: number;
  private size: number;
  /** The file does not end with a newline (a cut-off tail kept for want of room to quarantine it). */
  private startFreshLine: boolean;

  /** `instant` is the store clock's reading for the write being made. */
  constructor(
    file: string,
    private readonly instant: () => number,
  ) {
    this.fd = openSync(file, 'a+');
    this.size = fstatSync(this.fd).size;
    this.startFreshLine = false;
    if (this.size > 0) {
      const lastByte = Buffer.alloc(1);
      readSync(this.fd, lastByte, 0, 1, this.size - 1);
      this.startFreshLine = lastByte[0] !== NEWLINE;
    }
  }

  /**
   * Returns once the line is in the kernel; if writing fails, the file is cut back to its last whole
   * line (which needs no free space). A full disk is answered DATABASE_DISK_FULL, which callers may retry.
   */
  append(record: LogRecord): void {
    const line = encodeLine({ at: this.instant(), ...record });
    const bytes = this.startFreshLine ? Buffer.concat([Buffer.from('\n', 'latin1'), line]) : line;
    try {
      writeFully(this.fd, bytes);
    } catch (error) {
      ftruncateSync(this.fd, this.size);
      if (isDiskFull(error)) throw new DatabaseError(ERROR_CODES.diskFull, DISK_FULL_MESSAGE);
      throw error;
    }
    this.size += bytes.length;
    this.startFreshLine = false;
  }

  /** Bytes in the file: every line up to here is whole (a consistent cut for a backup). */
  get bytes(): number {
    return this.size;
  }

  close(): void {
    try {
      fdatasyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}
