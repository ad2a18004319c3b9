/**
 * Writes through the real @cloudbase/node-sdk: update operators, set(), remove(), and the counts the
 * SDK reports back.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE);

const accounts = () => h.db.collection(COLLECTIONS.accounts);

async function current(id: string): Promise<Record<string, unknown>> {
  const { data } = await accounts().doc(id).get();
  return data[0] as Record<string, unknown>;
}

test('a plain object update merges nested fields (flattened $set) and leaves the rest alone', async () => {
  await accounts().add({ _id: 'a', profile: { name: '王芳', phone: '1380000' }, role: 'resident' });
  const result = await accounts()
    .doc('a')
    .update({ profile: { phone: '1390000' } });
  expect(result.updated).toBe(1);
  expect(await current('a')).toEqual({ _id: 'a', profile: { name: '王芳', phone: '1390000' }, role: 'resident' });
});

test('numeric operators: inc, mul, min, max; and rename, remove', async () => {
  const _ = h.db.command;
  await accounts().add({ _id: 'a', visits: 2, score: 3, low: 5, high: 5, nick: 'x', temp: true });
  await accounts()
    .doc('a')
    .update({ visits: _.inc(3), score: _.mul(4), low: _.min(1), high: _.max(9), nick: _.rename('nickname'), temp: _.remove() });
  expect(await current('a')).toEqual({ _id: 'a', visits: 5, score: 12, low: 1, high: 9, nickname: 'x' });
});

test('array operators: push (with each/position/slice), unshift, pop, shift', async () => {
  const _ = h.db.command;
  await accounts().add({ _id: 'a', list: [3, 4], queue: ['a', 'b', 'c'], tail: [1, 2, 3] });
  await accounts()
    .doc('a')
    .update({ list: _.push(5, 6) });
  expect((await current('a')).list).toEqual([3, 4, 5, 6]);
  await accounts()
    .doc('a')
    .update({ list: _.push({ each: [1, 2], position: 0, slice: 4 }) });
  expect((await current('a')).list).toEqual([1, 2, 3, 4]);
  await accounts()
    .doc('a')
    .update({ list: _.unshift(0), queue: _.shift(), tail: _.pop() });
  expect(await current('a')).toMatchObject({ list: [0, 1, 2, 3, 4], queue: ['b', 'c'], tail: [1, 2] });
});

test('set-like array operators: addToSet (single and each), pull (value and condition), pullAll', async () => {
  const _ = h.db.command;
  await accounts().add({ _id: 'a', tags: ['a'], nums: [1, 5, 8, 12], words: ['x', 'y', 'x', 'z'] });
  await accounts()
    .doc('a')
    .update({ tags: _.addToSet('a') });
  await accounts()
    .doc('a')
    .update({ tags: _.addToSet({ each: ['b', 'a', 'c'] }) });
  expect((await current('a')).tags).toEqual(['a', 'b', 'c']);
  await accounts()
    .doc('a')
    .update({ nums: _.pull(_.gt(6)), words: _.pullAll(['x', 'z']) });
  expect(await current('a')).toMatchObject({ nums: [1, 5], words: ['y'] });
  await accounts()
    .doc('a')
    .update({ nums: _.pull(5) });
  expect((await current('a')).nums).toEqual([1]);
});

test('where().update() updates every match and reports how many changed', async () => {
  await accounts().add([
    { _id: 'a', group: 1, active: false },
    { _id: 'b', group: 1, active: true },
    { _id: 'c', group: 2, active: false },
  ]);
  const result = await accounts().where({ group: 1 }).update({ active: true });
  // 'b' already was active: matched, but not changed, as CloudBase (MongoDB nModified) reports it.
  expect(result.updated).toBe(1);
  expect((await accounts().where({ active: true }).count()).total).toBe(2);
  expect((await accounts().where({ group: 3 }).update({ active: true })).updated).toBe(0);
});

test('doc(id).set() replaces the document, or creates it (upsert) and reports its id', async () => {
  await accounts().add({ _id: 'a', name: 'old', extra: 1 });
  const replaced = await accounts().doc('a').set({ name: 'new' });
  expect(replaced).toMatchObject({ updated: 1 });
  expect(replaced.upsertedId).toBeUndefined();
  expect(await current('a')).toEqual({ _id: 'a', name: 'new' });

  // The same content again: CloudBase still reports the document as updated.
  expect(await accounts().doc('a').set({ name: 'new' })).toMatchObject({ updated: 1 });

  const created = await accounts().doc('b').set({ name: 'fresh', at: h.db.serverDate() });
  expect(created).toMatchObject({ updated: 0, upsertedId: 'b' });
  expect(await current('b')).toMatchObject({ _id: 'b', name: 'fresh', at: expect.any(Date) });
});

test('remove(): one document by id, or every match of a where()', async () => {
  await accounts().add([
    { _id: 'a', k: 1 },
    { _id: 'b', k: 1 },
    { _id: 'c', k: 2 },
  ]);
  expect((await accounts().doc('a').remove()).deleted).toBe(1);
  expect((await accounts().doc('a').remove()).deleted).toBe(0);
  expect((await accounts().where({ k: 1 }).remove()).deleted).toBe(1);
  expect((await accounts().where({ k: 2 }).remove()).deleted).toBe(1);
  expect((await accounts().count()).total).toBe(0);
});

test('updates with db.serverDate() and a positional $ on the matched array element', async () => {
  const _ = h.db.command;
  await accounts().add({
    _id: 'a',
    slots: [
      { at: '09:00', taken: 0 },
      { at: '10:00', taken: 0 },
    ],
  });
  const result = await accounts()
    .where({ _id: 'a', 'slots.at': '10:00' })
    .update({ 'slots.$.taken': _.inc(1), updatedAt: h.db.serverDate() });
  expect(result.updated).toBe(1);
  expect(await current('a')).toMatchObject({
    slots: [
      { at: '09:00', taken: 0 },
      { at: '10:00', taken: 1 },
    ],
    updatedAt: expect.any(Date),
  });
});

test('where().updateAndReturn() updates the first match and returns it as it now is', async () => {
  await accounts().add([
    { _id: 'a', queue: 1, taken: false },
    { _id: 'b', queue: 1, taken: false },
  ]);
  const result = await accounts().where({ queue: 1, taken: false }).updateAndReturn({ taken: true });
  expect(result).toMatchObject({ updated: 1, doc: { _id: 'a', queue: 1, taken: true } });
  expect((await accounts().where({ taken: false }).get()).data.map((doc) => doc._id)).toEqual(['b']);
});

test('updateAndReturn() counts a match that changed nothing as updated, and answers doc: null when nothing matches', async () => {
  await accounts().add({ _id: 'a', queue: 1, taken: true });
  const unchanged = await accounts().where({ queue: 1 }).updateAndReturn({ taken: true });
  expect(unchanged).toMatchObject({ updated: 1, doc: { _id: 'a', queue: 1, taken: true } });
  const none = await accounts().where({ queue: 2 }).updateAndReturn({ taken: true });
  expect(none.updated).toBe(0);
  expect(none).toHaveProperty('doc', null);
});
