/**
 * A start at city size answers within seconds because each collection loads when first used (and the
 * rest in the background): opening reads no collection's documents, yet a damaged record is still
 * never served, is quarantined and is shown in /health, the store clock never stamps earlier than the
 * last stored instant, and the lock and close paths hold with collections never loaded.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { DATABASE } from '../../../infra/database';
import { fixedClock, type Clock } from '../../../miniprogram/shared/domain/time';
import { runtimeClock } from '../../../runtime/clock';
import { openDatabase, type DatabaseEngine } from '../../../runtime/database';
import { scanLog } from '../../../runtime/database/log';
import { startRuntime } from '../../../runtime/server';
import { ORDINARY_MORNING } from '../../support/instants';
import { makeDataDir } from './sdk-harness';
import '../../support/functionHostEnv';

const HOUR = 60 * 60_000;
/** The latest instant the store records. */
const LATEST = ORDINARY_MORNING;
/** An instant written after LATEST by a clock a test set back on purpose: the log's last line is not its latest. */
const SET_BACK = new Date(LATEST.getTime() - 2 * HOUR);
const ejson = (value: unknown) => EJSON.stringify(value, { relaxed: false });
const plain = (_id: string) => ({ _id, trackingNo: `T-${_id}` });

let root: string;
const dataDir = () => join(root, 'database');
const opinionsLog = () => join(dataDir(), 'opinions.log');

beforeEach(() => {
  root = makeDataDir();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

const insert = (engine: DatabaseEngine, collectionName: string, ...docs: object[]) => engine.handle({ action: 'database.insertDocument', collectionName, data: docs.map(ejson) });

async function stored(engine: DatabaseEngine, collectionName: string): Promise<unknown[]> {
  const answer = await engine.handle({ action: 'database.getDocument', collectionName, limit: 1000 });
  return (answer.data as { list: string[] }).list.map((text) => EJSON.parse(text));
}

/** Opinions op-1 and op-2 written at `at` each, in that order, then the store closed. */
async function writeOpinions(...at: Date[]): Promise<void> {
  for (const [i, instant] of at.entries()) {
    const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock: fixedClock(instant) });
    expect((await insert(engine, 'opinions', plain(`op-${i + 1}`))).code).toBeUndefined();
    await engine.close();
  }
}

/** Flips a bit inside op-1's line: a checksum mismatch. */
function damageFirstOpinion(): Buffer {
  const bytes = readFileSync(opinionsLog());
  const at = bytes.indexOf('"op-1"');
  bytes[at + 3] = (bytes[at + 3] as number) ^ 0x01;
  writeFileSync(opinionsLog(), bytes);
  return bytes;
}

test('opening reads no collection: a damaged log is left as it is until the collection is first asked for', async () => {
  await writeOpinions(LATEST, LATEST);
  const damaged = damageFirstOpinion();
  const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock: fixedClock(LATEST), warmUp: false });
  try {
    expect(engine.reportSoFar()).toMatchObject({ collections: [], damage: [], notLoaded: DATABASE.map((spec) => spec.name) });
    expect(readFileSync(opinionsLog())).toEqual(damaged);
    expect(existsSync(`${opinionsLog()}.quarantine`)).toBe(false);
    // Another collection's request loads that collection only.
    expect(await stored(engine, 'accounts')).toEqual([]);
    expect(engine.reportSoFar().notLoaded).toContain('opinions');
    expect(engine.reportSoFar().notLoaded).not.toContain('accounts');
    expect(existsSync(`${opinionsLog()}.quarantine`)).toBe(false);

    expect(await stored(engine, 'opinions')).toEqual([plain('op-2')]);
    expect(engine.reportSoFar().damage).toEqual([expect.objectContaining({ collection: 'opinions', offset: 0, reason: 'checksum mismatch' })]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('opinions.log byte 0'));
    expect(existsSync(`${opinionsLog()}.quarantine`)).toBe(true);
  } finally {
    await engine.close();
  }
});

test('the background load finds damage no one asked for: not served, quarantined, shown in /health', async () => {
  await writeOpinions(LATEST, LATEST);
  damageFirstOpinion();
  const runtime = await startRuntime({ port: 0, dataDir: root, functions: 'source', timers: false, clock: { at: LATEST, frozen: true } });
  try {
    const report = await runtime.database.loadAll();
    expect(report.notLoaded).toEqual([]);
    expect(report.damage).toEqual([expect.objectContaining({ collection: 'opinions', offset: 0, reason: 'checksum mismatch', recovered: false })]);
    const health = (await (await fetch(`${runtime.url}/health`)).json()) as { store: Record<string, unknown> };
    expect(health.store).toMatchObject({
      flagged: true,
      notLoadedYet: [],
      damage: [expect.objectContaining({ collection: 'opinions', offset: 0, quarantine: `${opinionsLog()}.quarantine` })],
      quarantined: [{ file: `${opinionsLog()}.quarantine`, entries: 1 }],
    });
    expect(await stored(runtime.database, 'opinions')).toEqual([plain('op-2')]);
    expect(scanLog(readFileSync(opinionsLog())).damage).toEqual([]);
  } finally {
    await runtime.stop();
  }
});

