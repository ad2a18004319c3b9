/**
 * $lookup reads the joined collection through its indexes (runtime/database/lookup.ts): the
 * candidates it asks for, and that the answer is the one the whole collection gives.
 */
import { narrowingResolver } from '../../../runtime/database/lookup';
import { runPipeline } from '../../../runtime/database/semantics';
import type { Document } from '../../../runtime/database/ejson';

const DAYS: Document[] = [
  { _id: 'd1', stationId: 's1', date: '2026-12-15', cancelled: false },
  { _id: 'd2', stationId: 's2', date: '2026-12-15', cancelled: false },
  { _id: 'd3', stationId: 's1', date: '2027-01-15', cancelled: true },
  { _id: 'd4', stationId: 's1', date: '2027-02-15', cancelled: false },
];
const DEPUTIES: Document[] = [
  { _id: 'p1', name: '王芳', stationIds: ['s1', 's2'] },
  { _id: 'p2', name: '李明', stationIds: ['s2'] },
];
const COLLECTIONS: Record<string, Document[]> = { days: DAYS, deputies: DEPUTIES };
const STATIONS: Document[] = [{ _id: 's1' }, { _id: 's2' }];

/** A resolver that records what it was asked, answering candidates by a plain filter on equal fields. */
function recordingResolver() {
  const asked = { whole: [] as string[], narrowed: [] as Array<{ name: string; criteria: Document }> };
  const resolver = narrowingResolver(
    (name) => {
      asked.whole.push(name);
      return structuredClone(COLLECTIONS[name] ?? []);
    },
    (name, criteria) => {
      asked.narrowed.push({ name, criteria });
      // A superset on purpose: the whole stage must still decide what joins.
      return structuredClone(COLLECTIONS[name] ?? []);
    },
  );
  return { resolver, asked };
}

const upcomingDays = [
  {
    $lookup: {
      from: 'days',
      let: { stationId: '$_id' },
      pipeline: [
        { $match: { $expr: { $and: [{ $eq: ['$stationId', '$$stationId'] }, { $gte: ['$date', '2026-12-01'] }, { $ne: ['$cancelled', true] }] } } },
        { $sort: { date: 1 } },
        { $project: { _id: 1 } },
      ],
      as: 'days',
    },
  },
];

test('a correlated $lookup asks for the joined documents equal on the let variable, never the whole collection', () => {
  const { resolver, asked } = recordingResolver();
  const joined = runPipeline(structuredClone(STATIONS), upcomingDays, resolver);
  expect(joined).toEqual([
    { _id: 's1', days: [{ _id: 'd1' }, { _id: 'd4' }] },
    { _id: 's2', days: [{ _id: 'd2' }] },
  ]);
  expect(asked.whole).toEqual([]);
  expect(asked.narrowed).toEqual([
    { name: 'days', criteria: { stationId: 's1' } },
    { name: 'days', criteria: { stationId: 's2' } },
  ]);
});

test('$in on an array field and localField/foreignField narrow too', () => {
  const { resolver, asked } = recordingResolver();
  const byArray = runPipeline(
    structuredClone(STATIONS),
    [
      {
        $lookup: { from: 'deputies', let: { id: '$_id' }, pipeline: [{ $match: { $expr: { $in: ['$$id', '$stationIds'] } } }, { $project: { name: 1, _id: 0 } }], as: 'deputies' },
      },
    ],
    resolver,
  );
  const byField = runPipeline(structuredClone(STATIONS), [{ $lookup: { from: 'deputies', localField: '_id', foreignField: 'stationIds', as: 'deputies' } }], resolver);
  expect(byArray.map((s) => s.deputies)).toEqual([[{ name: '王芳' }], [{ name: '王芳' }, { name: '李明' }]]);
  expect(byField.map((s) => (s.deputies as Document[]).map((d) => d._id))).toEqual([['p1'], ['p1', 'p2']]);
  expect(asked.whole).toEqual([]);
  expect(asked.narrowed.map((a) => a.criteria)).toEqual([{ stationIds: 's1' }, { stationIds: 's2' }, { stationIds: { $in: ['s1'] } }, { stationIds: { $in: ['s2'] } }]);
});

test('a join with no equality to derive reads the whole collection, and answers alike', () => {
  const { resolver, asked } = recordingResolver();
  const joined = runPipeline(
    structuredClone(STATIONS.slice(0, 1)),
    [{ $lookup: { from: 'days', pipeline: [{ $match: { cancelled: true } }, { $project: { _id: 1 } }], as: 'cancelled' } }],
    resolver,
  );
  // The plain $match is a filter the indexes may serve, so it narrows; an $expr of ranges alone does not.
  expect(joined).toEqual([{ _id: 's1', cancelled: [{ _id: 'd3' }] }]);
  expect(asked.narrowed).toEqual([{ name: 'days', criteria: { cancelled: true } }]);
  const ranges = runPipeline(
    structuredClone(STATIONS.slice(0, 1)),
    [{ $lookup: { from: 'days', pipeline: [{ $match: { $expr: { $gte: ['$date', '2027-01-01'] } } }, { $project: { _id: 1 } }], as: 'later' } }],
    resolver,
  );
  expect(ranges).toEqual([{ _id: 's1', later: [{ _id: 'd3' }, { _id: 'd4' }] }]);
  expect(asked.whole).toEqual(['days']);
});

test('where no index serves the derived filter, a stage copies the whole collection once, not once per outer document', () => {
  const whole: string[] = [];
  const resolver = narrowingResolver(
    (name) => {
      whole.push(name);
      return structuredClone(COLLECTIONS[name] ?? []);
    },
    () => undefined,
  );
  const joined = runPipeline(structuredClone(STATIONS), upcomingDays, resolver);
  expect(joined.map((s) => (s.days as Document[]).length)).toEqual([2, 1]);
  expect(whole).toEqual(['days']);
});
