// How a report cell reads on screen: Dutch numbers and dates, months as "maart 2016", ja/nee.
// The same rules as the printed report (db/reports/format/cells.ts), for the browser.
import type { CellValue, ColumnType } from '../../../db/model/reports.js';
import { formatDateNl, monthNameNl } from '../../../db/model/calendar.js';
import { T } from '../../i18n/reports.js';

const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const pf = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function showCell(v: CellValue | undefined, type: ColumnType): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? T.yes : T.no;
  if (typeof v === 'number') return type === 'percent' ? pf.format(v) : nf.format(v);
  if (type === 'month' && /^\d{4}-\d{2}$/.test(v)) return monthNameNl(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateNl(v);
  return v;
}
