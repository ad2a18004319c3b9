/**
 * What the engine refuses, and that a refusal leaves nothing behind: duplicate keys on unique
 * indexes, missing collections, operators it cannot answer faithfully, ended transactions, bad requests.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE);

const stations = () => h.db.collection(COLLECTIONS.stations);
const receptionDays = () => h.db.collection(COLLECTIONS.receptionDays);
const duplicate = { code: 'DATABASE_DUPLICATE_WRITE', message: expect.stringContaining('E11000 duplicate key error') };

async function codes(): Promise<unknown[]> {
  return (await stations().orderBy('_id', 'asc').get()).data.map((doc) => doc.code);
}

describe('unique indexes', () => {
  beforeEach(async () => {
    await stations().add([
      { _id: 's1', code: 'S1', areaId: 'a1' },
      { _id: 's2', code: 'S2', areaId: 'a1' },
    ]);
  });

  test('an insert repeating a unique key is refused with DATABASE_DUPLICATE_WRITE', async () => {
    await expect(stations().add({ code: 'S1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: 'E11000 duplicate key error collection: stations index: code_1 dup key: { code: "S1" }',
    });
    await expect(stations().add({ _id: 's2', code: 'S9' })).rejects.toMatchObject(duplicate);
    expect(await codes()).toEqual(['S1', 'S2']);
  });

  test('a batch insert with one duplicate writes none of the batch', async () => {
    await expect(stations().add([{ code: 'S3' }, { code: 'S4' }, { code: 'S3' }])).rejects.toMatchObject(duplicate);
    await expect(
      stations().add([
        { _id: 'x', code: 'S5' },
        { _id: 'x', code: 'S6' },
      ]),
    ).rejects.toMatchObject(duplicate);
    expect(await codes()).toEqual(['S1', 'S2']);
  });

  test('a multi update that would make two documents share a key changes none of them', async () => {
    await expect(stations().where({ areaId: 'a1' }).update({ code: 'SAME' })).rejects.toMatchObject(duplicate);
    await expect(stations().doc('s2').update({ code: 'S1' })).rejects.toMatchObject(duplicate);
    expect(await codes()).toEqual(['S1', 'S2']);
    expect((await stations().doc('s1').update({ code: 'S1', name: 'kept its own key' })).updated).toBe(1);
  });

  test('a compound unique index refuses only the repeated combination', async () => {
    await receptionDays().add([
      { stationId: 's1', date: '2025-03-01' },
      { stationId: 's1', date: '2025-03-08' },
    ]);
    await receptionDays().add({ stationId: 's2', date: '2025-03-01' });
    await expect(receptionDays().add({ stationId: 's1', date: '2025-03-08' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('index: stationId_1_date_1 dup key: { stationId: "s1", date: "2025-03-08" }'),
    });
    expect((await receptionDays().count()).total).toBe(3);
  });

  test('as in MongoDB, a missing unique field counts as null: only one document may lack it', async () => {
    await stations().add({ name: 'no code yet' });
    await expect(stations().add({ name: 'no code either' })).rejects.toMatchObject(duplicate);
  });

  test('refusals leave a consistent store behind, also after a restart', async () => {
    await expect(stations().add([{ code: 'S3' }, { code: 'S1' }])).rejects.toMatchObject(duplicate);
    await h.restart();
    expect(await codes()).toEqual(['S1', 'S2']);
    await stations().add({ code: 'S3' });
    expect((await stations().where({ code: 'S3' }).count()).total).toBe(1);
  });
});

test('a collection neither declared in infra/database.ts nor created does not exist', async () => {
  const missing = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.stringContaining('"nope"') };
  await expect(h.db.collection('nope').add({ a: 1 })).rejects.toMatchObject(missing);
  await expect(h.db.collection('nope').get()).rejects.toMatchObject(missing);
});

describe('operators the local runtime cannot answer faithfully are refused, never answered wrongly', () => {
  const refused = (operator: string) => ({
    code: 'DATABASE_INVALID_OPERRATOR',
    message: expect.stringContaining(operator),
  });

  test('legacy planar geo operators and $geoNear anywhere but first', async () => {
    const box = await h.engine.handle({
      action: 'database.getDocument',
      collectionName: 'stations',
      queryType: 'WHERE',
      query: '{"location":{"$geoWithin":{"$box":[[0,0],[1,1]]}}}',
    });
    expect(box).toMatchObject(refused('$box'));
    await expect(
      stations()
        .aggregate()
        .match({ code: 'S1' })
        .geoNear({ near: new h.db.Geo.Point(116.4, 39.9), distanceField: 'd' })
        .end(),
    ).rejects.toMatchObject(refused('$geoNear'));
  });

  test('full-text search, server-side JavaScript and operators mingo does not know', async () => {
    await expect(
      stations()
        .where({ $text: { $search: '联络站' } })
        .get(),
    ).rejects.toMatchObject(refused('$text'));
    await expect(stations().where({ $where: 'this.code == "S1"' }).count()).rejects.toMatchObject(refused('$where'));
    await expect(
      stations()
        .aggregate()
        .project({ x: { $noSuchOperator: 1 } })
        .end(),
    ).rejects.toMatchObject(refused('$noSuchOperator'));
  });
});

describe('malformed requests get an answer, not an exception', () => {
  const handle = (body: Record<string, unknown>) => h.engine.handle(body);

  test.each([
    [{ action: 'database.fly' }, 'INVALID_ACTION'],
    [{ action: 'constructor' }, 'INVALID_ACTION'],
    [{ action: 'database.getDocument' }, 'INVALID_PARAM'],
    [{ action: 'database.getDocument', collectionName: 'stations', query: '{not json' }, 'INVALID_PARAM'],
    [{ action: 'database.getDocument', collectionName: 'stations', limit: -1 }, 'INVALID_PARAM'],
    [{ action: 'database.insertDocument', collectionName: 'stations', data: ['[1]'] }, 'INVALID_PARAM'],
    [{ action: 'database.modifyDocument', collectionName: 'stations', data: '{"$set":{"a":1},"b":2}' }, 'INVALID_PARAM'],
    [{ action: 'database.getDocument', collectionName: 'stations', query: '{"name":{"$regularExpression":{"pattern":"a b","options":"x"}}}' }, 'INVALID_PARAM'],
    [{ action: 'database.getDocument', collectionName: 'stations', transactionId: 't1' }, 'DATABASE_TRANSACTION_FAIL'],
  ])('%j → %s', async (body, code) => {
    await expect(handle(body)).resolves.toEqual({ code, message: expect.any(String), requestId: expect.any(String) });
  });

  test('after close(), requests are answered with SYS_ERR', async () => {
    await h.engine.close();
    await expect(handle({ action: 'database.getDocument', collectionName: 'stations' })).resolves.toMatchObject({
      code: 'SYS_ERR',
    });
  });
});
