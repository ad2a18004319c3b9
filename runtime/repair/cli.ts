/**
 * `npm run repair-counters [-- --write]`: recounts the statistics counters from every case of the
 * store (runtime/repair/caseCounters.ts) and the visit counters from every reception day, booking
 * and reception record (runtime/repair/visitCounters.ts), and lists the counter documents that differ; with
 * `--write`, writes the recount over them. Starts the runtime on a free port, as the seed does.
 */
import tcb from '@cloudbase/node-sdk';
import { startRuntime } from '../server';
import { repairCaseCounters } from './caseCounters';
import { repairVisitCounters } from './visitCounters';

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  // No timers: the recount must be the only writer of cases and counters while it runs.
  const runtime = await startRuntime({ port: 0, timers: false });
  try {
    const db = tcb.init({ env: runtime.config.envId }).database();
    const report = await repairCaseCounters(db, runtime.clock.now(), { write });
    console.log(`recounted ${report.cases} cases into ${report.counters} counter documents; ${report.differing.length} differed${write ? ' and were rewritten' : ''}`);
    for (const id of report.differing.slice(0, 20)) console.log(`  ${id}`);
    const visits = await repairVisitCounters(db, { write });
    console.log(
      `recounted ${visits.days} reception days into ${visits.counters} visit counter documents; ${visits.differing.length} differed${write ? ' and were rewritten' : ''}`,
    );
    for (const id of visits.differing.slice(0, 20)) console.log(`  ${id}`);
    if (!write && report.differing.length + visits.differing.length > 0) process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
