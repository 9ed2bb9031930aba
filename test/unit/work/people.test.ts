// Issue 13, "account managers are users": periods point to users, Mijn werk follows the caseload
// by user, a client or a whole caseload is handed to a colleague (kept in the history), an exit
// is corrected or undone with a reason, and the 25% target counts benefit recipients.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs, type TestApi } from './api.js';
import { bsnNo } from './fixture.js';
import { runReport } from '../../../db/reports/run.js';
import { importFile } from '../../../db/exchange/import.js';
import { tempDir, writeFile } from '../helpers.js';
import type { Store } from '../../../db/journal/store.js';

const NOON = (day: string) => Date.parse(`${day}T11:00:00Z`);

async function team(store: Store) {
  const boot = apiAs(store, 'beheerder', 'boot', 'Beheer');
  const b = await boot.ok('users.create', { display_name: 'Beheer', role: 'beheerder', pin: 'beheer-2026-polder' });
  const beheer = apiAs(store, 'beheerder', b.id, 'Beheer');
  const anna = await beheer.ok('users.create', {
    display_name: 'Anna de Boer',
    role: 'klantmanager',
    pin: 'tulpen-in-emmeloord',
  });
  const mark = await beheer.ok('users.create', {
    display_name: 'Mark Visser',
    role: 'klantmanager',
    pin: 'kotters-op-urk-2026',
  });
  return {
    beheer,
    anna: { id: anna.id, api: apiAs(store, 'klantmanager', anna.id, 'Anna de Boer') },
    mark: { id: mark.id, api: apiAs(store, 'klantmanager', mark.id, 'Mark Visser') },
    manager: apiAs(store, 'manager', 'mgr', 'Manager'),
  };
}

async function client(api: TestApi, n: number, last: string, extra: Record<string, unknown> = {}) {
  return (
    await api.ok('clients.create', {
      bsn: bsnNo(n, 4),
      last_name: last,
      first_name: 'Test',
      intake_date: '2026-01-05',
      referrer: 'social_team',
      ...extra,
    } as never)
  ).id;
}

function periodRow(store: Store, clientId: string) {
  return store.db
    .prepare(
      'SELECT account_manager, account_manager_id FROM caseload_periods WHERE client_id = ? ORDER BY intake_date DESC',
    )
    .get(clientId) as { account_manager: string; account_manager_id: string | null };
}

