/**
 * Start-up of the store: a data folder with 24,000 opinions (the size the pilot city reached) is
 * opened by fresh processes, which report how long opening took (the lock and the clock's floor;
 * collections load when first used), how long until every collection was loaded (every checksum
 * verified), and the memory each then holds: first from the logs alone, then from the snapshots that
 * first load wrote plus the logs' tails (medians of 3). The city bench measures whole runtime starts
 * instead (bench/runtimeStart.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EJSON } from 'bson';
import { DATABASE } from '../infra/database';
import { shanghaiInstant, fixedClock } from '../miniprogram/shared/domain/time';
import { openDatabase } from '../runtime/database';

export const STORE_OPEN_HEADERS = ['store', 'records', 'log MB', 'open ms', 'all loaded ms', 'rss MB', 'heap MB'];
const RECORDS = 24_000;
const BATCH = 200;
const RUNS = 3;
const clock = fixedClock(shanghaiInstant('2026-11-18', '10:00'));

/** An opinion-sized document (about 1 KB, as a resident's opinion with its timeline is). */
function opinion(i: number): Record<string, unknown> {
  const at = new Date(clock.now().getTime() - i * 60_000);
  return {
    _id: `bench-op-${i}`,
    trackingNo: `LXQ-BENCH-${String(i).padStart(6, '0')}`,
    authorOpenid: `bench-resident-${i % 3000}`,
    title: '小区门口路灯不亮，晚上出行不便',
    content: '我们小区东门外的三盏路灯已经坏了两周，晚上老人孩子出行很不安全，希望有关部门尽快修复。'.repeat(4),
    status: ['submitted', 'accepted', 'answered', 'closed'][i % 4],
    areaPath: ['area-linjiang', 'area-jiangnan', 'area-jn-beishan'],
    createdAt: at,
    updatedAt: at,
    timeline: [{ at, kind: 'submitted', by: 'resident' }],
  };
}

async function fill(dataDir: string): Promise<number> {
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock });
  try {
    for (let i = 0; i < RECORDS; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, RECORDS - i) }, (_, k) => EJSON.stringify(opinion(i + k), { relaxed: false }));
      const answer = await engine.handle({ action: 'database.insertDocument', collectionName: 'opinions', data: docs });
      if (answer.code !== undefined) throw new Error(String(answer.message));
    }
    return engine.cut().opinions ?? 0;
  } finally {
    await engine.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

interface OpenRun {
  openMs: number;
  loadedMs: number;
  rss: number;
  heap: number;
  records: number;
}

/** Opens the store at dataDir in a fresh process (bench/storeOpenProbe.ts). */
function openInFreshProcess(dataDir: string): OpenRun {
  const probe = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', resolve(__dirname, 'storeOpenProbe.ts'), dataDir], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`store open probe failed: ${probe.stderr}`);
  return JSON.parse(probe.stdout.trim().split('\n').at(-1) as string) as OpenRun;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function folderBytes(dataDir: string, suffix: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.endsWith(suffix))
    .reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
}

/**
 * Start-up of a data folder as it is: the first open replays every log in full (and writes each
 * collection's snapshot, runtime/database/snapshot.ts); the next opens load the snapshots and
 * replay only the logs' tails. Two rows: the first open, and the median of RUNS later ones.
 */
export function measureOpenings(label: string, dataDir: string): Array<Array<string | number>> {
  const logBytes = folderBytes(dataDir, '.log');
  const first = openInFreshProcess(dataDir);
  const later = Array.from({ length: RUNS }, () => openInFreshProcess(dataDir));
  return [
    [`${label}: first open (logs replayed, snapshots written)`, first.records, mb(logBytes), Math.round(first.openMs), Math.round(first.loadedMs), mb(first.rss), mb(first.heap)],
    [
      `${label}: later opens (snapshot + log tail)`,
      first.records,
      mb(logBytes),
      Math.round(median(later.map((r) => r.openMs))),
      Math.round(median(later.map((r) => r.loadedMs))),
      mb(median(later.map((r) => r.rss))),
      mb(median(later.map((r) => r.heap))),
    ],
  ];
}

export async function measureStoreOpen(): Promise<Array<Array<string | number>>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-bench-store-'));
  try {
    await fill(dataDir);
    return measureOpenings('opinions', dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
