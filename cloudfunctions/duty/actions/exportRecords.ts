import { randomBytes } from 'node:crypto';
import type { Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { inTurns } from '../../core/inTurns';
import { deputyFor, findDeputiesInScope, loadDutyCaller } from '../access';
import { buildRecord, RECORDS_AT_ONCE } from '../record';
import { dutyWorkbook } from '../workbook';

/**
 * Staff: a year's duty records as Excel in cloud storage (exports/duty/…), for one deputy they cover
 * or for every deputy of their scope, with a temporary URL to download it.
 */
export const exportRecords: Handler<'duty.export'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['staff']);
  const staff = caller.staff!;
  const deputies = deputyId ? [await deputyFor(ctx, { ...caller, deputy: null }, deputyId)] : await findDeputiesInScope(ctx, staff);
  const records = await inTurns(deputies, RECORDS_AT_ONCE, (deputy) => buildRecord(ctx, deputy, year));
  const content = await dutyWorkbook(records, ctx.now);
  const scope = deputyId ?? staff.stationId ?? staff.areaId;
  const fileID = await uploadBuffer({ cloudPath: `exports/duty/${year}-${scope}-${randomBytes(6).toString('hex')}.xlsx`, content });
  const [file] = await getDownloadUrls([fileID]);
  const name = deputyId ? (records[0]?.deputyName ?? deputyId) : '本辖区';
  return { fileID, url: file?.url ?? '', fileName: `代表履职档案_${name}_${year}.xlsx`, deputyCount: records.length };
};
