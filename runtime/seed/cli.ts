/** `npm run seed`: starts the runtime on a free port, seeds an empty store, stops. */
import { seedIfEmpty } from '.';
import { startRuntime } from '../server';

async function main(): Promise<void> {
  const runtime = await startRuntime({ port: 0 });
  try {
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
