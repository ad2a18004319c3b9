import type { Workbook } from 'exceljs';

/**
 * A new Excel workbook credited to 连心桥. exceljs is loaded here, on the first export only: it is
 * most of an exporting function's bundle, and every other action starts faster without it (a lazy
 * require, which esbuild keeps lazy and which runs under jest's module loader too).
 */
export function newWorkbook(now: Date): Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = '连心桥';
  workbook.created = now;
  return workbook;
}

/** A column of a list sheet: its header and width, and what it shows of an item. */
export interface ListColumn<T> {
  header: string;
  width: number;
  cell: (item: T) => string | number;
}

/** One item's row of a list sheet, as its cells. */
export function listCells<T>(columns: ReadonlyArray<ListColumn<T>>, item: T): Array<string | number> {
  return columns.map((column) => column.cell(item));
}

/** A list sheet: the columns with their widths, the header row in bold and frozen, then a row per item. */
export function addListSheet<T>(workbook: Workbook, name: string, columns: ReadonlyArray<ListColumn<T>>, items: readonly T[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(listCells(columns, item));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
