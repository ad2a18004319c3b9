/**
 * `npm run seed`: starts the runtime on a free port, seeds an empty store, stops.
 * `npm run seed -- --scale city [--fraction 0.1]`: a whole city instead of the demo (runtime/seed/city).
 */
import { seedIfEmpty } from '.';
import { startRuntime } from '../server';
import { seedCity } from './city';
import { parseSeedArgs } from './city/args';

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  // No timers: an hourly firing over half-seeded data would slow the seed and change what it wrote.
  const runtime = await startRuntime({ port: 0, timers: false });
  try {
    if (args.scale === 'city') {
      const roots = await runtime.database.handle({
        action: 'database.getDocument',
        collectionName: 'areas',
        queryType: 'WHERE',
        query: JSON.stringify({ parentId: null }),
        limit: 1,
      });
      if (((roots.data as { list?: unknown[] } | undefined)?.list ?? []).length > 0) {
        console.log(`${runtime.config.dataDir} already has data; nothing seeded`);
        return;
      }
      const report = await seedCity(runtime.database, runtime.clock.now(), { fraction: args.fraction, log: (line) => console.log(`  ${line}`) });
      console.log(`seeded the city (fraction ${args.fraction}) in ${report.seconds.toFixed(1)} s: ${JSON.stringify(report.counts)} into ${runtime.config.dataDir}`);
      return;
    }
    const report = await seedIfEmpty(runtime.config.envId, runtime.clock.now());
    console.log(report.seeded ? `seeded ${JSON.stringify(report.counts)} into ${runtime.config.dataDir}` : `${runtime.config.dataDir} already has data; nothing seeded`);
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
