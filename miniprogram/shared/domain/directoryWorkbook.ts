/**
 * The directory workbook staff already keep (台账): sheets of liaison stations, deputies,
 * departments and the duty roster (值班表), a header row then one row per record. Import reads it, export and the template write it,
 * in the same layout. Pure: cells in, payloads and Chinese row errors out.
 */
import { DEPUTY_LEVEL_LABELS, DEPUTY_LEVELS, type DeputyLevel } from './directory';
import { RULE_LIMITS } from './reception';
import { DEPUTY_CODE_PATTERN, STATION_CODE_PATTERN } from './scene';
import { isCalendarDate } from './time';

export const STATIONS_SHEET = '联络站';
export const DEPUTIES_SHEET = '代表';
export const DEPARTMENTS_SHEET = '承办单位';
export const ROSTER_SHEET = '值班表';

export const STATION_COLUMNS = ['编号', '名称', '区域编号', '地址', '纬度', '经度', '开放时间', '电话', '接待说明', '状态'] as const;
export const DEPUTY_COLUMNS = ['编号', '姓名', '层级', '选区', '职业', '简介', '联络站编号', '状态'] as const;
/** 承办单位 are known by their area and name (they have no code): a row names one, and sets whether it is in use. */
export const DEPARTMENT_COLUMNS = ['区域编号', '名称', '状态'] as const;
/** Who is on duty on a station's reception day: one row per day, the deputies by code (an empty cell: nobody yet). */
export const ROSTER_COLUMNS = ['联络站编号', '日期', '值班代表编号'] as const;

export type Cell = string | number | null;

/** Where a row is wrong: the sheet, its row number as Excel shows it, the column's header and what is wrong. */
export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface StationRow {
  row: number;
  code: string;
  name: string;
  areaId: string;
  address: string;
  location: { latitude: number; longitude: number };
  openingHours: string;
  phone: string;
  receptionNote: string;
  active: boolean;
}

export interface DeputyRow {
  row: number;
  code: string;
  name: string;
  level: DeputyLevel;
  constituency: string;
  occupation: string;
  profile: string;
  stationCodes: string[];
  active: boolean;
}

export interface DepartmentRow {
  row: number;
  areaId: string;
  name: string;
  active: boolean;
}

export interface RosterRow {
  row: number;
  stationCode: string;
  date: string;
  deputyCodes: string[];
}

const ACTIVE_LABELS: Record<string, boolean> = { 在用: true, 停用: false, '': true };

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * Reads one sheet's rows (header first) into records, collecting every problem with its row and
 * column: the header is checked, blank rows are passed over, and `read` gets each row's cells as
 * text; a row it reports a problem for (or answers null for) is not kept.
 */
function readSheet<C extends readonly string[], R>(
  sheet: string,
  columns: C,
  rows: readonly Cell[][],
  errors: RowError[],
  read: (values: string[], problem: (column: C[number], message: string) => void, row: number) => R | null,
): R[] {
  const out: R[] = [];
  checkHeader(sheet, columns, rows[0], errors);
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => text(cell) === '')) return;
    const before = errors.length;
    const problem = (column: C[number], message: string) => errors.push({ sheet, row, column, message });
    const record = read(
      columns.map((_, i) => text(cells[i])),
      problem,
      row,
    );
    if (record !== null && errors.length === before) out.push(record);
  });
  return out;
}

