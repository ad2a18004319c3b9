import { randomBytes } from 'node:crypto';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import { deputyFor, loadDutyCaller } from '../access';
import { pageDeputiesInScope, readPublishedYears } from '../deputyPage';
import { buildRecord } from '../record';
import { dutyWorkbook, type SummaryLine } from '../workbook';

/** Deputies read a page at a time for a scope's export: a page is read with one more to know whether another follows, and one request answers at most a thousand. */
export const EXPORT_DEPUTY_PAGE = 500;

/**
 * Every deputy of a staff member's scope with the figures the duty timer last published for `year`,
 * read a page at a time: four requests per 500 deputies, a summary row each (a city's 5,000 are
 * a few hundred kilobytes), never a record worked out per deputy.
 */
async function scopeLines(ctx: CallContext, staff: StaffScope, year: number): Promise<SummaryLine[]> {
  const lines: SummaryLine[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await pageDeputiesInScope(ctx, staff, cursor, EXPORT_DEPUTY_PAGE);
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
    cursor = page.nextCursor;
  }
}

/**
 * Staff: a year's duty records as Excel in cloud storage (exports/duty/…), with a temporary URL to
 * download it. One deputy they cover: worked out now, the summary and every entry. Every deputy of
 * their scope: this year's summary as the duty timer last published it (up to a day old, each row
 * says when; a deputy not yet worked out says 尚未统计), within a function's memory and time on a
 * city; another year's is each deputy's own export (the timer publishes only the current year).
 */
export const exportRecords: Handler<'duty.export'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['staff']);
  const staff = caller.staff!;
  const today = shanghaiDate(ctx.now);
  let lines: SummaryLine[];
  let content: Buffer;
  let name = '本辖区';
  if (deputyId) {
    const record = await buildRecord(ctx, await deputyFor(ctx, { ...caller, deputy: null }, deputyId), year);
    name = record.deputyName;
    lines = [{ deputyName: record.deputyName, total: record.score.total, figures: record.figures, asOf: today }];
    content = await dutyWorkbook(lines, [record], ctx.now);
  } else {
    if (year !== Number(today.slice(0, 4))) fail('COMMON.INVALID_INPUT', { year: '全辖区导出只有本年度的积分（每天更新）；往年的积分请逐位代表导出' });
    lines = await scopeLines(ctx, staff, year);
    content = await dutyWorkbook(lines, [], ctx.now);
  }
  const scope = deputyId ?? staff.stationId ?? staff.areaId;
  const fileID = await uploadBuffer({ cloudPath: `exports/duty/${year}-${scope}-${randomBytes(6).toString('hex')}.xlsx`, content });
  const [file] = await getDownloadUrls([fileID]);
  return { fileID, url: file?.url ?? '', fileName: `代表履职档案_${name}_${year}.xlsx`, deputyCount: lines.length };
};
