/**
 * `npm run backup [-- <folder>]`: a consistent copy of DATA_DIR, also while the runtime serves
 *   (default folder: .data/backups/<time>).
 * `npm run restore -- <backup folder>`: replaces DATA_DIR with a verified backup, keeping the
 *   current folder aside; refuses while a runtime uses DATA_DIR.
 * `npm run verify-store [-- <folder>]`: checks every record's checksum in DATA_DIR or a backup;
 *   exit code 1 when anything is damaged.
 */
import { resolve } from 'node:path';
import { systemClock } from '../../miniprogram/shared/domain/time';
import { configFromEnv } from '../config';
import { backupStore, describeVerification, restoreStore, verifyStore } from '.';

async function main(command: string | undefined, argument: string | undefined): Promise<number> {
  const { dataDir } = configFromEnv();
  if (command === 'backup') {
    const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
    const destination = resolve(argument ?? resolve(__dirname, '..', '..', '.data', 'backups', stamp));
    const report = await backupStore(dataDir, destination);
    for (const line of describeVerification(report.verification)) console.log(line);
    console.log(`backup of ${dataDir} (cut taken from the ${report.cut}) written to ${destination}`);
    console.log(`restore it with: DATA_DIR=${dataDir} npm run restore -- ${destination}`);
    return report.verification.ok ? 0 : 1;
  }
  if (command === 'restore') {
    if (!argument) throw new Error('usage: npm run restore -- <backup folder>');
    const report = restoreStore(resolve(argument), dataDir);
    console.log(`${dataDir} restored from ${resolve(argument)}${report.previous ? `; its previous content is kept in ${report.previous}` : ''}`);
    return 0;
  }
  if (command === 'verify') {
    const report = verifyStore(resolve(argument ?? dataDir));
    for (const line of describeVerification(report)) console.log(line);
    return report.ok ? 0 : 1;
  }
  throw new Error('usage: cli.ts backup [folder] | restore <backup folder> | verify [folder]');
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
