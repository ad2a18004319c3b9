/**
 * The runtime under benchmark, in a process of its own so that the load generator does not
 * compete with it for the same core. Prints its URL as one JSON line, then serves until killed.
 * LXQ_BENCH_SEED=city seeds the city (runtime/seed/city, LXQ_CITY_FRACTION of it) instead of the demo.
 */
import { DATABASE } from '../infra/database';
import { seedIfEmpty } from '../runtime/seed';
import { seedCity } from '../runtime/seed/city';
import { configFromEnv } from '../runtime/config';
import { startRuntime } from '../runtime/server';
import { QUERY_BENCH_COLLECTION } from './queries';

async function main(): Promise<void> {
  // Seeding is no traffic of the plan's: its limits (LXQ_DB_QPS…) apply once the data is in. Timers stay
  // off: an hourly firing over a seeded city (the duty timer's publication, the casework timer closing
  // unrated cases) would land in the middle of the measured calls and be counted as theirs.
  const runtime = await startRuntime({ port: 0, limits: {}, timers: false }, [...DATABASE, QUERY_BENCH_COLLECTION]);
  let seedSeconds = 0;
  if (process.env.LXQ_BENCH_SEED === 'city') {
    const report = await seedCity(runtime.database, runtime.clock.now(), { fraction: Number(process.env.LXQ_CITY_FRACTION ?? 1) });
    seedSeconds = report.seconds;
    console.error(`[bench] city seeded in ${report.seconds.toFixed(1)} s: ${JSON.stringify(report.counts)}`);
  } else {
    await seedIfEmpty(runtime.config.envId, runtime.clock.now());
  }
  runtime.gate.apply(configFromEnv().limits);
  process.stdout.write(`${JSON.stringify({ url: runtime.url, adminUrl: runtime.adminUrl, envId: runtime.config.envId, seedSeconds })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
