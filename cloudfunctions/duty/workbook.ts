import type { DutyRecord } from '../../miniprogram/shared/contract/duty';
import { ENTRY_KIND_LABELS } from '../../miniprogram/shared/domain/duty';

export const SUMMARY_SHEET = '履职汇总';
export const ENTRIES_SHEET = '履职明细';

export const SUMMARY_COLUMNS = ['代表', '积分', '进站接待天数', '接待群众人次', '收到意见', '答复或转交', '答复用时中位数（天）', '满意率（%）', '代表建议', '履职活动'] as const;
export const ENTRY_COLUMNS = ['代表', '日期', '类别', '内容', '积分', '计分说明', '来源'] as const;

export function summaryRow(record: DutyRecord): Array<string | number> {
  const f = record.figures;
  return [
    record.deputyName,
    record.score.total,
    f.dutyDays,
    f.residentsReceived,
    f.opinionsReceived,
    f.opinionsAnswered,
    f.medianReplyDays ?? '',
    f.satisfiedPercent ?? '',
    f.suggestions,
    f.activities,
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

/** The year's records as a workbook: one summary row per deputy, then every entry with its points and reason. */
export async function dutyWorkbook(records: readonly DutyRecord[], now: Date): Promise<Buffer> {
  // Loaded on first export only (like casework's): exceljs is most of a bundle, every other action starts faster without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = '连心桥';
  workbook.created = now;
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.addRow([...SUMMARY_COLUMNS]).font = { bold: true };
  for (const record of records) summary.addRow(summaryRow(record));
  const entries = workbook.addWorksheet(ENTRIES_SHEET);
  entries.columns = [{ width: 10 }, { width: 12 }, { width: 14 }, { width: 40 }, { width: 8 }, { width: 40 }, { width: 36 }];
  entries.addRow([...ENTRY_COLUMNS]).font = { bold: true };
  for (const record of records) for (const row of entryRows(record)) entries.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
