import { appClock } from '../../../services/clock';
import type { CaseExport, CaseStats } from '../../../shared/contract/casework';
import type { StaffScope } from '../../../shared/domain/account';
import type { Figure } from '../../../shared/domain/caseStats';
import { callApi, toApiError } from '../../../services/api';
import { navigateTo } from '../../../services/wx';
import { createExcelExport, EXCEL_EXPORT_MESSAGES, type ExcelExportState } from '../../../utils/excel-export';
import { formatReceptionDate } from '../../../utils/date';
import { SUBPACKAGE_PAGES, withQuery } from '../../../routes';
import { drillDownUrl, lastMonth, scopeFromKey, scopeKey, statsPayload, thisMonth, type StatsQuery } from '../stats-query';
import { heldStaffScope } from '../../../stores/profile';

export interface FigureCard {
  figure: Figure;
  label: string;
  /** The big number: 12, 85.7%, 6.5小时, or — when there is nothing to count. */
  value: string;
  /** What it is made of, in small print: 已办结 12 件 / 共 30 件. */
  detail: string;
  /** Shown in red when above zero (超期). */
  alarming: boolean;
}

/** A 票决 figure of an area; it opens the area's rounds or the projects they chose. */
export interface ProjectCard {
  key: 'rounds' | 'chosen' | 'startRate' | 'completionRate' | 'satisfactionRate';
  label: string;
  value: string;
  detail: string;
  url: string;
}

export interface StatsView {
  scopeName: string;
  rangeLabel: string;
  cards: FigureCard[];
  /** 民生实事项目票决 of an area (from the same casework.stats answer); empty for a station or a deputy. */
  projectCards: ProjectCard[];
  /** Said above the figures when the range reaches a year whose holidays nobody recorded; '' otherwise. */
  calendarNote: string;
}

/** `2027年假期安排未录入…`: what a year of unrecorded holidays means for the figures. */
export function statsCalendarNote(years: readonly number[]): string {
  return years.length === 0 ? '' : `${years.join('、')}年假期安排未录入：期限按双休日计算，“超期”可能偏多。`;
}

export interface ScopeOption {
  key: string;
  label: string;
}

const valueOf = (n: number | null, unit: string) => (n === null ? '—' : `${n}${unit}`);

/** The figures as cards, in the order a report reads them; each opens the cases behind it. */
export function figureCards(stats: CaseStats): FigureCard[] {
  const { counts, rates } = stats;
  return [
    { figure: 'stationVisits', label: '进站人次', value: `${counts.stationVisits}`, detail: '到站签到（预约与现场登记）', alarming: false },
    { figure: 'residentsReceived', label: '接待人次', value: `${counts.residentsReceived}`, detail: '代表接待并记录', alarming: false },
    { figure: 'collected', label: '意见建议', value: `${counts.collected}`, detail: '期间收到的件数', alarming: false },
    { figure: 'accepted', label: '受理', value: `${counts.accepted}`, detail: `受理率 ${valueOf(rates.acceptanceRate, '%')}`, alarming: false },
    { figure: 'resolved', label: '办结率', value: valueOf(rates.resolutionRate, '%'), detail: `已办结 ${counts.resolved} 件 / 共 ${counts.collected} 件`, alarming: false },
    {
      figure: 'solved',
      label: '已解决占比',
      value: valueOf(rates.solvedShare, '%'),
      detail: `已解决 ${counts.solved} 件 / 承办单位答复 ${counts.departmentAnswered} 件`,
      alarming: false,
    },
    {
      figure: 'satisfied',
      label: '满意率',
      value: valueOf(rates.satisfactionRate, '%'),
      detail: `满意 ${counts.satisfied} 件 / 评价 ${counts.rated} 件（未评价 ${counts.unrated} 件不计满意）`,
      alarming: false,
    },
    { figure: 'accepted', label: '平均首次响应', value: valueOf(rates.averageFirstResponseHours, '小时'), detail: `按已受理的 ${counts.accepted} 件计算`, alarming: false },
    { figure: 'overdue', label: '超期', value: `${counts.overdue}`, detail: `督办 ${counts.urged} 件`, alarming: counts.overdue > 0 },
    { figure: 'dissatisfied', label: '不满意', value: `${counts.dissatisfied}`, detail: '已重新交办', alarming: counts.dissatisfied > 0 },
    {
      figure: 'followedUp',
      label: '回访解决率',
      value: valueOf(rates.followUpSolvedRate, '%'),
      detail: `回访说已经解决 ${counts.followUpSolved} 件 / 回答 ${counts.followedUp} 件（与满意率分开）`,
      alarming: false,
    },
    { figure: 'followUpUnsolved', label: '回访没有解决', value: `${counts.followUpUnsolved}`, detail: '可重新交办', alarming: counts.followUpUnsolved > 0 },
  ];
}

