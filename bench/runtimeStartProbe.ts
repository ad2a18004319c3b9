/**
 * Starts the runtime on the data folder argv[2] in a fresh process and prints, as one JSON line, how
 * long after the process started (Node's own boot and tsx included) it listened, answered a first
 * function call (directory.listStations, the resident's first screen), and had every collection
 * loaded, with the memory it held at the first answer and once loaded.
 */
import { performance } from 'node:perf_hooks';
import { startRuntime } from '../runtime/server';

export interface RuntimeStart {
  listeningMs: number;
  firstAnswerMs: number;
  firstAnswerRss: number;
  loadedMs: number;
  loadedRss: number;
  loadedHeap: number;
  records: number;
}

async function probe(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ port: 0, dataDir, timers: false });
  const listeningMs = performance.now();
  const answer = await fetch(`${runtime.url}/fn/directory`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'directory.listStations', payload: {} }),
  });
  if (!answer.ok || (await answer.json()) === null) throw new Error(`directory.listStations answered HTTP ${answer.status}`);
  const firstAnswerMs = performance.now();
  const firstAnswerRss = process.memoryUsage().rss;
  const report = await runtime.database.loadAll();
  const loadedMs = performance.now();
  const { rss, heapUsed } = process.memoryUsage();
  await runtime.stop();
  const records = report.collections.reduce((sum, collection) => sum + collection.documents, 0);
  const start: RuntimeStart = { listeningMs, firstAnswerMs, firstAnswerRss, loadedMs, loadedRss: rss, loadedHeap: heapUsed, records };
  process.stdout.write(`${JSON.stringify(start)}\n`);
}

probe(process.argv[2] as string).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
