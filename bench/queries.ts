import tcb from '@cloudbase/node-sdk';
import type { CollectionSpec } from '../infra/database';
import { load, percentile, type LoadResult } from './stats';

/** A collection of the benchmark's own: `indexed` is declared as an index, `plain` is not. */
export const QUERY_BENCH_COLLECTION: CollectionSpec = {
  name: 'bench_documents',
  indexes: [{ name: 'indexed_1', keys: [{ field: 'indexed', direction: 1 }] }],
  rule: { read: false, write: false },
};

const DOCUMENTS = 100_000;
const DISTINCT_KEYS = 5_000;
const BATCH = 1_000;
const RUNS = 30;

/**
 * One SDK app per environment, made once, as a function makes it once per instance
 * (cloudfunctions/core/cloud.ts): `tcb.init` on every call is setup a function never pays per request.
 */
const apps = new Map<string, ReturnType<typeof tcb.init>>();
const collection = (envId: string) => {
  let app = apps.get(envId);
  if (app === undefined) apps.set(envId, (app = tcb.init({ env: envId })));
  return app.database().collection(QUERY_BENCH_COLLECTION.name);
};

export async function fillQueryCollection(envId: string): Promise<void> {
  const docs = collection(envId);
  for (let start = 0; start < DOCUMENTS; start += BATCH) {
    await docs.add(
      Array.from({ length: BATCH }, (_, k) => {
        const n = start + k;
        return { indexed: `key-${n % DISTINCT_KEYS}`, plain: `key-${n % DISTINCT_KEYS}`, n, note: '联络站接待记录' };
      }),
    );
  }
}

async function findByKey(envId: string, field: 'indexed' | 'plain', i: number): Promise<void> {
  const { data } = await collection(envId)
    .where({ [field]: `key-${(i * 37) % DISTINCT_KEYS}` })
    .limit(100)
    .get();
  if (data.length !== DOCUMENTS / DISTINCT_KEYS) throw new Error(`expected ${DOCUMENTS / DISTINCT_KEYS} matches, got ${data.length}`);
}

export function measureIndexedReadLoad(envId: string, concurrency: number, total: number): Promise<LoadResult> {
  return load(concurrency, total, (i) => findByKey(envId, 'indexed', i));
}

export async function measureQueries(envId: string): Promise<Array<[string, string, number, number]>> {
  const time = async (field: 'indexed' | 'plain') => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      await findByKey(envId, field, i);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return [percentile(samples, 50), percentile(samples, 99)] as const;
  };
  return [
    ['where({ indexed: k }) → 20 of 100,000', 'declared', ...(await time('indexed'))],
    ['where({ plain: k }) → 20 of 100,000', 'none (full scan)', ...(await time('plain'))],
  ];
}
