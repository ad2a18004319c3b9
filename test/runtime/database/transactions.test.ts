/**
 * Transactions through the real @cloudbase/node-sdk, with CloudBase's (MongoDB's) semantics: writes
 * of several documents commit together or not at all, reads inside see a snapshot, and of two
 * writers of one document the second aborts (runTransaction retries it).
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { openDatabase } from '../../../runtime/database';
import { TRANSACTION_LIFETIME_MS } from '../../../runtime/database/transactions';
import { HARNESS_CLOCK, makeDataDir, type Db, useHarness } from './sdk-harness';

/** What a runTransaction callback gets (the SDK types it as any). */
interface Transaction {
  collection(name: string): ReturnType<Db['collection']>;
}

const h = useHarness(DATABASE);

const days = () => h.db.collection(COLLECTIONS.receptionDays);
const bookings = () => h.db.collection(COLLECTIONS.bookings);
const counters = () => h.db.collection(COLLECTIONS.counters);
const conflict = { code: 'DATABASE_TRANSACTION_CONFLICT', message: expect.stringContaining('TransactionConflict') };
const ended = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') };

async function stored(collection: ReturnType<typeof days>, id: string): Promise<Record<string, unknown> | undefined> {
  return (await collection.doc(id).get()).data[0] as Record<string, unknown> | undefined;
}

test('runTransaction writes several documents together and answers what its callback returned', async () => {
  const _ = h.db.command;
  await days().add({ _id: 'd1', seatsLeft: 0 });
  await bookings().add([
    { _id: 'b1', dayId: 'd1', status: 'cancelled', activeKey: 'b1', code: 'K1' },
    { _id: 'w1', dayId: 'd1', status: 'waiting', activeKey: 'o2|d1#0', code: 'K2' },
  ]);

  const promoted = await h.db.runTransaction(async (transaction: Transaction) => {
    const waiter = await transaction.collection(COLLECTIONS.bookings).doc('w1').get();
    await transaction.collection(COLLECTIONS.bookings).doc('w1').update({ status: 'booked' });
    await transaction
      .collection(COLLECTIONS.receptionDays)
      .doc('d1')
      .update({ promoted: _.push([waiter.data._id]) });
    // Nobody outside sees a write before commit.
    expect((await stored(bookings(), 'w1'))?.status).toBe('waiting');
    return waiter.data._id;
  });

  expect(promoted).toBe('w1');
  expect((await stored(bookings(), 'w1'))?.status).toBe('booked');
  expect(await stored(days(), 'd1')).toEqual({ _id: 'd1', seatsLeft: 0, promoted: ['w1'] });
  await h.restart();
  expect((await stored(bookings(), 'w1'))?.status).toBe('booked');
});

test('reads inside see the snapshot taken at its first operation, plus the transaction’s own writes', async () => {
  await counters().add([
    { _id: 'a', value: 1 },
    { _id: 'b', value: 1 },
  ]);
  const transaction = await h.db.startTransaction();
  await transaction.collection(COLLECTIONS.counters).doc('a').update({ value: 10 });
  await counters().doc('b').update({ value: 2 });
  await counters().add({ _id: 'c', value: 1 });

  expect((await transaction.collection(COLLECTIONS.counters).doc('a').get()).data).toEqual({ _id: 'a', value: 10 });
  expect((await transaction.collection(COLLECTIONS.counters).doc('b').get()).data).toEqual({ _id: 'b', value: 1 });
  expect((await transaction.collection(COLLECTIONS.counters).doc('c').get()).data).toBeNull();
  const inside = await transaction.collection(COLLECTIONS.counters).where({}).get();
  expect(inside.data).toEqual([
    { _id: 'a', value: 10 },
    { _id: 'b', value: 1 },
  ]);
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 1 });
  await transaction.commit();
  expect((await counters().orderBy('_id', 'asc').get()).data.map((doc) => doc.value)).toEqual([10, 2, 1]);
});

test('rollback leaves nothing behind: inserts, updates and removals', async () => {
  await counters().add({ _id: 'a', value: 1 });
  const transaction = await h.db.startTransaction();
  const inserted = await transaction.collection(COLLECTIONS.counters).add({ _id: 'n', value: 5 });
  expect(inserted).toMatchObject({ id: 'n', inserted: 1 });
  await transaction.collection(COLLECTIONS.counters).doc('a').remove();
  expect((await transaction.collection(COLLECTIONS.counters).doc('a').get()).data).toBeNull();
  await transaction.rollback();

  expect((await counters().get()).data).toEqual([{ _id: 'a', value: 1 }]);
  await expect(transaction.commit()).rejects.toMatchObject(ended);
});

test('the snapshot is taken at the first read, not at start: a write made in between is seen, later ones are not', async () => {
  const transaction = await h.db.startTransaction();
  await counters().add({ _id: 'between', value: 1 });
  expect((await transaction.collection(COLLECTIONS.counters).doc('between').get()).data).toEqual({ _id: 'between', value: 1 });
  await counters().add({ _id: 'after', value: 2 });
  expect((await transaction.collection(COLLECTIONS.counters).doc('after').get()).data).toBeNull();
  await transaction.rollback();
});

