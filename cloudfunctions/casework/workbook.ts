import type { CaseStats } from '../../miniprogram/shared/contract/casework';
import { ANSWER_CATEGORY_LABELS, isOverdue, RATING_LABELS } from '../../miniprogram/shared/domain/casework';
import { FIGURE_DEFINITIONS, FIGURE_LABELS, FIGURES, RATE_LABELS, type FigureRates } from '../../miniprogram/shared/domain/caseStats';
import { excerpt, OPINION_CATEGORY_LABELS, OPINION_STATUS_LABELS } from '../../miniprogram/shared/domain/opinion';
import { SHANGHAI_OFFSET_MINUTES } from '../../miniprogram/shared/domain/time';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { addListSheet, listCells, newWorkbook, type ListColumn } from '../core/workbook';

export const SUMMARY_SHEET = '统计';
export const CASES_SHEET = '意见清单';

/** 2026-10-09 14:30 in Shanghai; empty for none. */
function shanghaiMinute(value: Date | string | null | undefined): string {
  if (!value) return '';
  return new Date(new Date(value).getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The columns of the case list, in order, each with its cell of a case (overdue as of `now`). */
export function caseColumns(now: Date): Array<ListColumn<OpinionDocument>> {
  return [
    { header: '受理编号', width: 18, cell: (opinion) => opinion.trackingNo },
    { header: '提交时间', width: 17, cell: (opinion) => shanghaiMinute(opinion.createdAt) },
    { header: '联络站', width: 26, cell: (opinion) => opinion.stationName },
    { header: '留言对象', width: 10, cell: (opinion) => opinion.deputyName ?? '联络站' },
    { header: '类别', width: 10, cell: (opinion) => OPINION_CATEGORY_LABELS[opinion.category] },
    { header: '状态', width: 14, cell: (opinion) => OPINION_STATUS_LABELS[opinion.status] },
    { header: '首次响应时间', width: 17, cell: (opinion) => shanghaiMinute(opinion.acceptedAt) },
    { header: '办结时间', width: 17, cell: (opinion) => shanghaiMinute(opinion.resolvedAt) },
    { header: '承办单位', width: 28, cell: (opinion) => [...new Set((opinion.assignments ?? []).map((a) => a.departmentName))].join('、') },
    { header: '办理结果', width: 10, cell: (opinion) => (opinion.outcome ? ANSWER_CATEGORY_LABELS[opinion.outcome] : '') },
    { header: '群众评价', width: 10, cell: (opinion) => (opinion.rating ? RATING_LABELS[opinion.rating.value] : '') },
    { header: '是否逾期', width: 8, cell: (opinion) => (isOverdue(opinion, now) ? '是' : '否') },
    { header: '督办次数', width: 8, cell: (opinion) => opinion.urgeCount ?? 0 },
    { header: '内容摘要', width: 50, cell: (opinion) => excerpt(opinion.text, 100) },
  ];
}

const SCOPE_KIND_LABELS = { area: '区域', station: '联络站', deputy: '代表' } as const;

/**
 * The workbook staff download: the figures with what each counts (统计), and every case collected
 * in the range (意见清单). Rates are numbers (percent), blank when there was nothing to divide by.
 */
/** The 统计 sheet's rows: the range, the figures with what each counts, the projects. */
function summaryRows(stats: CaseStats): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [
    [`统计范围（${SCOPE_KIND_LABELS[stats.scope.kind]}）`, stats.scope.name],
    ['统计期间', `${stats.from} 至 ${stats.to}`],
    ['生成时间', shanghaiMinute(stats.generatedAt)],
    [],
    ['指标', '数值', '说明'],
  ];
  for (const figure of FIGURES) rows.push([FIGURE_LABELS[figure], stats.counts[figure], FIGURE_DEFINITIONS[figure]]);
  for (const [key, label] of Object.entries(RATE_LABELS) as Array<[keyof FigureRates, string]>) rows.push([label, stats.rates[key] ?? '']);
  if (stats.projects) {
    const { chosen, started, completed, startRate, completionRate } = stats.projects;
    rows.push(['票决项目', chosen, '期间所属年度票决确定的民生实事项目个数（含下级区域）']);
    rows.push(['已开工', started, '期末前已开工的项目个数']);
    rows.push(['已竣工', completed, '期末前已竣工的项目个数']);
    rows.push(['票决项目开工率（%）', startRate ?? '']);
    rows.push(['票决项目竣工率（%）', completionRate ?? '']);
  }
  return rows;
}

/** Where the list rows go, a page at a time, and how the file is finished. */
export interface CaseWorkbookStream {
  addCases(cases: readonly OpinionDocument[]): void;
  /** Writes the rest of the file and closes it. */
  finish(): Promise<void>;
}

/**
 * The same workbook as caseWorkbook, written to `filename` as the cases arrive: each page of rows is
 * committed to the file and dropped, so memory holds one page however many cases there are.
 */
export function streamCaseWorkbook(stats: CaseStats, now: Date, filename: string): CaseWorkbookStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as in core/workbook.ts
  const { stream } = require('exceljs') as typeof import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  workbook.creator = '连心桥';
  workbook.created = now;
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = [{ width: 26 }, { width: 16 }, { width: 60 }];
  summaryRows(stats).forEach((values, i) => {
    const row = summary.addRow(values);
    if (i === 4) row.font = { bold: true };
    row.commit();
  });
  summary.commit();
  const list = workbook.addWorksheet(CASES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = caseColumns(now);
  list.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  list.getRow(1).font = { bold: true };
  return {
    addCases(cases) {
      for (const opinion of cases) list.addRow(listCells(columns, opinion)).commit();
    },
    async finish() {
      list.commit();
      await workbook.commit();
    },
  };
}

export async function caseWorkbook(stats: CaseStats, cases: readonly OpinionDocument[], now: Date): Promise<Buffer> {
  const workbook = newWorkbook(now);

  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = [{ width: 26 }, { width: 16 }, { width: 60 }];
  summary.addRow([`统计范围（${SCOPE_KIND_LABELS[stats.scope.kind]}）`, stats.scope.name]);
  summary.addRow(['统计期间', `${stats.from} 至 ${stats.to}`]);
  summary.addRow(['生成时间', shanghaiMinute(stats.generatedAt)]);
  summary.addRow([]);
  summary.addRow(['指标', '数值', '说明']).font = { bold: true };
  for (const figure of FIGURES) summary.addRow([FIGURE_LABELS[figure], stats.counts[figure], FIGURE_DEFINITIONS[figure]]);
  for (const [key, label] of Object.entries(RATE_LABELS) as Array<[keyof FigureRates, string]>) summary.addRow([label, stats.rates[key] ?? '']);
  if (stats.projects) {
    const { rounds, chosen, started, completed, rated, satisfied, startRate, completionRate, satisfactionRate } = stats.projects;
    summary.addRow(['票决活动', rounds, '期间所属年度的民生实事项目票决活动次数（含下级区域）']);
    summary.addRow(['票决项目', chosen, '期间所属年度票决确定的民生实事项目个数（含下级区域）']);
    summary.addRow(['已开工', started, '期末前已开工的项目个数']);
    summary.addRow(['已竣工', completed, '期末前已竣工的项目个数']);
    summary.addRow(['票决项目开工率（%）', startRate ?? '']);
    summary.addRow(['票决项目竣工率（%）', completionRate ?? '']);
    summary.addRow(['项目满意度测评', rated, `代表年终测评已公布的评价 ${rated} 份，满意和基本满意 ${satisfied} 份`]);
    summary.addRow(['票决项目满意率（%）', satisfactionRate ?? '']);
  }

  addListSheet(workbook, CASES_SHEET, caseColumns(now), cases);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
