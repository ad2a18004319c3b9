/**
 * The directory workbook staff already keep (台账): sheets of liaison stations, deputies,
 * departments and the duty roster (值班表), a header row then one row per record. Import reads it, export and the template write it,
 * in the same layout. Pure: cells in, payloads and Chinese row errors out.
 */
import { DEPUTY_LEVEL_LABELS, DEPUTY_LEVELS, type DeputyLevel, type GeoPoint } from './directory';
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
  location: GeoPoint;
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

/** What a sheet's reader checks a row's cells with: each problem is kept with the row and the column. */
interface RowCheck<Column> {
  problem(column: Column, message: string): void;
  /** Whether the cell matches `pattern`; when it does not, `message` is the problem. */
  matches(column: Column, value: string, pattern: RegExp, message: string): boolean;
  /** Whether the cell is filled, in at most `max` characters. */
  required(column: Column, value: string, max: number): boolean;
  /** Whether the cell (which may be left empty) has at most `max` characters. */
  atMost(column: Column, value: string, max: number): boolean;
  /** A key (a code, a name) no earlier row of the sheet has; `clash` says so, given the row that has it. */
  unique(column: Column, key: string, clash: (firstRow: number) => string): void;
  /** The 状态 cell: whether the record is in use (在用, or left empty) or not (停用). */
  active(column: Column, value: string): boolean;
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
  read: (values: { [K in keyof C]: string }, check: RowCheck<C[number]>, row: number) => R | null,
): R[] {
  const out: R[] = [];
  const firstRows = new Map<string, number>();
  checkHeader(sheet, columns, rows[0], errors);
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => text(cell) === '')) return;
    const before = errors.length;
    const problem = (column: C[number], message: string) => errors.push({ sheet, row, column, message });
    const passes = (column: C[number], ok: boolean, message: string): boolean => {
      if (!ok) problem(column, message);
      return ok;
    };
    const check: RowCheck<C[number]> = {
      problem,
      matches: (column, value, pattern, message) => passes(column, pattern.test(value), message),
      required: (column, value, max) => passes(column, !!value, '必填') && check.atMost(column, value, max),
      atMost: (column, value, max) => passes(column, value.length <= max, `最多${max}个字`),
      unique: (column, key, clash) => {
        const firstRow = firstRows.get(key);
        if (firstRow !== undefined) problem(column, clash(firstRow));
        else firstRows.set(key, row);
      },
      active: (column, value) => {
        if (!(value in ACTIVE_LABELS)) problem(column, '填写“在用”或“停用”');
        return ACTIVE_LABELS[value] ?? true;
      },
    };
    const record = read(columns.map((_, i) => text(cells[i])) as { [K in keyof C]: string }, check, row);
    if (record !== null && errors.length === before) out.push(record);
  });
  return out;
}

const AREA_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const AREA_ID_MESSAGE = '必填，填写区域编号，如 area-jiangnan';
const STATION_CODE_MESSAGE = '编号应为2–8位大写字母或数字，如 LJ01';

/** The 联络站 sheet. */
export function readStations(rows: readonly Cell[][], errors: RowError[]): StationRow[] {
  return readSheet(STATIONS_SHEET, STATION_COLUMNS, rows, errors, ([code, name, areaId, address, latitude, longitude, openingHours, phone, receptionNote, state], check, row) => {
    const upper = code.toUpperCase();
    if (check.matches('编号', upper, STATION_CODE_PATTERN, STATION_CODE_MESSAGE)) check.unique('编号', upper, (first) => `与第${first}行的编号重复`);
    check.required('名称', name, 40);
    check.matches('区域编号', areaId, AREA_ID_PATTERN, AREA_ID_MESSAGE);
    check.required('地址', address, 120);
    const lat = Number(latitude);
    const lng = Number(longitude);
    if (!latitude || !Number.isFinite(lat) || lat < -90 || lat > 90) check.problem('纬度', '应为 -90 到 90 之间的数字');
    if (!longitude || !Number.isFinite(lng) || lng < -180 || lng > 180) check.problem('经度', '应为 -180 到 180 之间的数字');
    check.atMost('开放时间', openingHours, 60);
    check.matches('电话', phone, /^[0-9+\-() ]{0,20}$/, '电话只能包含数字和 - ( ) +');
    check.atMost('接待说明', receptionNote, 120);
    const active = check.active('状态', state);
    return { row, code: upper, name, areaId, address, location: { latitude: lat, longitude: lng }, openingHours, phone, receptionNote, active };
  });
}

