import type { CloudBaseIndex, DatabaseManager, ExistingIndex } from '../../scripts/apply-database';

/**
 * A CloudBase environment's database as manager-node sees it (collections with indexes, and
 * security rules), for the scripts that apply infra/database.ts. Each call is written to `calls`:
 * `create <collection>`, `index <collection> <names>`, `rule <collection>`.
 */
export function fakeCloudBaseDatabase(calls: string[]) {
  const tables = new Map<string, ExistingIndex[]>();
  const rules = new Map<string, { AclTag: string; Rule: string }>();
  const manager: DatabaseManager = {
    database: {
      async createCollectionIfNotExists(name) {
        calls.push(`create ${name}`);
        if (tables.has(name)) return { IsCreated: false };
        tables.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }]);
        return { IsCreated: true };
      },
      async describeCollection(name) {
        return { Indexes: structuredClone(tables.get(name) ?? []) };
      },
      async updateCollection(name, { CreateIndexes }: { CreateIndexes: CloudBaseIndex[] }) {
        calls.push(`index ${name} ${CreateIndexes.map((i) => i.IndexName).join(',')}`);
        for (const index of CreateIndexes) {
          tables.get(name)?.push({
            Name: index.IndexName,
            Keys: index.MgoKeySchema.MgoIndexKeys.map(({ Name, Direction }) => ({ Name, Direction })),
            Unique: index.MgoKeySchema.MgoIsUnique,
          });
        }
      },
    },
    commonService: () => ({
      async call({ Action, Param }) {
        const name = String(Param.CollectionName);
        if (Action === 'ModifySafeRule') {
          calls.push(`rule ${name}`);
          rules.set(name, { AclTag: String(Param.AclTag), Rule: String(Param.Rule) });
          return { RequestId: 'r' };
        }
        if (Action === 'DescribeSafeRule') return { RequestId: 'r', ...(rules.get(name) ?? { AclTag: 'ADMINWRITE', Rule: null }) };
        throw new Error(`unexpected ${Action}`);
      },
    }),
  };
  return { manager, tables, rules };
}
