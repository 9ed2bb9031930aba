// Reads an import file into rows of raw values with their line numbers: CSV (';' or ','
// detected; UTF-8 with or without BOM, else Windows-1252), XLSX (first sheet) or JSONL.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type ExcelJS from 'exceljs';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl';

export interface RawRow {
  line: number;
  values: Record<string, unknown>;
}

export interface ReadProblem {
  line: number;
  field: string;
  message: string;
}

export interface ReadResult {
  format: FileFormat;
  /** Column headers as they appear (CSV/XLSX). */
  headers: string[];
  rows: RawRow[];
  problems: ReadProblem[];
}

export function formatOf(file: string): FileFormat | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  return null;
}

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise Windows-1252. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'win1252');
  }
}

/**
 * A line of a CSV file: its cells, by header when asked. 100,000 lines held as objects took about
 * 2 KB each (the peak of an import); as the parser's cells, under 1 KB.
 */
class CsvRow implements RawRow {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly headers: readonly string[],
  ) {}

  get values(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    this.headers.forEach((h, j) => (values[h] = this.cells[j]));
    return values;
  }
}

export function readCsvText(text: string): { headers: string[]; rows: RawRow[]; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const data = parsed.data;
  // Line numbers: count the physical lines each record spans (quoted cells may hold newlines).
  const headers = (data[0] ?? []).map((h) => h.trim());
  const rows: RawRow[] = [];
  let line = 1 + countNewlines(data[0]);
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    line += 1;
    const startLine = line;
    line += countNewlines(cells);
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (cells.length !== headers.length) {
      problems.push({
        line: startLine,
        field: '-',
        message: `verwacht ${headers.length} kolommen, gevonden ${cells.length}`,
      });
      continue;
    }
    rows.push(new CsvRow(startLine, cells, headers));
  }
  for (const e of parsed.errors) {
    problems.push({ line: (e.row ?? 0) + 2, field: '-', message: `CSV: ${e.message}` });
  }
  return { headers, rows, problems };
}

/** The delimiter is the one the header line uses most (outside quotes): `;`, `,` or tab. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ';';
}

function countNewlines(cells: string[] | undefined): number {
  let n = 0;
  for (const c of cells ?? []) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  return n;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

async function readXlsx(file: string): Promise<{ headers: string[]; rows: RawRow[]; problems: ReadProblem[] }> {
  // exceljs is large: loaded only when an XLSX file is read, so the CLI starts fast.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws)
    return { headers: [], rows: [], problems: [{ line: 1, field: '-', message: 'het bestand heeft geen werkblad' }] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values: Record<string, unknown> = {};
    headers.forEach((h, j) => (values[h] = cellText(row.getCell(j + 1).value)));
    if (Object.values(values).every((v) => v === '')) return;
    rows.push({ line: n, values });
  });
  return { headers, rows, problems: [] };
}

function readJsonl(text: string): { rows: RawRow[]; problems: ReadProblem[] } {
  const rows: RawRow[] = [];
  const problems: ReadProblem[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (!l.trim()) return;
    try {
      const v = JSON.parse(l) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('geen object');
      rows.push({ line: i + 1, values: v as Record<string, unknown> });
    } catch {
      problems.push({ line: i + 1, field: '-', message: 'ongeldige JSON-regel (verwacht één object per regel)' });
    }
  });
  return { rows, problems };
}

export async function readImportFile(file: string, format: FileFormat | null = formatOf(file)): Promise<ReadResult> {
  if (!format) throw new Error(`onbekend bestandstype: ${file} (gebruik .csv, .xlsx of .jsonl)`);
  if (format === 'xlsx') return { format, ...(await readXlsx(file)) };
  const text = decodeText(readFileSync(file));
  if (format === 'jsonl') return { format, headers: [], ...readJsonl(text) };
  return { format, ...readCsvText(text) };
}