/**
 * The 票决 figures as cards: rounds of the range's years open the area's rounds; the projects and
 * their rates open the list of chosen projects with their state (of the range's last year, the
 * list the public page shows for that year).
 */
export function projectCards(stats: CaseStats): ProjectCard[] {
  const projects = stats.projects;
  if (!projects || stats.scope.kind !== 'area') return [];
  const areaId = stats.scope.id;
  const year = stats.to.slice(0, 4);
  const years = stats.from.slice(0, 4) === year ? `${year}年度` : `${stats.from.slice(0, 4)}—${year}年度`;
  const rounds = withQuery(SUBPACKAGE_PAGES.projectRounds, { areaId });
  const list = withQuery(SUBPACKAGE_PAGES.figureItems, { areaId, year, drill: 'projects' });
  return [
    { key: 'rounds', label: '票决活动', value: `${projects.rounds}次`, detail: `${years}（含下级区域）`, url: rounds },
    { key: 'chosen', label: '票决确定项目', value: `${projects.chosen}个`, detail: `已开工 ${projects.started} 个 · 已竣工 ${projects.completed} 个`, url: list },
    { key: 'startRate', label: '开工率', value: valueOf(projects.startRate, '%'), detail: `已开工 ${projects.started} 个 / ${projects.chosen} 个`, url: list },
    { key: 'completionRate', label: '竣工率', value: valueOf(projects.completionRate, '%'), detail: `已竣工 ${projects.completed} 个 / ${projects.chosen} 个`, url: list },
    {
      key: 'satisfactionRate',
      label: '项目满意率',
      value: valueOf(projects.satisfactionRate, '%'),
      detail: `满意和基本满意 ${projects.satisfied} 份 / 代表测评 ${projects.rated} 份（测评结束后公布）`,
      url: list,
    },
  ];
}

export function toStatsView(stats: CaseStats): StatsView {
  return {
    scopeName: stats.scope.name,
    rangeLabel: `${formatReceptionDate(stats.from)} 至 ${formatReceptionDate(stats.to)}`,
    cards: figureCards(stats),
    projectCards: projectCards(stats),
    calendarNote: statsCalendarNote(stats.holidaysUnknownYears),
  };
}

export interface StatsState extends ExcelExportState<{ fileName: string; caseCount: number; url: string }> {
  status: 'loading' | 'ready' | 'error';
  errorMessage: string;
  view: StatsView | null;
  from: string;
  to: string;
  scopeOptions: ScopeOption[];
  /** The deputies of the station chosen (or of a station staff member's station): one of them alone. */
  deputyOptions: ScopeOption[];
  scopeKey: string;
  /** Which quick range the dates are (本月 / 上月), shown as chosen; '' for dates picked by hand. */
  quickRange: QuickRange;
}

export type QuickRange = 'thisMonth' | 'lastMonth' | '';

/** 本月 or 上月 when the range is exactly that month so far / that whole month. */
export function quickRangeOf(range: { from: string; to: string }, now: Date): QuickRange {
  const same = (other: { from: string; to: string }) => other.from === range.from && other.to === range.to;
  if (same(thisMonth(now))) return 'thisMonth';
  if (same(lastMonth(now))) return 'lastMonth';
  return '';
}

export const MY_SCOPE: ScopeOption = { key: '', label: '我负责的全部范围' };

export function initialStatsState(now: Date): StatsState {
  return {
    status: 'loading',
    errorMessage: '',
    view: null,
    ...thisMonth(now),
    quickRange: 'thisMonth',
    scopeOptions: [MY_SCOPE],
    deputyOptions: [],
    scopeKey: '',
    exporting: false,
    exported: null,
    exportError: '',
    opening: false,
  };
}

export const STATS_MESSAGES = {
  badRange: '开始日期不能晚于结束日期',
  ...EXCEL_EXPORT_MESSAGES,
} as const;

/** A deputy to count alone, as the picker lists them. */
const deputyOptionsOf = (deputies: ReadonlyArray<{ _id: string; name: string }>) => deputies.map((d) => ({ key: scopeKey({ deputyId: d._id }), label: `${d.name}代表` }));