/** The 联络站 sheet. */
export function readStations(rows: readonly Cell[][], errors: RowError[]): StationRow[] {
  const seen = new Map<string, number>();
  return readSheet(STATIONS_SHEET, STATION_COLUMNS, rows, errors, ([code, name, areaId, address, latitude, longitude, openingHours, phone, receptionNote, state], problem, row) => {
    const upper = (code ?? '').toUpperCase();
    if (!STATION_CODE_PATTERN.test(upper)) problem('编号', '编号应为2–8位大写字母或数字，如 LJ01');
    else if (seen.has(upper)) problem('编号', `与第${seen.get(upper)}行的编号重复`);
    else seen.set(upper, row);
    if (!name) problem('名称', '必填');
    else if (name.length > 40) problem('名称', '最多40个字');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(areaId ?? '')) problem('区域编号', '必填，填写区域编号，如 area-jiangnan');
    if (!address) problem('地址', '必填');
    else if (address.length > 120) problem('地址', '最多120个字');
    const lat = Number(latitude);
    const lng = Number(longitude);
    if (!latitude || !Number.isFinite(lat) || lat < -90 || lat > 90) problem('纬度', '应为 -90 到 90 之间的数字');
    if (!longitude || !Number.isFinite(lng) || lng < -180 || lng > 180) problem('经度', '应为 -180 到 180 之间的数字');
    if ((openingHours ?? '').length > 60) problem('开放时间', '最多60个字');
    if (!/^[0-9+\-() ]{0,20}$/.test(phone ?? '')) problem('电话', '电话只能包含数字和 - ( ) +');
    if ((receptionNote ?? '').length > 120) problem('接待说明', '最多120个字');
    if (!((state ?? '') in ACTIVE_LABELS)) problem('状态', '填写“在用”或“停用”');
    return {
      row,
      code: upper,
      name: name ?? '',
      areaId: areaId ?? '',
      address: address ?? '',
      location: { latitude: lat, longitude: lng },
      openingHours: openingHours ?? '',
      phone: phone ?? '',
      receptionNote: receptionNote ?? '',
      active: ACTIVE_LABELS[state ?? ''] ?? true,
    };
  });
}

const LEVEL_BY_LABEL = new Map<string, DeputyLevel>(
  DEPUTY_LEVELS.flatMap((level) => [[DEPUTY_LEVEL_LABELS[level], level] as [string, DeputyLevel], [level, level] as [string, DeputyLevel]]),
);

export function readDeputies(rows: readonly Cell[][], errors: RowError[]): DeputyRow[] {
  const seen = new Map<string, number>();
  return readSheet(DEPUTIES_SHEET, DEPUTY_COLUMNS, rows, errors, ([code, name, levelLabel, constituency, occupation, profile, stations, state], problem, row) => {
    const upper = (code ?? '').toUpperCase();
    if (!DEPUTY_CODE_PATTERN.test(upper)) problem('编号', '编号应为2–12位大写字母或数字，如 D001');
    else if (seen.has(upper)) problem('编号', `与第${seen.get(upper)}行的编号重复`);
    else seen.set(upper, row);
    if (!name) problem('姓名', '必填');
    else if (name.length > 20) problem('姓名', '最多20个字');
    const level = LEVEL_BY_LABEL.get(levelLabel ?? '');
    if (!level) problem('层级', `填写${DEPUTY_LEVELS.map((l) => DEPUTY_LEVEL_LABELS[l]).join('、')}之一`);
    if (!constituency) problem('选区', '必填');
    else if (constituency.length > 40) problem('选区', '最多40个字');
    if ((occupation ?? '').length > 60) problem('职业', '最多60个字');
    if ((profile ?? '').length > 500) problem('简介', '最多500个字');
    const stationCodes = (stations ?? '')
      .split(/[、,，\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    if (stationCodes.length === 0) problem('联络站编号', '请至少填写一个联络站编号，多个用“、”分隔');
    else if (stationCodes.length > 5) problem('联络站编号', '最多5个联络站');
    if (!((state ?? '') in ACTIVE_LABELS)) problem('状态', '填写“在用”或“停用”');
    if (!level) return null;
    return {
      row,
      code: upper,
      name: name ?? '',
      level,
      constituency: constituency ?? '',
      occupation: occupation ?? '',
      profile: profile ?? '',
      stationCodes: [...new Set(stationCodes)],
      active: ACTIVE_LABELS[state ?? ''] ?? true,
    };
  });
}

/** The 承办单位 sheet; a workbook without it (made before it existed) imports no departments. */
export function readDepartments(rows: readonly Cell[][], errors: RowError[]): DepartmentRow[] {
  if (rows.length === 0) return [];
  const seen = new Map<string, number>();
  return readSheet(DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS, rows, errors, ([areaId, name, state], problem, row) => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(areaId ?? '')) problem('区域编号', '必填，填写区域编号，如 area-jiangnan');
    if (!name) problem('名称', '必填');
    else if (name.length > 40) problem('名称', '最多40个字');
    else {
      const key = `${areaId}\n${name}`;
      if (seen.has(key)) problem('名称', `与第${seen.get(key)}行重复`);
      else seen.set(key, row);
    }
    if (!((state ?? '') in ACTIVE_LABELS)) problem('状态', '填写“在用”或“停用”');
    return { row, areaId: areaId ?? '', name: name ?? '', active: ACTIVE_LABELS[state ?? ''] ?? true };
  });
}

