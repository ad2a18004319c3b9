/**
 * What each figure of shared/domain/suggestionStats.ts counts: defined once as a predicate over a
 * suggestion's fields, which figures.ts turns into both the aggregation that counts it and the query
 * that lists the suggestions behind it, so a figure and its drill-down agree; and the rates made
 * from the counts, as congresses publish them.
 */
import { SATISFIED_RATINGS } from '../../miniprogram/shared/domain/casework';
import type { SuggestionCounts, SuggestionFigure, SuggestionRates } from '../../miniprogram/shared/domain/suggestionStats';
import type { FigurePredicate } from '../core/figurePredicates';

/** Each figure's name, as the pages (which take it from suggestion.drillDown) and the workbook show it. */
export const SUGGESTION_FIGURE_LABELS: Record<SuggestionFigure, string> = {
  received: '收到建议',
  registered: '立案',
  noted: '转为一般意见',
  returned: '退回代表修改',
  answered: '已答复',
  answeredOnTime: '按期答复',
  overdue: '超期',
  classA: 'A类',
  classB: 'B类',
  classC: 'C类',
  followUp: 'B类跟踪落实中',
  rated: '代表已评价',
  satisfied: '满意和基本满意',
  dissatisfied: '不满意',
  rehandled: '重新办理',
  key: '重点督办',
  extended: '延期办理',
  referred: '单位退回',
  bounced: '多次退回',
};

/** What each figure counts, in words for the page and the Excel sheet. */
export const SUGGESTION_FIGURE_DEFINITIONS: Record<SuggestionFigure, string> = {
  received: '代表提交的建议件数（含退回修改和转为一般意见的）',
  registered: '审查立案的件数（建议和批评意见）',
  noted: '审查后转为一般意见、不作为建议办理的件数',
  returned: '退回代表修改、尚未重新提交的件数',
  answered: '承办单位已书面答复的件数',
  answeredOnTime: '在办理期限（含批准的延期）内首次答复的件数',
  overdue: '超过办理期限仍未答复，或首次答复超过期限的件数',
  classA: '最新答复为A类（已解决或采纳）的件数',
  classB: '最新答复为B类（正在解决或列入计划解决）的件数',
  classC: '最新答复为C类（因条件限制或其他原因暂时不能解决）的件数',
  followUp: 'B类答复承诺的工作尚未报告落实的件数',
  rated: '领衔代表已对答复作出评价的件数',
  satisfied: '领衔代表最新评价为满意或基本满意的件数',
  dissatisfied: '领衔代表最新评价为不满意的件数',
  rehandled: '因代表不满意而重新办理的件数',
  key: '列为重点督办建议的件数',
  extended: '经批准延期办理的件数',
  referred: '承办单位申请退回、重新交办过的件数',
  bounced: '多次被承办单位退回的件数',
};

/** A condition on a suggestion's fields, of the kinds every figure counts by. */
export type SuggestionPredicate = FigurePredicate;

export const SUGGESTION_FIGURE_PREDICATES: Record<SuggestionFigure, SuggestionPredicate> = {
  received: { kind: 'all' },
  registered: { kind: 'set', field: 'number' },
  noted: { kind: 'eq', field: 'status', value: 'noted' },
  returned: { kind: 'eq', field: 'status', value: 'returned' },
  answered: { kind: 'set', field: 'answeredAt' },
  answeredOnTime: { kind: 'eq', field: 'answeredOnTime', value: true },
  overdue: {
    kind: 'or',
    of: [
      { kind: 'eq', field: 'answeredOnTime', value: false },
      {
        kind: 'and',
        of: [
          { kind: 'in', field: 'status', values: ['assigned', 'rehandling'] },
          { kind: 'pastDue', field: 'deadline.dueAt' },
        ],
      },
    ],
  },
  classA: { kind: 'eq', field: 'answerClass', value: 'A' },
  classB: { kind: 'eq', field: 'answerClass', value: 'B' },
  classC: { kind: 'eq', field: 'answerClass', value: 'C' },
  followUp: { kind: 'eq', field: 'followUp', value: true },
  rated: { kind: 'set', field: 'verdict' },
  satisfied: { kind: 'in', field: 'verdict.value', values: SATISFIED_RATINGS as readonly string[] },
  dissatisfied: { kind: 'eq', field: 'verdict.value', value: 'dissatisfied' },
  rehandled: { kind: 'positive', field: 'rehandleCount' },
  key: { kind: 'set', field: 'key' },
  extended: { kind: 'positive', field: 'extensionMonths' },
  referred: { kind: 'positive', field: 'referralCount' },
  bounced: { kind: 'eq', field: 'bounced', value: true },
};

export const SUGGESTION_RATE_LABELS: Record<keyof SuggestionRates, string> = {
  answeredRate: '答复率（%）',
  onTimeRate: '按期答复率（%）',
  classAShare: 'A类占比（%）',
  classBShare: 'B类占比（%）',
  classCShare: 'C类占比（%）',
  satisfactionRate: '满意率（%）',
};

/** A percentage with two decimals, as published (A类件 90.11%); null when there is nothing to divide by. */
export function percent2(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 100;
}

export function suggestionRates(
  counts: Pick<SuggestionCounts, 'registered' | 'answered' | 'answeredOnTime' | 'classA' | 'classB' | 'classC' | 'satisfied' | 'rated'>,
): SuggestionRates {
  return {
    answeredRate: percent2(counts.answered, counts.registered),
    onTimeRate: percent2(counts.answeredOnTime, counts.answered),
    classAShare: percent2(counts.classA, counts.answered),
    classBShare: percent2(counts.classB, counts.answered),
    classCShare: percent2(counts.classC, counts.answered),
    satisfactionRate: percent2(counts.satisfied, counts.rated),
  };
}

/** The figures a unit's or a delegation's row of the published table holds. */
export const ROW_FIGURES = ['answered', 'answeredOnTime', 'classA', 'classB', 'classC', 'rated', 'satisfied', 'dissatisfied', 'rehandled', 'overdue'] as const;
export type RowFigure = (typeof ROW_FIGURES)[number];
