// CSV writer for reports: Dutch labels, `;` delimiter, UTF-8 with BOM (Excel opens it right),
// Dutch numbers and dates. Each table is a block: its title, the header row and its rows,
// separated by an empty line; with record lists, one more block lists every figure's records.
import type { ReportRecord, ReportTable } from '../../model/reports.js';
import { labelOf } from '../../model/codes.js';
import { formatCell } from './cells.js';
import { csvCell } from '../../model/csv.js';

function line(cells: string[]): string {
  return cells.map((c) => csvCell(c)).join(';');
}

export interface RecordList {
  label: string;
  records: ReportRecord[];
}

export const RECORD_COLUMNS: { key: keyof ReportRecord; label: string }[] = [
  { key: 'ref', label: 'Registratienummer' },
  { key: 'name', label: 'Naam werkgever' },
  { key: 'account_manager', label: 'Klantmanager' },
  { key: 'intake_date', label: 'Instroomdatum' },
  { key: 'referrer', label: 'Verwijzer' },
  { key: 'exit_date', label: 'Uitstroomdatum' },
  { key: 'exit_reason', label: 'Reden uitstroom' },
  { key: 'exceptional_since', label: 'Buitengewoon sinds' },
  { key: 'last_contact', label: 'Laatste contact' },
];

/**
 * A record's cell as text: codes get their Dutch labels, dates dd-mm-jjjj. Files carry client
 * refs, not client names: a report file travels (to the municipality), the names stay in the app.
 */
export function recordCell(r: ReportRecord, key: keyof ReportRecord): string {
  const v = r[key];
  if (v === null || (key === 'name' && r.kind === 'client')) return '';
  if (key === 'referrer') return labelOf('referrer', String(v));
  if (key === 'exit_reason') return labelOf('exit_reason', String(v));
  return formatCell(v as string, 'text');
}

export function toCsv(title: string, tables: ReportTable[], lists: RecordList[] = []): Buffer {
  const out: string[] = [line([title])];
  for (const t of tables) {
    out.push('', line([t.title]), line(t.columns.map((c) => c.label)));
    for (const r of t.rows) out.push(line(t.columns.map((c) => formatCell(r.cells[c.key] ?? null, c.type))));
  }
  if (lists.length) {
    out.push('', line(['Records per cijfer']), line(['Cijfer', ...RECORD_COLUMNS.map((c) => c.label)]));
    for (const l of lists)
      for (const r of l.records) out.push(line([l.label, ...RECORD_COLUMNS.map((c) => recordCell(r, c.key))]));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(out.join('\r\n') + '\r\n', 'utf8')]);
}
