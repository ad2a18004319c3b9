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
 * A workbook: one summary row per deputy, then (for records worked out in full) every entry with its
 * points and reason. A scope's export passes summary lines only: its entries are each deputy's own export.
 */
export async function dutyWorkbook(lines: readonly SummaryLine[], records: readonly DutyRecord[], now: Date): Promise<Buffer> {
  // Loaded on first export only (like casework's): exceljs is most of a bundle, every other action starts faster without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = '连心桥';
  workbook.created = now;
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.addRow([...SUMMARY_COLUMNS]).font = { bold: true };
  for (const line of lines) summary.addRow(summaryRow(line));
  if (records.length > 0) {
    const entries = workbook.addWorksheet(ENTRIES_SHEET);
    entries.columns = [{ width: 10 }, { width: 12 }, { width: 14 }, { width: 40 }, { width: 8 }, { width: 40 }, { width: 36 }];
    entries.addRow([...ENTRY_COLUMNS]).font = { bold: true };
    for (const record of records) for (const row of entryRows(record)) entries.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