test('a committed transaction takes no more operations', async () => {
  const transaction = await h.db.startTransaction();
  await transaction.commit();
  await expect(transaction.collection(COLLECTIONS.counters).doc('a').set({ value: 1 })).rejects.toMatchObject(ended);
});

test('a write to a document changed since the snapshot aborts the transaction with a conflict', async () => {
  await counters().add({ _id: 'a', value: 1 });
  const transaction = await h.db.startTransaction();
  const seen = await transaction.collection(COLLECTIONS.counters).doc('a').get();
  await counters().doc('a').update({ value: 2 });

  await expect(
    transaction
      .collection(COLLECTIONS.counters)
      .doc('a')
      .update({ value: (seen.data.value as number) + 1 }),
  ).rejects.toMatchObject(conflict);
  await expect(transaction.commit()).rejects.toMatchObject(ended);
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 2 });
});

test('of two open transactions writing one document, the second conflicts and the first commits', async () => {
  await counters().add({ _id: 'a', value: 1 });
  const first = await h.db.startTransaction();
  const second = await h.db.startTransaction();
  await first.collection(COLLECTIONS.counters).doc('a').update({ value: 2 });
  await expect(second.collection(COLLECTIONS.counters).doc('a').update({ value: 3 })).rejects.toMatchObject(conflict);
  await first.commit();
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 2 });
});

test('concurrent runTransaction counters lose no increment: conflicts are retried', async () => {
  await counters().add({ _id: 'tracking', value: 0 });
  const increment = () =>
    h.db.runTransaction(async (transaction: Transaction) => {
      const counter = transaction.collection(COLLECTIONS.counters).doc('tracking');
      const { data } = await counter.get();
      const next = (data.value as number) + 1;
      await counter.update({ value: next });
      return next;
    }, 10);
  const results = await Promise.allSettled(Array.from({ length: 4 }, increment));

  const issued = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value as number] : []));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  for (const failure of failures) expect(failure).toMatchObject(conflict);
  expect(new Set(issued).size).toBe(issued.length);
  expect(await stored(counters(), 'tracking')).toEqual({ _id: 'tracking', value: issued.length });
  expect(issued.length).toBeGreaterThan(0);
});

test('a write outside to a document an open transaction wrote waits for it, then applies on top', async () => {
  const _ = h.db.command;
  await counters().add({ _id: 'a', value: 1 });
  const transaction = await h.db.startTransaction();
  await transaction
    .collection(COLLECTIONS.counters)
    .doc('a')
    .update({ value: _.inc(10) });

  let outsideDone = false;
  const outside = counters()
    .doc('a')
    .update({ value: _.inc(1) })
    .then((result) => {
      outsideDone = true;
      return result;
    });
  // Reads are not blocked, and meanwhile see the committed value.
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 1 });
  expect(outsideDone).toBe(false);
  await transaction.commit();

  expect((await outside).updated).toBe(1);
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 12 });
});

test('a unique index refusal at commit commits none of the transaction’s writes', async () => {
  await bookings().add({ _id: 'b1', code: 'K1', activeKey: 'b1' });
  await counters().add({ _id: 'a', value: 1 });
  const transaction = await h.db.startTransaction();
  await transaction.collection(COLLECTIONS.counters).doc('a').update({ value: 2 });
  await transaction.collection(COLLECTIONS.bookings).add({ _id: 'b2', code: 'K2', activeKey: 'b2' });
  await bookings().add({ _id: 'b3', code: 'K2', activeKey: 'b3' });

  await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  expect(await stored(counters(), 'a')).toEqual({ _id: 'a', value: 1 });
  expect(await stored(bookings(), 'b2')).toBeUndefined();
});

test('inserting an _id that exists in the snapshot is a duplicate; set() creates or replaces', async () => {
  await counters().add({ _id: 'a', value: 1 });
  const transaction = await h.db.startTransaction();
  await expect(transaction.collection(COLLECTIONS.counters).add({ _id: 'a', value: 9 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  const transactionAfter = await h.db.startTransaction();
  const created = await transactionAfter.collection(COLLECTIONS.counters).doc('z').set({ value: 3 });
  expect(created.upserted).toEqual([{ _id: 'z' }]);
  const replaced = await transactionAfter.collection(COLLECTIONS.counters).doc('a').set({ label: 'x' });
  expect(replaced.updated).toBe(1);
  await transactionAfter.commit();
  expect((await counters().orderBy('_id', 'asc').get()).data).toEqual([
    { _id: 'a', label: 'x' },
    { _id: 'z', value: 3 },
  ]);
});

test('a transaction left open past CloudBase’s 30 seconds is aborted', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  const dataDir = makeDataDir();
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock: HARNESS_CLOCK });
  try {
    const started = await engine.handle({ action: 'database.startTransaction' });
    const transactionId = started.transactionId as string;
    await engine.handle({ action: 'database.insertDocument', collectionName: COLLECTIONS.counters, transactionId, data: ['{"_id":"a"}'] });
    jest.advanceTimersByTime(TRANSACTION_LIFETIME_MS);
    await expect(engine.handle({ action: 'database.commitTransaction', transactionId })).resolves.toMatchObject(ended);
    await expect(engine.handle({ action: 'database.calculateDocument', collectionName: COLLECTIONS.counters })).resolves.toMatchObject({ data: { total: 0 } });
  } finally {
    jest.useRealTimers();
    await engine.close();
  }
});
