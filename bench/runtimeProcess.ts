/**
 * The runtime under benchmark, in a process of its own so that the load generator does not
 * compete with it for the same core. Prints its URL as one JSON line, then serves until killed.
 */
import { DATABASE } from '../infra/database';
import { seedIfEmpty } from '../runtime/seed';
import { startRuntime } from '../runtime/server';
import { QUERY_BENCH_COLLECTION } from './queries';

async function main(): Promise<void> {
  const runtime = await startRuntime({ port: 0 }, [...DATABASE, QUERY_BENCH_COLLECTION]);
  await seedIfEmpty(runtime.config.envId, runtime.clock.now());
  process.stdout.write(`${JSON.stringify({ url: runtime.url, envId: runtime.config.envId })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