test('the clock floor is the latest stored instant, learnt without loading, even when the last line is not the latest', async () => {
  // op-1 at LATEST, then op-2 at an earlier instant (a clock set back on purpose during a run).
  await writeOpinions(LATEST, SET_BACK);
  // The machine clock reads earlier still.
  const clock = runtimeClock({ at: new Date(SET_BACK.getTime() - HOUR), frozen: true });
  const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock, warmUp: false });
  try {
    expect(engine.reportSoFar()).toMatchObject({ storedUntil: LATEST, collections: [] });
    expect(engine.reportSoFar().notLoaded).toContain('opinions');
    expect(clock.now()).toEqual(LATEST);
    // A write to another collection is stamped no earlier than LATEST, while opinions stay unloaded.
    expect((await insert(engine, 'accounts', { _id: 'acc-1' })).code).toBeUndefined();
    expect(engine.reportSoFar().notLoaded).toContain('opinions');
  } finally {
    await engine.close();
  }
  const [line] = scanLog(readFileSync(join(dataDir(), 'accounts.log'))).records;
  expect(line?.record.at).toBe(LATEST.getTime());
});

test('a damaged line never sets the clock floor, however late the stamp it seems to hold', async () => {
  await writeOpinions(LATEST);
  // A torn last line, as a crash mid-write leaves, whose stamp reads a century later.
  appendFileSync(opinionsLog(), '0badf00d {"at":{"$numberLong":"4102444800000"},"put":[{"_id":"torn"');
  const clock = runtimeClock({ at: SET_BACK, frozen: true });
  const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock, warmUp: false });
  try {
    expect(engine.reportSoFar().storedUntil).toEqual(LATEST);
    expect(clock.now()).toEqual(LATEST);
    expect(await stored(engine, 'opinions')).toEqual([plain('op-1')]);
    expect(engine.reportSoFar().damage).toEqual([expect.objectContaining({ collection: 'opinions', reason: 'incomplete last line', ids: ['torn'] })]);
  } finally {
    await engine.close();
  }
});

test('the clock floor holds when the snapshot covers the latest instant and the log tail is older', async () => {
  // A thousand documents in one write: its first load writes a snapshot covering that line.
  const first = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock: fixedClock(LATEST) });
  await insert(first, 'opinions', ...Array.from({ length: 1000 }, (_, i) => plain(`bulk-${i}`)));
  await first.close();
  const loading = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock: fixedClock(SET_BACK) });
  expect(loading.report().collections.find((c) => c.collection === 'opinions')?.snapshot).toMatchObject({ written: true });
  await insert(loading, 'opinions', plain('late'));
  await loading.close();

  const clock = runtimeClock({ at: new Date(SET_BACK.getTime() - HOUR), frozen: true });
  const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock, warmUp: false });
  try {
    expect(engine.reportSoFar().storedUntil).toEqual(LATEST);
    expect(clock.now()).toEqual(LATEST);
    expect(engine.report().collections.find((c) => c.collection === 'opinions')).toMatchObject({ documents: 1001, snapshot: { loaded: true } });
  } finally {
    await engine.close();
  }
});

describe('lock and close with collections never loaded', () => {
  const clock: Clock = fixedClock(LATEST);

  test('closing releases the folder and touches no unloaded collection; a second opener is refused meanwhile', async () => {
    await writeOpinions(LATEST);
    const before = readFileSync(opinionsLog());
    const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock, warmUp: false });
    await expect(openDatabase({ dataDir: dataDir(), schema: DATABASE, clock })).rejects.toThrow(/in use by another runtime/);
    expect((await insert(engine, 'accounts', { _id: 'acc-1' })).code).toBeUndefined();
    await engine.close();
    expect(readFileSync(opinionsLog())).toEqual(before);
    // A collection never loaded gets no log file either.
    expect(existsSync(join(dataDir(), 'bookings.log'))).toBe(false);
    expect(await engine.handle({ action: 'database.getDocument', collectionName: 'opinions', limit: 10 })).toMatchObject({ message: expect.stringContaining('closed') });

    const again = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock, warmUp: false });
    try {
      expect(await stored(again, 'opinions')).toEqual([plain('op-1')]);
      expect(await stored(again, 'accounts')).toEqual([{ _id: 'acc-1' }]);
    } finally {
      await again.close();
    }
  });

  test('closing while the background load runs stops it, and the folder opens again at once', async () => {
    await writeOpinions(LATEST, LATEST);
    const engine = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock });
    const loading = engine.loadAll();
    await engine.close();
    const report = await loading;
    expect(report.notLoaded.length).toBeGreaterThan(0);
    expect(report.loadFailures).toEqual([]);
    const again = await openDatabase({ dataDir: dataDir(), schema: DATABASE, clock });
    try {
      expect(await stored(again, 'opinions')).toEqual([plain('op-1'), plain('op-2')]);
      expect((await again.loadAll()).notLoaded).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
