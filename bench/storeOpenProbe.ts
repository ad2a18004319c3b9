/** Opens the store at argv[2] in a fresh process and prints { ms, rss, heap, records } after the open. */
import { performance } from 'node:perf_hooks';
import { DATABASE } from '../infra/database';
import { systemClock } from '../miniprogram/shared/domain/time';
import { openDatabase } from '../runtime/database';

async function probe(dataDir: string): Promise<void> {
  const started = performance.now();
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
  const ms = performance.now() - started;
  const { rss, heapUsed } = process.memoryUsage();
  const records = engine.report().collections.reduce((sum, collection) => sum + collection.documents, 0);
  await engine.close();
  process.stdout.write(`${JSON.stringify({ ms, rss, heap: heapUsed, records })}\n`);
}

void probe(process.argv[2] as string);
