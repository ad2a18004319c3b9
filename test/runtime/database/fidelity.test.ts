/**
 * Where CloudBase's answers differ from what the query library underneath gives by itself, the
 * runtime answers like CloudBase (the behaviour Tencent's node-sdk database tests assert).
 */
import type { CollectionSpec } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const SAMPLES: CollectionSpec = { name: 'samples', indexes: [], rule: { read: false, write: false } };

const h = useHarness([SAMPLES]);

const samples = () => h.db.collection(SAMPLES.name);
const kinds = (docs: Array<Record<string, unknown>>) => docs.map((doc) => doc.kind);

test('elemMatch on sub-document fields looks only at elements that are documents', async () => {
  const _ = h.db.command;
  await samples().add([
    { kind: 'numbers', tags: [1, 3, 5] },
    { kind: 'strings', tags: ['Go', 'JS'] },
    { kind: 'documents', tags: [{ value: 3 }, { value: -1 }] },
  ]);
  const onField = await samples()
    .where({ tags: _.elemMatch({ value: _.gt(0) }) })
    .get();
  expect(kinds(onField.data)).toEqual(['documents']);
  const fieldExists = await samples()
    .where({ tags: _.elemMatch({ value: _.exists(true) }) })
    .get();
  expect(kinds(fieldExists.data)).toEqual(['documents']);
  const onElement = await samples()
    .where({ tags: _.elemMatch(_.gt(2)) })
    .get();
  expect(kinds(onElement.data)).toEqual(['numbers']);
});

test('$jsonSchema in a query, alone and under nor, with MongoDB’s bsonType', async () => {
  const _ = h.db.command;
  await samples().add([{ kind: 'full', category: 'Web', at: new Date('2025-03-01T00:00:00Z') }, { kind: 'partial', category: 7 }, { kind: 'bare' }]);
  const required = await samples()
    .where(_.jsonSchema({ required: ['category'] }))
    .get();
  expect(kinds(required.data)).toEqual(['full', 'partial']);
  const typed = await samples()
    .where(_.jsonSchema({ required: ['at'], properties: { category: { bsonType: 'string' }, at: { bsonType: 'date' } } }))
    .get();
  expect(kinds(typed.data)).toEqual(['full']);
  const neither = await samples()
    .where(_.nor([_.jsonSchema({ required: ['category'] })]))
    .get();
  expect(kinds(neither.data)).toEqual(['bare']);
});

describe('aggregation string and date operators', () => {
  const $ = () => h.db.command.aggregate;
  const project = async (projection: Record<string, unknown>) =>
    (
      await samples()
        .aggregate()
        .project({ _id: 0, ...projection })
        .end()
    ).data;

  test('$indexOfCP counts code points, and answers -1 when absent and null for a missing string', async () => {
    await samples().add({ name: 'yuanxin', nickname: '心心a' });
    expect(await project({ a: $().indexOfCP(['$name', 'a']), b: $().indexOfCP(['$nickname', 'a']), c: $().indexOfCP(['$name', 'z']), d: $().indexOfCP(['$none', 'a']) })).toEqual([
      { a: 2, b: 2, c: -1, d: null },
    ]);
  });

  test('$substr and $substrBytes with a negative length take the rest of the string', async () => {
    await samples().add({ birthday: '1999/12/12' });
    expect(await project({ year: $().substr(['$birthday', 0, 4]), day: $().substr(['$birthday', 8, -1]), dayBytes: $().substrBytes(['$birthday', 8, -1]) })).toEqual([
      { year: '1999', day: '12', dayBytes: '12' },
    ]);
  });

  test('$week counts weeks from Sunday, days before the first Sunday of the year in week 0', async () => {
    await samples().add([{ at: new Date('2019-01-05T10:00:00Z') }, { at: new Date('2019-01-06T10:00:00Z') }, { at: new Date('2019-05-14T10:00:00Z') }]);
    expect(await project({ week: $().week('$at'), isoWeek: $().isoWeek('$at') })).toEqual([
      { week: 0, isoWeek: 1 },
      { week: 1, isoWeek: 1 },
      { week: 19, isoWeek: 20 },
    ]);
  });
});

test('field names starting with $ are refused on insert (and set()), and nothing is stored', async () => {
  const refused = { code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('$where') };
  await expect(samples().add({ kind: 'x', $where: 1 })).rejects.toMatchObject(refused);
  await expect(samples().add([{ kind: 'ok' }, { kind: 'x', nested: [{ $where: 1 }] }])).rejects.toMatchObject(refused);
  await samples().add({ _id: 'a', kind: 'a' });
  await expect(
    h.engine.handle({ action: 'database.modifyDocument', collectionName: SAMPLES.name, query: '{"_id":"a"}', data: '{"kind":{"$where":1}}', merge: false, upsert: true }),
  ).resolves.toMatchObject({ code: expect.stringMatching(/^DATABASE_/) });
  expect((await samples().get()).data).toEqual([{ _id: 'a', kind: 'a' }]);
});

test('db.ObjectId as _id and as a field value: stored and answered as its hexadecimal string, and found by it', async () => {
  const id = '65a1b2c3d4e5f60718293a4b';
  const other = '65a1b2c3d4e5f60718293a4c';
  const added = await samples().add({ _id: h.db.ObjectId({ id }), kind: 'oid', inviter: h.db.ObjectId({ id: other }) });
  expect(added.id).toBe(id);
  const found = await samples()
    .where({ inviter: h.db.ObjectId({ id: other }) })
    .get();
  expect(found.data).toEqual([{ _id: id, kind: 'oid', inviter: other }]);
  expect((await samples().doc(id).get()).data).toHaveLength(1);
});
