/**
 * npm run backup / restore / verify-store: a backup taken while the runtime serves holds every write
 * acknowledged before it and a consistent state; a restore keeps what it replaces and refuses while
 * a runtime uses the folder; verification finds a flipped bit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { ORDINARY_MORNING } from '../support/instants';
import { backupStore, restoreStore, verifyStore } from '../../runtime/backup';
import { startRuntime, type RunningRuntime } from '../../runtime/server';

const REPO = join(__dirname, '../..');
const ejson = (value: unknown) => EJSON.stringify(value, { relaxed: false });

let root: string;
let dataDir: string;
let runtime: RunningRuntime | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lxq-backup-'));
  dataDir = join(root, 'data');
});
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  rmSync(root, { recursive: true, force: true });
});

const start = async () => {
  runtime = await startRuntime({ port: 0, dataDir, functions: 'source', timers: false, clock: { at: ORDINARY_MORNING } });
  return runtime;
};
const stop = async () => {
  await runtime?.stop();
  runtime = undefined;
};
async function add(id: string): Promise<void> {
  const answer = await runtime?.database.handle({ action: 'database.insertDocument', collectionName: 'accounts', data: [ejson({ _id: id, roles: ['resident'] })] });
  if (answer?.code !== undefined) throw new Error(String(answer.message));
}
async function storedIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const answer = await runtime?.database.handle({ action: 'database.getDocument', collectionName: 'accounts', offset, limit: 1000 });
    const list = (answer?.data as { list: string[] }).list;
    ids.push(...list.map((text) => (EJSON.parse(text) as { _id: string })._id));
    if (list.length < 1000) return ids;
  }
}

test('a backup taken while writes go on holds every write acknowledged before it, as a consistent prefix, and restores', async () => {
  await start();
  const acknowledged: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    await add(`r-${i}`);
    acknowledged.push(`r-${i}`);
  }
  const before = [...acknowledged];
  let writing = true;
  const storm = (async () => {
    for (let i = 50; writing; i += 1) {
      // Each write in its own turn of the event loop, as requests arrive.
      await new Promise((resolve) => setImmediate(resolve));
      await add(`r-${i}`);
      acknowledged.push(`r-${i}`);
    }
  })();
  const report = await backupStore(dataDir, join(root, 'backup'));
  writing = false;
  await storm;
  expect(report.cut).toBe('running runtime');
  expect(report.verification.ok).toBe(true);
  expect(acknowledged.length).toBeGreaterThan(before.length);

  await stop();
  const restored = restoreStore(join(root, 'backup'), dataDir);
  expect(restored.previous).toBeDefined();
  expect(existsSync(join(restored.previous as string, 'database', 'accounts.log'))).toBe(true);
  await start();
  const ids = await storedIds();
  expect(before.filter((id) => !ids.includes(id))).toEqual([]);
  // Consistent: the backup holds exactly the first n acknowledged writes, no gaps.
  expect(ids).toEqual(acknowledged.slice(0, ids.length));
  await stop();

  // What the restore replaced is intact where it was moved.
  const previousLog = readFileSync(join(restored.previous as string, 'database', 'accounts.log'), 'utf8');
  expect(previousLog).toContain(`"${acknowledged.at(-1) as string}"`);
});

test('a restore refuses while a runtime uses the folder, naming it', async () => {
  await start();
  await add('kept');
  const backup = join(root, 'backup');
  await backupStore(dataDir, backup);
  expect(() => restoreStore(backup, dataDir)).toThrow(new RegExp(`PID ${process.pid}, port ${runtime?.port}`));
  expect(await storedIds()).toEqual(['kept']);
});

test('without a running runtime the backup takes the folder’s lock for the copy', async () => {
  await start();
  await add('one');
  await stop();
  const report = await backupStore(dataDir, join(root, 'backup'));
  expect(report.cut).toBe('locked folder');
  expect(report.verification.ok).toBe(true);
  expect(existsSync(join(dataDir, 'database', 'store.lock'))).toBe(false);
});

test('verify-store finds a flipped bit in a backup (exit code 1, with where), and a restore refuses that backup', async () => {
  await start();
  await add('resident-aaaa');
  await stop();
  const backup = join(root, 'backup');
  await backupStore(dataDir, backup);
  const log = join(backup, 'database', 'accounts.log');
  const bytes = readFileSync(log);
  const at = bytes.indexOf('resident-aaaa');
  bytes[at + 9] = (bytes[at + 9] as number) ^ 0x02;
  writeFileSync(log, bytes);

  expect(verifyStore(backup).ok).toBe(false);
  expect(() => restoreStore(backup, dataDir)).toThrow(/does not verify[\s\S]*accounts\.log byte 0, \d+ bytes: checksum mismatch/);

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/backup/cli.ts', 'verify', backup], { cwd: REPO, encoding: 'utf8' });
  expect(cli.status).toBe(1);
  expect(cli.stdout).toMatch(/accounts\.log: 0 records, \d+ bytes: 1 DAMAGED/);
  expect(cli.stdout).toContain('differs from the manifest');

  const clean = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/backup/cli.ts', 'verify'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
  expect(clean.stdout).toContain('every checksum verified');
  expect(clean.status).toBe(0);
});
