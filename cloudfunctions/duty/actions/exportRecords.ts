import { randomBytes } from 'node:crypto';
import { exportJobView } from '../../../infra/documents/exportJobs';
import type { DutyExportFile } from '../../../miniprogram/shared/contract/duty';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { downloadUrlOf } from '../../core/exportJobs';
import type { CallContext, Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { deputyFor, loadDutyCaller } from '../access';
import { pageDeputiesInScope, readPublishedYears } from '../deputyPage';
import { queueScopeExport, RECORDS_PER_CALL, workOutPart } from '../exportJob';
import { dutyWorkbook, type SummaryLine } from '../workbook';

/** Deputies read a page at a time for a scope's export: a page is read with one more to know whether another follows, and one request answers at most a thousand. */
export const EXPORT_DEPUTY_PAGE = 500;

type DeputyPage = Awaited<ReturnType<typeof pageDeputiesInScope>>;

/**
 * Every deputy of a staff member's scope with the figures the duty timer last published for `year`,
 * from the first page already read on, a page at a time: four requests per 500 deputies, a summary
 * row each (a city's 5,000 are a few hundred kilobytes), never a record worked out per deputy.
 */
async function publishedLines(ctx: CallContext, staff: StaffScope, year: number, first: DeputyPage): Promise<SummaryLine[]> {
  const lines: SummaryLine[] = [];
  for (let page = first; ; page = await pageDeputiesInScope(ctx, staff, page.nextCursor, EXPORT_DEPUTY_PAGE)) {
    const published = await readPublishedYears(
      ctx,
      page.deputies.map((deputy) => deputy.deputyId),
      year,
    );
    for (const deputy of page.deputies) {
      const figures = published.get(deputy.deputyId);
      lines.push({ deputyName: deputy.name, total: figures?.total ?? null, figures: figures?.figures ?? null, asOf: figures?.asOf ?? null });
    }
    if (!page.nextCursor) return lines;
  }
}

/** The workbook stored in cloud storage, with a temporary URL to download it. */
async function stored(content: Buffer, year: number, scope: string, name: string, deputyCount: number): Promise<DutyExportFile> {
  const fileID = await uploadBuffer({ cloudPath: `exports/duty/${year}-${scope}-${randomBytes(6).toString('hex')}.xlsx`, content });
  const [file] = await getDownloadUrls([fileID]);
  return { fileID, url: file?.url ?? '', fileName: `代表履职档案_${name}_${year}.xlsx`, deputyCount };
}

/**
 * Staff: a year's duty records as Excel in cloud storage (exports/duty/…). One deputy they cover, or
 * every deputy of a scope of at most RECORDS_PER_CALL (a station, a small street): worked out now
 * for any year, the summary and every entry (履职明细), answered as the file. A larger scope (a
 * district, the city): this year's summary as the duty timer last published it (up to a day old,
 * each row says when; a deputy not yet worked out says 尚未统计), within a function's memory and
 * time on a city; another year's, which the timer does not publish, is a background job answered at
 * once: the duty exports timer works out RECORDS_PER_CALL deputies a minute, both sheets, and the
 * staff member finds it in casework.listExports / getExport.
 */
export const exportRecords: Handler<'duty.export'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['staff']);
  const staff = caller.staff!;
  const scope = staff.stationId ?? staff.areaId;
  if (deputyId) {
    const { records, part } = await workOutPart(ctx, [await deputyFor(ctx, { ...caller, deputy: null }, deputyId)], year);
    return stored(await dutyWorkbook(part, true, ctx.now), year, deputyId, records[0]!.deputyName, 1);
  }
  // The first page holds the whole scope when it is small enough to work out live: no count needed.
  const first = await pageDeputiesInScope(ctx, staff, undefined, RECORDS_PER_CALL);
  if (!first.nextCursor) {
    const { part } = await workOutPart(ctx, first.deputies, year);
    return stored(await dutyWorkbook(part, true, ctx.now), year, scope, '本辖区', part.lines.length);
  }
  if (year === Number(shanghaiDate(ctx.now).slice(0, 4))) {
    const lines = await publishedLines(ctx, staff, year, first);
    return stored(await dutyWorkbook({ lines, entries: [] }, false, ctx.now), year, scope, '本辖区', lines.length);
  }
  const job = await queueScopeExport(ctx, caller.openid, year);
  return { job: exportJobView(job, await downloadUrlOf(job)) };
};
