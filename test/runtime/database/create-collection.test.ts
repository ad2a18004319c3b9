/**
 * `db.createCollection(name)` as CloudBase answers it: a new empty collection, refused when the name
 * exists. infra/database.ts stays the declaration the product relies on: a created collection has
 * no index but _id's until it is declared there.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE);

const exists = { code: 'DATABASE_COLLECTION_ALREADY_EXIST' };

test('a created collection takes documents at once and is still there after a restart', async () => {
  await expect(h.db.collection('scratch-notes').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  await expect(h.db.createCollection('scratch-notes')).resolves.toMatchObject({ requestId: expect.any(String) });

  await h.db.collection('scratch-notes').add([{ _id: 'n1', text: 'a' }, { text: 'b' }]);
  await h.restart();
  const { data } = await h.db.collection('scratch-notes').orderBy('text', 'asc').get();
  expect(data.map((doc) => doc.text)).toEqual(['a', 'b']);
  await expect(h.db.createCollection('scratch-notes')).rejects.toMatchObject(exists);
});

test('a created collection has only the _id index: equal values elsewhere are accepted', async () => {
  await h.db.createCollection('scratch-codes');
  const codes = h.db.collection('scratch-codes');
  await codes.add([{ code: 'S1' }, { code: 'S1' }]);
  expect((await codes.where({ code: 'S1' }).count()).total).toBe(2);
  await expect(codes.add({ _id: 'x' })).resolves.toBeDefined();
  await expect(codes.add({ _id: 'x' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
});

test('creating a declared collection, or one with a name that cannot be a collection, is refused', async () => {
  await expect(h.db.createCollection(COLLECTIONS.stations)).rejects.toMatchObject(exists);
  await expect(h.db.createCollection('../escape')).rejects.toMatchObject({ code: 'INVALID_PARAM' });
});
