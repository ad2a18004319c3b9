/**
 * One writer per data folder: a second store or runtime on the same folder refuses, naming the
 * first one's PID (and port); a lock left by a process that no longer runs is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DATABASE } from '../../../infra/database';
import { fixedClock } from '../../../miniprogram/shared/domain/time';
import { openDatabase } from '../../../runtime/database';
import { LOCK_FILE, StoreLockedError } from '../../../runtime/database/lock';
import { startRuntime } from '../../../runtime/server';
import { ORDINARY_MORNING } from '../../support/instants';
import { makeDataDir } from './sdk-harness';

const REPO = join(__dirname, '../../..');
const clock = fixedClock(ORDINARY_MORNING);
let dataDir: string;

beforeEach(() => {
  dataDir = makeDataDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a second store on the same folder refuses, naming the holder; after close the folder is free', async () => {
  const first = await openDatabase({ dataDir, schema: DATABASE, clock });
  await expect(openDatabase({ dataDir, schema: DATABASE, clock })).rejects.toThrow(new RegExp(`in use by another runtime: PID ${process.pid}`));
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
  await first.close();
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  const again = await openDatabase({ dataDir, schema: DATABASE, clock });
  await again.close();
});

test('a second runtime on the same DATA_DIR refuses with the first one’s PID and port, and the first serves on', async () => {
  const first = await startRuntime({ port: 0, dataDir, functions: 'source', timers: false, clock: { at: ORDINARY_MORNING } });
  try {
    const refusal = startRuntime({ port: 0, dataDir, functions: 'source', timers: false, clock: { at: ORDINARY_MORNING } });
    await expect(refusal).rejects.toThrow(StoreLockedError);
    await expect(refusal).rejects.toThrow(new RegExp(`PID ${process.pid}, port ${first.port}, since `));
    const health = (await (await fetch(`${first.url}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
  } finally {
    await first.stop();
  }
});

test('a lock held by another live process is refused with its PID; once that process is killed, its lock is taken over', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/write-storm.ts'), dataDir], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('close', resolve));
  try {
    await new Promise<void>((resolve) => createInterface({ input: child.stdout }).once('line', () => resolve()));
    await expect(openDatabase({ dataDir, schema: DATABASE, clock })).rejects.toThrow(new RegExp(`PID ${child.pid}`));
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock });
  expect(warn).toHaveBeenCalledWith(expect.stringContaining(`taking over the lock of PID ${child.pid}`));
  expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual(expect.objectContaining({ pid: process.pid }));
  await engine.close();
});

test('a stale lock naming a PID that has exited is taken over', async () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: '2026-11-18T02:00:00.000Z', port: 3900, purpose: 'runtime' }));
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock });
  await engine.close();
});

test('an unreadable lock is not guessed about: the refusal says how to clear it', async () => {
  writeFileSync(join(dataDir, LOCK_FILE), '');
  await expect(openDatabase({ dataDir, schema: DATABASE, clock })).rejects.toThrow(/cannot be read.*delete .*store\.lock/);
});
