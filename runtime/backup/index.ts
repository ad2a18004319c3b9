/**
 * Backup, restore and verification of a local runtime's data folder (`npm run backup`,
 * `npm run restore`, `npm run verify-store`).
 *
 * A backup is consistent while the runtime serves: the running runtime reports, with no write in
 * between, how many bytes of each log are whole (GET /store/cut), and the backup copies exactly those
 * prefixes from files it opened beforehand (so a restart that compacts cannot swap a file under it).
 * Without a running runtime, the backup takes the folder's lock itself for the copy. Storage files
 * and the outbox are copied as they are (each file is written whole, by rename). Every copied log is
 * verified, and a manifest records each file's size and SHA-256.
 *
 * A restore never destroys: the current folder is moved aside to `<DATA_DIR>.before-restore-<time>`
 * before the backup is copied in, and it refuses while a runtime uses the folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lockDataDir, lockHolder, StoreLockedError } from '../database/lock';
import { scanLog, type Damage } from '../database/log';
import { systemClock } from '../../miniprogram/shared/domain/time';

export const DATABASE_FOLDER = 'database';
export const MANIFEST = 'manifest.json';
/** Folders of the data folder other than the database, copied whole. */
const OTHER_FOLDERS = ['storage', 'openapi'];

export interface LogVerdict {
  file: string;
  bytes: number;
  records: number;
  unchecked: number;
  damage: Damage[];
}

export interface VerifyReport {
  folder: string;
  logs: LogVerdict[];
  /** Quarantine files present: damage found earlier, kept for inspection. */
  quarantine: string[];
  /** Files whose size or SHA-256 differs from the backup's manifest. */
  manifestMismatches: string[];
  ok: boolean;
}

interface Manifest {
  createdAt: string;
  source: string;
  /** How the cut was taken: from the running runtime, or under the folder's lock. */
  cut: 'running runtime' | 'locked folder';
  files: Record<string, { bytes: number; sha256: string }>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function databaseFolderOf(folder: string): string {
  const inner = join(folder, DATABASE_FOLDER);
  return existsSync(inner) ? inner : folder;
}

function listFiles(root: string, under = ''): string[] {
  const dir = join(root, under);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, path) : [path];
  });
}

/** Checks every record's checksum in a data folder or a backup; reads only. */
export function verifyStore(folder: string): VerifyReport {
  const database = databaseFolderOf(folder);
  const names = existsSync(database) ? readdirSync(database) : [];
  const logs = names
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name): LogVerdict => {
      const bytes = readFileSync(join(database, name));
      const scan = scanLog(bytes);
      return { file: join(database, name), bytes: bytes.length, records: scan.records.length, unchecked: scan.unchecked, damage: scan.damage };
    });
  const quarantine = names.filter((name) => name.endsWith('.quarantine')).map((name) => join(database, name));
  const manifestMismatches: string[] = [];
  const manifestFile = join(folder, MANIFEST);
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    for (const [path, expected] of Object.entries(manifest.files)) {
      const file = join(folder, path);
      if (!existsSync(file)) {
        manifestMismatches.push(`${path}: missing`);
        continue;
      }
      const bytes = readFileSync(file);
      if (bytes.length !== expected.bytes || sha256(bytes) !== expected.sha256) manifestMismatches.push(`${path}: differs from the manifest`);
    }
  }
  const ok = logs.every((log) => log.damage.length === 0) && manifestMismatches.length === 0;
  return { folder, logs, quarantine, manifestMismatches, ok };
}

/** The report as the command prints it. */
export function describeVerification(report: VerifyReport): string[] {
  const lines = report.logs.map((log) => {
    const unchecked = log.unchecked > 0 ? `, ${log.unchecked} written before checksums` : '';
    const state = log.damage.length === 0 ? 'ok' : `${log.damage.length} DAMAGED`;
    return `${basename(log.file)}: ${log.records} records, ${log.bytes} bytes${unchecked}: ${state}`;
  });
  for (const log of report.logs) {
    for (const damage of log.damage) {
      const ids = damage.ids.length > 0 ? `; ids readable in it: ${damage.ids.join(', ')}` : '';
      lines.push(`  ${basename(log.file)} byte ${damage.offset}, ${damage.length} bytes: ${damage.reason}${ids}`);
    }
  }
  for (const mismatch of report.manifestMismatches) lines.push(`manifest: ${mismatch}`);
  for (const file of report.quarantine) lines.push(`quarantine kept from an earlier start: ${file}`);
  lines.push(report.ok ? `${report.folder}: every checksum verified` : `${report.folder}: DAMAGE FOUND`);
  return lines;
}

