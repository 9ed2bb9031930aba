// Turns planned records into the bytes of one batch file: CSV (';' by default, UTF-8 with BOM or
// Windows-1252, formula-safe cells), XLSX (every cell a text cell: never a formula) or VUM JSON.
import iconv from 'iconv-lite';
import { csvLine } from '../../model/csv.js';
import type { PlanPart, PlannedRecord } from './plan.js';

export async function fileBytes(part: PlanPart, records: PlannedRecord[]): Promise<Buffer> {
  const profile = part.profile;
  if (!profile)
    return Buffer.from(
      JSON.stringify(
        records.map((r) => r.doc),
        null,
        2,
      ) + '\n',
      'utf8',
    );
  const header = profile.columns.map((c) => c.label);
  const rows = records.map((r) => profile.columns.map((c) => r.cells[c.id] ?? ''));
  if (profile.file.format === 'xlsx') {
    // exceljs is large: loaded only when an XLSX file is written.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    wb.creator = 'Caseload';
    const ws = wb.addWorksheet(profile.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    ws.addRow(header).font = { bold: true };
    for (const row of rows) {
      // Assigning strings (never {formula}) keeps "=..." a text cell; '@' marks the column as text.
      const added = ws.addRow(row);
      added.eachCell((cell) => (cell.numFmt = '@'));
    }
    ws.columns.forEach((col, i) => (col.width = Math.min(60, Math.max(10, header[i]!.length + 2))));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const d = profile.file.delimiter;
  const text = csvLine(header, d) + rows.map((r) => csvLine(r, d)).join('');
  return profile.file.encoding === 'windows-1252'
    ? iconv.encode(text, 'win1252')
    : Buffer.from('\ufeff' + text, 'utf8');
}
