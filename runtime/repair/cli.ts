/**
 * One-off repairs, without timers (a repair must be the only writer of what it rewrites while it
 * runs). Without `--write` a repair lists what differs and exits 1 when anything does; with it,
 * writes. By default on the local store (the runtime started on a free port, as the seed does);
 * with `--cloud`, on the CloudBase environment the deploy's settings name (runtime/repair/target.ts),
 * at the real time.
 *
 *   npm run repair-counters [-- --write] [--cloud]            recounts the statistics counters from every
 *                                                             case (runtime/repair/caseCounters.ts) and the
 *                                                             visit counters from every reception day, booking
 *                                                             and reception record (runtime/repair/visitCounters.ts)
 *   npm run repair-station-positions [-- --write] [--cloud]   gives each station the position the nearest-
 *                                                             stations query finds it by (runtime/repair/stationPositions.ts)
 */
import tcb from '@cloudbase/node-sdk';
import { systemClock } from '../../miniprogram/shared/domain/time';
import { startRuntime } from '../server';
import { repairCaseCounters } from './caseCounters';
import { repairStationPositions } from './stationPositions';
import { repairVisitCounters } from './visitCounters';
import { repairTarget } from './target';

type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Each repair: runs, prints what it found, and answers the ids that differed. */
const REPAIRS: Record<string, (db: Database, now: Date, write: boolean) => Promise<string[]>> = {
  counters: async (db, now, write) => {
    const report = await repairCaseCounters(db, now, { write });
    console.log(`recounted ${report.cases} cases into ${report.counters} counter documents; ${report.differing.length} differed${write ? ' and were rewritten' : ''}`);
    const visits = await repairVisitCounters(db, { write });
    console.log(
      `recounted ${visits.days} reception days into ${visits.counters} visit counter documents; ${visits.differing.length} differed${write ? ' and were rewritten' : ''}`,
    );
    return [...report.differing, ...visits.differing];
  },
  'station-positions': async (db, _now, write) => {
    const report = await repairStationPositions(db, { write });
    console.log(`read ${report.stations} stations; ${report.differing.length} lacked their position${write ? ' and were given it' : ''}`);
    return report.differing;
  },
};

async function main(): Promise<void> {
  const [name] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const repair = REPAIRS[name ?? ''];
  if (!repair) {
    console.error(`name a repair: ${Object.keys(REPAIRS).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const write = process.argv.includes('--write');
  const report = (differing: string[]) => {
    for (const id of differing.slice(0, 20)) console.log(`  ${id}`);
    if (!write && differing.length > 0) process.exitCode = 1;
  };
  const target = repairTarget(process.argv, process.env);
  if (target.kind === 'invalid') {
    console.error([`repair ${name} --cloud 需要这些设置 / needs these settings:`, ...target.problems].join('\n'));
    process.exitCode = 2;
    return;
  }
  if (target.kind === 'cloud') {
    const { envId, secretId, secretKey, sessionToken } = target;
    report(await repair(tcb.init({ env: envId, secretId, secretKey, ...(sessionToken ? { sessionToken } : {}) }).database(), systemClock.now(), write));
    return;
  }
  const runtime = await startRuntime({ port: 0, timers: false });
  try {
    report(await repair(tcb.init({ env: runtime.config.envId }).database(), runtime.clock.now(), write));
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