describe('account managers are users', () => {
  it('links a typed name to the user of that name, case- and space-insensitively, and keeps unknown names', async () => {
    const store = tempStore();
    const { anna, beheer } = await team(store);
    const a = await client(beheer, 1, 'Jansen', { account_manager: '  anna   DE boer ' });
    const b = await client(beheer, 2, 'Smit', { account_manager: 'P. Onbekend' });
    expect(periodRow(store, a).account_manager_id).toBe(anna.id);
    expect(periodRow(store, b)).toEqual({ account_manager: 'P. Onbekend', account_manager_id: null });
    // A user created later under that name gets the periods that already named them.
    const p = await beheer.ok('users.create', {
      display_name: 'P. Onbekend',
      role: 'klantmanager',
      pin: 'dijken-en-polders-1',
    });
    expect(periodRow(store, b).account_manager_id).toBe(p.id);
  });

  it('registers an intake with a picked colleague and refuses an inactive or unknown user', async () => {
    const store = tempStore();
    const { anna, mark, beheer } = await team(store);
    const { id } = await beheer.ok('clients.create', { bsn: bsnNo(3, 4), last_name: 'Bakker' });
    await beheer.ok('users.update', { id: mark.id, active: false });
    expect(
      await anna.api.fail('clients.intake', {
        clientId: id,
        intake_date: '2026-02-02',
        referrer: 'uwv',
        account_manager_id: mark.id,
      }),
    ).toMatchObject({ field: 'account_manager_id' });
    await anna.api.ok('clients.intake', {
      clientId: id,
      intake_date: '2026-02-02',
      referrer: 'uwv',
      account_manager_id: anna.id,
    });
    expect(periodRow(store, id)).toEqual({ account_manager: 'Anna de Boer', account_manager_id: anna.id });
  });

  it("follows the caseload by user in Mijn werk: a handed-over client moves, a colleague's client who left does not show", async () => {
    const store = tempStore();
    const { anna, mark, beheer } = await team(store);
    const jansen = await client(beheer, 4, 'Jansen', { account_manager: 'Anna de Boer' });
    const smit = await client(beheer, 5, 'Smit', { account_manager: 'Mark Visser' });
    // Anna writes a follow-up on Mark's client, who then leaves: it is Mark's, not Anna's.
    await anna.api.ok('contacts.create', {
      clientId: smit,
      date: '2026-02-10',
      kind: 'phone',
      follow_up_date: '2026-02-20',
    });
    await mark.api.ok('clients.exit', { clientId: smit, exit_date: '2026-02-15', exit_reason: 'moved' });
    const annaWork = await anna.api.ok('mywork.get', { asOf: '2026-03-02' });
    expect(annaWork.followUps.total).toBe(0);
    expect(annaWork.idleClients.items.map((c) => c.name)).toEqual(['Test Jansen']);
    expect((await mark.api.ok('mywork.get', { asOf: '2026-03-02' })).followUps.total).toBe(1);

    await anna.api.ok('clients.handover', {
      clientId: jansen,
      account_manager_id: mark.id,
      from_date: '2026-03-01',
      note: 'Anna gaat met verlof',
    });
    expect((await anna.api.ok('mywork.get', { asOf: '2026-03-02' })).idleClients.total).toBe(0);
    expect((await mark.api.ok('mywork.get', { asOf: '2026-03-02' })).idleClients.items.map((c) => c.name)).toEqual([
      'Test Jansen',
    ]);
    const got = await mark.api.ok('clients.get', { id: jansen });
    expect(got.periods[0]!.handovers).toEqual([
      expect.objectContaining({
        from_date: '2026-03-01',
        previous: 'Anna de Boer',
        account_manager: 'Mark Visser',
        note: 'Anna gaat met verlof',
        by: 'Anna de Boer',
      }),
    ]);
  });

  it('hands a whole caseload to a colleague: managers for anyone, an account manager only their own', async () => {
    const store = tempStore();
    const { anna, mark, beheer, manager } = await team(store);
    const a = await client(beheer, 6, 'Een', { account_manager: 'Anna de Boer' });
    const b = await client(beheer, 7, 'Twee', { account_manager: 'Anna de Boer' });
    const c = await client(beheer, 8, 'Drie', { account_manager: 'Anna de Boer' });
    await anna.api.ok('clients.exit', { clientId: c, exit_date: '2026-02-01', exit_reason: 'moved' });
    expect(
      await mark.api.fail('caseload.handover', { from_user_id: anna.id, to_user_id: mark.id, from_date: '2026-03-01' }),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await manager.ok('caseload.handover', {
        from_user_id: anna.id,
        to_user_id: mark.id,
        from_date: '2026-03-01',
        note: 'Herverdeling',
      }),
    ).toEqual({ count: 2 });
    expect([a, b, c].map((id) => periodRow(store, id).account_manager_id)).toEqual([mark.id, mark.id, anna.id]);
    expect(
      await mark.api.fail('caseload.handover', { from_user_id: anna.id, to_user_id: mark.id, from_date: '2026-03-01' }),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await manager.fail('caseload.handover', { from_user_id: anna.id, to_user_id: mark.id, from_date: '2026-03-01' }),
    ).toMatchObject({ field: 'from_user_id' });
  });
});

describe('importing account managers', () => {
  it('links known names to users and lists each unknown name with its lines, importing it with the name only', async () => {
    const store = tempStore();
    const { anna } = await team(store);
    const csv = [
      'last_name;bsn;intake_date;referrer;account_manager;benefit_status',
      `Een;${bsnNo(60, 4)};2026-01-05;uwv;ANNA DE BOER;bijstand`,
      `Twee;${bsnNo(61, 4)};2026-01-05;uwv;P. Vertrokken;geen`,
      `Drie;${bsnNo(62, 4)};2026-01-05;uwv;P. Vertrokken;`,
    ].join('\n');
    const r = await importFile(store, 'import', { file: writeFile(tempDir(), 'klanten.csv', csv), kind: 'clients' });
    expect(r.ok).toBe(true);
    expect(r.created).toBe(3);
    expect(r.unknownManagers).toEqual([{ name: 'P. Vertrokken', lines: [3, 4] }]);
    const rows = store.db
      .prepare(
        'SELECT c.last_name, c.benefit_status, p.account_manager, p.account_manager_id FROM clients c JOIN caseload_periods p ON p.client_id = c.id ORDER BY c.last_name',
      )
      .all();
    expect(rows).toEqual([
      { last_name: 'Drie', benefit_status: null, account_manager: 'P. Vertrokken', account_manager_id: null },
      { last_name: 'Een', benefit_status: 'bijstand', account_manager: 'ANNA DE BOER', account_manager_id: anna.id },
      { last_name: 'Twee', benefit_status: 'geen', account_manager: 'P. Vertrokken', account_manager_id: null },
    ]);
  });
});

