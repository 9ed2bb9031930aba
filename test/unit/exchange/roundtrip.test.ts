import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeFile, bsnFrom } from '../helpers.js';

describe('dump', () => {
  it('gives byte-identical dumps for the same data imported twice, and in a fresh database', async () => {
    const dir = tempDir();
    const files = {
      employers: writeFile(
        dir,
        'werkgevers.csv',
        'ref;name;kvk;city;exceptional_since\nW2;Visverwerking Urk;23456789;Urk;\nW1;Kwekerij Ens;12345678;Ens;2015-04-01\n',
      ),
      clients: writeFile(
        dir,
        'klanten.csv',
        `ref;last_name;first_name;bsn;intake_date;referrer;target_groups\nK2;Müller;Zoë;${bsnFrom('20000002')};2016-01-04;uwv;statushouder\nK1;de Vries;Jan;${bsnFrom('20000001')};2015-11-02;social_team;\n`,
      ),
      vacancies: writeFile(
        dir,
        'vacatures.csv',
        'ref;employer_ref;title;opened_date;banenafspraak;hours_per_week\nV1;W1;Oogstmedewerker;2016-03-01;ja;32\n',
      ),
      placements: writeFile(
        dir,
        'plaatsingen.csv',
        'ref;client_ref;employer_ref;vacancy_ref;start_date;kind;wage_subsidy\nPL1;K1;W1;V1;2016-04-01;trial;nee\n',
      ),
      activities: writeFile(
        dir,
        'activiteiten.csv',
        'ref;client_ref;kind;provider;start_date;end_date\nA1;K2;intake_programme;Werkcorporatie;2016-01-05;2016-02-01\n',
      ),
      contacts: writeFile(
        dir,
        'contacten.csv',
        'ref;client_ref;employer_ref;date;kind;summary;follow_up_date\nC1;K1;;2016-01-10;meeting;Intakegesprek;2016-01-24\nC2;;W1;2016-02-10;phone;Vacature besproken;\n',
      ),
    };
    const importAll = async (db: string) => {
      for (const [kind, file] of Object.entries(files))
        expect((await cli(['--db', db, 'import', file, '--kind', kind])).code, kind).toBe(0);
    };
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    await importAll(a);
    const first = (await cli(['--db', a, 'dump'])).out.join('\n');
    await importAll(a);
    const second = (await cli(['--db', a, 'dump'])).out.join('\n');
    await importAll(b);
    const other = (await cli(['--db', b, 'dump'])).out.join('\n');
    expect(second).toBe(first);
    expect(other).toBe(first);
    const kinds = first.split('\n').map((l) => JSON.parse(l).kind);
    expect(kinds).toEqual([...kinds].sort());
    expect(first.split('\n')).toHaveLength(9);
  });

  it('round-trips: a dump imported into an empty database gives the same dump', async () => {
    const dir = tempDir();
    const src = join(dir, 'src.sqlite');
    expect((await cli(['--db', src, 'demo', '--clients', '60', '--seed', '3', '--today', '2026-06-30'])).code).toBe(0);
    const out = join(dir, 'dump.jsonl');
    expect((await cli(['--db', src, 'dump', '--out', out])).code).toBe(0);
    const dst = join(dir, 'dst.sqlite');
    const imp = await cli(['--db', dst, 'import', out]);
    expect(imp.err).toEqual([]);
    expect(imp.code).toBe(0);
    const again = join(dir, 'again.jsonl');
    await cli(['--db', dst, 'dump', '--out', again]);
    const original = readFileSync(out, 'utf8');
    expect(readFileSync(again, 'utf8')).toBe(original);
    expect(original).toContain('"periods":[');
    // Device-local data and sync bookkeeping never appear in a dump.
    expect(original).not.toMatch(/"(id|hlc|device|deleted|client_id|employer_id)"/);
  });
});
