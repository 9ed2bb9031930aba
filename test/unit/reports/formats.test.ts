// Report files: CSV (Dutch, ; and BOM), XLSX (one sheet per table plus the record lists) and the
// self-contained printable HTML, made from a caseload imported from CSV.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../db/reports/output.js';
import { runReport } from '../../../db/reports/run.js';
import type { Store } from '../../../db/journal/store.js';
import { importCsv, storeWith } from './fixture.js';
import { seed2016 } from './seed-2016.js';

let store: Store;
const half = { from: '2016-01-01', to: '2016-06-30' };

beforeAll(async () => {
  store = await storeWith(seed2016().clients);
  await importCsv(store, 'employers', [{ ref: 'W1', name: 'Kwekerij De Polder', exceptional_since: '2015-03-01' }]);
});

describe('csv', () => {
  it('writes Dutch labels, ; as delimiter, a BOM, Dutch months and decimal commas', async () => {
    const buf = await renderReport(store, 'exit-reasons', half, 'csv');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Reden van uitstroom eerste halfjaar 2016');
    expect(lines).toContain('Reden uitstroom;Aantal;Aandeel (%)');
    const regular = lines.find((l) => l.startsWith('Waarvan regulier werk;'))!;
    const d = runReport(store, 'exit-reasons', half).data as { regular_work: number; total: number };
    expect(regular).toBe(
      `Waarvan regulier werk;${d.regular_work};${((d.regular_work / d.total) * 100).toFixed(1).replace('.', ',')}`,
    );
    const months = (await renderReport(store, 'caseload-development', half, 'csv')).toString('utf8');
    expect(months).toContain('januari 2016;307;37;16;328');
  });

  it('lists the records behind every figure by ref, without client names', async () => {
    const text = (await renderReport(store, 'work-target', { from: '2016-01-01', to: '2016-08-31' }, 'csv')).toString(
      'utf8',
    );
    const lines = text.split('\r\n');
    const start = lines.indexOf('Records per cijfer');
    expect(start).toBeGreaterThan(0);
    const records = lines.slice(start + 2).filter(Boolean);
    expect(records.filter((l) => l.startsWith('Caseload op de basisdatum;'))).toHaveLength(307);
    expect(records.filter((l) => l.startsWith('Uitstroom naar regulier werk;'))).toHaveLength(64);
    expect(text).not.toMatch(/Proef/);
  });
});

describe('xlsx', () => {
  it('opens with one sheet per table of the half-year report plus the record lists', async () => {
    const run = runReport(store, 'half-year', half, { trace: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReport(store, 'half-year', half, 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(run.tables.length + 1);
    expect(wb.worksheets.map((w) => w.name)).toContain('Records');
    const months = wb.worksheets.find((w) => w.name === 'Ontwikkeling caseload per maand')!;
    expect(months.getRow(2).values).toEqual([undefined, 'Maand', 'Begin', 'Instroom', 'Uitstroom', 'Eind']);
    expect(months.getRow(3).values).toEqual([undefined, 'januari 2016', 307, 37, 16, 328]);
    const wt = wb.worksheets.find((w) => w.name === 'Uitstroom naar regulier werk')!;
    const baseDate = wt.getRow(3).getCell(2).value;
    expect(baseDate).toBeInstanceOf(Date);
    const records = wb.getWorksheet('Records')!;
    const label = run.figures.get('sections.work_target.realized')!.label;
    const realized = records.getSheetValues().filter((r) => Array.isArray(r) && r[1] === label);
    expect(realized).toHaveLength(
      (run.data as { sections: { work_target: { realized: number } } }).sections.work_target.realized,
    );
    expect(realized.length).toBeGreaterThan(0);
  });
});

describe('html', () => {
  it('is one self-contained printable document with a cover page, charts and Dutch dates', async () => {
    const html = (await renderReport(store, 'half-year', half, 'html', { today: '2016-07-15' })).toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    // No scripts, no links, no resources from anywhere (the SVG namespace is a name, not a fetch).
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(
      /<script|<link|\bsrc=|url\(|https?:\/\//i,
    );
    expect(html).toContain('class="cover"');
    expect(html).toContain('Halfjaarrapportage eerste halfjaar 2016');
    expect(html).toContain('1 januari 2016 t/m 30 juni 2016');
    expect(html).toContain('Gemaakt op</dt><dd>15-07-2016');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('page-break-before: always');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('escapes text from the records', async () => {
    await importCsv(store, 'employers', [{ ref: 'W2', name: '<b>Bakker & Zn</b>', exceptional_since: '2016-01-01' }]);
    const html = (await renderReport(store, 'employer-follow-up', { as_of: '2016-06-30' }, 'html')).toString('utf8');
    expect(html).toContain('&lt;b&gt;Bakker &amp; Zn&lt;/b&gt;');
    expect(html).not.toContain('<b>Bakker');
  });
});
