import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { bsnNo } from './fixture.js';

async function setup() {
  const store = tempStore();
  const km = apiAs(store, 'klantmanager', 'U000001', 'A. de Boer');
  const other = apiAs(store, 'klantmanager', 'U000002', 'M. Visser');
  const wga = apiAs(store, 'werkgeversadviseur', 'U000003', 'S. Kramer');
  const client = async (api: typeof km, n: number, last: string, extra: Record<string, unknown> = {}) =>
    (
      await api.ok('clients.create', {
        bsn: bsnNo(n, 2),
        last_name: last,
        first_name: 'Test',
        intake_date: '2026-02-02',
        referrer: 'social_team',
        account_manager: api === km ? 'A. de Boer' : 'M. Visser',
        ...extra,
      } as never)
    ).id;
  return { store, km, other, wga, client };
}

describe('Mijn werk', () => {
  it('shows follow-ups that are due and not handled, only mine unless asked for all', async () => {
    const { km, other, client } = await setup();
    const jansen = await client(km, 1, 'Jansen');
    const smit = await client(other, 2, 'Smit');
    const due = await km.ok('contacts.create', {
      clientId: jansen,
      date: '2026-02-10',
      kind: 'meeting',
      summary: 'Intake',
      follow_up_date: '2026-02-24',
    });
    await km.ok('contacts.create', {
      clientId: jansen,
      date: '2026-02-10',
      kind: 'phone',
      follow_up_date: '2026-03-10',
    });
    await other.ok('contacts.create', {
      clientId: smit,
      date: '2026-02-11',
      kind: 'phone',
      follow_up_date: '2026-02-20',
    });
    const mine = await km.ok('mywork.get', { asOf: '2026-03-02' });
    expect(mine.followUps.items.map((f) => [f.client?.name, f.follow_up_date, f.daysOverdue])).toEqual([
      ['Test Jansen', '2026-02-24', 6],
    ]);
    const all = await km.ok('mywork.get', { asOf: '2026-03-02', scope: 'all' });
    expect(all.followUps.total).toBe(2);
    // Recording the next contact with `resolves` handles the follow-up.
    await km.ok('contacts.create', {
      clientId: jansen,
      date: '2026-03-02',
      kind: 'phone',
      summary: 'Teruggebeld',
      resolves: due.id,
    });
    expect((await km.ok('mywork.get', { asOf: '2026-03-02' })).followUps.total).toBe(0);
    expect(
      await km.fail('contacts.create', { clientId: smit, date: '2026-03-02', kind: 'phone', resolves: due.id }),
    ).toMatchObject({ field: 'resolves' });
  });

  it('lists nazorg separately from ordinary follow-ups, until it is marked done', async () => {
    const { km, wga, client } = await setup();
    const id = await client(km, 3, 'Bos');
    const employer = await wga.ok('employers.create', { name: 'Kwekerij Ens', kvk: '34567890' });
    const p = await km.ok('placements.create', {
      clientId: id,
      employerId: employer.id,
      fields: { kind: 'work_experience', start_date: '2026-02-16' },
    });
    const work = await km.ok('mywork.get', { asOf: '2026-03-02' });
    expect(work.followUps.total).toBe(0);
    expect(work.nazorg.items.map((n) => [n.follow_up_date, n.placementEmployer, n.client?.name])).toEqual([
      ['2026-02-23', 'Kwekerij Ens', 'Test Bos'],
    ]);
    await km.ok('contacts.markDone', { id: p.nazorg[0]!, date: '2026-02-24' });
    expect((await km.ok('mywork.get', { asOf: '2026-03-02' })).nazorg.total).toBe(0);
    expect((await km.ok('mywork.get', { asOf: '2026-03-16' })).nazorg.items.map((n) => n.follow_up_date)).toEqual([
      '2026-03-16',
    ]);
  });

  it('names buitengewone werkgevers not contacted for more than 90 days, never-contacted first', async () => {
    const { wga } = await setup();
    const recent = await wga.ok('employers.create', {
      name: 'Bakkerij De Polder',
      exceptional_since: '2025-01-01',
      account_manager: 'S. Kramer',
    });
    const stale = await wga.ok('employers.create', {
      name: 'Autobedrijf Flevo',
      exceptional_since: '2025-01-01',
      account_manager: 'S. Kramer',
    });
    await wga.ok('employers.create', { name: 'Horeca Urkerhoek', exceptional_since: '2025-06-01' });
    await wga.ok('employers.create', {
      name: 'Transport Schokland',
      exceptional_since: '2025-06-01',
      account_manager: 'L. Bakker',
    });
    await wga.ok('employers.create', { name: 'Gewone Werkgever BV' });
    await wga.ok('contacts.create', { employerId: recent.id, date: '2026-01-15', kind: 'visit' });
    await wga.ok('contacts.create', { employerId: stale.id, date: '2025-12-01', kind: 'phone' });
    const work = await wga.ok('mywork.get', { asOf: '2026-03-02' });
    expect(work.sections[0]).toBe('employers');
    expect(work.employers.items.map((e) => [e.name, e.daysSince])).toEqual([
      ['Horeca Urkerhoek', null],
      ['Autobedrijf Flevo', 91],
    ]);
    expect((await wga.ok('mywork.get', { asOf: '2026-03-02', scope: 'all' })).employers.total).toBe(3);
    // On day 90 the stale employer is not yet overdue.
    expect((await wga.ok('mywork.get', { asOf: '2026-03-01' })).employers.items.map((e) => e.name)).toEqual([
      'Horeca Urkerhoek',
    ]);
  });

  it('finds clients without a running activity or placement, and referrals still waiting for an intake', async () => {
    const { km, client } = await setup();
    const active = await client(km, 4, 'Actief');
    const idle = await client(km, 5, 'Stil', { birth_date: '2002-05-01' });
    const spoken = await client(km, 6, 'Gesproken');
    await km.ok('activities.create', {
      clientId: active,
      fields: { kind: 'intake_programme', start_date: '2026-02-03', end_date: '2026-03-01' },
    });
    await km.ok('activities.create', {
      clientId: spoken,
      fields: { kind: 'job_coaching', start_date: '2026-01-01', end_date: '2026-01-31' },
    });
    await km.ok('contacts.create', { clientId: spoken, date: '2026-02-05', kind: 'meeting', summary: 'Intakegesprek' });
    const onFeb = await km.ok('mywork.get', { asOf: '2026-02-20' });
    expect(onFeb.idleClients.items.map((c) => c.name).sort()).toEqual(['Test Gesproken', 'Test Stil']);
    expect(onFeb.idleClients.items.find((c) => c.name === 'Test Stil')!.under27).toBe(true);
    // The activity ended on 1 March (inclusive): from 2 March the client is idle again.
    expect((await km.ok('mywork.get', { asOf: '2026-03-02' })).idleClients.items.map((c) => c.name).sort()).toEqual([
      'Test Actief',
      'Test Gesproken',
      'Test Stil',
    ]);
    // Intake happened for the one with an activity started after referral and the one with a conversation.
    expect(onFeb.referrals.items.map((r) => [r.name, r.daysWaiting])).toEqual([['Test Stil', 18]]);
    await km.ok('clients.exit', { clientId: idle, exit_date: '2026-02-25', exit_reason: 'education' });
    expect((await km.ok('mywork.get', { asOf: '2026-03-02' })).referrals.total).toBe(0);
  });
});
