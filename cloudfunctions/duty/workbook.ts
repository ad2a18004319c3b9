import type { DutyRecord } from '../../miniprogram/shared/contract/duty';
import { ENTRY_KIND_LABELS, type DutyFigures } from '../../miniprogram/shared/domain/duty';

export const SUMMARY_SHEET = '履职汇总';
export const ENTRIES_SHEET = '履职明细';

export const SUMMARY_COLUMNS = [
  '代表',
  '积分',
  '进站接待天数',
  '接待群众人次',
  '收到意见',
  '答复或转交',
  '答复用时中位数（天）',
  '满意率（%）',
  '代表建议',
  '履职活动',
  '统计截至',
] as const;
export const ENTRY_COLUMNS = ['代表', '日期', '类别', '内容', '积分', '计分说明', '来源'] as const;
const ENTRY_WIDTHS = [10, 12, 14, 40, 8, 40, 36];

/** One deputy's line of the summary: their figures worked out on `asOf`, or none yet. */
export interface SummaryLine {
  deputyName: string;
  total: number | null;
  figures: DutyFigures | null;
  asOf: string | null;
}

export const NOT_YET_COUNTED = '尚未统计';

export function summaryRow({ deputyName, total, figures: f, asOf }: SummaryLine): Array<string | number> {
  if (!f || total === null || !asOf) return [deputyName, '', '', '', '', '', '', '', '', '', NOT_YET_COUNTED];
  return [
    deputyName,
    total,
    f.dutyDays,
    f.residentsReceived,
    f.opinionsReceived,
    f.opinionsAnswered,
    f.medianReplyDays ?? '',
    f.satisfiedPercent ?? '',
    f.suggestions,
    f.activities,
    asOf,
  ];
}

export function entryRows(record: DutyRecord): Array<Array<string | number>> {
  return record.entries.map((entry) => [
    record.deputyName,
    entry.date,
    ENTRY_KIND_LABELS[entry.kind],
    entry.title,
    entry.points,
    entry.reason,
    `${entry.source.kind}:${entry.source.id}`,
  ]);
}

/**
 * A workbook: one summary row per deputy, then (for records worked out in full, `withEntries`) every
 * entry with its points and reason. A large scope's summary from published figures has no entries.
 */
export async function dutyWorkbook(part: DutyPart, withEntries: boolean, now: Date): Promise<Buffer> {
  // Loaded on first export only (like casework's): exceljs is most of a bundle, every other action starts faster without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = '连心桥';
  workbook.created = now;
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.addRow([...SUMMARY_COLUMNS]).font = { bold: true };
  for (const line of part.lines) summary.addRow(summaryRow(line));
  if (withEntries) {
    const entries = workbook.addWorksheet(ENTRIES_SHEET);
    entries.columns = ENTRY_WIDTHS.map((width) => ({ width }));
    entries.addRow([...ENTRY_COLUMNS]).font = { bold: true };
    for (const row of part.entries) entries.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Some deputies' rows of a workbook, worked out in one turn: their summary lines and their entries' rows. */
export interface DutyPart {
  lines: SummaryLine[];
  entries: Array<Array<string | number>>;
}

/**
 * The same workbook (both sheets) streamed into `filename` from `parts` read one at a time, twice
 * (the summary, then the entries): memory holds one part, whatever the number of deputies.
 */
export async function streamDutyWorkbook(filename: string, now: Date, parts: number, readPart: (index: number) => Promise<DutyPart>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as in core/workbook.ts
  const { stream } = require('exceljs') as typeof import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  workbook.creator = '连心桥';
  workbook.created = now;
  const sheets = [
    { name: SUMMARY_SHEET, header: [...SUMMARY_COLUMNS], rows: (part: DutyPart) => part.lines.map(summaryRow), widths: [] as number[] },
    { name: ENTRIES_SHEET, header: [...ENTRY_COLUMNS], rows: (part: DutyPart) => part.entries, widths: ENTRY_WIDTHS },
  ];
  for (const { name, header, rows, widths } of sheets) {
    const sheet = workbook.addWorksheet(name);
    if (widths.length > 0) sheet.columns = widths.map((width) => ({ width }));
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    for (let index = 0; index < parts; index += 1) for (const row of rows(await readPart(index))) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}
