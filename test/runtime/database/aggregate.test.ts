/**
 * aggregate() through the real SDK: the stages a CloudBase project uses, $lookup in both forms, and
 * the two places where plain mingo would answer differently from MongoDB.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE, 'all');
beforeAll(async () => {
  await h.db.collection(COLLECTIONS.stations).add([
    { _id: 's1', code: 'S1', areaId: 'a1', name: '东城联络站' },
    { _id: 's2', code: 'S2', areaId: 'a1', name: '西城联络站' },
    { _id: 's3', code: 'S3', areaId: 'a2', name: '南城联络站' },
  ]);
  await h.db.collection(COLLECTIONS.deputies).add([
    { _id: 'd1', code: 'D1', name: '王芳', age: 52, stationIds: ['s1', 's2'] },
    { _id: 'd2', code: 'D2', name: '李明', age: 38, stationIds: ['s2'] },
    { _id: 'd3', code: 'D3', name: '张伟', age: 45, stationIds: ['s3'] },
    { _id: 'd4', code: 'D4', name: '赵敏', stationIds: [] },
  ]);
});

const stations = () => h.db.collection(COLLECTIONS.stations);
const deputies = () => h.db.collection(COLLECTIONS.deputies);

test('match, group with accumulators, sort, skip, limit', async () => {
  const $ = h.db.command.aggregate;
  const { data } = await stations()
    .aggregate()
    .match({ code: h.db.command.neq('none') })
    .group({ _id: '$areaId', stations: $.sum(1), names: $.push('$name') })
    .sort({ stations: -1, _id: 1 })
    .skip(0)
    .limit(5)
    .end();
  expect(data).toEqual([
    { _id: 'a1', stations: 2, names: ['东城联络站', '西城联络站'] },
    { _id: 'a2', stations: 1, names: ['南城联络站'] },
  ]);
});

test('project, addFields, unwind and count', async () => {
  const $ = h.db.command.aggregate;
  const unwound = await deputies()
    .aggregate()
    .unwind('$stationIds')
    .addFields({ label: $.concat(['$name', '@', '$stationIds']) })
    .project({ _id: 0, label: 1 })
    .end();
  expect(unwound.data.map((doc: Record<string, unknown>) => doc.label)).toEqual(['王芳@s1', '王芳@s2', '李明@s2', '张伟@s3']);
  const counted = await deputies()
    .aggregate()
    .match({ age: h.db.command.gte(40) })
    .count('older')
    .end();
  expect(counted.data).toEqual([{ older: 2 }]);
});

test('$lookup by localField/foreignField joins every deputy serving a station (multikey)', async () => {
  const { data } = await stations()
    .aggregate()
    .match({ areaId: 'a1' })
    .lookup({ from: COLLECTIONS.deputies, localField: '_id', foreignField: 'stationIds', as: 'deputies' })
    .project({ code: 1, deputyNames: '$deputies.name' })
    .end();
  expect(data).toEqual([
    { _id: 's1', code: 'S1', deputyNames: ['王芳'] },
    { _id: 's2', code: 'S2', deputyNames: ['王芳', '李明'] },
  ]);
});

test('$lookup with let and a pipeline', async () => {
  const _ = h.db.command;
  const $ = _.aggregate;
  const { data } = await stations()
    .aggregate()
    .lookup({
      from: COLLECTIONS.deputies,
      let: { stationId: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.in(['$$stationId', '$stationIds'])))
        .project({ _id: 0, name: 1 })
        .done(),
      as: 'deputies',
    })
    .sort({ _id: -1 })
    .end();
  expect(data.map((doc: Record<string, unknown>) => [doc._id, doc.deputies])).toEqual([
    ['s3', [{ name: '张伟' }]],
    ['s2', [{ name: '王芳' }, { name: '李明' }]],
    ['s1', [{ name: '王芳' }]],
  ]);
});

test('a lookup pipeline that adds fields does not change the stored documents it read', async () => {
  await stations()
    .aggregate()
    .lookup({ from: COLLECTIONS.deputies, localField: '_id', foreignField: 'stationIds', as: 'deputies' })
    .unwind('$deputies')
    .addFields({ 'deputies.age': 0 })
    .end();
  expect((await deputies().doc('d1').get()).data[0].age).toBe(52);
});

test('$bucket puts a value equal to a boundary into the bucket that starts there (as MongoDB)', async () => {
  const { data } = await deputies()
    .aggregate()
    .bucket({ groupBy: '$age', boundaries: [0, 45, 60], default: 'unknown', output: { n: h.db.command.aggregate.sum(1) } })
    .end();
  expect(data).toEqual([
    { _id: 0, n: 1 },
    { _id: 45, n: 2 },
    { _id: 'unknown', n: 1 },
  ]);
});

test('$expr compares across types in BSON order: a missing field is less than any number', async () => {
  const _ = h.db.command;
  const { data } = await deputies()
    .where(_.expr(_.aggregate.lt(['$age', 40])))
    .field({ _id: true })
    .get();
  expect(data).toEqual([{ _id: 'd2' }, { _id: 'd4' }]);
});

test('$eq in an expression compares whole values: an array does not equal one of its elements', async () => {
  const $ = h.db.command.aggregate;
  const { data } = await deputies()
    .aggregate()
    .match({ _id: 'd2' })
    .project({ _id: 0, exactly: $.eq(['$stationIds', ['s2']]), element: $.eq(['$stationIds', 's2']), differs: $.neq(['$stationIds', 's2']) })
    .end();
  expect(data).toEqual([{ exactly: true, element: false, differs: true }]);
});
