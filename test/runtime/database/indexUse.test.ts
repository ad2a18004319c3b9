import type { CollectionSpec } from '../../../infra/database';
import { COLLECTIONS, DATABASE, index } from '../../../infra/database';
import { filterShape, IndexUse } from '../../../runtime/database/indexUse';
import { startTestRuntime, type TestRuntime } from '../../support/runtime';

const SCHEMA: CollectionSpec[] = [
  {
    name: 'cases',
    indexes: [index('areaPath', 'status'), index('deadline.dueAt')],
    rule: { read: false, write: false },
  },
];

describe('which filters a declared index serves', () => {
  const use = new IndexUse(SCHEMA);

  it('serves equality, $in and ranges on an index’s leading field, and _id', () => {
    expect(use.serves('cases', { areaPath: 'a' })).toBe(true);
    expect(use.serves('cases', { areaPath: { $in: ['a', 'b'] }, text: /x/ })).toBe(true);
    expect(use.serves('cases', { 'deadline.dueAt': { $lt: new Date(0) } })).toBe(true);
    expect(use.serves('cases', { deadline: { dueAt: new Date(0) } })).toBe(true);
    expect(use.serves('cases', { _id: 'x' })).toBe(true);
    expect(use.serves('cases', { $and: [{ status: 'x' }, { areaPath: 'a' }] })).toBe(true);
  });

  it('does not serve a filter on a second key alone, a negation, or nothing at all', () => {
    expect(use.serves('cases', { status: 'x' })).toBe(false);
    expect(use.serves('cases', { areaPath: { $ne: 'a' } })).toBe(false);
    expect(use.serves('cases', {})).toBe(false);
  });

  it('serves an $or only when every branch is served', () => {
    expect(use.serves('cases', { $or: [{ areaPath: 'a' }, { _id: 'b' }] })).toBe(true);
    expect(use.serves('cases', { $or: [{ areaPath: 'a' }, { status: 'b' }] })).toBe(false);
  });

  it('serves a read with no filter when it is sorted by an indexed field', () => {
    expect(use.serves('cases', {}, { _id: 1 })).toBe(true);
    expect(use.serves('cases', {}, { status: 1 })).toBe(false);
  });

  it('names the filter by its shape, without the values', () => {
    expect(JSON.stringify(filterShape({ status: 'x', 'deadline.dueAt': { $lt: new Date(0) }, areaPath: { $in: ['a', 'b'] } }))).toBe(
      '{"status":"?","deadline.dueAt":{"$lt":"?"},"areaPath":{"$in":["?"]}}',
    );
  });

  it('counts each unserved filter, warning on the first only', () => {
    const counting = new IndexUse(SCHEMA);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    counting.observe('cases', 'getDocument', { status: 'a' }, undefined, 'casework');
    counting.observe('cases', 'getDocument', { status: 'b' }, undefined, 'casework');
    counting.observe('cases', 'calculateDocument', {}, undefined, 'casework');
    counting.observe('cases', 'getDocument', { areaPath: 'a' }, undefined, 'casework');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/unindexed query from casework: cases getDocument \{"status":"\?"\}/);
    warn.mockRestore();
    expect(counting.total()).toBe(3);
    expect(counting.report()).toEqual([
      { collection: 'cases', action: 'getDocument', functionName: 'casework', filter: '{"status":"?"}', count: 2 },
      { collection: 'cases', action: 'calculateDocument', functionName: 'casework', filter: '{}', count: 1 },
    ]);
  });
});

describe('a geoNear query and the 2dsphere index', () => {
  // What the SDK sends for db.command.geoNear (the stations nearest a phone, directory.nearestStations).
  const near = { position: { $nearSphere: { $geometry: { type: 'Point', coordinates: [114.3, 30.5] }, $maxDistance: 50_000 } } };

  it('is served by the stations’ 2dsphere index on its field, alone or with active: true', () => {
    const declared = new IndexUse(DATABASE);
    expect(declared.serves(COLLECTIONS.stations, near)).toBe(true);
    expect(declared.serves(COLLECTIONS.stations, { ...near, active: true })).toBe(true);
  });

  it('is not served where no index leads with its field', () => {
    const undeclared = new IndexUse([{ name: 'places', indexes: [index('position.type')], rule: { read: false, write: false } }]);
    expect(undeclared.serves('places', near)).toBe(false);
  });
});

describe('the local runtime reports the unindexed queries the functions make', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime({ seed: false });
  });
  afterAll(() => rt.stop());

  const request = (query: object, action = 'database.getDocument') => ({ action, collectionName: COLLECTIONS.opinions, queryType: 'WHERE', query: JSON.stringify(query) });

  it('names a function’s query on a field no index leads, and neither an indexed one nor the runtime’s own', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { database } = rt.runtime;
    await database.handle(request({ stationId: 'st-1' }), { functionName: 'opinion' });
    await database.handle(request({ category: 'transport' }, 'database.calculateDocument'), { functionName: 'casework' });
    await database.handle(request({ category: 'transport' }));
    warn.mockRestore();
    expect(database.unindexedQueries()).toEqual([{ collection: 'opinions', action: 'calculateDocument', functionName: 'casework', filter: '{"category":"?"}', count: 1 }]);
    // This file made one on purpose: the suite-wide check (test/support/unindexedQueries.ts) must not fail it.
    database.resetUnindexedQueries();
  });
});