/**
 * The oversight figures for a date range and a place the staff member covers: this month and
 * all of their area at first. Each figure opens the cases behind it; 导出Excel makes the
 * spreadsheet, which opens in WeChat's viewer, from where it can be forwarded or saved.
 */
export function createStatsPage(render: (change: Partial<StatsState>) => void, now: () => Date = () => appClock.now()) {
  let query: StatsQuery = thisMonth(now());
  const excel = createExcelExport({
    action: 'casework.export',
    log: 'stats',
    make: () => callApi('casework.export', statsPayload(query)),
    shown: (file: CaseExport) => ({ fileName: file.fileName, caseCount: file.caseCount, url: file.url }),
    render,
  });
  let generation = 0;
  /** Station staff: their station, whose deputies stay on offer whatever is chosen. */
  let ownStationId: string | undefined;

  /** The figures alone (a range or place chosen, 重试). */
  const askStats = () => callApi('casework.stats', statsPayload(query));

  /** The first screen, one call: the figures and the places to look at one alone (area staff: stations; station staff: their deputies). */
  async function askStatsWithPlaces(): Promise<CaseStats> {
    const { stats, stations, deputies } = await callApi('casework.statsScreen', statsPayload(query));
    if (stations.length > 0) render({ scopeOptions: [MY_SCOPE, ...stations.map((s) => ({ key: scopeKey({ stationId: s._id }), label: s.name }))] });
    if (deputies.length > 0) render({ deputyOptions: deputyOptionsOf(deputies) });
    return stats;
  }

  async function load(): Promise<void> {
    return show(askStats);
  }

  async function show(ask: () => Promise<CaseStats>): Promise<void> {
    const mine = (generation += 1);
    excel.forget();
    render({
      status: 'loading',
      errorMessage: '',
      from: query.from,
      to: query.to,
      quickRange: quickRangeOf(query, now()),
      scopeKey: scopeKey(query.scope),
      exported: null,
      exportError: '',
    });
    if (query.from > query.to) {
      render({ status: 'error', errorMessage: STATS_MESSAGES.badRange, view: null });
      return;
    }
    try {
      const stats = await ask();
      if (mine === generation) render({ status: 'ready', view: toStatsView(stats) });
    } catch (error) {
      if (mine === generation) render({ status: 'error', errorMessage: toApiError(error, 'casework.stats').message, view: null });
    }
  }

  /** A station's deputies, to count one deputy's work alone. */
  async function loadDeputies(stationId: string | undefined): Promise<void> {
    if (!stationId) {
      render({ deputyOptions: [] });
      return;
    }
    try {
      const { deputies } = await callApi('directory.getStation', { stationId });
      render({ deputyOptions: deputyOptionsOf(deputies) });
    } catch (error) {
      console.warn('[stats] deputies not loaded', toApiError(error).code);
    }
  }

  /** Station staff: which station is theirs, to offer its deputies again after another place was chosen (the first figures bring them). */
  async function rememberOwnStation(): Promise<void> {
    let staff: StaffScope | undefined;
    try {
      staff = (await heldStaffScope()) ?? undefined;
    } catch (error) {
      console.warn('[stats] profile not loaded; the whole scope stays available', toApiError(error).code);
      return;
    }
    if (staff?.role === 'station') ownStationId = staff.stationId;
  }

  return {
    async start(): Promise<void> {
      await Promise.all([show(askStatsWithPlaces), rememberOwnStation()]);
    },
    load,
    setRange(range: { from?: string; to?: string }): Promise<void> {
      query = { ...query, ...range };
      return load();
    },
    thisMonth(): Promise<void> {
      query = { ...query, ...thisMonth(now()) };
      return load();
    },
    lastMonth(): Promise<void> {
      query = { ...query, ...lastMonth(now()) };
      return load();
    },
    async chooseScope(key: string): Promise<void> {
      const scope = scopeFromKey(key);
      query = scope ? { from: query.from, to: query.to, scope } : { from: query.from, to: query.to };
      if (!scope || 'stationId' in scope) await Promise.all([load(), loadDeputies(scope ? scope.stationId : ownStationId)]);
      else await load();
    },
    openFigure(figure: Figure): Promise<void> {
      return navigateTo(drillDownUrl(figure, query));
    },
    openProjects(url: string): Promise<void> {
      return navigateTo(url);
    },
    exportExcel: excel.exportExcel,
    openExport: excel.openExport,
    copyExportLink: excel.copyExportLink,
  };
}
