/**
 * The latest instant a collection's files record, learnt without loading its documents: what the
 * store clock's floor needs at start, so that a start need not load every collection first.
 *
 * The snapshot's header names the latest instant of the log bytes it covers; the log's lines after
 * them are read for their stamps only (checksums verified, records not parsed). Without a usable
 * header the whole log is read that way, still far cheaper than loading it.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { latestStoredInstant } from './log';
import { readSnapshotHeader } from './snapshot';

function readRange(file: string, from: number, to: number): Buffer {
  const bytes = Buffer.alloc(Math.max(0, to - from));
  if (bytes.length === 0) return bytes;
  const fd = openSync(file, 'r');
  try {
    for (let read = 0; read < bytes.length;) {
      const n = readSync(fd, bytes, read, bytes.length - read, from + read);
      if (n === 0) return bytes.subarray(0, read);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function headerOf(logFile: string): ReturnType<typeof readSnapshotHeader> {
  try {
    return readSnapshotHeader(logFile);
  } catch {
    // An unreadable snapshot counts for nothing here; loading the collection says what is wrong with it.
    return undefined;
  }
}

/** The latest store-clock instant `logFile` (and its snapshot) record; undefined when none is stamped. */
export function storedUntilWithoutLoading(logFile: string): number | undefined {
  const size = existsSync(logFile) ? statSync(logFile).size : 0;
  const header = headerOf(logFile);
  const covered = header !== undefined && header.logBytes <= size ? header : undefined;
  const tail = latestStoredInstant(readRange(logFile, covered?.logBytes ?? 0, size));
  const stamps = [covered?.storedUntil, tail].filter((at): at is number => at !== undefined);
  return stamps.length > 0 ? Math.max(...stamps) : undefined;
}
