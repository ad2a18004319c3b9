/**
 * `npm run bench -- --scale city [--fraction F]`: the first-screen actions on the demo seed, then
 * on the city seed, side by side; ends with the number of queries no declared index served and
 * the action whose cost grew most from demo to city.
 */
import { shanghaiDate, systemClock } from '../miniprogram/shared/domain/time';
import { applySdkEnvironment } from '../runtime/functions/sdkEnvironment';
import type { UnindexedQuery } from '../runtime/database/indexUse';
import { costRatio, firstScreenCalls, measureFirstScreens, type Measured } from './firstScreens';
import { table } from './stats';
import { measureRuntimeStarts, RUNTIME_START_HEADERS } from './runtimeStart';

export interface BenchRuntime {
  url: string;
  /** The SDK endpoint with the runtime's token. */
  adminUrl: string;
  envId: string;
  seedSeconds: number;
  /** The runtime's data folder, kept after stop() until discard(). */
  dataDir: string;
  stop(): Promise<void>;
  discard(): void;
}

type Start = (env: Record<string, string>) => Promise<BenchRuntime>;

async function unindexed(url: string): Promise<UnindexedQuery[]> {
  const res = await fetch(`${url}/database/unindexed`);
  return ((await res.json()) as { queries: UnindexedQuery[] }).queries;
}

interface SeedMeasures {
  rows: Measured[];
  unindexed: UnindexedQuery[];
  seedSeconds: number;
  /** Start-up of a runtime on the seeded data folder after the seeding one stopped (bench/runtimeStart.ts). */
  starts: Array<Array<string | number>>;
}

async function measureSeed(start: Start, seed: 'demo' | 'city', fraction: number): Promise<SeedMeasures> {
  // One bench caller stands for many staff and residents: per-caller rate limits (casework.stats' 60 in
  // ten minutes) would refuse what this table measures, the cost of each call.
  const unlimited = { LXQ_RATE_LIMIT_SCALE: '1000' };
  const runtime = await start(seed === 'city' ? { ...unlimited, LXQ_BENCH_SEED: 'city', LXQ_CITY_FRACTION: String(fraction) } : unlimited);
  try {
    applySdkEnvironment(runtime.adminUrl, runtime.envId);
    await fetch(`${runtime.url}/database/unindexed`, { method: 'DELETE' });
    const calls = await firstScreenCalls(runtime.url, runtime.envId, seed, shanghaiDate(systemClock.now()));
    const rows = await measureFirstScreens(runtime.url, calls);
    const found = await unindexed(runtime.url);
    await runtime.stop();
    return { rows, unindexed: found, seedSeconds: runtime.seedSeconds, starts: measureRuntimeStarts(`${seed} seed`, runtime.dataDir, seed === 'city' ? 1 : undefined) };
  } finally {
    await runtime.stop();
    runtime.discard();
  }
}

export async function runCityBench(start: Start, fraction: number): Promise<void> {
  const demo = await measureSeed(start, 'demo', fraction);
  const city = await measureSeed(start, 'city', fraction);
  console.log(`\nFirst-screen actions, demo seed vs city seed (fraction ${fraction}; city seeded in ${city.seedSeconds.toFixed(0)} s)`);
  const rows: Array<Array<string | number>> = [];
  let worst = { ratio: 0, action: '' };
  city.rows.forEach((c, i) => {
    const d = demo.rows[i] as Measured;
    const ratio = costRatio(d, c);
    if (ratio > worst.ratio) worst = { ratio, action: c.action };
    rows.push([
      c.action,
      c.concurrency,
      d.databaseRequests,
      c.databaseRequests,
      d.documentsRead,
      c.documentsRead,
      d.documentsAnswered,
      c.documentsAnswered,
      d.p50,
      d.p99,
      c.p50,
      c.p99,
      d.failed + c.failed,
      ratio,
    ]);
  });
  console.log(
    table(
      [
        'action',
        'callers',
        'db req demo',
        'db req city',
        'docs demo',
        'docs city',
        'shown demo',
        'shown city',
        'p50 demo',
        'p99 demo',
        'p50 city',
        'p99 city',
        'failed',
        'city/demo cost',
      ],
      rows,
    ),
  );
  console.log("\nRuntime start-up on each seed's data folder, from process start: the first answer, then every collection loaded in the background");
  console.log(table(RUNTIME_START_HEADERS, [...demo.starts, ...city.starts]));
  const found = [...demo.unindexed, ...city.unindexed];
  if (found.length > 0) {
    console.log('\nUnindexed queries');
    console.log(
      table(
        ['seed', 'collection', 'action', 'filter', 'times'],
        [...demo.unindexed.map((q) => ['demo', q.collection, q.action, q.filter, q.count]), ...city.unindexed.map((q) => ['city', q.collection, q.action, q.filter, q.count])],
      ),
    );
  }
  console.log(`unindexed queries: ${found.reduce((sum, q) => sum + q.count, 0)}`);
  console.log(`worst city/demo cost ratio: ${worst.ratio.toFixed(2)} (${worst.action})`);
}
