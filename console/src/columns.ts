/** A column of a TDesign table: the row field it shows, its heading and, when fixed, its width. */
export interface Column {
  colKey: string;
  title: string;
  width?: number;
}

/**
 * A table's columns from their headings by row field, in order; a width goes with its heading:
 * `columnsOf({ date: '日期', op: ['操作', 260] })`.
 */
export function columnsOf(headings: Record<string, string | readonly [string, number]>): Column[] {
  return Object.entries(headings).map(([colKey, heading]) => (typeof heading === 'string' ? { colKey, title: heading } : { colKey, title: heading[0], width: heading[1] }));
}
