import {
  DEPARTMENT_COLUMNS,
  DEPARTMENTS_SHEET,
  DEPUTIES_SHEET,
  DEPUTY_COLUMNS,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  STATION_COLUMNS,
  STATIONS_SHEET,
  type Cell,
} from '../../miniprogram/shared/domain/directoryWorkbook';

/** The sheets of an uploaded workbook as rows of plain cells (header first); a missing sheet is empty. */
export async function readWorkbook(bytes: Buffer): Promise<{ stations: Cell[][]; deputies: Cell[][]; departments: Cell[][]; roster: Cell[][] } | null> {
  // Loaded on import and export only, as in casework: exceljs is most of a bundle that needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = (name: string): Cell[][] => {
    const found = workbook.getWorksheet(name);
    if (!found) return [];
    const rows: Cell[][] = [];
    found.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: Cell[] = [];
      for (let i = 1; i <= Math.max(row.cellCount, 12); i += 1) cells.push(plain(row.getCell(i).value));
      rows[number - 1] = cells;
    });
    return Array.from(rows, (row) => row ?? []);
  };
  return { stations: sheet(STATIONS_SHEET), deputies: sheet(DEPUTIES_SHEET), departments: sheet(DEPARTMENTS_SHEET), roster: sheet(ROSTER_SHEET) };
}

function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.result !== undefined) return plain(v.result);
  }
  return String(value);
}

/** The workbook in the import layout: the template (headers and one example row each) or the directory's rows (stations, deputies, departments, duty roster). */
export async function writeWorkbook(stations: Cell[][], deputies: Cell[][], now: Date, departments: Cell[][] = [], roster: Cell[][] = []): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = '连心桥';
  workbook.created = now;
  for (const [name, columns, rows] of [
    [STATIONS_SHEET, STATION_COLUMNS, stations],
    [DEPUTIES_SHEET, DEPUTY_COLUMNS, deputies],
    [DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS, departments],
    [ROSTER_SHEET, ROSTER_COLUMNS, roster],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map((header) => ({ header, width: header === '简介' || header === '地址' || header === '值班代表编号' ? 40 : 16 }));
    // Dates stay text: a cell Excel takes for a date comes back in the reader's time zone.
    if (name === ROSTER_SHEET) sheet.getColumn(2).numFmt = '@';
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
