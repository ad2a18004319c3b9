/**
 * Applies infra/database.ts to a real CloudBase environment: creates the collections that are
 * missing, creates the indexes that are missing (unique ones included) and sets every collection's
 * security rule. Safe to run again: what is already there is left alone, and an index that exists
 * under a declared name with other keys stops the run instead of being dropped.
 *
 *   ENV_ID=<env id> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… tsx scripts/apply-database.ts
 *   tsx scripts/apply-database.ts --dry-run      prints what would be applied, calls nothing
 *
 * Talks to CloudBase through @cloudbase/manager-node (a devDependency): database.createCollectionIfNotExists,
 * database.describeCollection / updateCollection({ CreateIndexes }) (TCB API DescribeTable / UpdateTable),
 * and commonService().call ModifySafeRule / DescribeSafeRule (TCB API 2018-06-08).
 */
import { createRequire } from 'node:module';
import { DATABASE, type CollectionSpec, type IndexSpec } from '../infra/database';

/** An index as TCB's UpdateTable takes it. */
export interface CloudBaseIndex {
  IndexName: string;
  MgoKeySchema: {
    MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' | '2dsphere' }>;
    MgoIsUnique: boolean;
  };
}

/** An index as TCB's DescribeTable reports it. */
export interface ExistingIndex {
  Name: string;
  Keys?: Array<{ Name?: string; Direction?: string }>;
  Unique?: boolean;
}

export interface SafeRuleParam {
  EnvId: string;
  CollectionName: string;
  AclTag: 'CUSTOM';
  Rule: string;
}

export function toCloudBaseIndex(index: IndexSpec): CloudBaseIndex {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: key.direction === '2dsphere' ? '2dsphere' : key.direction === 1 ? '1' : '-1' })),
      MgoIsUnique: index.unique === true,
    },
  };
}

function sameIndex(existing: ExistingIndex, wanted: CloudBaseIndex): boolean {
  const keys = existing.Keys ?? [];
  const wantedKeys = wanted.MgoKeySchema.MgoIndexKeys;
  return (
    (existing.Unique === true) === wanted.MgoKeySchema.MgoIsUnique &&
    keys.length === wantedKeys.length &&
    keys.every((key, i) => key.Name === wantedKeys[i]?.Name && String(key.Direction) === wantedKeys[i]?.Direction)
  );
}

/** Which declared indexes to create, and which declared names are taken by a different index. */
export function planIndexes(wanted: readonly IndexSpec[], existing: readonly ExistingIndex[]): { create: CloudBaseIndex[]; conflicts: string[] } {
  const create: CloudBaseIndex[] = [];
  const conflicts: string[] = [];
  for (const index of wanted.map(toCloudBaseIndex)) {
    const present = existing.find((candidate) => candidate.Name === index.IndexName);
    if (!present) create.push(index);
    else if (!sameIndex(present, index)) conflicts.push(index.IndexName);
  }
  return { create, conflicts };
}

/** Our rule as a CloudBase custom security rule ("deny all clients" is { read: false, write: false }). */
export function toSafeRuleParam(envId: string, collection: CollectionSpec): SafeRuleParam {
  return {
    EnvId: envId,
    CollectionName: collection.name,
    AclTag: 'CUSTOM',
    Rule: JSON.stringify({ read: collection.rule.read, write: collection.rule.write }),
  };
}

function sameRule(readBack: unknown, collection: CollectionSpec): boolean {
  if (typeof readBack !== 'string') return false;
  try {
    const rule = JSON.parse(readBack) as Record<string, unknown>;
    return Object.keys(rule).length === 2 && rule.read === collection.rule.read && rule.write === collection.rule.write;
  } catch {
    return false;
  }
}

/** The part of @cloudbase/manager-node (v3+) this script uses. */
export interface DatabaseManager {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
    describeCollection(name: string): Promise<{ Indexes?: ExistingIndex[] }>;
    updateCollection(name: string, change: { CreateIndexes: CloudBaseIndex[] }): Promise<unknown>;
  };
  commonService(
    service?: string,
    version?: string,
  ): {
    call(request: { Action: string; Param: Record<string, unknown> }): Promise<Record<string, unknown>>;
  };
}

