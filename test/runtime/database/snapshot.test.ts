/**
 * Start-up from a snapshot plus the log's tail: the snapshot is written once the tail is long (and
 * with every compaction), loaded instead of replaying the whole log, and never trusted blindly: a
 * damaged or stale snapshot is set aside and the store loads from its log, losing nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionSpec } from '../../../infra/database';
import { describeStore } from '../../../runtime/database';
import { useHarness } from './sdk-harness';

const NOTES: CollectionSpec = { name: 'notes', indexes: [{ name: 'n_1', keys: [{ field: 'n', direction: 1 }] }], rule: { read: false, write: false } };

const h = useHarness([NOTES]);

const notes = () => h.db.collection(NOTES.name);
const snapshotFile = () => join(h.dataDir, 'notes.snapshot');
const report = () => h.engine.report().collections.find((c) => c.collection === 'notes');

async function addNotes(from: number, count: number): Promise<void> {
  for (let start = from; start < from + count; start += 500) {
    await notes().add(
      Array.from({ length: Math.min(500, from + count - start) }, (_, i) => ({ _id: `n${start + i}`, n: start + i, at: new Date(Date.UTC(2026, 0, 1, 0, 0, start + i)) })),
    );
  }
}

async function everything(): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await notes().orderBy('n', 'asc').skip(offset).limit(1000).get()).data;
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

test('a long log gets a snapshot; the next start loads it and replays only the tail, serving the same documents', async () => {
  await addNotes(0, 1500);
  await h.restart();
  expect(report()?.snapshot).toMatchObject({ loaded: false, written: true });
  expect(existsSync(snapshotFile())).toBe(true);
  await notes().doc('n7').update({ n: 7, edited: true });
  await notes().doc('n8').remove();
  await addNotes(1500, 10);
  const before = await everything();
  await h.restart();
  expect(report()?.snapshot).toMatchObject({ loaded: true, written: false });
  expect(report()?.documents).toBe(1509);
  expect(await everything()).toEqual(before);
  expect((await notes().doc('n7').get()).data[0]).toMatchObject({ edited: true });
  // Indexes are rebuilt from the snapshot too.
  expect((await notes().where({ n: 1505 }).get()).data).toHaveLength(1);
});

test('a damaged snapshot is set aside, said so, and the store loads whole from its log', async () => {
  await addNotes(0, 1200);
  await h.restart();
  const before = await everything();
  const bytes = readFileSync(snapshotFile());
  bytes[bytes.length - 100] ^= 0x04;
  writeFileSync(snapshotFile(), bytes);
  await h.restart();
  expect(report()?.snapshot).toMatchObject({ loaded: false, unusable: 'snapshot checksum mismatch', written: true });
  expect(existsSync(`${snapshotFile()}.unusable`)).toBe(true);
  expect(readFileSync(`${snapshotFile()}.unusable`)).toEqual(bytes);
  expect(describeStore(h.engine.report()).join('\n')).toContain('notes.snapshot');
  expect(await everything()).toEqual(before);
  // The snapshot written in its place serves the next start.
  await h.restart();
  expect(report()?.snapshot).toMatchObject({ loaded: true });
  expect(await everything()).toEqual(before);
});

test('a snapshot that no longer matches its log (the log edited or replaced) is not used', async () => {
  await addNotes(0, 1200);
  await h.restart();
  // Collections load when first used: loading it writes the snapshot.
  expect(report()?.snapshot).toMatchObject({ written: true });
  const log = join(h.dataDir, 'notes.log');
  const original = readFileSync(log);
  // The log replaced by a shorter one (as a restore of an older backup would, were the snapshot left behind).
  const firstLine = original.subarray(0, original.indexOf(0x0a) + 1);
  writeFileSync(log, firstLine);
  await h.restart();
  expect(report()?.snapshot).toMatchObject({ loaded: false, unusable: 'snapshot does not match its log' });
  expect(report()?.documents).toBe(500);
});
