/**
 * `npm run bench`: how fast and how frugal the back end is, on this machine.
 * - latency (p50, p99) and throughput of one read and one write action at 1, 10 and 50
 *   concurrent callers, through the local runtime over HTTP;
 * - an indexed database read through @cloudbase/node-sdk at the same concurrency;
 * - query time over 100,000 documents with and without a declared index;
 * - database requests each action makes (CloudBase's basic plan allows ~30 a second);
 * - the store's start-up time and memory (bench/storeOpen.ts; at city size, whole runtime starts: bench/runtimeStart.ts);
 * - the mini-program's main package size against its 400 KB budget;
 * - each function's bundle size and cold start, beside the build shipped before (bench/coldStart.ts).
 * The runtime runs in a child process (bench/runtimeProcess.ts), as it would on its own host.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { applySdkEnvironment } from '../runtime/functions/sdkEnvironment';
import { DB_REQUESTS_HEADER } from '../runtime/server';
import { measureActions } from './actions';
import { runCityBench } from './cityBench';
import { benchBookingRace, BOOKING_RACE_HEADERS } from './booking';
import { COLD_START_HEADERS, measureColdStarts } from './coldStart';
import { measurePackageSize } from './packageSize';
import { benchPlanLimits, PLAN_LIMIT_HEADERS, PLAN_QPS } from './planLimits';
import { fillQueryCollection, measureIndexedReadLoad, measureQueries } from './queries';
import { load, table } from './stats';
import { measureStoreOpen, STORE_OPEN_HEADERS } from './storeOpen';

const LEVELS = [1, 10, 50];
const CALLS_PER_LEVEL = 400;

async function startRuntimeProcess(dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', resolve(__dirname, 'runtimeProcess.ts')], {
    env: { ...process.env, ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((done, reject) => {
    createInterface({ input: child.stdout }).once('line', done);
    child.once('exit', (code) => reject(new Error(`runtime exited with ${code}`)));
  });
  return { child, ...(JSON.parse(firstLine) as { url: string; adminUrl: string; envId: string; seedSeconds: number }) };
}

/** A runtime process on a throwaway data folder, for the city bench (bench/cityBench.ts). */
async function startThrowawayRuntime(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-bench-'));
  const runtime = await startRuntimeProcess(dataDir, env);
  return {
    ...runtime,
    dataDir,
    /** Idempotent: waiting for an exit that already happened would leave nothing to wake the bench. */
    async stop() {
      const { child } = runtime;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
    discard() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) a process has used, from /proc; NaN where there is no /proc. */
function processCpuMs(pid: number | undefined): number {
  const stat = pid === undefined ? undefined : `/proc/${pid}/stat`;
  if (stat === undefined || !existsSync(stat)) return NaN;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  if (argValue('--scale') === 'city') {
    await runCityBench(startThrowawayRuntime, Number(argValue('--fraction') ?? 1));
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-bench-'));
  const runtime = await startRuntimeProcess(dataDir);
  applySdkEnvironment(runtime.adminUrl, runtime.envId);
  try {
    const post = async (fn: string, event: unknown, openid?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers['x-wx-openid'] = openid;
      const res = await fetch(`${runtime.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
      const body = (await res.json()) as { ok?: boolean; code?: string };
      if (!body.ok) throw new Error(`${fn} answered ${body.code ?? res.status}`);
      return Number(res.headers.get(DB_REQUESTS_HEADER));
    };

    await fillQueryCollection(runtime.envId);
    const rows: Array<Array<string | number>> = [];
    const cpuRows: Array<Array<string | number>> = [];
    for (const concurrency of LEVELS) {
      const read = await load(concurrency, CALLS_PER_LEVEL, async () => {
        await post('directory', { action: 'directory.getDeputy', payload: { deputyId: 'dp-003' } });
      });
      rows.push(['function read  directory.getDeputy', concurrency, read.p50, read.p99, read.perSecond]);
      const write = await load(concurrency, CALLS_PER_LEVEL, async (i) => {
        await post('account', { action: 'account.updatePreferences', payload: { fontScale: i % 2 ? 'large' : 'extraLarge' } }, `bench-${i % 200}`);
      });
      rows.push(['function write account.updatePreferences', concurrency, write.p50, write.p99, write.perSecond]);
      const runtimeCpu = processCpuMs(runtime.child.pid);
      const callerCpu = process.cpuUsage();
      const indexed = await measureIndexedReadLoad(runtime.envId, concurrency, CALLS_PER_LEVEL);
      const callerMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(callerCpu));
      rows.push(['database indexed read (node-sdk)', concurrency, indexed.p50, indexed.p99, indexed.perSecond]);
      cpuRows.push([concurrency, (processCpuMs(runtime.child.pid) - runtimeCpu) / CALLS_PER_LEVEL, callerMs / CALLS_PER_LEVEL]);
    }
    console.log('\nLocal runtime over HTTP (target: indexed read p99 < 20 ms at 50 callers)');
    console.log(table(['call', 'callers', 'p50 ms', 'p99 ms', 'calls/s'], rows));
    console.log('\nIndexed read, CPU per read (what the latencies above are made of; steady on a busy machine, where latencies are not)');
    console.log(table(['callers', 'runtime CPU ms', 'caller (node-sdk) CPU ms'], cpuRows));

    console.log('\nDatabase requests per action (budget: a page load ≤ 2)');
    console.log(table(['action', 'db requests'], await measureActions(post)));

    console.log('\nBooking race (capacity must hold: granted = seats)');
    console.log(table(BOOKING_RACE_HEADERS, await benchBookingRace(runtime.url)));

    console.log(`\nThe plan's limits: reception-day morning at about three times LXQ_DB_QPS=${PLAN_QPS}, residents retrying as the mini-program does`);
    const limited = await startThrowawayRuntime({ LXQ_DB_QPS: String(PLAN_QPS) });
    try {
      const limitCounts = async () => (await fetch(`${limited.url}/limits`)).json() as Promise<{ databaseRefused: number; databaseAdmitted: number }>;
      console.log(table(PLAN_LIMIT_HEADERS, await benchPlanLimits(limited.url, limitCounts)));
    } finally {
      await limited.stop();
      limited.discard();
    }

    console.log('\nQuery over 100,000 documents, one caller');
    console.log(table(['query', 'index', 'median ms', 'p99 ms'], await measureQueries(runtime.envId)));

    console.log('\nStore start-up, 24,000 opinions: the first open, then medians of 3 fresh processes');
    console.log(table(STORE_OPEN_HEADERS, await measureStoreOpen()));

    console.log('\nMini-program package');
    console.log(table(['package', 'KB', 'budget KB'], measurePackageSize()));

    console.log('\nCloud functions: bundle size and cold start, medians of 7 fresh processes (aim: own code < 250 KB, in-process < 150 ms)');
    console.log(table(COLD_START_HEADERS, await measureColdStarts()));
  } finally {
    runtime.child.kill('SIGTERM');
    await new Promise((done) => runtime.child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
