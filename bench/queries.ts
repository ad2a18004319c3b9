import tcb from '@cloudbase/node-sdk';
import type { CollectionSpec } from '../infra/database';
import { percentile } from './stats';

/** A collection of the benchmark's own: `indexed` is declared as an index, `plain` is not. */
export const QUERY_BENCH_COLLECTION: CollectionSpec = {
  name: 'bench_documents',
  indexes: [{ name: 'indexed_1', keys: [{ field: 'indexed', direction: 1 }] }],
  rule: { read: false, write: false },
};

const DOCUMENTS = 100_000;
const BATCH = 1_000;
const RUNS = 30;

export async function measureQueries(envId: string): Promise<Array<[string, string, number, number]>> {
  const db = tcb.init({ env: envId }).database();
  const collection = db.collection(QUERY_BENCH_COLLECTION.name);
  for (let start = 0; start < DOCUMENTS; start += BATCH) {
    const docs = Array.from({ length: BATCH }, (_, k) => {
      const n = start + k;
      return { indexed: `key-${n % 5000}`, plain: `key-${n % 5000}`, n, note: '联络站接待记录' };
    });
    await collection.add(docs);
  }
  const time = async (field: 'indexed' | 'plain') => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      const { data } = await collection.where({ [field]: `key-${(i * 37) % 5000}` }).limit(100).get();
      samples.push(performance.now() - t0);
      if (data.length !== DOCUMENTS / 5000) throw new Error(`expected ${DOCUMENTS / 5000} matches, got ${data.length}`);
    }
    samples.sort((a, b) => a - b);
    return [percentile(samples, 50), percentile(samples, 99)] as const;
  };
  const indexed = await time('indexed');
  const plain = await time('plain');
  return [
    ['where({ indexed: k }) → 20 docs', 'declared', ...indexed],
    ['where({ plain: k }) → 20 docs', 'none (full scan)', ...plain],
  ];
}