describe('correcting and undoing an exit', () => {
  it('corrects the date and reason, or undoes the exit, only with a reason, and the history says who and why', async () => {
    const store = tempStore();
    const { anna, beheer } = await team(store);
    const id = await client(beheer, 9, 'Visser', { account_manager: 'Anna de Boer' });
    expect(await anna.api.fail('clients.exitUndo', { clientId: id, note: 'fout' })).toMatchObject({
      field: 'exit_date',
    });
    await anna.api.ok('clients.exit', { clientId: id, exit_date: '2026-03-01', exit_reason: 'moved' });
    expect(
      await anna.api.fail('clients.exitCorrect', {
        clientId: id,
        exit_date: '2026-03-10',
        exit_reason: 'work_regular',
        note: '  ',
      }),
    ).toMatchObject({ field: 'note' });
    await anna.api.ok('clients.exitCorrect', {
      clientId: id,
      exit_date: '2026-03-10',
      exit_reason: 'work_regular',
      note: 'Werk gevonden, niet verhuisd',
    });
    let got = await anna.api.ok('clients.get', { id });
    expect([got.periods[0]!.exit_date, got.periods[0]!.exit_reason]).toEqual(['2026-03-10', 'work_regular']);
    expect(await anna.api.fail('clients.exitUndo', { clientId: id, note: '' })).toMatchObject({ field: 'note' });
    await anna.api.ok('clients.exitUndo', { clientId: id, note: 'Verkeerde klant' });
    got = await anna.api.ok('clients.get', { id });
    expect(got.inCaseload).toBe(true);
    expect(got.periods[0]!.exit_date).toBeNull();
    const changes = (await anna.api.ok('dossier.timeline', { clientId: id, kinds: ['change'] })).items;
    const undo = changes.find((c) => c.fields?.some((f) => f.new === 'Verkeerde klant'))!;
    expect(undo.by).toBe('Anna de Boer');
    expect(undo.fields!.map((f) => [f.label, f.old, f.new])).toEqual(
      expect.arrayContaining([
        ['Uitstroomdatum', '2026-03-10', null],
        ['Reden van de correctie', 'Werk gevonden, niet verhuisd', 'Verkeerde klant'],
      ]),
    );
    // No user ids in the history: the field that points to a user shows the name.
    const linked = changes.flatMap((c) => c.fields ?? []).find((f) => f.field === 'account_manager_id');
    expect(linked?.new).toBe('Anna de Boer');
    // Re-entry after a new exit still works.
    await anna.api.ok('clients.exit', { clientId: id, exit_date: '2026-04-01', exit_reason: 'moved' });
    await anna.api.ok('clients.intake', {
      clientId: id,
      intake_date: '2026-05-01',
      referrer: 'self',
      account_manager_id: anna.id,
    });
    expect((await anna.api.ok('clients.get', { id })).periods).toHaveLength(2);
  });
});

describe('the 25% target counts benefit recipients', () => {
  it('falls back to the caseload and says so while no benefit status is filled, then counts the recipients', async () => {
    const store = tempStore();
    const api = apiAs(store, 'manager');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await client(api, 20 + i, `Klant${i}`, { intake_date: '2015-06-01' }));
    await api.ok('clients.exit', { clientId: ids[0]!, exit_date: '2016-03-01', exit_reason: 'work_regular' });
    await api.ok('clients.exit', { clientId: ids[1]!, exit_date: '2016-04-01', exit_reason: 'work_regular' });
    const run = () =>
      runReport(store, 'work-target', { from: '2016-01-01', to: '2016-12-31' }) as unknown as Promise<{
        data: Record<string, unknown>;
      }>;
    let r = (await run()).data;
    expect(r).toMatchObject({ baseline_caseload: 8, base: 8, base_kind: 'caseload', target: 2, realized: 2 });
    expect(r.note).toMatch(/hele caseload/);
    // Four with bijstand, one other benefit, three without: the base is five.
    const status = ['bijstand', 'bijstand', 'geen', 'bijstand', 'anders', 'geen', 'geen', 'bijstand'];
    for (const [i, id] of ids.entries()) await api.ok('clients.update', { id, fields: { benefit_status: status[i] } });
    r = (await run()).data;
    expect(r).toMatchObject({ baseline_caseload: 8, base: 5, base_kind: 'benefit', without_benefit: 3, target: 2 });
    expect(r.realized).toBe(2);
    expect(r.note).toBeNull();
    // One status cleared: it counts in the base until filled, and the report says so.
    await api.ok('clients.update', { id: ids[2]!, fields: { benefit_status: '' } });
    r = (await run()).data;
    expect(r).toMatchObject({ base: 6, base_kind: 'mixed', benefit_status_missing: 1 });
    expect(r.note).toMatch(/1 klant in de caseload/);
  });
});

