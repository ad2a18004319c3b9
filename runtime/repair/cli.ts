/**
 * `npm run repair-counters [-- --write] [-- --cloud]`: recounts the statistics counters from every
 * case (runtime/repair/caseCounters.ts) and lists the counter documents that differ; with
 * `--write`, writes the recount over them. By default on the local store (the runtime started on a
 * free port, as the seed does); with `--cloud`, on the CloudBase environment the deploy settings
 * name (runtime/repair/target.ts), at the real time. Run it while nothing else writes cases.
 */
import tcb from '@cloudbase/node-sdk';
import { systemClock } from '../../miniprogram/shared/domain/time';
import { startRuntime } from '../server';
import { repairCaseCounters } from './caseCounters';
import { repairTarget } from './target';

type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

async function recount(db: Database, now: Date, write: boolean): Promise<void> {
  const report = await repairCaseCounters(db, now, { write });
  console.log(`recounted ${report.cases} cases into ${report.counters} counter documents; ${report.differing.length} differed${write ? ' and were rewritten' : ''}`);
  for (const id of report.differing.slice(0, 20)) console.log(`  ${id}`);
  if (!write && report.differing.length > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const target = repairTarget(process.argv, process.env);
  if (target.kind === 'invalid') {
    console.error(['repair-counters --cloud 需要这些设置 / needs these settings:', ...target.problems].join('\n'));
    process.exitCode = 2;
    return;
  }
  if (target.kind === 'cloud') {
    const { envId, secretId, secretKey, sessionToken } = target;
    await recount(tcb.init({ env: envId, secretId, secretKey, ...(sessionToken ? { sessionToken } : {}) }).database(), systemClock.now(), write);
    return;
  }
  // No timers: the recount must be the only writer of cases and counters while it runs.
  const runtime = await startRuntime({ port: 0, timers: false });
  try {
    await recount(tcb.init({ env: runtime.config.envId }).database(), runtime.clock.now(), write);
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
