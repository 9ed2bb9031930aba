// How a table cell reads in Dutch (CSV, HTML/PDF): numbers with a decimal comma and no
// thousands separator (so spreadsheets read them back as numbers), dates dd-mm-jjjj, months
// "maart 2016", booleans ja/nee, empty for null.
import type { CellValue, ColumnType } from '../../model/reports.js';
import { formatDateNl } from '../../model/calendar.js';
import { monthNameNl } from '../../model/calendar.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

export function formatNumberNl(n: number, decimals?: number): string {
  const s = decimals === undefined ? String(Math.round(n * 10) / 10) : n.toFixed(decimals);
  return s.replace('.', ',');
}

export function formatCell(v: CellValue, type: ColumnType): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') return type === 'percent' ? formatNumberNl(v, 1) : formatNumberNl(v);
  if (type === 'month' && ISO_MONTH.test(v)) return monthNameNl(v);
  if (ISO_DATE.test(v)) return formatDateNl(v);
  return v;
}

/** Whether a cell is a number (right-aligned in tables and charts). */
export function isNumeric(v: CellValue): boolean {
  return typeof v === 'number';
}
