/**
 * The headline figures congresses publish (进站人次, 接待选民, 收集意见, 办结, A类件率, 满意率,
 * 票决项目开工率/竣工率) for an area, a station or a deputy, per month or year; how each is made
 * from the oversight counts (caseStats.ts) and the 票决 projects; and which anonymised list
 * each opens into. The back end counts once (casework/figures.ts); staff statistics, exports and
 * the public page all read the same counts, so they agree to the unit.
 */
import { percent, type FigureCounts, type FigureRates } from './caseStats';
import { addDays, addMonths } from './time';

/**
 * 票决 in the period's year(s): the rounds held, the projects they chose and how many had started /
 * were finished by its end, and the deputies' year-end ratings (满意度测评) of those projects, once
 * published (the rating closed): ratings given, and how many 满意 or 基本满意.
 */
export interface ProjectCounts {
  rounds: number;
  chosen: number;
  started: number;
  completed: number;
  rated: number;
  satisfied: number;
}

export interface ProjectRates {
  /** 开工率: started / chosen, percent. */
  startRate: number | null;
  /** 竣工率: completed / chosen, percent. */
  completionRate: number | null;
  /** 满意率 of the year-end rating: 满意 and 基本满意 / ratings published, percent. */
  satisfactionRate: number | null;
}

export function projectRatesFrom(projects: ProjectCounts): ProjectRates {
  return {
    startRate: percent(projects.started, projects.chosen),
    completionRate: percent(projects.completed, projects.chosen),
    satisfactionRate: percent(projects.satisfied, projects.rated),
  };
}

/** A month (1–12) of a year, or the whole year. */
export interface FiguresPeriod {
  year: number;
  month?: number | null;
}

/** The Shanghai dates the period covers, both ends included. */
export function periodRange({ year, month }: FiguresPeriod): { from: string; to: string } {
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** 2026年 or 2026年10月. */
export function periodLabel({ year, month }: FiguresPeriod): string {
  return month ? `${year}年${month}月` : `${year}年`;
}

/** The lists a public figure opens into. `projects`: the chosen 票决 projects with their state. */
export const PUBLIC_DRILLS = ['stationVisits', 'residentsReceived', 'collected', 'resolved', 'departmentAnswered', 'rated', 'projects'] as const;
export type PublicDrill = (typeof PUBLIC_DRILLS)[number];

export const PUBLIC_DRILL_LABELS: Record<PublicDrill, string> = {
  stationVisits: '进站人次明细',
  residentsReceived: '接待选民明细',
  collected: '收集的意见',
  resolved: '已办结的意见',
  departmentAnswered: '承办单位答复的意见（含A类件）',
  rated: '群众评价的意见',
  projects: '票决项目',
};

export const HEADLINES = ['stationVisits', 'residentsReceived', 'collected', 'resolved', 'aClassRate', 'satisfactionRate', 'projectStartRate', 'projectCompletionRate'] as const;
export type Headline = (typeof HEADLINES)[number];

export const HEADLINE_LABELS: Record<Headline, string> = {
  stationVisits: '进站人次',
  residentsReceived: '接待选民',
  collected: '收集意见',
  resolved: '办结',
  aClassRate: 'A类件率',
  satisfactionRate: '满意率',
  projectStartRate: '票决项目开工率',
  projectCompletionRate: '票决项目竣工率',
};

export interface HeadlineValue {
  key: Headline;
  label: string;
  /** A count, or a percentage with one decimal; null when there is nothing to divide by. */
  value: number | null;
  unit: '人次' | '件' | '%';
  /** What it is made of: 已解决 2 件 / 承办单位答复 3 件. */
  detail: string;
  /** The list behind it. */
  drill: PublicDrill;
}

/**
 * The headline figures from the counts, in the order a report reads them. The project figures
 * exist for an area only (票决 rounds belong to an area, not to a station or a deputy).
 */
export function headlineValues(counts: FigureCounts, rates: FigureRates, projects: ProjectCounts | null): HeadlineValue[] {
  const row = (key: Headline, value: number | null, unit: HeadlineValue['unit'], detail: string, drill: PublicDrill): HeadlineValue => ({
    key,
    label: HEADLINE_LABELS[key],
    value,
    unit,
    detail,
    drill,
  });
  const rows = [
    row('stationVisits', counts.stationVisits, '人次', '接待日到站签到（预约与现场登记）', 'stationVisits'),
    row('residentsReceived', counts.residentsReceived, '人次', '代表接待并记录', 'residentsReceived'),
    row('collected', counts.collected, '件', '期间收到的意见建议', 'collected'),
    row('resolved', counts.resolved, '件', `办结率 ${rates.resolutionRate ?? '—'}%`, 'resolved'),
    row('aClassRate', rates.solvedShare, '%', `A类（已解决）${counts.solved} 件 / 承办单位答复 ${counts.departmentAnswered} 件`, 'departmentAnswered'),
    row('satisfactionRate', rates.satisfactionRate, '%', `满意和基本满意 ${counts.satisfied} 件 / 评价 ${counts.rated} 件`, 'rated'),
  ];
  if (projects) {
    const { startRate, completionRate } = projectRatesFrom(projects);
    rows.push(row('projectStartRate', startRate, '%', `已开工 ${projects.started} 个 / 票决确定 ${projects.chosen} 个`, 'projects'));
    rows.push(row('projectCompletionRate', completionRate, '%', `已竣工 ${projects.completed} 个 / 票决确定 ${projects.chosen} 个`, 'projects'));
  }
  return rows;
}
