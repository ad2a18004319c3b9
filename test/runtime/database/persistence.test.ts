/**
 * The store on disk: data survives a restart, the log is compacted when mostly stale, and damage
 * (a write cut short, a mangled line) is never served, named, and kept in quarantine.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { systemClock } from '../../../miniprogram/shared/domain/time';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { DATABASE } from '../../../infra/database';
import { openDatabase, type DatabaseEngine } from '../../../runtime/database';
import { ejson, incrementRequest } from './fixtures/wire';
import { makeDataDir } from './sdk-harness';

let dataDir: string;
let engine: DatabaseEngine;

beforeEach(async () => {
  dataDir = makeDataDir();
  engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
});
afterEach(async () => {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const accountsLog = () => join(dataDir, 'accounts.log');

async function reopen(): Promise<void> {
  await engine.close();
  engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
}

async function insert(...docs: object[]): Promise<void> {
  const answer = await engine.handle({ action: 'database.insertDocument', collectionName: 'accounts', data: docs.map(ejson) });
  expect(answer.code).toBeUndefined();
}

async function all(collectionName = 'accounts'): Promise<unknown[]> {
  const answer = await engine.handle({ action: 'database.getDocument', collectionName, queryType: 'WHERE', limit: 1000 });
  const data = answer.data as { list: string[] };
  return data.list.map((text) => EJSON.parse(text));
}

test('every declared collection gets its log file when first loaded', () => {
  engine.report();
  for (const spec of DATABASE) expect(existsSync(join(dataDir, `${spec.name}.log`))).toBe(true);
});

test('writes survive close and reopen, with their types', async () => {
  await insert({ _id: 'a', n: 1, at: new Date('2025-01-02T03:04:05Z'), tags: ['x'], ratio: 0.5 }, { _id: 'b', n: 2 });
  await engine.handle(incrementRequest('accounts', 'b', 'n', 40));
  await engine.handle({ action: 'database.removeDocument', collectionName: 'accounts', query: ejson({ _id: 'zzz' }), multi: true });
  await reopen();
  expect(await all()).toEqual([
    { _id: 'a', n: 1, at: new Date('2025-01-02T03:04:05Z'), tags: ['x'], ratio: 0.5 },
    { _id: 'b', n: 42 },
  ]);
});

test('a log much larger than the live data is compacted when loaded, keeping the data and natural order', async () => {
  await insert(...Array.from({ length: 10 }, (_, i) => ({ _id: `a${i}`, n: 0 })));
  for (let round = 0; round < 300; round += 1) {
    await engine.handle({
      action: 'database.modifyDocument',
      collectionName: 'accounts',
      query: ejson({}),
      data: ejson({ $inc: { n: 1 } }),
      multi: true,
      merge: true,
      upsert: false,
    });
  }
  const before = statSync(accountsLog()).size;
  await reopen();
  expect(await all()).toEqual(Array.from({ length: 10 }, (_, i) => ({ _id: `a${i}`, n: 300 })));
  expect(statSync(accountsLog()).size).toBeLessThan(before / 100);
  await insert({ _id: 'after', n: 1 });
  await reopen();
  expect(await all()).toHaveLength(11);
});

test('an incomplete last line is moved to quarantine, said so, and the store opens', async () => {
  await insert({ _id: 'kept', n: 1 });
  await engine.close();
  const whole = readFileSync(accountsLog());
  appendFileSync(accountsLog(), '3a4b5c6d {"put":[{"_id":"torn","n":{"$numberInt":"');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
  expect(await all()).toEqual([{ _id: 'kept', n: 1 }]);
  expect(warn).toHaveBeenCalledWith(
    expect.stringMatching(/accounts\.log byte \d+, \d+ bytes: incomplete last line \(not served\); ids readable in it: torn; copied to .*accounts\.log\.quarantine/),
  );
  warn.mockRestore();
  expect(readFileSync(accountsLog())).toEqual(whole);
  await insert({ _id: 'next', n: 2 });
  await reopen();
  expect(await all()).toEqual([
    { _id: 'kept', n: 1 },
    { _id: 'next', n: 2 },
  ]);
});

test('a damaged line before the end is not served, the rest is, and its bytes are kept in quarantine', async () => {
  await insert({ _id: 'a', n: 1 });
  await insert({ _id: 'b', n: 2 });
  await engine.close();
  const lines = readFileSync(accountsLog(), 'utf8').split('\n');
  writeFileSync(accountsLog(), ['{"put":[garbage', ...lines.slice(1)].join('\n'));
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
  expect(await all()).toEqual([{ _id: 'b', n: 2 }]);
  jest.restoreAllMocks();
  expect(engine.report().damage).toEqual([expect.objectContaining({ collection: 'accounts', offset: 0, reason: 'not a log record' })]);
  expect(readFileSync(`${accountsLog()}.quarantine`, 'utf8')).toContain(Buffer.from('{"put":[garbage\n').toString('base64'));
});

test('files of collections no longer declared are not collections', async () => {
  writeFileSync(join(dataDir, 'legacy.log'), `${ejson({ put: [{ _id: 'x' }] })}\n`);
  await reopen();
  const answer = await engine.handle({ action: 'database.getDocument', collectionName: 'legacy' });
  expect(answer.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
});
