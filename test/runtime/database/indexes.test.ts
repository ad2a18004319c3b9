/**
 * Indexed queries over a large collection return exactly what a full scan would: the hash indexes
 * only narrow the candidates, multikey fields index each element, and the indexes follow updates.
 * (Speed is measured by the benchmarks, not asserted here.)
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const TOTAL = 100_000;
const BATCH = 2_000;

const h = useHarness(DATABASE, 'all');
beforeAll(async () => {
  const deputies = h.db.collection(COLLECTIONS.deputies);
  for (let start = 0; start < TOTAL; start += BATCH) {
    await deputies.add(
      Array.from({ length: BATCH }, (_, offset) => {
        const i = start + offset;
        return { _id: `d${i}`, code: `D${i}`, name: `name${i % 1000}`, age: i % 90, stationIds: [`s${i % 500}`, `s${(i + 1) % 500}`] };
      }),
    );
  }
}, 120_000);

const deputies = () => h.db.collection(COLLECTIONS.deputies);
const numbers = (docs: Array<Record<string, unknown>>) => docs.map((doc) => Number(String(doc._id).slice(1)));

test('equality on a unique indexed field finds the one document', async () => {
  expect((await deputies().where({ code: 'D54321' }).get()).data).toEqual([{ _id: 'd54321', code: 'D54321', name: 'name321', age: 54321 % 90, stationIds: ['s321', 's322'] }]);
  expect((await deputies().where({ code: 'D100000' }).get()).data).toEqual([]);
});

test('equality on a non-unique indexed field returns every match, in natural order', async () => {
  const { data } = await deputies().where({ name: 'name7' }).limit(1000).get();
  expect(numbers(data)).toEqual(Array.from({ length: 100 }, (_, k) => 7 + 1000 * k));
});

test('an array field indexes each element (multikey)', async () => {
  expect((await deputies().where({ stationIds: 's42' }).count()).total).toBe(400);
  const { data } = await deputies().where({ stationIds: 's42' }).limit(3).get();
  expect(numbers(data)).toEqual([41, 42, 541]);
});

test('$in, $and, $or and extra unindexed conditions combine with the index correctly', async () => {
  const _ = h.db.command;
  expect(
    (
      await deputies()
        .where({ name: _.in(['name1', 'name2']) })
        .count()
    ).total,
  ).toBe(200);
  expect(
    (
      await deputies()
        .where({ name: 'name7', age: _.gt(50) })
        .count()
    ).total,
  ).toBe(Array.from({ length: 100 }, (_, k) => (7 + 1000 * k) % 90).filter((age) => age > 50).length);
  expect(
    (
      await deputies()
        .where(_.or([{ code: 'D1' }, { code: 'D2' }, { age: 89, name: 'name89' }]))
        .count()
    ).total,
  ).toBe(2 + Array.from({ length: 100 }, (_, k) => 89 + 1000 * k).filter((i) => i % 90 === 89).length);
  expect(
    (
      await deputies()
        .where(_.and([{ stationIds: 's10' }, { stationIds: 's11' }]))
        .count()
    ).total,
  ).toBe(200);
});

test('a $in after a narrower equality keeps what both admit, in any order, as a full scan would', async () => {
  const _ = h.db.command;
  const all = Array.from({ length: TOTAL }, (_unused, i) => i);
  const stationOf = (i: number) => [i % 500, (i + 1) % 500];
  // The equality narrows to 100 documents, the $in's values hold 1,200: it keeps those of the 100 they hold.
  const expected = all.filter((i) => i % 1000 === 7 && stationOf(i).some((station) => [7, 8, 9].includes(station)));
  const { data } = await deputies()
    .where({ stationIds: _.in(['s7', 's8', 's9']), name: 'name7' })
    .limit(1000)
    .get();
  expect(numbers(data)).toEqual(expected);
  const inFirst = await deputies()
    .where(_.and([{ name: _.in(['name7', 'name8', 'name9', 'name0']) }, { stationIds: 's7' }, { age: _.gte(0) }]))
    .limit(1000)
    .get();
  expect(numbers(inFirst.data)).toEqual(all.filter((i) => [7, 8, 9, 0].includes(i % 1000) && stationOf(i).includes(7)));
  // A narrow set the $in's values hold none of.
  expect(
    (
      await deputies()
        .where({ code: 'D12345', name: _.in(['name1', 'name2']) })
        .count()
    ).total,
  ).toBe(0);
  // The equality narrows to 400, the $in's values hold 100 (one value no document holds): gathered, then what both admit.
  expect(
    (
      await deputies()
        .where({ stationIds: 's3', name: _.in(['nobody', 'name503']) })
        .count()
    ).total,
  ).toBe(all.filter((i) => i % 1000 === 503 && stationOf(i).includes(3)).length);
  // A $in of unique values inside a large equality's set: the small union, then what both admit.
  expect(
    numbers(
      (
        await deputies()
          .where({ code: _.in(['D7', 'D1007', 'D8']), name: 'name7' })
          .get()
      ).data,
    ),
  ).toEqual([7, 1007]);
});

test('indexes follow updates and removals', async () => {
  await deputies()
    .doc('d7')
    .update({ name: 'renamed', stationIds: h.db.command.push('s-new') });
  expect((await deputies().where({ name: 'name7' }).count()).total).toBe(99);
  expect(numbers((await deputies().where({ name: 'renamed' }).get()).data)).toEqual([7]);
  expect(numbers((await deputies().where({ stationIds: 's-new' }).get()).data)).toEqual([7]);
  await deputies().doc('d7').remove();
  expect((await deputies().where({ name: 'renamed' }).count()).total).toBe(0);
});
