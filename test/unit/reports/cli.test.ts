// `caseload report NAME` on a database file made through the import path: JSON on stdout,
// files with --out, and exit code 2 for usage errors.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, tempDir } from '../helpers.js';
import { importClients } from './fixture.js';
import { Store } from '../../../db/journal/store.js';
import { seed2016 } from './seed-2016.js';

async function seededDb(): Promise<string> {
  const file = join(tempDir(), 'caseload.sqlite');
  const store = Store.open(file);
  await importClients(store, seed2016().clients);
  store.close();
  return file;
}

describe('caseload report', () => {
  it('prints work-target as JSON: target 77, realized 64, on track', async () => {
    const db = await seededDb();
    const r = await cli([
      '--db',
      db,
      'report',
      'work-target',
      '--from',
      '2016-01-01',
      '--to',
      '31-08-2016',
      '--format',
      'json',
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out.join('\n'));
    expect(d).toMatchObject({
      baseline_date: '2016-01-01',
      to: '2016-08-31',
      baseline_caseload: 307,
      target: 77,
      realized: 64,
      on_track: true,
    });
    expect(d.refs).toBeUndefined();
    const detail = JSON.parse(
      (
        await cli(['--db', db, 'report', 'work-target', '--from', '2016-01-01', '--to', '2016-08-31', '--detail'])
      ).out.join('\n'),
    );
    expect(detail.refs.realized).toHaveLength(64);
    const strict = JSON.parse(
      (
        await cli([
          '--db',
          db,
          'report',
          'work-target',
          '--from',
          '2016-01-01',
          '--to',
          '2016-08-31',
          '--target-percent',
          '40',
        ])
      ).out.join('\n'),
    );
    expect(strict).toMatchObject({ target_percent: 40, target: 123, on_track: false });
  });

  it('writes xlsx and csv files with --out', async () => {
    const db = await seededDb();
    const dir = tempDir();
    const xlsx = join(dir, 'halfjaar.xlsx');
    expect(
      (
        await cli([
          '--db',
          db,
          'report',
          'half-year',
          '--from',
          '2016-01-01',
          '--to',
          '2016-06-30',
          '--format',
          'xlsx',
          '--out',
          xlsx,
        ])
      ).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.length).toBeGreaterThan(8);
    const csv = join(dir, 'uitstroom.csv');
    expect(
      (
        await cli([
          '--db',
          db,
          'report',
          'exit-reasons',
          '--from',
          '2016-01-01',
          '--to',
          '2016-08-31',
          '--format',
          'csv',
          '--out',
          csv,
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('Waarvan regulier werk;64;50,0');
  });

  it('exits with 2 on an unknown report, a bad date, an unknown format or a missing --out', async () => {
    const db = await seededDb();
    const cases: [string[], RegExp][] = [
      [['report', 'halfjaar'], /onbekende rapportage 'halfjaar'/],
      [['report', 'work-target', '--from', '2016-13-01'], /--from: '2016-13-01' is geen geldige datum/],
      [['report', 'work-target', '--from', '2016-09-01', '--to', '2016-08-31'], /ligt na einddatum/],
      [['report', 'work-target', '--format', 'docx'], /onbekend formaat 'docx'/],
      [['report', 'half-year', '--format', 'pdf'], /geef --out FILE/],
      [['report', 'caseload-per-manager', '--norm', 'vijftig'], /--norm: 'vijftig' is geen geldig geheel getal/],
      [['report'], /geef de naam van de rapportage/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.join('\n')).toMatch(message);
    }
  });

  it('runs as the real caseload binary', async () => {
    const db = await seededDb();
    const r = bin(['--db', db, 'report', 'exit-reasons', '--from', '2016-01-01', '--to', '2016-08-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 128, regular_work: 64 });
  });
});
