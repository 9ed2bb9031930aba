import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, bsnFrom, cli, tempDir, writeFile } from '../helpers.js';
import { Store } from '../../../db/journal/store.js';
import { apiAs } from '../work/api.js';

describe('caseload command line', () => {
  it('works as a real process: help, init, import, search, dump, check', () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const help = bin(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['init', 'import', 'dump', 'report', 'export', 'search', 'sync', 'demo', 'check'])
      expect(help.stdout).toContain(`  ${c}`);
    const init = bin(['--db', db, 'init', '--device-name', 'Laptop Marknesse']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({
      device_name: 'Laptop Marknesse',
      schema_version: expect.any(Number),
    });
    const csv = writeFile(
      dir,
      'k.csv',
      `ref;last_name;first_name;bsn;city\nK7;Çelik;Hatice;${bsnFrom('30000003')};Marknesse\n`,
    );
    expect(bin(['--db', db, 'import', csv, '--kind', 'clients']).code).toBe(0);
    const found = bin(['--db', db, 'search', 'celik']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout.trim())).toMatchObject({ type: 'client', ref: 'K7', name: 'Hatice Çelik' });
    expect(bin(['--db', db, 'dump']).stdout).toContain('"ref":"K7"');
    expect(bin(['--db', db, 'check']).code).toBe(0);
  });

  it('takes the database from CASELOAD_DB when --db is absent', async () => {
    const db = join(tempDir(), 'env.sqlite');
    expect((await cli(['init'], { CASELOAD_DB: db })).out[0]).toContain(db);
  });

  it('exits 2 on usage errors and says what is wrong', async () => {
    const db = join(tempDir(), 'c.sqlite');
    const unknown = await cli(['--db', db, 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toContain("onbekende opdracht 'frobnicate'");
    expect((await cli(['--db', db, 'import', 'x.csv', '--kind', 'klanten'])).code).toBe(2);
    expect((await cli(['--db', db, 'import', 'x.csv'])).err[0]).toContain('--kind');
    expect((await cli(['--db', db, 'search', 'x', '--limit', 'veel'])).code).toBe(2);
    expect((await cli(['--db', db, 'demo', '--bogus'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });

  it('finds clients by BSN and employers by name', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const bsn = bsnFrom('30000004');
    await cli([
      '--db',
      db,
      'import',
      writeFile(dir, 'k.csv', `ref;last_name;bsn\nK1;Jansen;${bsn}\n`),
      '--kind',
      'clients',
    ]);
    await cli([
      '--db',
      db,
      'import',
      writeFile(dir, 'w.csv', 'ref;name;city\nW1;Visverwerking Jansen;Urk\n'),
      '--kind',
      'employers',
    ]);
    const byBsn = await cli(['--db', db, 'search', bsn]);
    expect(byBsn.out.map((l) => JSON.parse(l).ref)).toEqual(['K1']);
    expect(byBsn.out[0]).not.toContain(bsn);
    const byName = await cli(['--db', db, 'search', 'jansen']);
    expect(byName.out.map((l) => JSON.parse(l).type).sort()).toEqual(['client', 'employer']);
  });

  it('demo makes a realistic history with valid BSNs and re-entries', async () => {
    const db = join(tempDir(), 'demo.sqlite');
    expect((await cli(['--db', db, 'demo', '--clients', '150', '--seed', '9', '--today', '2026-06-30'])).code).toBe(0);
    const lines = (await cli(['--db', db, 'dump'])).out.map((l) => JSON.parse(l));
    const clients = lines.filter((l) => l.kind === 'client');
    expect(clients).toHaveLength(150);
    expect(lines.some((l) => l.kind === 'employer' && l.exceptional_since)).toBe(true);
    expect(clients.some((c) => c.periods?.length)).toBe(true);
    for (const k of ['vacancy', 'placement', 'activity', 'contact'])
      expect(
        lines.some((l) => l.kind === k),
        k,
      ).toBe(true);
    const intakes = clients.flatMap((c) => [
      c.intake_date,
      ...(c.periods ?? []).map((p: { intake_date: string }) => p.intake_date),
    ]);
    expect(intakes.some((d: string) => d < '2024-07-01')).toBe(true);
    expect((await cli(['--db', db, 'check'])).code).toBe(0);
  });
});

describe('the command line goes through the contract', () => {
  it("refuses what the user's role may not do, and every write and refusal is in the audit log", async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    expect((await cli(['--db', db, 'init'])).code).toBe(0);
    // Once a database has users, CASELOAD_USER must be one of them and their role applies.
    const store = Store.open(db);
    const beheer = apiAs(store, 'beheerder', 'setup', 'Inrichting');
    const admin = await beheer.ok('users.create', {
      display_name: 'Beheer Gemeente',
      role: 'beheerder',
      pin: 'beheer-polder-2026',
    });
    const km = await beheer.ok('users.create', {
      display_name: 'Jan Postma',
      role: 'klantmanager',
      pin: 'gouden-koets-61803',
    });
    const mgr = await beheer.ok('users.create', {
      display_name: 'Mia de Wit',
      role: 'manager',
      pin: 'e-is-ongeveer-27182',
    });
    const wa = await beheer.ok('users.create', {
      display_name: 'Mark Visser',
      role: 'werkgeversadviseur',
      pin: 'vissers-van-urk-1',
    });
    const tm = await beheer.ok('users.create', {
      display_name: 'Sanne Kramer',
      role: 'trajectmanager',
      pin: 'trajecten-op-maat',
    });
    store.close();

    const refused = await cli(['--db', db, 'demo', '--clients', '5'], { CASELOAD_USER: 'Jan Postma' });
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual(['caseload demo: Uw rol mag deze actie niet uitvoeren.']);
    const unknown = await cli(['--db', db, 'check'], { CASELOAD_USER: 'iemand' });
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/'iemand' is geen gebruiker van deze database/);

    const csv = writeFile(dir, 'k.csv', `last_name;bsn\nVisser;${bsnFrom('30000003')}\n`);
    expect((await cli(['--db', db, 'import', csv, '--kind', 'clients'], { CASELOAD_USER: mgr.ref })).code).toBe(0);
    const bad = writeFile(dir, 'bad.csv', 'last_name;bsn\nVisser;123\n');
    expect((await cli(['--db', db, 'import', bad, '--kind', 'clients'], { CASELOAD_USER: 'Mia de Wit' })).code).toBe(1);

    // A refusal per role through the command line (the beheerder's: retention.purge, which has no
    // command; test/unit/api/roles.test.ts has the whole matrix).
    const asRole = async (user: string, args: string[]) => {
      const r = await cli(['--db', db, ...args], { CASELOAD_USER: user });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.join('\n')).toMatch(/Uw rol mag (deze actie niet uitvoeren|niet op BSN zoeken)/);
    };
    await asRole('Mark Visser', ['search', bsnFrom('30000003')]);
    await asRole('Sanne Kramer', ['import', csv, '--kind', 'clients']);
    await asRole('Mia de Wit', ['backup', '--out', dir]);
    await asRole('Jan Postma', ['dump']);
    expect((await cli(['--db', db, 'search', bsnFrom('30000003')], { CASELOAD_USER: 'Jan Postma' })).out).toHaveLength(
      1,
    );
    expect((await cli(['--db', db, 'backup', '--out', dir], { CASELOAD_USER: admin.ref })).code).toBe(0);

    const log = Store.open(db);
    const entries = log.db
      .prepare(
        "SELECT actor, action, object, result FROM audit_log WHERE action IN ('demo.load', 'import.file') ORDER BY seq",
      )
      .all();
    const lookups = log.db
      .prepare("SELECT actor, action, result FROM audit_log WHERE action = 'search.records' ORDER BY seq")
      .all();
    log.close();
    // Every BSN lookup is in the log, the refused one too; the BSN itself never is.
    expect(lookups).toEqual([
      { actor: wa.id, action: 'search.records', result: 'refused' },
      { actor: km.id, action: 'search.records', result: 'ok' },
    ]);
    expect(entries).toEqual([
      { actor: km.id, action: 'demo.load', object: null, result: 'refused' },
      { actor: mgr.id, action: 'import.file', object: null, result: 'ok' },
      { actor: mgr.id, action: 'import.file', object: null, result: 'refused' },
      { actor: tm.id, action: 'import.file', object: null, result: 'refused' },
    ]);
  });
});
