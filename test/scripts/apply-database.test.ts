import { DATABASE, type IndexSpec } from '../../infra/database';
import { applyDatabase, planIndexes, toCloudBaseIndex, toSafeRuleParam, type ExistingIndex } from '../../scripts/apply-database';
import { fakeCloudBaseDatabase } from '../support/cloudbaseDatabase';

const ENV = 'lianxinqiao-test';

describe('our index declarations in CloudBase terms', () => {
  it('maps a unique compound index, keeping key order and direction', () => {
    const spec: IndexSpec = {
      name: 'stationId_1_date_-1',
      keys: [
        { field: 'stationId', direction: 1 },
        { field: 'date', direction: -1 },
      ],
      unique: true,
    };
    expect(toCloudBaseIndex(spec)).toEqual({
      IndexName: 'stationId_1_date_-1',
      MgoKeySchema: {
        MgoIndexKeys: [
          { Name: 'stationId', Direction: '1' },
          { Name: 'date', Direction: '-1' },
        ],
        MgoIsUnique: true,
      },
    });
  });

  it('sends a geospatial key as the 2dsphere direction', () => {
    expect(toCloudBaseIndex({ name: 'position_2dsphere', keys: [{ field: 'position', direction: '2dsphere' }] })).toEqual({
      IndexName: 'position_2dsphere',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'position', Direction: '2dsphere' }], MgoIsUnique: false },
    });
  });

  it('makes an index without `unique` a non-unique one', () => {
    expect(toCloudBaseIndex({ name: 'name_1', keys: [{ field: 'name', direction: 1 }] }).MgoKeySchema.MgoIsUnique).toBe(false);
  });

  it('turns "deny all clients" into a custom rule that reads and writes nothing', () => {
    for (const collection of DATABASE) {
      expect(toSafeRuleParam(ENV, collection)).toEqual({
        EnvId: ENV,
        CollectionName: collection.name,
        AclTag: 'CUSTOM',
        Rule: '{"read":false,"write":false}',
      });
    }
  });
});

describe('planning index changes', () => {
  const wanted: IndexSpec[] = [
    { name: 'code_1', keys: [{ field: 'code', direction: 1 }], unique: true },
    { name: 'areaId_1', keys: [{ field: 'areaId', direction: 1 }] },
  ];
  const idIndex: ExistingIndex = { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false };

  it('creates every declared index on a fresh collection, leaving _id_ alone', () => {
    expect(planIndexes(wanted, [idIndex])).toEqual({ create: wanted.map(toCloudBaseIndex), conflicts: [] });
  });

  it('creates nothing when the indexes are already there', () => {
    const existing: ExistingIndex[] = [
      idIndex,
      { Name: 'code_1', Keys: [{ Name: 'code', Direction: '1' }], Unique: true },
      { Name: 'areaId_1', Keys: [{ Name: 'areaId', Direction: '1' }], Unique: false },
    ];
    expect(planIndexes(wanted, existing)).toEqual({ create: [], conflicts: [] });
  });

  it('reports a declared name taken by an index with other keys or uniqueness', () => {
    const existing: ExistingIndex[] = [
      { Name: 'code_1', Keys: [{ Name: 'code', Direction: '1' }], Unique: false },
      { Name: 'areaId_1', Keys: [{ Name: 'areaId', Direction: '-1' }] },
    ];
    expect(planIndexes(wanted, existing)).toEqual({ create: [], conflicts: ['code_1', 'areaId_1'] });
  });
});

/** An environment as manager-node sees it, remembering every call. */
function fakeEnvironment() {
  const calls: string[] = [];
  return { ...fakeCloudBaseDatabase(calls), calls };
}

describe('applying infra/database.ts', () => {
  it('gives a fresh environment every collection, index and rule', async () => {
    const env = fakeEnvironment();
    await applyDatabase(env.manager, ENV, () => undefined);

    for (const collection of DATABASE) {
      const names = (env.tables.get(collection.name) ?? []).map((index) => index.Name);
      expect(names).toEqual(['_id_', ...collection.indexes.map((index) => index.name)]);
      expect(env.rules.get(collection.name)).toEqual({ AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' });
    }
    const stations = env.tables.get('stations') ?? [];
    expect(stations.find((index) => index.Name === 'code_1')?.Unique).toBe(true);
    // The nearest-stations query (geoNear) needs a geospatial index on the stations' GeoJSON position.
    expect(stations.find((index) => index.Name === 'position_2dsphere')).toMatchObject({ Keys: [{ Name: 'position', Direction: '2dsphere' }], Unique: false });
  });

  it('changes no index on a second run', async () => {
    const env = fakeEnvironment();
    await applyDatabase(env.manager, ENV, () => undefined);
    env.calls.length = 0;
    await applyDatabase(env.manager, ENV, () => undefined);
    expect(env.calls.filter((call) => call.startsWith('index'))).toEqual([]);
  });

  it('stops at an index that exists under a declared name with other keys', async () => {
    const env = fakeEnvironment();
    env.tables.set('stations', [{ Name: 'code_1', Keys: [{ Name: 'stationCode', Direction: '1' }], Unique: true }]);
    await expect(applyDatabase(env.manager, ENV, () => undefined)).rejects.toThrow(/stations: index code_1 exists with other keys/);
  });
});
