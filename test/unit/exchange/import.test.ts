import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, formatProblem } from '../../../db/exchange/import.js';
import { dumpLines } from '../../../db/records/read.js';
import type { Store } from '../../../db/journal/store.js';
import { bsnFrom, cli, tempDir, tempStore, writeFile } from '../helpers.js';

const dump = (s: Store) => [...dumpLines(s)];
const client = (s: Store, ref: string) =>
  dump(s)
    .map((l) => JSON.parse(l))
    .find((r) => r.kind === 'client' && r.ref === ref);
const B1 = bsnFrom('10000001');
const B2 = bsnFrom('10000002');

describe('import', () => {
  it('refuses a file with bad rows, names every row and field, and leaves the database unchanged', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const good = writeFile(
      dir,
      'start.csv',
      `ref;last_name;bsn;intake_date;referrer\nK1;Jansen;${B1};2016-01-04;uwv\n`,
    );
    expect((await cli(['--db', db, 'import', good, '--kind', 'clients'])).code).toBe(0);
    const before = await cli(['--db', db, 'dump']);
    const bad = writeFile(
      dir,
      'klanten.csv',
      [
        'ref;last_name;bsn;birth_date;referrer;intake_date',
        `K2;Visser;123456789;1980-01-01;uwv;2016-02-01`,
        `K3;Smit;${B2};1981-02-03;gemeente;2016-02-01`,
        `K4;Bos;;31-02-1990;uwv;2016-02-01`,
        `K5;;;1970-05-05;uwv;2016-02-01`,
        `K1;Jansen-de Boer;;;;`,
      ].join('\n'),
    );
    const r = await cli(['--db', db, 'import', bad, '--kind', 'clients']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${bad}:2: bsn: ongeldig BSN`)),
        expect.stringMatching(new RegExp(`^${bad}:3: referrer: onbekende code 'gemeente'`)),
        expect.stringMatching(new RegExp(`^${bad}:4: birth_date: ongeldige datum '31-02-1990'`)),
        `${bad}:5: last_name: is verplicht`,
      ]),
    );
    expect(r.err.filter((l) => l.startsWith(bad))).toHaveLength(4);
    const after = await cli(['--db', db, 'dump']);
    expect(after.out).toEqual(before.out);
  });

  it('reads ; and , delimiters, a BOM, Dutch headers and lists in either notation', async () => {
    const store = tempStore();
    const dir = tempDir();
    const semi = writeFile(
      dir,
      'a.csv',
      `\ufeffRegistratienummer;Achternaam;Doelgroepen;Instroomdatum;Verwijzer\nK1;Jansen;"banenafspraak;statushouder";04-01-2016;Sociaal Team\n`,
    );
    const comma = writeFile(
      dir,
      'b.csv',
      `ref,last_name,target_groups,driving_licence\nK2,Smit,vso_pro|statushouder,B|C\n`,
    );
    expect((await importFile(store, 'u', { file: semi, kind: 'clients' })).problems).toEqual([]);
    expect((await importFile(store, 'u', { file: comma, kind: 'clients' })).problems).toEqual([]);
    expect(client(store, 'K1')).toMatchObject({
      last_name: 'Jansen',
      target_groups: ['banenafspraak', 'statushouder'],
      intake_date: '2016-01-04',
      referrer: 'social_team',
    });
    expect(client(store, 'K2')).toMatchObject({
      target_groups: ['statushouder', 'vso_pro'],
      driving_licence: ['B', 'C'],
    });
  });

  it('reads Windows-1252 files from old Excel versions', async () => {
    const store = tempStore();
    const file = writeFile(
      tempDir(),
      'w.csv',
      iconv.encode('ref;last_name;first_name;city\nK1;Müller;Zoë;Emmeloord\n', 'win1252'),
    );
    expect((await importFile(store, 'u', { file, kind: 'clients' })).ok).toBe(true);
    expect(client(store, 'K1')).toMatchObject({ last_name: 'Müller', first_name: 'Zoë' });
  });

  it('reads the first sheet of an XLSX file, with real date cells', async () => {
    const store = tempStore();
    const file = join(tempDir(), 'werkgevers.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Werkgevers');
    ws.addRow(['ref', 'Naam', 'KvK-nummer', 'exceptional_since']);
    ws.addRow(['W1', 'Kwekerij De Polder', '12345678', new Date(Date.UTC(2015, 5, 1))]);
    ws.addRow(['W2', 'Bakkerij Flevo', '1234', '']);
    await wb.xlsx.writeFile(file);
    const r = await importFile(store, 'u', { file, kind: 'employers' });
    expect(r.problems.map(formatProblem)).toEqual([`${file}:3: kvk: ongeldig KvK-nummer '1234' (8 cijfers)`]);
    ws.getRow(3).getCell(3).value = '87654321';
    await wb.xlsx.writeFile(file);
    expect((await importFile(store, 'u', { file, kind: 'employers' })).ok).toBe(true);
    const lines = dump(store).map((l) => JSON.parse(l));
    expect(lines.find((l) => l.ref === 'W1')).toMatchObject({
      name: 'Kwekerij De Polder',
      exceptional_since: '2015-06-01',
    });
  });

  it('updates only the fields in the file: empty cells keep data, JSONL null clears it', async () => {
    const store = tempStore();
    const dir = tempDir();
    await importFile(store, 'u', {
      file: writeFile(dir, 'a.csv', 'ref;last_name;city;phone\nK1;Jansen;Urk;0527-123456\n'),
      kind: 'clients',
    });
    const r = await importFile(store, 'u', {
      file: writeFile(dir, 'b.csv', 'ref;last_name;city;phone\nK1;;Ens;\n'),
      kind: 'clients',
    });
    expect(r).toMatchObject({ ok: true, updated: 1, created: 0 });
    expect(client(store, 'K1')).toMatchObject({ last_name: 'Jansen', city: 'Ens', phone: '0527-123456' });
    await importFile(store, 'u', { file: writeFile(dir, 'c.jsonl', '{"ref":"K1","phone":null}\n'), kind: 'clients' });
    expect(client(store, 'K1').phone).toBeUndefined();
  });

  it('opens a new caseload period when a client comes back after leaving', async () => {
    const store = tempStore();
    const dir = tempDir();
    const file = writeFile(
      dir,
      'a.csv',
      [
        'ref;last_name;intake_date;referrer;exit_date;exit_reason',
        'K1;Jansen;2015-03-01;uwv;;',
        'K1;;;;2015-09-30;work_regular',
        'K1;;2016-02-01;social_team;;',
      ].join('\n'),
    );
    expect((await importFile(store, 'u', { file, kind: 'clients' })).problems).toEqual([]);
    const periods = store.db
      .prepare('SELECT intake_date, exit_date, exit_reason, referrer FROM caseload_periods ORDER BY intake_date')
      .all();
    expect(periods).toEqual([
      { intake_date: '2015-03-01', exit_date: '2015-09-30', exit_reason: 'work_regular', referrer: 'uwv' },
      { intake_date: '2016-02-01', exit_date: null, exit_reason: null, referrer: 'social_team' },
    ]);
    expect(client(store, 'K1')).toMatchObject({
      intake_date: '2016-02-01',
      periods: [{ intake_date: '2015-03-01', exit_date: '2015-09-30' }],
    });
  });

  it('refuses an exit without a reason and links to records that do not exist', async () => {
    const store = tempStore();
    const dir = tempDir();
    const c = writeFile(dir, 'c.csv', 'ref;last_name;intake_date;exit_date\nK1;Jansen;2016-01-01;2016-05-01\n');
    expect((await importFile(store, 'u', { file: c, kind: 'clients' })).problems.map(formatProblem)).toEqual([
      `${c}:2: exit_reason: is verplicht bij uitstroom`,
    ]);
    const a = writeFile(dir, 'a.csv', 'client_ref;kind;start_date\nK404;job_coaching;2016-01-01\n');
    expect((await importFile(store, 'u', { file: a, kind: 'activities' })).problems.map(formatProblem)).toEqual([
      `${a}:2: client_ref: onbekende klant 'K404'`,
    ]);
    const u = writeFile(dir, 'u.csv', 'ref;last_name;salaris\nK1;Jansen;3000\n');
    expect((await importFile(store, 'u', { file: u, kind: 'clients' })).problems.map(formatProblem)).toEqual([
      `${u}:1: salaris: onbekende kolom 'salaris'`,
    ]);
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
  });

  it('dry run checks everything and writes nothing', async () => {
    const store = tempStore();
    const file = writeFile(tempDir(), 'a.csv', 'ref;last_name\nK1;Jansen\n');
    expect(await importFile(store, 'u', { file, kind: 'clients', dryRun: true })).toMatchObject({
      ok: true,
      created: 1,
    });
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });
});
