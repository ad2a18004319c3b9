import type { HolidayYearView } from '../../../shared/contract/admin';
import { holidayYearProblem, type HolidayPeriod } from '../../../shared/domain/holidays';
import { shanghaiDate, yearOf } from '../../../shared/domain/time';
import { callApi, toApiError } from '../../../services/api';
import { appClock } from '../../../services/clock';
import { formatDateTime, formatReceptionDate } from '../../../utils/date';
import type { LoadStatus } from '../../../utils/load-state';

/**
 * 节假日安排: the holiday calendar reception days and case deadlines are counted with. Staff see each
 * year, where it came from, and which coming years nobody has recorded; administrators record a year
 * from the State Council's notice (放假 dates and 调休 working days) or correct one.
 */

/** The holidays of the State Council's yearly notice, in its order: a new year's form starts with them. */
export const STATUTORY_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export interface YearRow {
  year: number;
  title: string;
  /** 来自节假日数据包 / 工作人员录入 · 王芳 · 2026年11月20日 10:05 */
  source: string;
  lines: string[];
}

export interface PeriodRow {
  key: string;
  name: string;
  from: string;
  to: string;
  /** Up to two 调休 working days, '' when not set. */
  workday1: string;
  workday2: string;
}

export interface HolidaysState {
  status: LoadStatus;
  errorMessage: string;
  years: YearRow[];
  /** `2027年节假日安排尚未录入…`, or ''. */
  missingNote: string;
  canEdit: boolean;
  /** The year being recorded, 0 while no form is open. */
  editingYear: number;
  rows: PeriodRow[];
  formError: string;
  saving: boolean;
  saved: string;
}

export function initialHolidaysState(): HolidaysState {
  return { status: 'loading', errorMessage: '', years: [], missingNote: '', canEdit: false, editingYear: 0, rows: [], formError: '', saving: false, saved: '' };
}

const shortDate = (date: string) => formatReceptionDate(date).split(' ')[0] ?? date;

export function periodLine(period: HolidayPeriod): string {
  const days = period.from === period.to ? shortDate(period.from) : `${shortDate(period.from)}至${shortDate(period.to)}`;
  const worked = period.workdays.length > 0 ? ` · 调休上班 ${period.workdays.map(formatReceptionDate).join('、')}` : '';
  return `${period.name}：${days}放假${worked}`;
}

export function yearRow(view: HolidayYearView): YearRow {
  const source =
    view.source === 'package'
      ? '来自节假日数据包'
      : `工作人员录入${view.updatedByName ? ` · ${view.updatedByName}` : ''}${view.updatedAt ? ` · ${formatDateTime(view.updatedAt)}` : ''}`;
  return { year: view.year, title: `${view.year}年`, source, lines: view.holidays.map(periodLine) };
}

export function missingNoteFor(years: readonly number[], canEdit: boolean): string {
  if (years.length === 0) return '';
  const who = canEdit ? '请按国务院办公厅的放假通知录入。' : '请联系管理员按国务院办公厅的放假通知录入。';
  return `${years.join('、')}年节假日安排尚未录入：这些日子的接待日还没有避开节假日，办理期限暂按双休日计算。${who}`;
}

let rowKeys = 0;
function newRow(fields: Partial<PeriodRow> = {}): PeriodRow {
  rowKeys += 1;
  return { key: `p${rowKeys}`, name: '', from: '', to: '', workday1: '', workday2: '', ...fields };
}

/** The form for a year: what is recorded for it, or the seven statutory holidays with dates to fill in. */
export function rowsFor(recorded: HolidayYearView | undefined): PeriodRow[] {
  if (!recorded) return STATUTORY_HOLIDAYS.map((name) => newRow({ name }));
  return recorded.holidays.map((period) => newRow({ name: period.name, from: period.from, to: period.to, workday1: period.workdays[0] ?? '', workday2: period.workdays[1] ?? '' }));
}

/** The year's arrangement the form describes, or what is wrong with it, in the words the server would use. */
export function periodsFrom(year: number, rows: readonly PeriodRow[]): { holidays: HolidayPeriod[] } | { problem: string } {
  const filled = rows.filter((row) => row.name.trim() || row.from || row.to);
  const incomplete = filled.find((row) => !row.name.trim() || !row.from || !row.to);
  if (incomplete) return { problem: `${incomplete.name.trim() || '节假日'}的名称和起止日期都要填写` };
  const holidays = filled.map((row) => ({ name: row.name.trim(), from: row.from, to: row.to, workdays: [row.workday1, row.workday2].filter(Boolean) }));
  const problem = holidayYearProblem({ year, holidays });
  return problem ? { problem } : { holidays };
}

export function createHolidaysPage(render: (change: Partial<HolidaysState>) => void) {
  let years: HolidayYearView[] = [];
  let editingYear = 0;
  let rows: PeriodRow[] = [];
  let saving = false;

  async function load(): Promise<void> {
    try {
      const answer = await callApi('admin.listHolidayYears', {});
      years = answer.years;
      render({
        status: 'ready',
        errorMessage: '',
        years: years.map(yearRow),
        missingNote: missingNoteFor(answer.missingYears, answer.canEdit),
        canEdit: answer.canEdit,
      });
    } catch (error) {
      render({ status: 'error', errorMessage: toApiError(error, 'admin.listHolidayYears').message });
    }
  }

  function showRows(next: PeriodRow[]): void {
    rows = next;
    render({ rows, formError: '', saved: '' });
  }

  return {
    load,
    retry(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      return load();
    },
    /** Opens the form for a year shown, or for next year (the one a notice is usually published for). */
    edit(year?: number): void {
      editingYear = year ?? yearOf(shanghaiDate(appClock.now())) + 1;
      rows = rowsFor(years.find((y) => y.year === editingYear));
      render({ editingYear, rows, formError: '', saved: '' });
    },
    setField(key: string, field: keyof Omit<PeriodRow, 'key'>, value: string): void {
      showRows(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
    },
    addRow: () => showRows([...rows, newRow()]),
    removeRow: (key: string) => showRows(rows.filter((row) => row.key !== key)),
    cancel(): void {
      editingYear = 0;
      render({ editingYear: 0, rows: [], formError: '' });
    },
    async save(): Promise<void> {
      if (saving || !editingYear) return;
      const checked = periodsFrom(editingYear, rows);
      if ('problem' in checked) {
        render({ formError: checked.problem });
        return;
      }
      saving = true;
      render({ saving: true, formError: '' });
      try {
        const { year } = await callApi('admin.saveHolidayYear', { year: editingYear, holidays: checked.holidays });
        editingYear = 0;
        render({
          saving: false,
          editingYear: 0,
          rows: [],
          saved: `${year.year}年节假日安排已保存。没有人预约的接待日会在下一次每日排班时避开节假日，按双休日计算的办理期限会在一小时内重新计算。`,
        });
        await load();
      } catch (error) {
        const apiError = toApiError(error, 'admin.saveHolidayYear');
        render({ saving: false, formError: apiError.fields.holidays ?? apiError.message });
      } finally {
        saving = false;
      }
    },
  };
}
