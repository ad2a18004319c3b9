/**
 * Reads through the real @cloudbase/node-sdk: what a cloud function sees when it queries the local
 * runtime the way it queries CloudBase.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { HARNESS_CLOCK, useHarness } from './sdk-harness';

const h = useHarness(DATABASE);

const deputies = () => h.db.collection(COLLECTIONS.deputies);

async function seedDeputies(): Promise<void> {
  await deputies().add([
    { _id: 'd1', code: 'D1', name: '王芳', age: 52, stationIds: ['s1', 's2'], office: { district: '东城', floor: 3 } },
    { _id: 'd2', code: 'D2', name: '李明', age: 38, stationIds: ['s2'], office: { district: '西城', floor: 1 } },
    { _id: 'd3', code: 'D3', name: '张伟', age: 45, stationIds: [], office: { district: '东城', floor: 5 } },
    { _id: 'd4', code: 'D4', name: '赵敏', age: 61, stationIds: ['s3'], retired: true },
  ]);
}

const ids = (docs: Array<{ _id?: unknown }>) => docs.map((doc) => doc._id);

test('add() without an _id gets one generated the CloudBase way: 32 hex characters', async () => {
  const { id } = await deputies().add({ code: 'X', name: 'n' });
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  const batch = await deputies().add([{ code: 'Y' }, { code: 'Z' }]);
  expect(batch.ids).toHaveLength(2);
  expect(new Set([id, ...(batch.ids ?? [])]).size).toBe(3);
});

test('doc(id).get() returns the document, or an empty list when there is none', async () => {
  await seedDeputies();
  const found = await deputies().doc('d2').get();
  expect(found.data).toEqual([{ _id: 'd2', code: 'D2', name: '李明', age: 38, stationIds: ['s2'], office: { district: '西城', floor: 1 } }]);
  expect((await deputies().doc('missing').get()).data).toEqual([]);
});

test('where() with equality, nested objects (dotted paths) and array membership', async () => {
  await seedDeputies();
  expect(ids((await deputies().where({ name: '张伟' }).get()).data)).toEqual(['d3']);
  expect(
    ids(
      (
        await deputies()
          .where({ office: { district: '东城' } })
          .get()
      ).data,
    ),
  ).toEqual(['d1', 'd3']);
  expect(ids((await deputies().where({ 'office.floor': 5 }).get()).data)).toEqual(['d3']);
  expect(ids((await deputies().where({ stationIds: 's2' }).get()).data)).toEqual(['d1', 'd2']);
});

test('where() with db.command operators: gt, in, and, or, exists, neq', async () => {
  await seedDeputies();
  const _ = h.db.command;
  const query = async (criteria: object) => ids((await deputies().where(criteria).get()).data);
  expect(await query({ age: _.gt(45) })).toEqual(['d1', 'd4']);
  expect(await query({ code: _.in(['D2', 'D4', 'nope']) })).toEqual(['d2', 'd4']);
  expect(await query({ age: _.gte(38).and(_.lt(50)) })).toEqual(['d2', 'd3']);
  expect(await query(_.or([{ age: _.lt(40) }, { retired: true }]))).toEqual(['d2', 'd4']);
  expect(await query(_.and([{ office: { district: '东城' } }, { age: _.gt(50) }]))).toEqual(['d1']);
  expect(await query({ retired: _.exists(false) })).toEqual(['d1', 'd2', 'd3']);
  expect(await query({ code: _.neq('D1'), stationIds: _.size(1) })).toEqual(['d2', 'd4']);
});

test('where() with db.RegExp and a JavaScript RegExp', async () => {
  await deputies().add([
    { code: 'A', name: 'Alice Wang' },
    { code: 'B', name: 'bob li' },
    { code: 'C', name: 'Carol' },
  ]);
  const byDbRegExp = await deputies()
    .where({ name: h.db.RegExp({ regexp: '^[ab]', options: 'i' }) })
    .get();
  expect(byDbRegExp.data.map((doc) => doc.code)).toEqual(['A', 'B']);
  const byJsRegExp = await deputies().where({ name: /li/ }).get();
  expect(byJsRegExp.data.map((doc) => doc.code)).toEqual(['A', 'B']);
});

test('orderBy(), skip(), limit() and field() shape the result', async () => {
  await seedDeputies();
  const page = await deputies().orderBy('age', 'desc').skip(1).limit(2).field({ name: true, age: true }).get();
  expect(page.data).toEqual([
    { _id: 'd1', name: '王芳', age: 52 },
    { _id: 'd3', name: '张伟', age: 45 },
  ]);
  const withoutOffice = await deputies().where({ _id: 'd2' }).field({ office: false, stationIds: false }).get();
  expect(withoutOffice.data).toEqual([{ _id: 'd2', code: 'D2', name: '李明', age: 38 }]);
  const byTwoKeys = await deputies().orderBy('office.district', 'asc').orderBy('age', 'asc').get();
  expect(ids(byTwoKeys.data)).toEqual(['d4', 'd3', 'd1', 'd2']);
});

test('get() returns at most 100 documents unless a limit says otherwise', async () => {
  await h.db.collection(COLLECTIONS.accounts).add(Array.from({ length: 150 }, (_, n) => ({ n })));
  expect((await h.db.collection(COLLECTIONS.accounts).get()).data).toHaveLength(100);
  expect((await h.db.collection(COLLECTIONS.accounts).limit(120).get()).data).toHaveLength(120);
  const last = await h.db.collection(COLLECTIONS.accounts).skip(140).get();
  expect(last.data.map((doc) => doc.n)).toEqual([140, 141, 142, 143, 144, 145, 146, 147, 148, 149]);
});

test('count() counts what where() selects', async () => {
  await seedDeputies();
  expect((await deputies().count()).total).toBe(4);
  expect(
    (
      await deputies()
        .where({ age: h.db.command.lt(50) })
        .count()
    ).total,
  ).toBe(2);
});

test('dates round-trip as Dates and compare as dates; db.serverDate() is the server clock', async () => {
  await h.db.collection(COLLECTIONS.receptionDays).add([
    { stationId: 's1', date: '2025-03-01', opensAt: new Date('2025-03-01T01:00:00Z'), createdAt: h.db.serverDate() },
    { stationId: 's1', date: '2025-03-08', opensAt: new Date('2025-03-08T01:00:00Z'), createdAt: h.db.serverDate({ offset: 60_000 }) },
  ]);
  const later = await h.db
    .collection(COLLECTIONS.receptionDays)
    .where({ opensAt: h.db.command.gt(new Date('2025-03-05T00:00:00Z')) })
    .get();
  expect(later.data.map((doc) => doc.date)).toEqual(['2025-03-08']);
  expect(later.data[0].opensAt).toEqual(new Date('2025-03-08T01:00:00Z'));
  const created = later.data[0].createdAt as Date;
  expect(created).toBeInstanceOf(Date);
  expect(created.getTime()).toBe(HARNESS_CLOCK.now().getTime() + 60_000);
});
