import type { AreaRow, SuggestionExport, SuggestionStats, UnitRow } from '../../../shared/contract/suggestion';
import type { SuggestionFigure } from '../../../shared/domain/suggestionStats';
import { callApi, toApiError } from '../../../services/api';
import { navigateTo } from '../../../services/wx';
import { createExcelExport, EXCEL_EXPORT_MESSAGES, type ExcelExportState } from '../../../utils/excel-export';
import { suggestionDrillUrl } from '../routes';
import type { LoadStatus } from '../../../utils/load-state';

export interface FigureCard {
  figure: SuggestionFigure;
  label: string;
  /** The big number: 12, 90.11%, or — when there is nothing to count. */
  value: string;
  detail: string;
  alarming: boolean;
}

export interface RowView {
  key: string;
  name: string;
  /** 主办 8 · 协办 3 */
  counts: string;
  /** 按期 87.5% · A类 62.5% · 满意 100% */
  rates: string;
  overdue: boolean;
}

export interface SuggestionStatsView {
  title: string;
  cards: FigureCard[];
  units: RowView[];
  areas: RowView[];
  calendarNote: string;
}

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

/** The figures as cards, in the order the published report reads them; each opens the suggestions behind it. */
export function suggestionCards(stats: SuggestionStats): FigureCard[] {
  const { counts, rates } = stats;
  return [
    { figure: 'received', label: '收到建议', value: `${counts.received}`, detail: `立案 ${counts.registered} 件 · 转一般意见 ${counts.noted} 件`, alarming: false },
    { figure: 'answered', label: '答复率', value: percent(rates.answeredRate), detail: `已答复 ${counts.answered} 件 / 立案 ${counts.registered} 件`, alarming: false },
    { figure: 'answeredOnTime', label: '按期答复率', value: percent(rates.onTimeRate), detail: `按期 ${counts.answeredOnTime} 件`, alarming: false },
    { figure: 'classA', label: 'A类占比', value: percent(rates.classAShare), detail: `A类 ${counts.classA} · B类 ${counts.classB} · C类 ${counts.classC}`, alarming: false },
    {
      figure: 'satisfied',
      label: '代表满意率',
      value: percent(rates.satisfactionRate),
      detail: `满意和基本满意 ${counts.satisfied} 件 / 评价 ${counts.rated} 件`,
      alarming: false,
    },
    { figure: 'rehandled', label: '重新办理', value: `${counts.rehandled}`, detail: `不满意 ${counts.dissatisfied} 件`, alarming: counts.dissatisfied > 0 },
    { figure: 'overdue', label: '超期', value: `${counts.overdue}`, detail: `延期办理 ${counts.extended} 件`, alarming: counts.overdue > 0 },
    { figure: 'followUp', label: 'B类跟踪落实', value: `${counts.followUp}`, detail: '承诺的工作尚未报告落实', alarming: false },
    { figure: 'key', label: '重点督办', value: `${counts.key}`, detail: '列为重点督办的建议', alarming: false },
    { figure: 'bounced', label: '多次退回', value: `${counts.bounced}`, detail: `单位退回过 ${counts.referred} 件`, alarming: counts.bounced > 0 },
  ];
}

export function unitRowView(row: UnitRow): RowView {
  return {
    key: row.departmentId,
    name: row.name,
    counts: `主办 ${row.lead} · 协办（会办） ${row.assisting} · 已答复 ${row.answered}`,
    rates: `按期 ${percent(row.rates.onTimeRate)} · A类 ${percent(row.rates.classAShare)} · 满意 ${percent(row.rates.satisfactionRate)}`,
    overdue: row.overdue > 0,
  };
}

export function areaRowView(row: AreaRow): RowView {
  return {
    key: row.areaId,
    name: `${row.name}代表团`,
    counts: `提出 ${row.received} · 立案 ${row.registered} · 已答复 ${row.answered}`,
    rates: `A类 ${percent(row.rates.classAShare)} · 满意 ${percent(row.rates.satisfactionRate)}`,
    overdue: row.overdue > 0,
  };
}

export function toSuggestionStatsView(stats: SuggestionStats): SuggestionStatsView {
  return {
    title: stats.session.name,
    cards: suggestionCards(stats),
    units: stats.byUnit.map(unitRowView),
    areas: stats.byArea.map(areaRowView),
    calendarNote: stats.holidaysUnknownYears.length > 0 ? `${stats.holidaysUnknownYears.join('、')}年假期安排未录入：遇节假日顺延的期限可能还会变化。` : '',
  };
}

export interface SuggestionStatsState extends ExcelExportState<{ fileName: string; count: number }> {
  status: LoadStatus;
  errorMessage: string;
  sessions: Array<{ id: string; label: string }>;
  sessionId: string;
  view: SuggestionStatsView | null;
}

export function initialSuggestionStatsState(): SuggestionStatsState {
  return { status: 'loading', errorMessage: '', sessions: [], sessionId: '', view: null, exporting: false, exported: null, exportError: '', opening: false };
}

export const SUGGESTION_STATS_MESSAGES = {
  noSession: '还没有会议。请先在“会议管理”中设立会议。',
  ...EXCEL_EXPORT_MESSAGES,
} as const;

/**
 * 代表建议办理情况 for a session (the latest first): the figures congresses publish, the table per
 * unit and per delegation, each opening the suggestions behind it, and the Excel workbook.
 */
export function createSuggestionStats(render: (change: Partial<SuggestionStatsState>) => void) {
  let sessionId = '';
  const excel = createExcelExport({
    action: 'suggestion.export',
    log: 'suggestion-stats',
    make: () => callApi('suggestion.export', { sessionId }),
    shown: (file: SuggestionExport) => ({ fileName: file.fileName, count: file.suggestionCount }),
    render,
  });
  let generation = 0;

  async function loadFigures(): Promise<void> {
    const mine = (generation += 1);
    excel.forget();
    render({ status: 'loading', errorMessage: '', sessionId, exported: null, exportError: '' });
    try {
      const stats = await callApi('suggestion.stats', { sessionId });
      if (mine === generation) render({ status: 'ready', view: toSuggestionStatsView(stats) });
    } catch (error) {
      if (mine === generation) render({ status: 'error', errorMessage: toApiError(error, 'suggestion.stats').message, view: null });
    }
  }

  return {
    async start(): Promise<void> {
      const { sessions } = await callApi('suggestion.listSessions', { purpose: 'manage' });
      const choices = sessions.map((s) => ({ id: s._id, label: s.name }));
      render({ sessions: choices });
      sessionId = choices[0]?.id ?? '';
      if (!sessionId) {
        render({ status: 'empty', errorMessage: SUGGESTION_STATS_MESSAGES.noSession });
        return;
      }
      await loadFigures();
    },
    reload: loadFigures,
    chooseSession(next: string): Promise<void> {
      sessionId = next;
      return loadFigures();
    },
    openFigure: (figure: SuggestionFigure) => navigateTo(suggestionDrillUrl({ sessionId, figure })),
    openUnit: (departmentId: string) => navigateTo(suggestionDrillUrl({ sessionId, figure: 'received', departmentId })),
    openArea: (areaId: string) => navigateTo(suggestionDrillUrl({ sessionId, figure: 'received', areaId })),
    exportExcel: excel.exportExcel,
    openExport: excel.openExport,
    copyExportLink: excel.copyExportLink,
  };
}
