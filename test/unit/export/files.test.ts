// Export files as the receiving side opens them: CSV that Excel cannot run as a formula,
// Windows-1252 for older import screens, and XLSX with text cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../db/model/csv.js';
import { runExport } from '../../../db/exchange/export/batch.js';
import { saveProfile, shippedProfiles } from '../../../db/exchange/export/profiles.js';
import type { Profile } from '../../../db/model/export-profiles.js';
import type { Store } from '../../../db/journal/store.js';
import { tempDir, tempStore } from '../helpers.js';
import { seedCaseload, update } from './fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');

function adjusted(store: Store, file: Partial<Profile['file']>): Profile {
  const base = shippedProfiles().find((p) => p.id === 'wbs-vacatures')!;
  return saveProfile(store, 'beheer', {
    ...base,
    id: 'wbs-vacatures-nop',
    name: 'WBS - vacatures (NOP)',
    basedOn: { id: base.id, version: base.version },
    file: { ...base.file, ...file },
  });
}

describe('export files', () => {
  it('writes a title starting with = as text, not as a formula', async () => {
    const store = tempStore();
    seedCaseload(store);
    update(store, 'vacancies', { ref: 'V000001', title: '=HYPERLINK("http://x.example","klik")' });
    update(store, 'vacancies', { ref: 'V000002', title: '@SUM(1+1); -2+3' });
    const dir = (await runExport(store, { target: 'wbs', user: 'u', outDir: tempDir(), now: NOW })).batch!.dir;
    const text = readFileSync(join(dir, 'wbs-vacatures.csv'), 'utf8').replace(/^\ufeff/, '');
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    const titles = rows.slice(1).map((r) => r[1]);
    expect(titles).toEqual([`'=HYPERLINK("http://x.example","klik")`, `'@SUM(1+1); -2+3`]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises every formula start character and quotes what needs quoting', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1`, ';').replace(/^"/, ''), JSON.stringify(start)).toMatch(start === '-' ? /^-1$/ : /^'/);
      expect(csvCell(`${start}HYPERLINK("x")`, ';').replace(/^"/, ''), JSON.stringify(start)).toMatch(/^'/);
      expect(csvCell(`${start}1+cmd|' /C calc'!A0`, ';').replace(/^"/, '')).toMatch(/^'/);
    }
    // A negative number is a value to a spreadsheet, not a formula: it stays a number.
    expect(csvCell('-2,5', ';')).toBe('-2,5');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('zeg "ja"', ';')).toBe('"zeg ""ja"""');
    expect(csvCell('regel 1\nregel 2', ';')).toBe('"regel 1\nregel 2"');
    expect(csvCell('gewoon', ';')).toBe('gewoon');
  });

  it('writes Windows-1252 when the profile asks for it, and flags characters it cannot hold', async () => {
    const store = tempStore();
    seedCaseload(store);
    adjusted(store, { encoding: 'windows-1252' });
    update(store, 'vacancies', { ref: 'V000001', title: 'Medewerker crèche' });
    update(store, 'vacancies', { ref: 'V000002', title: 'Kok (Łódź)' });
    const refused = await runExport(store, { target: 'wbs', user: 'u', outDir: tempDir(), now: NOW });
    expect(refused.problems.map((p) => [p.ref, p.label, p.message])).toEqual([
      ['V000002', 'Vacaturetitel', 'bevat tekens die niet in Windows-1252 passen'],
    ]);
    update(store, 'vacancies', { ref: 'V000002', title: 'Kok' });
    const dir = (await runExport(store, { target: 'wbs', user: 'u', outDir: tempDir(), now: NOW })).batch!.dir;
    const bytes = readFileSync(join(dir, 'wbs-vacatures.csv'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.includes(0xe8)).toBe(true); // è in Windows-1252
    const rows = Papa.parse<Record<string, string>>(iconv.decode(bytes, 'win1252'), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r['Vacaturetitel'])).toEqual(['Medewerker crèche', 'Kok']);
  });

  it('writes XLSX that opens with the labels as header and formulas kept as text', async () => {
    const store = tempStore();
    seedCaseload(store);
    adjusted(store, { format: 'xlsx' });
    update(store, 'vacancies', { ref: 'V000001', title: '=1+1' });
    const result = await runExport(store, { target: 'wbs', user: 'u', outDir: tempDir(), now: NOW });
    expect(result.batch!.files.map((f) => f.name)).toEqual(['wbs-vacatures.xlsx', 'wbs-werkgevers.csv']);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(readFileSync(join(result.batch!.dir, 'wbs-vacatures.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Vacaturetitel');
    const title = ws.getRow(2).getCell(2);
    expect(title.value).toBe('=1+1');
    expect(title.type).toBe(Excel.ValueType.String);
    expect(ws.getRow(3).getCell(2).value).toBe('Oogstmedewerker');
    expect(ws.rowCount).toBe(3);
  });
});
