/**
 * `npm run bench`: how fast and how frugal the back end is, on this machine.
 * - latency (p50, p99) and throughput of one read and one write action at 1, 10 and 50
 *   concurrent callers, through the local runtime over HTTP;
 * - query time over 100,000 documents with and without a declared index;
 * - database requests each action makes (CloudBase's basic plan allows ~30 a second);
 * - the mini-program's main package size against its 400 KB budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../infra/database';
import { seedIfEmpty } from '../runtime/seed';
import { DB_REQUESTS_HEADER, startRuntime } from '../runtime/server';
import { measureActions } from './actions';
import { measureQueries, QUERY_BENCH_COLLECTION } from './queries';
import { measurePackageSize } from './packageSize';
import { load, table } from './stats';

const LEVELS = [1, 10, 50];
const CALLS_PER_LEVEL = 400;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-bench-'));
  const runtime = await startRuntime({ port: 0, dataDir }, [...DATABASE, QUERY_BENCH_COLLECTION]);
  try {
    await seedIfEmpty(runtime.config.envId);
    const post = async (fn: string, event: unknown, openid?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers['x-wx-openid'] = openid;
      const res = await fetch(`${runtime.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
      const body = (await res.json()) as { ok?: boolean; code?: string };
      if (!body.ok) throw new Error(`${fn} answered ${body.code ?? res.status}`);
      return Number(res.headers.get(DB_REQUESTS_HEADER));
    };

    const rows: Array<Array<string | number>> = [];
    for (const concurrency of LEVELS) {
      const read = await load(concurrency, CALLS_PER_LEVEL, async () => {
        await post('directory', { action: 'directory.getDeputy', payload: { deputyId: 'dp-003' } });
      });
      rows.push(['read  directory.getDeputy', concurrency, read.p50, read.p99, read.perSecond]);
      const write = await load(concurrency, CALLS_PER_LEVEL, async (i) => {
        await post('account', { action: 'account.updatePreferences', payload: { fontScale: i % 2 ? 'large' : 'extraLarge' } }, `bench-${i % 200}`);
      });
      rows.push(['write account.updatePreferences', concurrency, write.p50, write.p99, write.perSecond]);
    }
    console.log('\nLocal runtime over HTTP (ms; calls per second)');
    console.log(table(['action', 'callers', 'p50 ms', 'p99 ms', 'calls/s'], rows));

    console.log('\nDatabase requests per action (budget: a page load ≤ 2)');
    console.log(table(['action', 'db requests'], await measureActions(post)));

    console.log('\nQuery over 100,000 documents (ms per query, median of repeated runs)');
    console.log(table(['query', 'index', 'median ms', 'p99 ms'], await measureQueries(runtime.config.envId)));

    console.log('\nMini-program package');
    console.log(table(['package', 'KB', 'budget KB'], measurePackageSize()));
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
