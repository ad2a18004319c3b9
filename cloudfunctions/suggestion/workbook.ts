import type { SuggestionDocument } from '../../infra/documents/suggestions';
import type { AnsweredCounts, SuggestionStats, UnitRow, AreaRow } from '../../miniprogram/shared/contract/suggestion';
import { OPINION_CATEGORY_LABELS } from '../../miniprogram/shared/domain/opinion';
import { acceptedCoSigners, isSuggestionOverdue, numberLabel, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS, VERDICT_LABELS } from './machine';
import { SUGGESTION_FIGURES, type SuggestionRates } from '../../miniprogram/shared/domain/suggestionStats';
import { SUGGESTION_FIGURE_LABELS, SUGGESTION_FIGURE_DEFINITIONS, SUGGESTION_RATE_LABELS } from './figureDefinitions';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { addListSheet, newWorkbook, type ListColumn } from '../core/workbook';
import type { Workbook } from 'exceljs';

export const SUMMARY_SHEET = '总体情况';
export const UNITS_SHEET = '承办单位';
export const AREAS_SHEET = '代表团';
export const LIST_SHEET = '建议清单';

/** The answer classes and the deputies' verdicts, in the same columns of both tables. */
const ANSWER_AND_VERDICT_COLUMNS = ['A类', 'B类', 'C类', 'A类占比（%）', '满意和基本满意', '不满意', '满意率（%）', '重新办理'] as const;

/** 承办单位办理情况统计表, as congresses publish it. */
export const UNIT_COLUMNS = ['序号', '承办单位', '主办件数', '协办（会办）件数', '已答复', '按期答复', '按期答复率（%）', ...ANSWER_AND_VERDICT_COLUMNS, '超期'] as const;
export const AREA_COLUMNS = ['序号', '代表团', '提出建议', '立案', '已答复', '按期答复', ...ANSWER_AND_VERDICT_COLUMNS] as const;

const day = (value: Date | string | null | undefined): string => (value ? shanghaiDate(new Date(value)) : '');
const rate = (value: number | null): number | string => value ?? '';

/** The columns of 建议清单, in order, each with its cell of a suggestion (overdue as of `now`). */
export function listColumns(now: Date): Array<ListColumn<SuggestionDocument>> {
  return [
    { header: '建议编号', width: 11, cell: (doc) => numberLabel(doc.number) },
    { header: '标题', width: 36, cell: (doc) => doc.title },
    { header: '性质', width: 8, cell: (doc) => (doc.kind ? SUGGESTION_KIND_LABELS[doc.kind] : '') },
    { header: '类别', width: 10, cell: (doc) => OPINION_CATEGORY_LABELS[doc.category] },
    { header: '领衔代表', width: 10, cell: (doc) => doc.leadDeputyName },
    {
      header: '联名代表',
      width: 24,
      cell: (doc) =>
        acceptedCoSigners(doc)
          .map((c) => c.name)
          .join('、'),
    },
    { header: '代表团', width: 10, cell: (doc) => doc.delegationAreaName },
    { header: '主办单位', width: 24, cell: (doc) => doc.leadDepartmentName ?? '' },
    {
      header: '协办（会办）单位',
      width: 28,
      cell: (doc) =>
        doc.units
          .filter((u) => u.active && u.role !== 'lead')
          .map((u) => u.departmentName)
          .join('、'),
    },
    { header: '重点督办', width: 16, cell: (doc) => (doc.key ? doc.key.leader : '') },
    { header: '交办日期', width: 11, cell: (doc) => day(doc.assignedAt) },
    { header: '答复期限', width: 11, cell: (doc) => (doc.deadline ? doc.deadline.dueDate : '') },
    { header: '答复日期', width: 11, cell: (doc) => day(doc.answers.find((a) => a.kind === 'answer')?.at) },
    {
      header: '是否按期',
      width: 8,
      cell: (doc) => (doc.answeredOnTime === null ? (isSuggestionOverdue(doc, now) ? '超期未答复' : '') : doc.answeredOnTime ? '是' : '否'),
    },
    { header: '答复类别', width: 8, cell: (doc) => doc.answerClass ?? '' },
    { header: '代表评价', width: 10, cell: (doc) => (doc.verdict ? VERDICT_LABELS[doc.verdict.value] : '') },
    { header: '重新办理', width: 8, cell: (doc) => (doc.rehandleCount > 0 ? '是' : '') },
    { header: '状态', width: 14, cell: (doc) => SUGGESTION_STATUS_LABELS[doc.status] },
  ];
}

/** The cells under ANSWER_AND_VERDICT_COLUMNS, in its order. */
function answerAndVerdictCells(row: AnsweredCounts): Array<string | number> {
  return [row.classA, row.classB, row.classC, rate(row.rates.classAShare), row.satisfied, row.dissatisfied, rate(row.rates.satisfactionRate), row.rehandled];
}

function unitCells(row: UnitRow, i: number): Array<string | number> {
  return [i + 1, row.name, row.lead, row.assisting, row.answered, row.answeredOnTime, rate(row.rates.onTimeRate), ...answerAndVerdictCells(row), row.overdue];
}

function areaCells(row: AreaRow, i: number): Array<string | number> {
  return [i + 1, row.name, row.received, row.registered, row.answered, row.answeredOnTime, ...answerAndVerdictCells(row)];
}

/** A table sheet: its header row in bold and frozen, a row per item, the name column widened. */
function addTableSheet<T>(
  workbook: Workbook,
  name: string,
  header: readonly string[],
  items: readonly T[],
  cells: (item: T, i: number) => Array<string | number>,
  nameWidth: number,
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...header]).font = { bold: true };
  items.forEach((item, i) => sheet.addRow(cells(item, i)));
  sheet.getColumn(2).width = nameWidth;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The workbook staff download for a session: the overall figures with what each counts, the table
 * per unit and per delegation, and every suggestion received. Rates are numbers (percent with two
 * decimals), blank when there was nothing to divide by.
 */
export async function suggestionWorkbook(
  stats: Omit<SuggestionStats, 'holidaysUnknownYears'> & { holidaysUnknownYears: number[] },
  rows: readonly SuggestionDocument[],
  now: Date,
): Promise<Buffer> {
  const workbook = newWorkbook(now);

  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = [{ width: 24 }, { width: 14 }, { width: 60 }];
  summary.addRow(['会议', stats.session.name]);
  if (stats.area) summary.addRow(['代表团', stats.area.name]);
  if (stats.unit) summary.addRow([stats.unit.role === 'lead' ? '主办单位' : '协办（会办）单位', stats.unit.name]);
  summary.addRow(['统计时间', `${shanghaiDate(now)}`]);
  summary.addRow([]);
  summary.addRow(['指标', '数值', '说明']).font = { bold: true };
  for (const figure of SUGGESTION_FIGURES) summary.addRow([SUGGESTION_FIGURE_LABELS[figure], stats.counts[figure], SUGGESTION_FIGURE_DEFINITIONS[figure]]);
  for (const [key, label] of Object.entries(SUGGESTION_RATE_LABELS) as Array<[keyof SuggestionRates, string]>) summary.addRow([label, rate(stats.rates[key])]);

  addTableSheet(workbook, UNITS_SHEET, UNIT_COLUMNS, stats.byUnit, unitCells, 28);
  addTableSheet(workbook, AREAS_SHEET, AREA_COLUMNS, stats.byArea, areaCells, 14);

  addListSheet(workbook, LIST_SHEET, listColumns(now), rows);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