/** The prefix of each log a running runtime vouches for, or undefined when none runs on the folder. */
async function cutFromRunningRuntime(database: string): Promise<Record<string, number> | undefined> {
  const holder = lockHolder(database);
  if (holder === undefined) return undefined;
  if (holder.port === undefined) throw new StoreLockedError(join(database, 'store.lock'), holder);
  const answer = await fetch(`http://127.0.0.1:${holder.port}/store/cut`);
  if (!answer.ok) throw new Error(`the runtime on port ${holder.port} did not give the store's cut (HTTP ${answer.status})`);
  return ((await answer.json()) as { logs: Record<string, number> }).logs;
}

function readPrefix(fd: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let read = 0; read < length;) {
    const n = readSync(fd, bytes, read, length - read, read);
    if (n === 0) throw new Error('a log is shorter than the cut the runtime gave');
    read += n;
  }
  return bytes;
}

export interface BackupReport {
  destination: string;
  cut: Manifest['cut'];
  verification: VerifyReport;
}

/** Copies a consistent snapshot of `dataDir` into `destination` (which must not exist yet). */
export async function backupStore(dataDir: string, destination: string): Promise<BackupReport> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; a backup goes into a new folder`);
  const database = join(dataDir, DATABASE_FOLDER);
  if (!existsSync(database)) throw new Error(`${dataDir} holds no store (no ${DATABASE_FOLDER}/ folder)`);
  // A running runtime loads its collections on first use, and a first load may compact a log
  // (replacing the file): asking for a cut first has it load every one before the files are opened.
  await cutFromRunningRuntime(database);
  const logNames = readdirSync(database).filter((name) => name.endsWith('.log') || name.endsWith('.quarantine'));
  // Opened before the cut: a compaction after it replaces the path, not these files.
  const fds = new Map(logNames.map((name) => [name, openSync(join(database, name), 'r')]));
  const ownLock = lockHolder(database) === undefined ? lockDataDir(database, 'backup') : undefined;
  try {
    const running = ownLock ? undefined : await cutFromRunningRuntime(database);
    const files: Manifest['files'] = {};
    mkdirSync(join(destination, DATABASE_FOLDER), { recursive: true });
    for (const [name, fd] of fds) {
      const collection = name.slice(0, name.indexOf('.log'));
      const sameFile = fstatSync(fd).ino === statSync(join(database, name)).ino;
      if (!sameFile) throw new Error(`${name} was replaced during the backup (the runtime restarted?); run the backup again`);
      const length = name.endsWith('.log') && running?.[collection] !== undefined ? running[collection] : fstatSync(fd).size;
      const bytes = readPrefix(fd, length);
      writeFileSync(join(destination, DATABASE_FOLDER, name), bytes, { flush: true });
      files[`${DATABASE_FOLDER}/${name}`] = { bytes: bytes.length, sha256: sha256(bytes) };
    }
    for (const folder of OTHER_FOLDERS) {
      if (!existsSync(join(dataDir, folder))) continue;
      cpSync(join(dataDir, folder), join(destination, folder), { recursive: true });
      for (const path of listFiles(destination, folder)) {
        const bytes = readFileSync(join(destination, path));
        files[path] = { bytes: bytes.length, sha256: sha256(bytes) };
      }
    }
    const manifest: Manifest = { createdAt: systemClock.now().toISOString(), source: dataDir, cut: ownLock ? 'locked folder' : 'running runtime', files };
    writeFileSync(join(destination, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    return { destination, cut: manifest.cut, verification: verifyStore(destination) };
  } finally {
    for (const fd of fds.values()) closeSync(fd);
    ownLock?.release();
  }
}

export interface RestoreReport {
  /** Where the folder's previous content now is (nothing was deleted). */
  previous?: string;
}

/**
 * Replaces `dataDir` with the backup, after verifying it. Refuses while a runtime uses the folder,
 * and when the backup is damaged.
 */
export function restoreStore(backup: string, dataDir: string): RestoreReport {
  const verification = verifyStore(backup);
  if (!existsSync(join(backup, MANIFEST))) throw new Error(`${backup} is not a backup made by npm run backup (no ${MANIFEST})`);
  if (!verification.ok) throw new Error(`the backup ${backup} does not verify:\n${describeVerification(verification).join('\n')}`);
  const database = join(dataDir, DATABASE_FOLDER);
  const holder = lockHolder(database);
  if (holder) throw new StoreLockedError(join(database, 'store.lock'), holder);

  const staging = `${dataDir}.restoring`;
  cpSync(backup, staging, { recursive: true });
  // The manifest describes the backup, not the live folder it becomes.
  renameSync(join(staging, MANIFEST), join(staging, `restored-from-${MANIFEST}`));
  let previous: string | undefined;
  if (existsSync(dataDir)) {
    previous = `${dataDir}.before-restore-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, previous);
  }
  renameSync(staging, dataDir);
  return { previous };
}
