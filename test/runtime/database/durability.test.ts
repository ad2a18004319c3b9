/**
 * Faults a real machine sees, injected into the store's files: bit flips in every kind of field,
 * a checksum or a newline flipped, cut and garbage tails, a full disk. Each time: no damaged record
 * is served, every acknowledged record that is not itself damaged is, the damaged bytes are copied
 * to quarantine before anything leaves the log, and the message says what is known.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { DATABASE } from '../../../infra/database';
import { fixedClock } from '../../../miniprogram/shared/domain/time';
import { openDatabase, type DatabaseEngine } from '../../../runtime/database';
import { scanLog } from '../../../runtime/database/log';
import { ORDINARY_MORNING } from '../../support/instants';
import { ejson, incrementRequest } from './fixtures/wire';
import { makeDataDir } from './sdk-harness';

const clock = fixedClock(ORDINARY_MORNING);
/** The module object the store's code calls into, so a test can make the disk full. */
const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
/** A plain opinion (tracking numbers are unique, so each has its own). */
const plain = (_id: string) => ({ _id, trackingNo: `T-${_id}` });

let dataDir: string;
let engine: DatabaseEngine | undefined;

beforeEach(() => {
  dataDir = makeDataDir();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  jest.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

const log = () => join(dataDir, 'opinions.log');
const quarantineFile = () => `${log()}.quarantine`;
const open = async () => {
  engine = await openDatabase({ dataDir, schema: DATABASE, clock });
  return engine;
};
const close = async () => {
  await engine?.close();
  engine = undefined;
};

async function insert(...docs: object[]): Promise<Record<string, unknown>> {
  return (engine as DatabaseEngine).handle({ action: 'database.insertDocument', collectionName: 'opinions', data: docs.map(ejson) });
}

async function stored(): Promise<Array<Record<string, unknown>>> {
  const answer = await (engine as DatabaseEngine).handle({ action: 'database.getDocument', collectionName: 'opinions', limit: 1000 });
  return (answer.data as { list: string[] }).list.map((text) => EJSON.parse(text) as Record<string, unknown>);
}

/** The resident's opinion whose every kind of field a flipped bit may hit. */
const OPINION = {
  _id: 'op-1',
  title: '安排',
  authorOpenid: 'resident-aaaa',
  trackingNo: 'LXQ20261118-0042',
  views: 7,
  score: 4.5,
  public: true,
  createdAt: new Date('2026-11-18T02:00:00Z'),
  tags: ['停车'],
  place: { street: '北山街道' },
};
const NEIGHBOUR = { _id: 'op-2', title: '路灯不亮', authorOpenid: 'resident-bbbb', trackingNo: 'LXQ20261118-0043' };

/** Flips one bit of the byte where `text` ends inside the first occurrence after `from`. */
function flipBitIn(bytes: Buffer, text: string, bit = 0x01, from = 0): Buffer {
  const at = bytes.indexOf(Buffer.from(text, 'utf8'), from);
  if (at === -1) throw new Error(`"${text}" is not in the log`);
  const copy = Buffer.from(bytes);
  const position = at + Buffer.byteLength(text, 'utf8') - 1;
  copy[position] = (copy[position] as number) ^ bit;
  return copy;
}

/** Every quarantine entry's bytes, decoded. */
function quarantined(): Array<{ offset: number; length: number; reason: string; ids: string[]; bytes: Buffer }> {
  if (!existsSync(quarantineFile())) return [];
  return readFileSync(quarantineFile(), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const entry = JSON.parse(line) as { offset: number; length: number; reason: string; ids: string[]; bytes: string };
      return { ...entry, bytes: Buffer.from(entry.bytes, 'base64') };
    });
}

async function writeOpinionThenNeighbour(): Promise<Buffer> {
  await open();
  expect((await insert(OPINION)).code).toBeUndefined();
  expect((await insert(NEIGHBOUR)).code).toBeUndefined();
  await close();
  return readFileSync(log());
}

describe('a flipped bit in any kind of field is caught by the checksum', () => {
  const fieldKinds: Array<[string, string]> = [
    ['a Chinese string (安排 would read 安玒)', '安排'],
    ['an author openid (the owner would change)', 'resident-aaaa'],
    ['a tracking number', '0042'],
    ['an integer', '"7"'],
    ['a double', '4.5'],
    ['a boolean', 'true'],
    ['a date', '"$date"'],
    ['an array element', '停车'],
    ['a nested field', '北山街道'],
    ['the _id', '"op-1"'],
    ['the checksum itself', ''],
  ];

  test.each(fieldKinds)('%s', async (_kind, text) => {
    const original = await writeOpinionThenNeighbour();
    const firstLineEnd = original.indexOf(0x0a) + 1;
    const damaged = text === '' ? flipBitIn(original, original.toString('latin1', 0, 3)) : flipBitIn(original, text);
    writeFileSync(log(), damaged);

    await open();
    expect(await stored()).toEqual([NEIGHBOUR]);
    expect(engine?.report().damage).toEqual([expect.objectContaining({ collection: 'opinions', offset: 0, length: firstLineEnd, reason: 'checksum mismatch', recovered: false })]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('opinions.log byte 0'));
    // The damaged bytes, exactly as they were on disk, are in quarantine; the log no longer holds them.
    expect(quarantined()).toEqual([expect.objectContaining({ offset: 0, reason: 'checksum mismatch', bytes: damaged.subarray(0, firstLineEnd) })]);
    expect(readFileSync(log()).includes(damaged.subarray(0, firstLineEnd))).toBe(false);

    // Later starts serve the same, stay flagged while the quarantine file is there, and can write on.
    expect((await insert(plain('op-3'))).code).toBeUndefined();
    await close();
    await open();
    expect(await stored()).toEqual([NEIGHBOUR, plain('op-3')]);
    expect(engine?.report().damage).toEqual([]);
    expect(engine?.report().quarantined).toEqual([{ file: quarantineFile(), entries: 1 }]);
  });

  test('the ids readable in a damaged record are named', async () => {
    const original = await writeOpinionThenNeighbour();
    writeFileSync(log(), flipBitIn(original, '安排'));
    await open();
    expect(engine?.report().damage[0]?.ids).toEqual(['op-1']);
  });
});

describe('line ends', () => {
  test('a flipped final newline: the complete record is kept, the old bytes quarantined', async () => {
    const original = await writeOpinionThenNeighbour();
    const damaged = Buffer.from(original);
    damaged[damaged.length - 1] = 0x0b;
    writeFileSync(log(), damaged);

    await open();
    expect(await stored()).toEqual([OPINION, NEIGHBOUR]);
    expect(engine?.report().damage).toEqual([expect.objectContaining({ reason: 'damaged line end', recovered: true, ids: ['op-2'] })]);
    expect(quarantined().map((entry) => entry.bytes)).toEqual([damaged.subarray(original.indexOf(0x0a) + 1)]);
    await close();
    // The log was rewritten with clean line ends.
    expect(scanLog(readFileSync(log())).damage).toEqual([]);
    await open();
    expect(await stored()).toEqual([OPINION, NEIGHBOUR]);
  });

  test('a flipped newline between two records: both records are kept', async () => {
    const original = await writeOpinionThenNeighbour();
    const damaged = Buffer.from(original);
    damaged[original.indexOf(0x0a)] = 0x4a;
    writeFileSync(log(), damaged);

    await open();
    expect(await stored()).toEqual([OPINION, NEIGHBOUR]);
    expect(engine?.report().damage).toEqual([expect.objectContaining({ offset: 0, reason: 'damaged line end', recovered: true })]);
  });

  test('a record cut short at the end: "incomplete last line", quarantined, the file cut back to the whole records', async () => {
    const original = await writeOpinionThenNeighbour();
    const secondLine = original.indexOf(0x0a) + 1;
    const cut = original.subarray(0, original.indexOf(Buffer.from('路灯')));
    writeFileSync(log(), cut);

    await open();
    expect(await stored()).toEqual([OPINION]);
    expect(engine?.report().damage).toEqual([expect.objectContaining({ offset: secondLine, length: cut.length - secondLine, reason: 'incomplete last line', ids: ['op-2'] })]);
    expect(console.warn).toHaveBeenCalledWith(expect.not.stringContaining('acknowledged'));
    expect(quarantined().map((entry) => entry.bytes)).toEqual([cut.subarray(secondLine)]);
    expect(readFileSync(log())).toEqual(original.subarray(0, secondLine));
  });

  test('garbage ending in a newline after the last record: quarantined, the store opens', async () => {
    const original = await writeOpinionThenNeighbour();
    const garbage = Buffer.from('\u0000\u0000zzzz {not json}\n', 'utf8');
    writeFileSync(log(), Buffer.concat([original, garbage]));

    await open();
    expect(await stored()).toEqual([OPINION, NEIGHBOUR]);
    expect(engine?.report().damage).toEqual([expect.objectContaining({ offset: original.length, reason: 'checksum mismatch' })]);
    expect(quarantined().map((entry) => entry.bytes)).toEqual([garbage]);
    expect(readFileSync(log())).toEqual(original);
  });

  test('a last line whose quarantine copy cannot be written stays in place, and the next write starts a fresh line', async () => {
    const original = await writeOpinionThenNeighbour();
    const torn = Buffer.from('0badf00d {"put":[{"_id":"half', 'utf8');
    writeFileSync(log(), Buffer.concat([original, torn]));
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const append = jest.spyOn(fs, 'appendFileSync').mockImplementation(() => {
      throw diskFull;
    });
    await open();
    // Collections load when first used: the report loads them while the disk is still full.
    const found = engine?.report();
    append.mockRestore();
    expect(found?.damage).toEqual([expect.objectContaining({ reason: 'incomplete last line' })]);
    expect(found?.damage[0]?.quarantine).toBeUndefined();
    expect(readFileSync(log())).toEqual(Buffer.concat([original, torn]));
    expect((await insert(plain('op-3'))).code).toBeUndefined();
    await close();

    await open();
    expect(await stored()).toEqual([OPINION, NEIGHBOUR, plain('op-3')]);
    expect(quarantined().map((entry) => entry.bytes)).toEqual([Buffer.concat([torn, Buffer.from('\n')])]);
  });
});

test('lines from a store written before checksums are read, and get their checksums at once', async () => {
  writeFileSync(log(), `${ejson({ put: [OPINION] })}\n${ejson({ put: [NEIGHBOUR] })}\n`);
  await open();
  expect(await stored()).toEqual([OPINION, NEIGHBOUR]);
  expect(engine?.report().damage).toEqual([]);
  await close();
  const scan = scanLog(readFileSync(log()));
  expect(scan).toEqual(expect.objectContaining({ unchecked: 0, damage: [] }));
  expect(scan.records.flatMap(({ record }) => record.put ?? [])).toHaveLength(2);
});

describe('a full disk', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  test('a write is answered DATABASE_DISK_FULL, leaves no partial line, and nothing acknowledged is lost', async () => {
    await open();
    expect((await insert(plain('before'))).code).toBeUndefined();
    const realWrite = fs.writeSync;
    let calls = 0;
    const write = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number) => {
      calls += 1;
      // The first call gets half the line onto the disk, then the disk is full.
      if (calls === 1) return realWrite(fd, buffer, offset, Math.floor(length / 2));
      throw enospc();
    }) as typeof fs.writeSync);
    const answer = await insert(plain('refused'));
    write.mockRestore();
    expect(answer).toEqual(expect.objectContaining({ code: 'DATABASE_DISK_FULL', message: expect.stringContaining('disk') }));
    expect(await stored()).toEqual([plain('before')]);
    expect((await insert(plain('after'))).code).toBeUndefined();
    await close();

    expect(scanLog(readFileSync(log())).damage).toEqual([]);
    await open();
    expect(await stored()).toEqual([plain('before'), plain('after')]);
  });

  test('a start on a full disk reads the store; the due compaction waits and leaves nothing behind', async () => {
    await open();
    await insert({ _id: 'counter', n: 0 });
    for (let i = 0; i < 1100; i += 1) {
      await engine?.handle(incrementRequest('opinions', 'counter', 'n', 1));
    }
    await close();
    const before = readFileSync(log());

    const write = jest.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw enospc();
    });
    await open();
    // Collections load when first used: the report loads them while the disk is still full.
    const found = engine?.report();
    write.mockRestore();
    expect(await stored()).toEqual([{ _id: 'counter', n: 1100 }]);
    expect(found?.compactionWaiting).toEqual(['opinions']);
    expect(readFileSync(log())).toEqual(before);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.compacting'))).toEqual([]);
    await close();

    // With room again, the next start compacts.
    await open();
    expect(engine?.report().compactionWaiting).toEqual([]);
    expect(readFileSync(log()).length).toBeLessThan(before.length / 100);
    expect(await stored()).toEqual([{ _id: 'counter', n: 1100 }]);
  });
});
