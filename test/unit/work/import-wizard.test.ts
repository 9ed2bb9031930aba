import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../db/work/import-wizard.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { bsnNo } from './fixture.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('the import wizard', () => {
  it('suggests a mapping from field names, Dutch labels, common Excel headings and near spellings', () => {
    const m = suggestMapping('clients', [
      'BSN',
      'Achternaam',
      'Roepnaam',
      'Geb. datum',
      'Woonplaats',
      'Consulent',
      'Telefoonnummer',
      'Opmerking',
      'Postcde',
    ]);
    expect(Object.fromEntries(m.map((e) => [e.header, [e.field, e.how]]))).toEqual({
      BSN: ['bsn', 'name'],
      Achternaam: ['last_name', 'label'],
      Roepnaam: ['first_name', 'synonym'],
      'Geb. datum': ['birth_date', 'synonym'],
      Woonplaats: ['city', 'label'],
      Consulent: ['account_manager', 'synonym'],
      Telefoonnummer: ['phone', 'synonym'],
      Opmerking: [null, 'none'],
      Postcde: ['postcode', 'fuzzy'],
    });
    // "Naam" means the last name only when no "Achternaam" column claims it.
    expect(suggestMapping('clients', ['Naam', 'Achternaam']).map((e) => e.field)).toEqual([null, 'last_name']);
    expect(suggestMapping('clients', ['Naam']).map((e) => e.field)).toEqual(['last_name']);
  });

  it('previews an Excel-style list: the first rows, and every refused row with line, field and message, writing nothing', async () => {
    const store = tempStore();
    const api = apiAs(store, 'manager');
    const csv = [
      'Achternaam;Roepnaam;BSN;Geb. datum;Opmerking',
      `Jansen;Piet;${bsnNo(1, 6)};03-04-1990;vaste klant`,
      'de Vries;Anna;123456789;1991-02-30;',
      `Bakker;Kees;${bsnNo(2, 6)};;`,
    ].join('\r\n');
    const input = {
      fileName: 'klanten 2016.csv',
      contentBase64: b64(csv),
      kind: 'clients' as const,
      mapping: { Opmerking: null },
    };
    const p = await api.ok('import.preview', input);
    expect(p.headers).toEqual(['Achternaam', 'Roepnaam', 'BSN', 'Geb. datum', 'Opmerking']);
    expect(p.mapping.find((m) => m.header === 'Opmerking')).toEqual({ header: 'Opmerking', field: null, how: 'given' });
    expect(p.rows[0]).toEqual({
      line: 2,
      values: { last_name: 'Jansen', first_name: 'Piet', bsn: bsnNo(1, 6), birth_date: '03-04-1990' },
    });
    expect(p.totalRows).toBe(3);
    expect(p.ok).toBe(false);
    expect(p.refused).toEqual([
      { line: 3, field: 'bsn', message: "ongeldig BSN '123456789' (elfproef)" },
      { line: 3, field: 'birth_date', message: "ongeldige datum '1991-02-30' (gebruik JJJJ-MM-DD of DD-MM-JJJJ)" },
    ]);
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    // All or nothing: the commit refuses the same file as a whole.
    expect((await api.ok('import.commit', input)).ok).toBe(false);
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('commits a clean file with the chosen mapping', async () => {
    const store = tempStore();
    const api = apiAs(store, 'beheerder');
    const csv = `Bedrijf;KvK-nr;Plaats;Kolom X\nBakkerij Ens;11223344;Ens;foo\nTransport Urk;55667788;Urk;bar\n`;
    const p = await api.ok('import.preview', {
      fileName: 'werkgevers.csv',
      contentBase64: b64(csv),
      kind: 'employers',
      mapping: { 'Kolom X': null },
    });
    expect(p.mapping.map((m) => m.field)).toEqual(['name', 'kvk', 'city', null]);
    expect(p).toMatchObject({ ok: true, created: 2, refusedTotal: 0 });
    const r = await api.ok('import.commit', {
      fileName: 'werkgevers.csv',
      contentBase64: b64(csv),
      kind: 'employers',
      mapping: { 'Kolom X': null },
    });
    expect(r).toMatchObject({ ok: true, created: 2 });
    expect((await api.ok('employers.search', { query: '55667788' })).items.map((e) => e.name)).toEqual([
      'Transport Urk',
    ]);
  });

  it('refuses unknown file types, unknown target fields and roles without import rights', async () => {
    const store = tempStore();
    const api = apiAs(store, 'manager');
    expect(
      await api.fail('import.preview', { fileName: 'lijst.pdf', contentBase64: b64('x'), kind: 'clients' }),
    ).toMatchObject({ field: 'fileName' });
    expect(
      await api.fail('import.preview', {
        fileName: 'a.csv',
        contentBase64: b64('A\n1\n'),
        kind: 'clients',
        mapping: { A: 'salaris' },
      }),
    ).toMatchObject({ field: 'mapping' });
    expect(
      await apiAs(store, 'klantmanager').fail('import.commit', {
        fileName: 'a.csv',
        contentBase64: b64('A\n1\n'),
        kind: 'clients',
      }),
    ).toMatchObject({ code: 'forbidden' });
  });
});
