// Export profiles as data: the shipped defaults are valid, a beheerder's adjusted copy is
// validated, journaled (so it syncs) and used by the next batch, and only a beheerder may save one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { runExport } from '../../../db/exchange/export/batch.js';
import { profileInUse, shippedProfiles, validateProfile } from '../../../db/exchange/export/profiles.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { REPO, tempDir, tempStore } from '../helpers.js';
import { seedCaseload, update } from './fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const BEHEERDER = { user: 'beheer', name: 'Beheerder', role: 'beheerder' as const };

describe('export profiles', () => {
  it('ships valid defaults for WBS vacancies and employers and GWS4all clients, activities, placements and exits', () => {
    expect(shippedProfiles().map((p) => `${p.target}/${p.kind}`)).toEqual([
      'wbs/vacancies',
      'wbs/employers',
      'gws/clients',
      'gws/activities',
      'gws/placements',
      'gws/exits',
    ]);
    for (const p of shippedProfiles()) {
      expect(validateProfile(p).issues).toEqual([]);
      expect(p.file).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';' });
    }
  });

  it('is explained column by column in docs/exports.md, for the people who map it to their screens', () => {
    const doc = readFileSync(join(REPO, 'docs/exports.md'), 'utf8');
    for (const p of shippedProfiles()) {
      const section = doc.split(`### ${p.name}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, p.id).toContain(`Profiel \`${p.id}\`, versie ${p.version}`);
      const rows = section
        .split('\n')
        .filter((l) => /^\| \d+ \|/.test(l))
        .map((l) => l.split(' | ')[1]);
      expect(rows, p.id).toEqual(p.columns.map((c) => c.label));
    }
  });

  it('refuses a profile with an unknown source, a duplicate column or a bad format, naming where', () => {
    const base = shippedProfiles()[0]!;
    const bad = {
      ...base,
      id: 'x-test',
      columns: [...base.columns, { id: 'salaris', label: 'Salaris', source: 'salary' }],
    };
    expect(validateProfile(bad).issues).toEqual([
      { path: `columns.${base.columns.length}.source`, message: "onbekende bron 'salary' voor vacancies" },
    ]);
    const dup = { ...base, id: 'x-test', columns: [base.columns[0]!, base.columns[0]!] };
    expect(validateProfile(dup).issues[0]).toMatchObject({ path: 'columns.1.id' });
    const fmt = { ...base, id: 'x-test', columns: [{ ...base.columns[1]!, format: 'dd-mm-jjjj' }] };
    expect(validateProfile(fmt).issues[0]).toMatchObject({ path: 'columns.0.format' });
  });

  it('lets a beheerder copy and adjust a profile: labels, order, code mappings; the next batch uses it', async () => {
    const store = tempStore();
    seedCaseload(store);
    const api = createApi(store, BEHEERDER);
    const got = await api.call('exports.profiles.get', { id: 'gws-uitstroom' });
    if (!got.ok) throw new Error(got.error.message);
    const base = (got.value as { profile: ReturnType<typeof shippedProfiles>[number] }).profile;
    const reason = base.columns.find((c) => c.id === 'exit_reason')!;
    const copy = {
      ...base,
      id: 'gws-uitstroom-nop',
      name: 'GWS4all - uitstroom (NOP-codes)',
      basedOn: { id: base.id, version: base.version },
      // Municipality codes instead of labels, exit date first, a label in the gemeente's words.
      columns: [
        { ...base.columns.find((c) => c.id === 'exit_date')!, label: 'Einddatum voorziening' },
        ...base.columns.filter((c) => c.id !== 'exit_date' && c.id !== 'exit_reason'),
        { ...reason, map: { work_regular: 'UW01', self_employed: 'UW02' } },
      ],
    };
    const saved = await api.call('exports.profiles.save', { profile: copy });
    expect(saved).toEqual({ ok: true, value: { id: 'gws-uitstroom-nop', version: 1 } });
    expect(profileInUse(store, 'gws', 'exits').id).toBe('gws-uitstroom-nop');
    expect(
      store.db.prepare("SELECT count(*) FROM journal WHERE entity = 'export_profile'").pluck().get(),
    ).toBeGreaterThan(0);
    expect(verifyJournal(store)).toEqual([]);

    const dir = (await runExport(store, { target: 'gws', user: 'u', outDir: tempDir(), now: NOW })).batch!.dir;
    const text = readFileSync(join(dir, 'gws-uitstroom.csv'), 'utf8').replace(/^\ufeff/, '');
    const [row] = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(Object.keys(row!)[0]).toBe('Einddatum voorziening');
    expect(row!['Reden uitstroom']).toBe('UW01');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      files: { name: string; profile: unknown }[];
    };
    expect(manifest.files.find((f) => f.name === 'gws-uitstroom.csv')!.profile).toEqual({
      id: 'gws-uitstroom-nop',
      version: 1,
      name: 'GWS4all - uitstroom (NOP-codes)',
    });

    // A reason without a mapping in the adjusted profile blocks that record.
    update(store, 'clients', { ref: 'K000002', exit_reason: 'moved' });
    const refused = await runExport(store, { target: 'gws', user: 'u', outDir: tempDir(), now: NOW });
    expect(refused.problems.map((p) => [p.ref, p.label, p.message])).toEqual([
      ['K000002/2026-09-01', 'Reden uitstroom', "code 'moved' heeft geen vertaling in dit profiel"],
    ]);

    // Saving a changed definition raises the version; retiring brings the default back.
    const v2 = await api.call('exports.profiles.save', { profile: { ...copy, name: 'GWS4all - uitstroom (NOP)' } });
    expect(v2).toEqual({ ok: true, value: { id: 'gws-uitstroom-nop', version: 2 } });
    await api.call('exports.profiles.retire', { id: 'gws-uitstroom-nop' });
    expect(profileInUse(store, 'gws', 'exits').id).toBe('gws-uitstroom');
  });

  it('lets only a beheerder save a profile, and never over a shipped default', async () => {
    const store = tempStore();
    const base = shippedProfiles()[0]!;
    const klantmanager = createApi(store, { user: 'mv', name: 'M. Visser', role: 'klantmanager' });
    expect(await klantmanager.call('exports.profiles.save', { profile: { ...base, id: 'eigen' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const beheerder = createApi(store, BEHEERDER);
    expect(await beheerder.call('exports.profiles.save', { profile: base })).toMatchObject({
      ok: false,
      error: { code: 'invalid_profile', field: 'id' },
    });
    expect(
      await beheerder.call('exports.profiles.save', { profile: { ...base, id: 'eigen', columns: [] } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'profile.columns' } });
  });
});
