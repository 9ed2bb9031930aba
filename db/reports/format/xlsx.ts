// XLSX writer for reports (exceljs): one sheet per table with real numbers and dates (Dutch
// display formats), plus a "Records" sheet listing every figure's records, so each figure in
// the workbook can be traced to the registrations it counts.
import type { ReportTable } from '../../model/reports.js';
import { formatCell } from './cells.js';
import { RECORD_COLUMNS, recordCell, type RecordList } from './csv.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Sheet names: max 31 characters, no []:*?/\ and unique within the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Blad';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

export async function toXlsx(title: string, tables: ReportTable[], lists: RecordList[] = []): Promise<Buffer> {
  // exceljs is large: loaded only when an XLSX report is made, so the CLI starts fast.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caseload';
  wb.title = title;
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, used));
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    const header = ws.addRow(t.columns.map((c) => c.label));
    header.font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow(
        t.columns.map((c) => {
          const v = r.cells[c.key] ?? null;
          if (typeof v === 'number') return v;
          if (typeof v === 'string' && ISO_DATE.test(v)) return new Date(`${v}T00:00:00Z`);
          return formatCell(v, c.type);
        }),
      );
      if (r.total) row.font = { bold: true };
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd-mm-yyyy';
        else if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '0' : '0.0';
      });
    }
    if (t.note) {
      ws.addRow([]);
      ws.addRow([t.note]).font = { italic: true };
    }
    ws.columns.forEach(
      (col, i) =>
        (col.width = Math.min(
          60,
          Math.max(
            12,
            ...t.rows.map((r) => String(r.cells[t.columns[i]?.key ?? ''] ?? '').length + 2),
            (t.columns[i]?.label.length ?? 0) + 2,
          ),
        )),
    );
  }
  if (lists.length) {
    const ws = wb.addWorksheet(sheetName('Records', used));
    ws.addRow(['Cijfer', ...RECORD_COLUMNS.map((c) => c.label)]).font = { bold: true };
    for (const l of lists)
      for (const r of l.records) ws.addRow([l.label, ...RECORD_COLUMNS.map((c) => recordCell(r, c.key))]);
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 50 : 18));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
