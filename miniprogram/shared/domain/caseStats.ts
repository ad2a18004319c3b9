/**
 * The oversight figures for a date range and a place (area, station or deputy), what each
 * counts, and the rates made from them. Every case figure is defined once here as a predicate
 * over a case's fields; the back end turns the same predicate into the aggregation that counts
 * it and into the query that lists the cases behind it, so a figure and its drill-down agree.
 */
import { FOLLOW_UP_ANSWERS, RATINGS, SATISFIED_RATINGS } from './casework';

/** Figures counted over opinions collected (submitted) in the range. */
export const CASE_FIGURES = [
  'collected',
  'accepted',
  'resolved',
  'departmentAnswered',
  'solved',
  'rated',
  'satisfied',
  'dissatisfied',
  'unrated',
  'overdue',
  'urged',
  'followedUp',
  'followUpSolved',
  'followUpUnsolved',
] as const;
export type CaseFigure = (typeof CASE_FIGURES)[number];

/** Figures counted over reception days in the range. */
export const VISIT_FIGURES = ['stationVisits', 'residentsReceived'] as const;
export type VisitFigure = (typeof VISIT_FIGURES)[number];

export const FIGURES = [...VISIT_FIGURES, ...CASE_FIGURES] as const;
export type Figure = CaseFigure | VisitFigure;

export const FIGURE_LABELS: Record<Figure, string> = {
  stationVisits: '进站人次',
  residentsReceived: '接待人次',
  collected: '收集意见',
  accepted: '已受理',
  resolved: '已办结',
  departmentAnswered: '承办单位办理并答复',
  solved: '答复为已解决',
  rated: '参与评价（含未评价）',
  satisfied: '满意和基本满意',
  dissatisfied: '不满意',
  unrated: '未评价',
  overdue: '逾期',
  urged: '督办',
  followedUp: '回访已回答',
  followUpSolved: '回访确认已解决',
  followUpUnsolved: '回访说没有解决',
};

/** What each figure counts, in words for the report and the Excel sheet. */
export const FIGURE_DEFINITIONS: Record<Figure, string> = {
  stationVisits: '期间接待日到站签到的人次（预约签到与现场登记）',
  residentsReceived: '期间接待日由代表接待并记录的人次',
  collected: '期间提交的意见建议件数',
  accepted: '已受理的件数（联络站受理、代表答复或转交，以最早者为首次响应）',
  resolved: '已向群众答复办理结果的件数（代表答复或审核通过的办理结果）',
  departmentAnswered: '承办单位办理结果经审核答复的件数',
  solved: '审核答复的办理结果为已解决的件数',
  rated: '群众已评价或评价期限已过的件数',
  satisfied: '群众评价为满意或基本满意的件数',
  dissatisfied: '群众评价为不满意的件数（已重新交办）',
  unrated: '评价期限已过未评价的件数（不计入满意）',
  overdue: '有环节超过办理时限的件数（正在超期或曾经超期）',
  urged: '被督办过的件数',
  followedUp: '办结后回访（办结数周后询问问题是否真正解决），群众已回答的件数；与办结时的评价分开统计',
  followUpSolved: '回访时群众回答“已经解决”的件数',
  followUpUnsolved: '回访时群众回答“没有解决”的件数（工作人员可重新交办）',
};

/**
 * A condition on a case's fields. `set`: the field holds a value; `in`: one of these values;
 * `nonEmpty`: an array with something in it; `pastDue`: a time already passed; `positive`: a
 * number above zero; `or`: any of these.
 */
export type CasePredicate =
  | { kind: 'all' }
  | { kind: 'set'; field: string }
  | { kind: 'in'; field: string; values: readonly string[] }
  | { kind: 'nonEmpty'; field: string }
  | { kind: 'pastDue'; field: string }
  | { kind: 'positive'; field: string }
  | { kind: 'or'; of: readonly CasePredicate[] };

export const FIGURE_PREDICATES: Record<CaseFigure, CasePredicate> = {
  collected: { kind: 'all' },
  accepted: { kind: 'set', field: 'acceptedAt' },
  resolved: { kind: 'set', field: 'resolvedAt' },
  departmentAnswered: { kind: 'set', field: 'outcome' },
  solved: { kind: 'in', field: 'outcome', values: ['solved'] },
  rated: { kind: 'in', field: 'rating.value', values: [...RATINGS, 'none'] },
  satisfied: { kind: 'in', field: 'rating.value', values: SATISFIED_RATINGS },
  dissatisfied: { kind: 'in', field: 'rating.value', values: ['dissatisfied'] },
  unrated: { kind: 'in', field: 'rating.value', values: ['none'] },
  overdue: {
    kind: 'or',
    of: [
      { kind: 'nonEmpty', field: 'lateStages' },
      { kind: 'pastDue', field: 'deadline.dueAt' },
    ],
  },
  urged: { kind: 'positive', field: 'urgeCount' },
  followedUp: { kind: 'in', field: 'followUp.answer', values: FOLLOW_UP_ANSWERS },
  followUpSolved: { kind: 'in', field: 'followUp.answer', values: ['solved'] },
  followUpUnsolved: { kind: 'in', field: 'followUp.answer', values: ['unsolved'] },
};

export function isCaseFigure(figure: Figure): figure is CaseFigure {
  return (CASE_FIGURES as readonly string[]).includes(figure);
}

export type FigureCounts = Record<Figure, number>;

export interface FigureRates {
  /** 受理率: accepted / collected, percent. */
  acceptanceRate: number | null;
  /** 办结率: resolved / collected, percent. */
  resolutionRate: number | null;
  /** 已解决占比: answers 已解决 / department answers, percent. */
  solvedShare: number | null;
  /** 满意率: satisfied and basically satisfied / rated (未评价 included, never satisfied), percent. */
  satisfactionRate: number | null;
  /** Average hours from submission to the first response, over accepted cases. */
  averageFirstResponseHours: number | null;
  /** 回访解决率: answered 已经解决 at the 回访 / 回访 answered, percent. Its own figure, apart from 满意率. */
  followUpSolvedRate: number | null;
}

export const RATE_LABELS: Record<keyof FigureRates, string> = {
  acceptanceRate: '受理率（%）',
  resolutionRate: '办结率（%）',
  solvedShare: '已解决占比（%）',
  satisfactionRate: '满意率（%）',
  averageFirstResponseHours: '平均首次响应时间（小时）',
  followUpSolvedRate: '回访解决率（%）',
};

/** A percentage with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Milliseconds in total over `count` cases as average hours with one decimal; null for none. */
export function averageHours(totalMs: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round(totalMs / count / 360_000) / 10;
}

export function ratesFrom(counts: FigureCounts, firstResponseMs: number): FigureRates {
  return {
    acceptanceRate: percent(counts.accepted, counts.collected),
    resolutionRate: percent(counts.resolved, counts.collected),
    solvedShare: percent(counts.solved, counts.departmentAnswered),
    satisfactionRate: percent(counts.satisfied, counts.rated),
    averageFirstResponseHours: averageHours(firstResponseMs, counts.accepted),
    followUpSolvedRate: percent(counts.followUpSolved, counts.followedUp),
  };
}

/** Longest range one statistics request may cover. */
export const STATS_MAX_DAYS = 366;