/** `2027/3/5`, `2027年3月5日` and `2027-03-05` are one date; anything else is not a date. */
function calendarDateOf(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** The 值班表 sheet; a workbook without it (made before it existed) changes no roster. */
export function readRoster(rows: readonly Cell[][], errors: RowError[]): RosterRow[] {
  if (rows.length === 0) return [];
  const seen = new Map<string, number>();
  return readSheet(ROSTER_SHEET, ROSTER_COLUMNS, rows, errors, ([stationCell, dateCell, deputiesCell], problem, row) => {
    const stationCode = (stationCell ?? '').toUpperCase();
    if (!STATION_CODE_PATTERN.test(stationCode)) problem('联络站编号', '编号应为2–8位大写字母或数字，如 LJ01');
    const date = calendarDateOf(dateCell ?? '');
    if (!date) problem('日期', '日期应写成 2027-03-15 这样的年-月-日');
    else if (STATION_CODE_PATTERN.test(stationCode)) {
      const key = `${stationCode} ${date}`;
      if (seen.has(key)) problem('日期', `与第${seen.get(key)}行是同一联络站的同一天`);
      else seen.set(key, row);
    }
    const deputyCodes = [
      ...new Set(
        (deputiesCell ?? '')
          .split(/[、,，\s]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ];
    const malformed = deputyCodes.filter((code) => !DEPUTY_CODE_PATTERN.test(code));
    if (malformed.length) problem('值班代表编号', `${malformed.join('、')} 不是代表编号，编号应为2–12位大写字母或数字，多个用“、”分隔`);
    else if (deputyCodes.length > RULE_LIMITS.deputiesOnDuty) problem('值班代表编号', `一天最多${RULE_LIMITS.deputiesOnDuty}位代表值班`);
    if (!date) return null;
    return { row, stationCode, date, deputyCodes };
  });
}

export function rosterCells(roster: Omit<RosterRow, 'row'>): Cell[] {
  return [roster.stationCode, roster.date, roster.deputyCodes.join('、')];
}

export function departmentCells(department: Omit<DepartmentRow, 'row'>): Cell[] {
  return [department.areaId, department.name, department.active ? '在用' : '停用'];
}

function checkHeader(sheet: string, columns: readonly string[], header: readonly Cell[] | undefined, errors: RowError[]): void {
  columns.forEach((column, i) => {
    if (text(header?.[i]) !== column) errors.push({ sheet, row: 1, column, message: `第${i + 1}列的表头应为“${column}”，请使用下载的模板` });
  });
}

export function stationCells(station: Omit<StationRow, 'row'>): Cell[] {
  return [
    station.code,
    station.name,
    station.areaId,
    station.address,
    station.location.latitude,
    station.location.longitude,
    station.openingHours,
    station.phone,
    station.receptionNote,
    station.active ? '在用' : '停用',
  ];
}

export function deputyCells(deputy: Omit<DeputyRow, 'row'>): Cell[] {
  return [
    deputy.code,
    deputy.name,
    DEPUTY_LEVEL_LABELS[deputy.level],
    deputy.constituency,
    deputy.occupation,
    deputy.profile,
    deputy.stationCodes.join('、'),
    deputy.active ? '在用' : '停用',
  ];
}

/** `第3行 名称：必填` (the sheet named when it is not obvious). */
export function describeRowError(error: RowError): string {
  return `${error.sheet} 第${error.row}行 ${error.column}：${error.message}`;
}