type Log = (line: string) => void;

export async function applyDatabase(manager: DatabaseManager, envId: string, log: Log = console.log): Promise<void> {
  const tcb = manager.commonService();
  for (const collection of DATABASE) {
    const { IsCreated } = await manager.database.createCollectionIfNotExists(collection.name);
    log(`${collection.name}: ${IsCreated ? 'created' : 'exists'}`);

    const { Indexes = [] } = await manager.database.describeCollection(collection.name);
    const { create, conflicts } = planIndexes(collection.indexes, Indexes);
    if (conflicts.length > 0) {
      throw new Error(`${collection.name}: index ${conflicts.join(', ')} exists with other keys; drop it in the console, then run again`);
    }
    if (create.length > 0) {
      await manager.database.updateCollection(collection.name, { CreateIndexes: create });
      const after = await manager.database.describeCollection(collection.name);
      const still = planIndexes(collection.indexes, after.Indexes ?? []);
      if (still.create.length > 0) throw new Error(`${collection.name}: index ${still.create.map((i) => i.IndexName).join(', ')} did not appear`);
      log(`${collection.name}: indexes created: ${create.map((i) => i.IndexName).join(', ')}`);
    }

    const rule = toSafeRuleParam(envId, collection);
    await tcb.call({ Action: 'ModifySafeRule', Param: { ...rule } });
    const current = await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: collection.name } });
    if (current.AclTag !== rule.AclTag || !sameRule(current.Rule, collection)) {
      throw new Error(`${collection.name}: security rule reads back as ${String(current.AclTag)} ${String(current.Rule)}`);
    }
    log(`${collection.name}: security rule ${rule.Rule}`);
  }
}

export const ENV_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

const MANAGER_PACKAGE = '@cloudbase/manager-node';
// Loaded at run time: only this script needs it, and the type check must not depend on it.
const nodeRequire = createRequire(__filename);

/** Throws, saying what to do, unless credentials and the manager package are there; deploy.ts checks this first. */
export function checkApplyPrerequisites(): void {
  if (!process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY) {
    throw new Error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (an API key allowed to manage the environment)');
  }
  try {
    nodeRequire.resolve(MANAGER_PACKAGE);
  } catch {
    throw new Error(`${MANAGER_PACKAGE} is not installed: it is a devDependency of this project; run npm ci`);
  }
}

function loadManager(envId: string): DatabaseManager {
  checkApplyPrerequisites();
  const exported = nodeRequire(MANAGER_PACKAGE) as unknown;
  const CloudBase = ((exported as { default?: unknown }).default ?? exported) as new (config: Record<string, string>) => DatabaseManager;
  const token = process.env.TENCENTCLOUD_SESSIONTOKEN;
  return new CloudBase({
    secretId: process.env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? '',
    envId,
    ...(token ? { token } : {}),
  });
}

export function describePlan(envId: string): string[] {
  return DATABASE.flatMap((collection) => [
    `collection ${collection.name}`,
    ...collection.indexes.map((index) => `  index ${JSON.stringify(toCloudBaseIndex(index))}`),
    `  ModifySafeRule ${JSON.stringify(toSafeRuleParam(envId, collection))}`,
  ]);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const envId = process.env.ENV_ID ?? '';
  if (!ENV_ID_PATTERN.test(envId)) throw new Error('set ENV_ID to the CloudBase environment id, e.g. ENV_ID=lianxinqiao-1a2b3c');
  if (argv.includes('--dry-run')) {
    console.log(`would apply infra/database.ts to ${envId}:`);
    for (const line of describePlan(envId)) console.log(line);
    return;
  }
  console.log(`applying infra/database.ts to ${envId}`);
  await applyDatabase(loadManager(envId), envId);
  console.log('database applied');
}

if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