describe('signals on Mijn werk', () => {
  it('signals no contact in three weeks, endings within two weeks, subsidy and register checks and nazorg due', async () => {
    const store = tempStore({ now: () => NOON('2026-03-02') });
    const km = apiAs(store, 'klantmanager', 'U000001', 'A. de Boer');
    const other = apiAs(store, 'klantmanager', 'U000002', 'M. Visser');
    const mk = (api: TestApi, n: number, last: string, extra: Record<string, unknown> = {}) =>
      client(api, 40 + n, last, { account_manager: api === km ? 'A. de Boer' : 'M. Visser', ...extra });
    const silent = await mk(km, 1, 'Stil');
    const recent = await mk(km, 2, 'Recent');
    await km.ok('contacts.create', { clientId: recent, date: '2026-02-20', kind: 'phone' });
    await km.ok('contacts.create', { clientId: silent, date: '2026-02-01', kind: 'phone' });
    await km.ok('activities.create', {
      clientId: recent,
      fields: { kind: 'intake_programme', start_date: '2026-02-02', end_date: '2026-03-13' },
    });
    await km.ok('activities.create', {
      clientId: recent,
      fields: { kind: 'training_course', start_date: '2026-02-02', end_date: '2026-04-30' },
    });
    const employer = await km.ok('employers.create', { name: 'Kwekerij Ens', kvk: '34567890' });
    const subsidized = await mk(km, 3, 'Subsidie', {
      banenafspraak_status: 'registered',
      banenafspraak_checked: '2025-01-15',
    });
    await km.ok('contacts.create', { clientId: subsidized, date: '2026-02-25', kind: 'phone' });
    await km.ok('placements.create', {
      clientId: subsidized,
      employerId: employer.id,
      fields: { kind: 'subsidized', start_date: '2025-03-10', wage_subsidy: 'ja' },
    });
    // A colleague's client: never in my signals.
    await mk(other, 4, 'Collega');
    const work = await km.ok('mywork.get', {});
    expect(work.asOf).toBe('2026-03-02');
    const seen = work.signals.items.map((s) => [s.kind, s.client.name, s.date, s.about]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['no_contact', 'Test Stil', '2026-02-01', null],
        ['activity_ending', 'Test Recent', '2026-03-13', 'intake_programme'],
        ['subsidy_review', 'Test Subsidie', '2026-03-10', 'Kwekerij Ens'],
        ['register_check', 'Test Subsidie', '2025-01-15', null],
      ]),
    );
    expect(seen.some(([, name]) => name === 'Test Collega')).toBe(false);
    expect(seen.some(([kind, name]) => kind === 'no_contact' && name !== 'Test Stil')).toBe(false);
    // Placement nazorg (planned one week after the start) shows once due within a week.
    const p = await km.ok('placements.create', {
      clientId: silent,
      employerId: employer.id,
      fields: { kind: 'trial', start_date: '2026-03-02', end_date: '2026-03-15' },
    });
    expect(p.nazorg.length).toBeGreaterThan(0);
    const after = (await km.ok('mywork.get', {})).signals.items.map((s) => [s.kind, s.client.name, s.date]);
    expect(after).toEqual(
      expect.arrayContaining([
        ['placement_ending', 'Test Stil', '2026-03-15'],
        ['nazorg_due', 'Test Stil', '2026-03-09'],
      ]),
    );
    // Six weeks as the no-contact limit: the silent client is no longer signalled.
    const six = await km.ok('mywork.get', { noContactWeeks: 6 });
    expect(six.signals.items.some((s) => s.kind === 'no_contact')).toBe(false);
  });
});
