// Issue 14, the seed's definitions made configurable and explicit: the team's report settings
// (names on the cover page, the agreements' wording) are saved by a beheerder only, sync to the
// team, and a delivered report keeps the values it used, so it still verifies after a change.
// Also: referrer filters take several codes (Urk apart), and a quarter is titled as a quarter.
import { beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../sync/harness.js';
import { apiAs } from '../work/api.js';
import { cli, suiteTempDir, tempStore } from '../helpers.js';
import { importClients, storeWith, type ClientSpec } from './fixture.js';
import { runReport } from '../../../db/reports/run.js';
import { quarterName, periodName } from '../../../db/reports/period-title.js';
import { DEFAULT_SETTINGS } from '../../../db/model/settings.js';
import type { Store } from '../../../db/journal/store.js';

const SETTINGS = {
  municipality_name: 'Gemeente Proefpolder',
  corporation_name: 'Werkbedrijf Proefpolder',
  agreements: { ...DEFAULT_SETTINGS.agreements, b: 'Minimaal {doel} procent uitstroom naar werk in {jaar}.' },
};

// Two intakes via Urk, one via the Sociaal Team and one self-referred in the first quarter of 2026.
const CLIENTS: ClientSpec[] = [
  { ref: 'K1', periods: [{ intake: '2026-01-05', referrer: 'urk' }] },
  { ref: 'K2', periods: [{ intake: '2026-02-10', referrer: 'urk', exit: '2026-03-20', reason: 'work_regular' }] },
  { ref: 'K3', periods: [{ intake: '2026-02-11', referrer: 'social_team' }] },
  { ref: 'K4', periods: [{ intake: '2026-03-01', referrer: 'self' }] },
];

let store: Store;
beforeAll(async () => {
  store = await storeWith(CLIENTS);
});

describe('the report settings', () => {
  it('are the seed wording until a beheerder saves others', async () => {
    expect(await apiAs(store, 'klantmanager').ok('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('may be saved by a beheerder only; a manager is refused and nothing is written', async () => {
    const refused = await apiAs(store, 'manager', 'm1').fail('settings.save', SETTINGS);
    expect(refused.code).toBe('forbidden');
    expect(await apiAs(store, 'manager', 'm1').ok('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses an empty name with a Dutch message naming the field', async () => {
    const err = await apiAs(store, 'beheerder', 'b1').fail('settings.save', { ...SETTINGS, municipality_name: '  ' });
    expect(err.field).toContain('municipality_name');
    expect(err.message).toContain('Vul de naam van de gemeente in');
  });

  it('print the names on the half-year cover page and the wording in the agreements', async () => {
    const isolated = await storeWith(CLIENTS);
    await apiAs(isolated, 'beheerder', 'b1').ok('settings.save', SETTINGS);
    const html = await apiAs(isolated, 'manager', 'm1').ok('reports.file', {
      name: 'half-year',
      params: { from: '2026-01-01', to: '2026-06-30', explanations: { a: 'Elke klant heeft een werkplan.' } },
      format: 'html',
    });
    const text = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(text).toContain('<dt>Aan</dt><dd>Gemeente Proefpolder</dd>');
    expect(text).toContain('<dt>Van</dt><dd>Werkbedrijf Proefpolder</dd>');
    expect(text).not.toContain('Gemeente (opdrachtgever)');
    expect(text).toContain('Minimaal 25 procent uitstroom naar werk in 2026.');
    expect(text).toContain('Elke klant heeft een werkplan.');
    const run = runReport(isolated, 'half-year', { from: '2026-01-01', to: '2026-06-30' });
    expect(run.data.parties).toEqual({ municipality: 'Gemeente Proefpolder', corporation: 'Werkbedrijf Proefpolder' });
  });

  it('sync to the other laptops of the team', async () => {
    const cloud = new Cloud(13, Date.UTC(2026, 6, 1, 9), suiteTempDir());
    const A = cloud.laptop('a');
    const B = cloud.laptop('b');
    await A.create();
    cloud.propagate();
    await B.join();
    await apiAs(A.store, 'beheerder', 'b1').ok('settings.save', SETTINGS);
    await A.sync();
    cloud.propagate();
    await B.sync();
    expect(await apiAs(B.store, 'klantmanager').ok('settings.get', {})).toEqual(SETTINGS);
    // A second change on B converges on the same row on A (one id per key).
    await apiAs(B.store, 'beheerder', 'b1').ok('settings.save', { ...SETTINGS, corporation_name: 'Werkbedrijf B' });
    await B.sync();
    cloud.propagate();
    await A.sync();
    expect((await apiAs(A.store, 'klantmanager').ok('settings.get', {})).corporation_name).toBe('Werkbedrijf B');
    const rows = (l: typeof A) => l.store.db.prepare('SELECT id, key, value, deleted FROM settings ORDER BY id').all();
    expect(rows(B)).toEqual(rows(A));
    expect(rows(A)).toHaveLength(9);
  }, 60_000);
});

describe('a delivered half-year report with settings and explanations', () => {
  it('still verifies byte for byte after the settings change, and keeps the explanation', async () => {
    const s = await storeWith(CLIENTS);
    await apiAs(s, 'beheerder', 'b1').ok('settings.save', SETTINGS);
    const manager = apiAs(s, 'manager', 'm1');
    const params = { from: '2026-01-01', to: '2026-06-30', explanations: { d: 'Twee scholen bezocht.' } };
    const d = await manager.ok('reports.deliver', { name: 'half-year', params });
    const json = JSON.parse(Buffer.from(d.base64, 'base64').toString('utf8'));
    expect(json.parties.municipality).toBe('Gemeente Proefpolder');
    expect(json.result_agreements.find((a: { code: string }) => a.code === 'd').explanation).toBe(
      'Twee scholen bezocht.',
    );

    await apiAs(s, 'beheerder', 'b1').ok('settings.save', {
      ...SETTINGS,
      municipality_name: 'Gemeente Anders',
      agreements: { ...SETTINGS.agreements, d: 'Andere tekst.' },
    });
    const [listed] = await manager.ok('archive.list', {});
    expect(listed!.params.settings?.municipality_name).toBe('Gemeente Proefpolder');
    expect(listed!.params.explanations).toEqual({ d: 'Twee scholen bezocht.' });
    const v = await manager.ok('archive.verify', { id: d.id });
    expect(v.identical).toBe(true);
    // The live report follows the new settings.
    const live = await manager.ok('reports.run', {
      name: 'half-year',
      params: { from: '2026-01-01', to: '2026-06-30' },
    });
    expect((live.data.parties as { municipality: string }).municipality).toBe('Gemeente Anders');
  });
});

describe('referrer filters', () => {
  it('take several codes, and the single code still works as before', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const one = runReport(store, 'inflow-by-referrer', { ...period, referrer: 'urk' }).data;
    expect(one.total).toBe(2);
    expect(one.filters).toEqual({ referrer: 'urk' });
    const two = runReport(store, 'inflow-by-referrer', { ...period, referrer: ['urk', 'self'] }).data;
    expect(two.total).toBe(3);
    expect((two.referrers as { code: string; count: number }[]).map((r) => [r.code, r.count])).toEqual([
      ['urk', 2],
      ['self', 1],
    ]);
    expect(two.filters).toEqual({ referrer: ['self', 'urk'] });
    const exits = runReport(store, 'exit-reasons', { ...period, referrer: ['urk'] }).data;
    expect(exits.total).toBe(1);
    expect(() => runReport(store, 'inflow-by-referrer', { ...period, referrer: ['urk', 'onbekend'] })).toThrow(
      /onbekende code 'onbekend'/,
    );
  });

  it('are typed on the command line as --referrer A,B', async () => {
    const db = (await storeWith(CLIENTS)).file;
    const r = await cli([
      '--db',
      db,
      'report',
      'inflow-by-referrer',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--referrer',
      'urk,self',
    ]);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(JSON.parse(r.out.join('\n')).total).toBe(3);
  }, 30_000);
});

describe('the title of a report period', () => {
  it('names exactly one calendar quarter as a quarter and a half year as a half year', () => {
    expect(quarterName('2026-01-01', '2026-03-31')).toBe('1e kwartaal 2026');
    expect(quarterName('2026-10-01', '2026-12-31')).toBe('4e kwartaal 2026');
    expect(quarterName('2026-01-01', '2026-03-30')).toBeNull();
    expect(quarterName('2026-02-01', '2026-04-30')).toBeNull();
    expect(periodName('2026-07-01', '2026-12-31')).toBe('tweede halfjaar 2026');
    expect(periodName('2026-01-01', '2026-12-31')).toBeNull();
  });

  it('titles a report over a quarter as that quarter, on screen and in the half-year document', () => {
    const q = { from: '2026-01-01', to: '2026-03-31' };
    expect(runReport(store, 'caseload-development', q).title).toBe('Ontwikkeling caseload 1e kwartaal 2026');
    expect(runReport(store, 'half-year', q).title).toBe('Kwartaalrapportage 1e kwartaal 2026');
    expect(runReport(store, 'half-year', { from: '2026-01-01', to: '2026-06-30' }).title).toBe(
      'Halfjaarrapportage eerste halfjaar 2026',
    );
    expect(runReport(store, 'caseload-development', { from: '2026-01-01', to: '2026-02-15' }).title).toBe(
      'Ontwikkeling caseload',
    );
  });
});

describe('delivering as known on a moment', () => {
  it('archives the report of that moment (CLI --deliver --as-known-on), which verifies and keeps the moment', async () => {
    let now = Date.UTC(2026, 3, 1, 9);
    const s = tempStore({ now: () => now });
    await importClients(s, CLIENTS);
    now = Date.UTC(2026, 4, 1, 9);
    const k1 = s.db.prepare("SELECT c.id FROM clients c WHERE c.ref = 'K1'").pluck().get() as string;
    await apiAs(s, 'klantmanager').ok('clients.exit', {
      clientId: k1,
      exit_date: '2026-02-01',
      exit_reason: 'work_regular',
    });
    const args = ['--db', s.file, 'report', 'exit-reasons', '--from', '2026-01-01', '--to', '2026-03-31'];
    const live = JSON.parse((await cli(args)).out.join('\n'));
    expect(live.total).toBe(2);
    const known = await cli([...args, '--as-known-on', '2026-04-15']);
    expect(JSON.parse(known.out.join('\n')).total).toBe(1);

    const delivered = await cli([...args, '--as-known-on', '2026-04-15', '--deliver', '--note', 'Q1']);
    expect(delivered.code, delivered.err.join('\n')).toBe(0);
    expect(delivered.out.join('\n')).toBe(known.out.join('\n'));
    const id = /archived: (\S+)/.exec(delivered.err.join('\n'))![1]!;
    const listed = JSON.parse((await cli(['--db', s.file, 'archive', 'list'])).out[0]!);
    expect(listed.known_on).toBe('2026-04-15T21:59:59.999Z');
    expect((await cli(['--db', s.file, 'archive', 'verify', id])).code).toBe(0);
  }, 30_000);
});