const LEVEL_BY_LABEL = new Map<string, DeputyLevel>(
  DEPUTY_LEVELS.flatMap((level) => [[DEPUTY_LEVEL_LABELS[level], level] as [string, DeputyLevel], [level, level] as [string, DeputyLevel]]),
);

export function readDeputies(rows: readonly Cell[][], errors: RowError[]): DeputyRow[] {
  return readSheet(DEPUTIES_SHEET, DEPUTY_COLUMNS, rows, errors, ([code, name, levelLabel, constituency, occupation, profile, stations, state], check, row) => {
    const upper = code.toUpperCase();
    if (check.matches('编号', upper, DEPUTY_CODE_PATTERN, '编号应为2–12位大写字母或数字，如 D001')) check.unique('编号', upper, (first) => `与第${first}行的编号重复`);
    check.required('姓名', name, 20);
    const level = LEVEL_BY_LABEL.get(levelLabel);
    if (!level) check.problem('层级', `填写${DEPUTY_LEVELS.map((l) => DEPUTY_LEVEL_LABELS[l]).join('、')}之一`);
    check.required('选区', constituency, 40);
    check.atMost('职业', occupation, 60);
    check.atMost('简介', profile, 500);
    const stationCodes = codesIn(stations);
    if (stationCodes.length === 0) check.problem('联络站编号', '请至少填写一个联络站编号，多个用“、”分隔');
    else if (stationCodes.length > 5) check.problem('联络站编号', '最多5个联络站');
    const active = check.active('状态', state);
    if (!level) return null;
    return { row, code: upper, name, level, constituency, occupation, profile, stationCodes: [...new Set(stationCodes)], active };
  });
}

/** The codes a cell lists (`D001、D002`, or split by commas or spaces), in capitals. */
function codesIn(cell: string): string[] {
  return cell
    .split(/[、,，\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

/** The 承办单位 sheet; a workbook without it (made before it existed) imports no departments. */
export function readDepartments(rows: readonly Cell[][], errors: RowError[]): DepartmentRow[] {
  if (rows.length === 0) return [];
  return readSheet(DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS, rows, errors, ([areaId, name, state], check, row) => {
    check.matches('区域编号', areaId, AREA_ID_PATTERN, AREA_ID_MESSAGE);
    if (check.required('名称', name, 40)) check.unique('名称', `${areaId}\n${name}`, (first) => `与第${first}行重复`);
    return { row, areaId, name, active: check.active('状态', state) };
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
  return readSheet(ROSTER_SHEET, ROSTER_COLUMNS, rows, errors, ([stationCell, dateCell, deputiesCell], check, row) => {
    const stationCode = stationCell.toUpperCase();
    const stationKnown = check.matches('联络站编号', stationCode, STATION_CODE_PATTERN, STATION_CODE_MESSAGE);
    const date = calendarDateOf(dateCell);
    if (!date) check.problem('日期', '日期应写成 2027-03-15 这样的年-月-日');
    else if (stationKnown) check.unique('日期', `${stationCode} ${date}`, (first) => `与第${first}行是同一联络站的同一天`);
    const deputyCodes = [...new Set(codesIn(deputiesCell))];
    const malformed = deputyCodes.filter((code) => !DEPUTY_CODE_PATTERN.test(code));
    if (malformed.length) check.problem('值班代表编号', `${malformed.join('、')} 不是代表编号，编号应为2–12位大写字母或数字，多个用“、”分隔`);
    else if (deputyCodes.length > RULE_LIMITS.deputiesOnDuty) check.problem('值班代表编号', `一天最多${RULE_LIMITS.deputiesOnDuty}位代表值班`);
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
