// Export batches to WBS and GWS4all: delta delivery, manifests that hash their files, validation
// before anything is written, and the shared export folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runExport, sharedOutDir } from '../../../db/exchange/export/batch.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { tempDir, tempStore } from '../helpers.js';
import { BSN_ANNA, BSN_KEES, seedCaseload, update } from './fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

interface Manifest {
  target: string;
  user: string;
  device: { id: string };
  counts: { records: number; new: number; changed: number; heldBack: number };
  files: {
    name: string;
    sha256: string;
    bytes: number;
    records: number;
    profile: { id: string; version: number } | null;
  }[];
  records: { kind: string; ref: string; status: string; changed: string[]; file: string }[];
}

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function csvRows(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
}

describe('export batches', () => {
  it('delivers every record once, and a second export without changes writes nothing', async () => {
    const store = tempStore();
    seedCaseload(store);
    const out = tempDir();
    const first = await runExport(store, { target: 'wbs', user: 'mvisser', outDir: out, now: NOW });
    expect(first.status).toBe('written');
    expect(first.batch!.counts).toMatchObject({ records: 4, new: 4, changed: 0 });
    const second = await runExport(store, { target: 'wbs', user: 'mvisser', outDir: out, now: later(5) });
    expect(second.status).toBe('nothing');
    expect(second.message).toMatch(/Niets nieuws of gewijzigd/);
    expect(readdirSync(out)).toEqual([first.batch!.name]);
    expect(verifyJournal(store)).toEqual([]);
  });

  it('puts exactly the one changed vacancy in the next batch, naming the changed field', async () => {
    const store = tempStore();
    seedCaseload(store);
    const out = tempDir();
    await runExport(store, { target: 'wbs', user: 'mvisser', outDir: out, now: NOW });
    update(store, 'vacancies', { ref: 'V000002', title: 'Oogstmedewerker kas' });
    const next = await runExport(store, { target: 'wbs', user: 'mvisser', outDir: out, now: later(10) });
    expect(next.status).toBe('written');
    const manifest = manifestOf(next.batch!.dir);
    expect(manifest.records).toEqual([
      {
        file: 'wbs-vacatures.csv',
        kind: 'vacancies',
        ref: 'V000002',
        status: 'changed',
        changed: ['title'],
        target_id: null,
      },
    ]);
    expect(manifest.files.map((f) => f.name)).toEqual(['wbs-vacatures.csv']);
    const rows = csvRows(join(next.batch!.dir, 'wbs-vacatures.csv'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Vacaturetitel']).toBe('Oogstmedewerker kas');
    expect(rows[0]!['Eigen vacaturenummer']).toBe('V000002');
  });

  it('re-delivers a vacancy when its employer changes, and everything with --all', async () => {
    const store = tempStore();
    seedCaseload(store);
    const out = tempDir();
    await runExport(store, { target: 'wbs', user: 'u', outDir: out, now: NOW });
    update(store, 'employers', { ref: 'W000002', city: 'Luttelgeest' });
    const next = await runExport(store, { target: 'wbs', user: 'u', outDir: out, now: later(1) });
    expect(manifestOf(next.batch!.dir).records.map((r) => [r.ref, r.changed])).toEqual([
      ['V000002', ['employer_city']],
      ['W000002', ['city']],
    ]);
    const all = await runExport(store, { target: 'wbs', user: 'u', outDir: out, all: true, now: later(2) });
    expect(all.batch!.counts.records).toBe(4);
    expect(manifestOf(all.batch!.dir).records.every((r) => r.status === 'unchanged')).toBe(true);
  });

  it('writes a manifest with profile, version, counts, device, user and the sha256 of each file', async () => {
    const store = tempStore();
    seedCaseload(store);
    const result = await runExport(store, { target: 'gws', user: 'skramer', outDir: tempDir(), now: NOW });
    const dir = result.batch!.dir;
    const manifest = manifestOf(dir);
    expect(manifest).toMatchObject({ target: 'gws', user: 'skramer', device: { id: store.device } });
    expect(manifest.files.map((f) => f.profile?.id)).toEqual([
      'gws-klanten',
      'gws-activiteiten',
      'gws-plaatsingen',
      'gws-uitstroom',
    ]);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dir, f.name));
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(f.bytes).toBe(bytes.length);
      expect(csvRows(join(dir, f.name))).toHaveLength(f.records);
    }
    expect(readdirSync(dir).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    // The manifest names records and fields, never their personal values.
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    for (const secret of ['Jansen', 'Anna', BSN_ANNA, BSN_KEES]) expect(text).not.toContain(secret);
  });

  it('writes GWS4all values the way the target wants them: dd-mm-jjjj, mapped codes, SRG codes', async () => {
    const store = tempStore();
    seedCaseload(store);
    const dir = (await runExport(store, { target: 'gws', user: 'u', outDir: tempDir(), now: NOW })).batch!.dir;
    const [anna] = csvRows(join(dir, 'gws-klanten.csv')).filter((r) => r['Achternaam'] === 'Jansen');
    expect(anna).toMatchObject({
      Geboortedatum: '14-03-1990',
      Geslacht: 'Vrouw',
      Verwijzer: 'Sociaal Team',
      Doelgroepen: 'Banenafspraak',
    });
    const [coaching] = csvRows(join(dir, 'gws-activiteiten.csv'));
    expect(coaching).toMatchObject({
      Activiteit: 'Jobcoaching',
      'Type voorziening (SRG)': '30',
      Startdatum: '01-02-2026',
    });
    const [exit] = csvRows(join(dir, 'gws-uitstroom.csv'));
    expect(exit).toMatchObject({
      'Datum uitstroom': '01-09-2026',
      'Reden uitstroom': 'Niet-gesubsidieerd werk',
      'Registratienummer Werkcorporatie': 'K000002',
    });
    const [placement] = csvRows(join(dir, 'gws-plaatsingen.csv'));
    expect(placement).toMatchObject({
      'Uren per week': '32,5',
      Loonkostensubsidie: 'Nee',
      Werkgever: 'Kwekerij Flevo',
    });
  });

  it('blocks the whole batch while a record has problems, listing each record and field', async () => {
    const store = tempStore();
    seedCaseload(store);
    update(store, 'vacancies', { ref: 'V000002', title: 'x'.repeat(130) });
    update(store, 'employers', { ref: 'W000002', kvk: null });
    const out = tempDir();
    const refused = await runExport(store, { target: 'wbs', user: 'u', outDir: out, now: NOW });
    expect(refused.status).toBe('refused');
    expect(refused.message).toMatch(/niets geschreven/);
    expect(refused.problems.map((p) => `${p.ref}: ${p.label}: ${p.message}`).sort()).toEqual([
      'V000002: KvK-nummer: is verplicht maar leeg',
      'V000002: Vacaturetitel: is te lang (130 tekens, maximaal 120)',
      'W000002: KvK-nummer: is verplicht maar leeg',
    ]);
    expect(readdirSync(out)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM export_deliveries').pluck().get()).toBe(0);
  });

  it('with --valid-only writes the valid records and keeps the others queued until fixed', async () => {
    const store = tempStore();
    seedCaseload(store);
    update(store, 'employers', { ref: 'W000002', kvk: null });
    const out = tempDir();
    const partial = await runExport(store, { target: 'wbs', user: 'u', outDir: out, validOnly: true, now: NOW });
    expect(partial.status).toBe('written');
    expect(manifestOf(partial.batch!.dir).records.map((r) => r.ref)).toEqual(['V000001', 'W000001']);
    expect(partial.message).toMatch(/2 record\(s\) met problemen blijven in de wachtrij/);
    update(store, 'employers', { ref: 'W000002', kvk: '87654321' });
    const rest = await runExport(store, { target: 'wbs', user: 'u', outDir: out, now: later(1) });
    expect(manifestOf(rest.batch!.dir).records.map((r) => [r.ref, r.status])).toEqual([
      ['V000002', 'new'],
      ['W000002', 'new'],
    ]);
  });

  it('reports an invalid BSN without printing it', async () => {
    const store = tempStore();
    seedCaseload(store);
    store.write('test', (w) => {
      const id = store.db.prepare("SELECT id FROM clients WHERE ref = 'K000001'").pluck().get() as string;
      w.update('client', id, { bsn: '123456780' });
    });
    const refused = await runExport(store, { target: 'gws', user: 'u', outDir: tempDir(), now: NOW });
    const bsnProblems = refused.problems.filter((p) => p.label === 'BSN');
    expect(bsnProblems.map((p) => [p.kind, p.ref])).toEqual([
      ['clients', 'K000001'],
      ['activities', 'A000001'],
    ]);
    expect(bsnProblems[0]!.message).toMatch(/elfproef/);
    expect(JSON.stringify(refused)).not.toContain('123456780');
  });

  it('goes into a subfolder per target of the shared export folder, never into the sync folder', async () => {
    const store = tempStore();
    seedCaseload(store);
    const shared = tempDir();
    const r = await runExport(store, { target: 'gws', user: 'u', outDir: sharedOutDir(shared, 'gws'), now: NOW });
    expect(r.batch!.dir).toBe(join(shared, 'gws4all', r.batch!.name));
    expect(readdirSync(join(shared, 'gws4all'))).toEqual([r.batch!.name]);
    const sync = tempDir();
    mkdirSync(join(sync, 'caseload-sync'));
    await expect(runExport(store, { target: 'wbs', user: 'u', outDir: sync, now: NOW })).rejects.toThrow(
      /synchronisatiemap/,
    );
    expect(() => sharedOutDir(sync, 'wbs')).toThrow(/synchronisatiemap/);
    await expect(
      runExport(store, { target: 'wbs', user: 'u', outDir: join(sync, 'caseload-sync', 'x'), now: NOW }),
    ).rejects.toThrow(/synchronisatiemap/);
    expect(existsSync(join(sync, 'wbs'))).toBe(false);
  });
});
