/**
 * Opens the store at argv[2] in a fresh process and prints { openMs, loadedMs, rss, heap, records }:
 * how long opening took (the lock and the clock's floor; collections load on use), then how long
 * until every collection was loaded, and the memory held then.
 */
import { performance } from 'node:perf_hooks';
import { DATABASE } from '../infra/database';
import { systemClock } from '../miniprogram/shared/domain/time';
import { openDatabase } from '../runtime/database';

async function probe(dataDir: string): Promise<void> {
  const started = performance.now();
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
  const openMs = performance.now() - started;
  const report = await engine.loadAll();
  const loadedMs = performance.now() - started;
  const { rss, heapUsed } = process.memoryUsage();
  const records = report.collections.reduce((sum, collection) => sum + collection.documents, 0);
  await engine.close();
  process.stdout.write(`${JSON.stringify({ openMs, loadedMs, rss, heap: heapUsed, records })}\n`);
}

void probe(process.argv[2] as string);
