/**
 * Start-up of the runtime on a seeded data folder, as a person starting it sees it: fresh processes
 * (bench/runtimeStartProbe.ts) report when the first function call was answered and when every
 * collection was loaded in the background, with the memory held at each. The first start after
 * seeding loads the logs in full (and writes the snapshots); later ones load snapshots and log tails.
 *
 * `npx tsx bench/runtimeStart.ts <DATA_DIR>` measures a folder seeded beforehand
 * (`DATA_DIR=… npm run seed -- --scale city --fraction F`).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { RuntimeStart } from './runtimeStartProbe';
import { table } from './stats';

export const RUNTIME_START_HEADERS = ['start', 'records', 'first answer s', 'rss at first answer MB', 'all loaded s', 'rss loaded MB', 'heap loaded MB'];
const LATER_RUNS = 3;

function startInFreshProcess(dataDir: string): RuntimeStart {
  const probe = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', resolve(__dirname, 'runtimeStartProbe.ts'), dataDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (probe.status !== 0) throw new Error(`runtime start probe failed: ${probe.stderr}`);
  return JSON.parse(probe.stdout.trim().split('\n').at(-1) as string) as RuntimeStart;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function row(label: string, runs: RuntimeStart[]): Array<string | number> {
  const of = (pick: (run: RuntimeStart) => number) => median(runs.map(pick));
  return [
    label,
    of((r) => r.records),
    seconds(of((r) => r.firstAnswerMs)),
    mb(of((r) => r.firstAnswerRss)),
    seconds(of((r) => r.loadedMs)),
    mb(of((r) => r.loadedRss)),
    mb(of((r) => r.loadedHeap)),
  ];
}

/**
 * Two rows: the first start on the folder, and the median of `laterRuns` later ones (a whole city's
 * start takes about a minute: the city bench measures one, to stay within its half hour).
 */
export function measureRuntimeStarts(label: string, dataDir: string, laterRuns = LATER_RUNS): Array<Array<string | number>> {
  const first = startInFreshProcess(dataDir);
  const later = Array.from({ length: laterRuns }, () => startInFreshProcess(dataDir));
  const which = laterRuns === 1 ? 'one' : `median of ${laterRuns}`;
  return [row(`${label}: first start (logs in full, snapshots written)`, [first]), row(`${label}: later starts (snapshots + log tails, ${which})`, later)];
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const dataDir = process.argv[2];
  if (dataDir === undefined) throw new Error('usage: npx tsx bench/runtimeStart.ts <DATA_DIR>');
  console.log(table(RUNTIME_START_HEADERS, measureRuntimeStarts(dataDir, resolve(dataDir))));
}
