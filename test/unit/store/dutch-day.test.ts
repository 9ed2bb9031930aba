// One clock, one calendar (issue 10): at 23:30 UTC it is already 00:30 the next day in the
// Netherlands. Import, the dossier and the list, Mijn werk, reports and exports all say so.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../db/exchange/export/batch.js';
import { importFile } from '../../../db/exchange/import.js';
import { dutchDay } from '../../../db/model/calendar.js';
import { inCaseloadOn } from '../../../db/model/caseload.js';
import { tempDir, tempStore, writeFile } from '../helpers.js';
import { apiAs } from '../work/api.js';

const NOW = Date.parse('2026-03-10T23:30:00Z');

describe('the Dutch day', () => {
  it('is tomorrow at 23:30 UTC, in winter and in summer time', () => {
    expect(dutchDay(NOW)).toBe('2026-03-11');
    expect(dutchDay(Date.parse('2026-07-10T21:59:00Z'))).toBe('2026-07-10');
    expect(dutchDay(Date.parse('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
  });

  it('counts a client as out of the caseload from the exit date on (the first day out)', () => {
    const p = { intake_date: '2026-01-05', exit_date: '2026-03-11' };
    expect(inCaseloadOn(p, '2026-03-10')).toBe(true);
    expect(inCaseloadOn(p, '2026-03-11')).toBe(false);
    expect(inCaseloadOn({ intake_date: '2026-03-12', exit_date: null }, '2026-03-11')).toBe(false);
  });

  it('is the day of import, dossier, list, Mijn werk, reports and exports at 00:30 Dutch time', async () => {
    const store = tempStore({ now: () => NOW });
    expect(store.today()).toBe('2026-03-11');
    const km = apiAs(store, 'klantmanager', 'km', 'Noor Bakker');
    const leaves = await km.ok('clients.create', {
      first_name: 'Ali',
      last_name: 'Vertrekt Vandaag',
      intake_date: '2026-01-05',
      account_manager: 'Noor Bakker',
    });
    await km.ok('clients.exit', { clientId: leaves.id, exit_date: '2026-03-11', exit_reason: 'work_regular' });
    const stays = await km.ok('clients.create', {
      first_name: 'Bo',
      last_name: 'Vertrekt Morgen',
      intake_date: '2026-01-05',
      account_manager: 'Noor Bakker',
    });
    await km.ok('clients.exit', { clientId: stays.id, exit_date: '2026-03-12', exit_reason: 'education' });
    await km.ok('clients.create', {
      first_name: 'Cor',
      last_name: 'Komt Morgen',
      intake_date: '2026-03-12',
      account_manager: 'Noor Bakker',
    });

    // Registered today: the Dutch today.
    const csv = writeFile(tempDir(), 'k.csv', 'last_name;intake_date\nImport;2026-03-01\n');
    expect((await importFile(store, 'km', { file: csv, kind: 'clients' })).problems).toEqual([]);
    expect(store.db.prepare('SELECT DISTINCT created FROM clients').pluck().all()).toEqual(['2026-03-11']);

    // The dossier and the list agree: one definition of "in the caseload".
    expect((await km.ok('clients.get', { id: leaves.id })).inCaseload).toBe(false);
    expect((await km.ok('clients.get', { id: stays.id })).inCaseload).toBe(true);
    const list = await km.ok('clients.search', { query: 'vertrekt' });
    expect(list.items.map((c) => [c.name, c.inCaseload])).toEqual([
      ['Bo Vertrekt Morgen', true],
      ['Ali Vertrekt Vandaag', false],
    ]);
    const onlyCaseload = await km.ok('clients.search', { query: '', onlyCaseload: true });
    expect(onlyCaseload.items.map((c) => c.name).sort()).toEqual(['Bo Vertrekt Morgen', 'Import']);

    // Mijn werk: a follow-up for today is due today, not yesterday's, not tomorrow's.
    await km.ok('contacts.create', {
      clientId: stays.id,
      date: '2026-03-09',
      kind: 'phone',
      summary: 'Vandaag terugbellen',
      follow_up_date: '2026-03-11',
    });
    await km.ok('contacts.create', {
      clientId: stays.id,
      date: '2026-03-09',
      kind: 'phone',
      summary: 'Morgen terugbellen',
      follow_up_date: '2026-03-12',
    });
    const work = await km.ok('mywork.get', { scope: 'all' });
    expect(work.asOf).toBe('2026-03-11');
    expect(work.followUps.items.map((f) => [f.summary, f.daysOverdue])).toEqual([['Vandaag terugbellen', 0]]);

    // Reports default to today.
    const activation = await km.ok('reports.run', { name: 'activation', params: {} });
    expect(activation.data).toMatchObject({ as_of: '2026-03-11', caseload: 2 });

    // Exports: VUM profiles of jobseekers in the caseload today (Bo and the imported client).
    const out = tempDir();
    const batch = await runExport(store, { target: 'vum', user: 'km', outDir: out });
    expect(batch.status).toBe('written');
    const dir = join(out, readdirSync(out)[0]!);
    const jobseekers = JSON.parse(readFileSync(join(dir, 'vum-werkzoekenden.json'), 'utf8')) as unknown[];
    expect(jobseekers).toHaveLength(2);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { created_at: string };
    expect(manifest.created_at).toBe('2026-03-10T23:30:00.000Z');

    // The audit log keeps the moment from the same clock.
    expect(store.db.prepare('SELECT DISTINCT at FROM audit_log').pluck().all()).toEqual(['2026-03-10T23:30:00.000Z']);
  });
});
