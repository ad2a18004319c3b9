import { randomBytes } from 'node:crypto';
import type { DutyRecord } from '../../../miniprogram/shared/contract/duty';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { inTurns } from '../../core/inTurns';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { deputyFor, loadDutyCaller, type DeputyPlace } from '../access';
import { pageDeputiesInScope, readPublishedYears } from '../deputyPage';
import { buildRecord, RECORDS_AT_ONCE } from '../record';
import { dutyWorkbook, type SummaryLine } from '../workbook';

/** Deputies read a page at a time for a scope's export: a page is read with one more to know whether another follows, and one request answers at most a thousand. */
export const EXPORT_DEPUTY_PAGE = 500;

/**
 * The most deputies a scope's export works out live, in the call, as a deputy's own export is: about
 * eight database requests each, so at most about 400 (eight at a time), some 13 s at the 30 requests
 * a second of a basic environment, within the duty function's 20 s. A station, a small street.
 */
export const LIVE_EXPORT_MOST = 50;

type DeputyPage = Awaited<ReturnType<typeof pageDeputiesInScope>>;

/** A record worked out now as its summary line: figures as of today. */
const lineOf = (record: DutyRecord, today: string): SummaryLine => ({ deputyName: record.deputyName, total: record.score.total, figures: record.figures, asOf: today });

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

/** Deputies' records of `year` worked out now, eight at a time, as the workbook's summary and entries. */
async function liveWorkbook(ctx: CallContext, deputies: readonly DeputyPlace[], year: number): Promise<{ lines: SummaryLine[]; content: Buffer }> {
  const records = await inTurns(deputies, RECORDS_AT_ONCE, (deputy) => buildRecord(ctx, deputy, year));
  const today = shanghaiDate(ctx.now);
  const lines = records.map((record) => lineOf(record, today));
  return { lines, content: await dutyWorkbook(lines, records, ctx.now) };
}

/**
 * Staff: a year's duty records as Excel in cloud storage (exports/duty/…), with a temporary URL to
 * download it. One deputy they cover, or every deputy of a scope of at most LIVE_EXPORT_MOST (a
 * station, a small street): worked out now for any year, the summary and every entry (履职明细).
 * A larger scope (a district, the city): this year's summary as the duty timer last published it
 * (up to a day old, each row says when; a deputy not yet worked out says 尚未统计), within a
 * function's memory and time on a city; another year's is refused with what to do instead (the
 * timer publishes only the current year, and working out thousands of records does not fit a call).
 */
export const exportRecords: Handler<'duty.export'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['staff']);
  const staff = caller.staff!;
  let exported: { lines: SummaryLine[]; content: Buffer };
  let name = '本辖区';
  if (deputyId) {
    exported = await liveWorkbook(ctx, [await deputyFor(ctx, { ...caller, deputy: null }, deputyId)], year);
    name = exported.lines[0]!.deputyName;
  } else {
    // The first page holds the whole scope when it is small enough to work out live: no count needed.
    const first = await pageDeputiesInScope(ctx, staff, undefined, LIVE_EXPORT_MOST);
    if (!first.nextCursor) exported = await liveWorkbook(ctx, first.deputies, year);
    else if (year === Number(shanghaiDate(ctx.now).slice(0, 4))) {
      const lines = await publishedLines(ctx, staff, year, first);
      exported = { lines, content: await dutyWorkbook(lines, [], ctx.now) };
    } else {
      fail('COMMON.INVALID_INPUT', {
        year: `辖区代表超过${LIVE_EXPORT_MOST}位，全辖区只能导出本年度的积分汇总；往年的履职档案请逐位代表导出，或由各联络站工作人员导出本站`,
      });
    }
  }
  const scope = deputyId ?? staff.stationId ?? staff.areaId;
  const fileID = await uploadBuffer({ cloudPath: `exports/duty/${year}-${scope}-${randomBytes(6).toString('hex')}.xlsx`, content: exported.content });
  const [file] = await getDownloadUrls([fileID]);
  return { fileID, url: file?.url ?? '', fileName: `代表履职档案_${name}_${year}.xlsx`, deputyCount: exported.lines.length };
};
