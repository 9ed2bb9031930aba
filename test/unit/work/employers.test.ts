import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { AS_OF, buildFixture } from './fixture.js';

describe('employers', () => {
  it('checks the KvK number and opens the existing employer instead of registering it twice', async () => {
    const api = apiAs(tempStore(), 'werkgeversadviseur');
    expect(await api.fail('employers.create', { name: 'Fout BV', kvk: '1234567' })).toMatchObject({
      field: 'kvk',
      message: "ongeldig KvK-nummer '1234567' (8 cijfers)",
    });
    const a = await api.ok('employers.create', { name: 'Metaalbewerking Zuiderzee', kvk: '87654321' });
    expect(await api.fail('employers.create', { name: 'Metaal Zuiderzee BV', kvk: '87654321' })).toMatchObject({
      code: 'duplicate_kvk',
      details: { id: a.id },
    });
    expect(await api.ok('employers.byKvk', { kvk: '87654321' })).toMatchObject({
      id: a.id,
      name: 'Metaalbewerking Zuiderzee',
    });
    expect(await api.ok('employers.byKvk', { kvk: '11111111' })).toMatchObject({ id: null });
    expect(await api.fail('employers.create', { city: 'Urk' })).toMatchObject({ field: 'name' });
  });

  it('searches by name without accents and pages through all employers by name', async () => {
    const api = apiAs(tempStore(), 'werkgeversadviseur');
    for (let i = 0; i < 23; i++)
      await api.ok('employers.create', {
        name: `Bouwbedrijf ${String.fromCharCode(65 + i)}`,
        city: i % 2 ? 'Emmeloord' : 'Urk',
      });
    await api.ok('employers.create', { name: 'Café Één', city: 'Ens' });
    expect((await api.ok('employers.search', { query: 'cafe een' })).items.map((e) => e.name)).toEqual(['Café Één']);
    expect((await api.ok('employers.search', { query: 'bouw urk' })).total).toBe(12);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { name: string }[]; next: string | null } = await api.ok('employers.search', {
        limit: 5,
        after,
      });
      seen.push(...page.items.map((e) => e.name));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(24);
    expect(seen).toEqual([...seen].sort());
  });

  it('keeps contact persons and computes SROI realized from placements in the obligation period', async () => {
    const store = tempStore();
    const api = apiAs(store);
    const wga = apiAs(store, 'werkgeversadviseur', 'U000003', 'S. Kramer');
    const f = await buildFixture(api);
    await wga.ok('employers.saveContactPerson', {
      employerId: f.urkEmployerId,
      name: 'P. Post',
      role: 'HR',
      phone: '0527-123456',
    });
    expect(
      await wga.fail('employers.saveContactPerson', { employerId: f.urkEmployerId, name: 'X', phone: 'bel maar' }),
    ).toMatchObject({ field: 'phone' });
    expect(
      await api.fail('employers.saveSroi', {
        employerId: f.urkEmployerId,
        contract: 'X',
        amount: 1,
        start_date: '2026-01-01',
      }),
    ).toMatchObject({ code: 'forbidden' });
    // Eva works 32 h/week at the Urk employer from 1 February: February has 28 days = 4 weeks x 32
    // = 128 hours; counted in placements, the placement that started in the period counts once.
    await wga.ok('employers.saveSroi', {
      employerId: f.urkEmployerId,
      contract: 'Onderhoud groen 2026',
      amount: 512,
      unit: 'hours',
      start_date: '2026-02-01',
      end_date: '2026-02-28',
    });
    await wga.ok('employers.saveSroi', {
      employerId: f.urkEmployerId,
      contract: 'Schoonmaak gemeentehuis',
      amount: 2,
      unit: 'placements',
      start_date: '2026-01-01',
      end_date: '2026-12-31',
    });
    await wga.ok('employers.saveSroi', {
      employerId: f.urkEmployerId,
      contract: 'Oud contract',
      amount: 100,
      start_date: '2025-01-01',
      end_date: '2025-12-31',
    });
    const card = await wga.ok('employers.get', { id: f.urkEmployerId, asOf: AS_OF });
    expect(card.contactPersons.map((c) => [c.name, c.role])).toEqual([['P. Post', 'HR']]);
    expect(card.sroi.map((s) => [s.contract, s.realized, s.percent, s.placements.length])).toEqual([
      ['Oud contract', 0, 0, 0],
      ['Schoonmaak gemeentehuis', 1, 50, 1],
      ['Onderhoud groen 2026', 128, 25, 1],
    ]);
    expect(card.placements).toEqual([expect.objectContaining({ client: 'Eva Mulder', active: true })]);
    expect(card.vacancies.map((v) => [v.title, v.status])).toEqual([
      ['Schoonmaker', 'open'],
      ['Heftruckchauffeur', 'withdrawn'],
    ]);
    expect(card.open_vacancies).toBe(1);
  });

  it('tells when a buitengewone werkgever is due for a call', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    expect(await api.ok('employers.get', { id: f.employerId, asOf: AS_OF })).toMatchObject({
      followUpOverdue: true,
      last_contact: null,
      nextFollowUp: AS_OF,
    });
    await api.ok('contacts.create', {
      employerId: f.employerId,
      date: '2026-02-20',
      kind: 'visit',
      summary: 'Kennismaking',
    });
    expect(await api.ok('employers.get', { id: f.employerId, asOf: AS_OF })).toMatchObject({
      followUpOverdue: false,
      last_contact: '2026-02-20',
      nextFollowUp: '2026-05-21',
    });
    expect((await api.ok('employers.search', { exceptionalOnly: true, asOf: AS_OF })).items.map((e) => e.name)).toEqual(
      ['Logistiek Centrum De Polder'],
    );
  });
});

describe('vacancies', () => {
  it('derives open, vervuld and ingetrokken from the closing date and reason', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    await api.ok('vacancies.close', { id: f.cleaner, date: '2026-03-10', reason: 'expired' });
    // Closing on 10 March: still open on 2 March, ingetrokken from the 10th.
    expect((await api.ok('vacancies.get', { id: f.cleaner, asOf: AS_OF })).status).toBe('open');
    expect((await api.ok('vacancies.get', { id: f.cleaner, asOf: '2026-03-10' })).status).toBe('withdrawn');
    expect((await api.ok('vacancies.list', { asOf: AS_OF, status: 'open' })).items.map((v) => v.title).sort()).toEqual([
      'Heftruckchauffeur',
      'Schoonmaker',
    ]);
    expect((await api.ok('vacancies.list', { asOf: AS_OF, status: 'withdrawn' })).items.map((v) => v.id)).toEqual([
      f.closed,
    ]);
    expect(await api.fail('vacancies.update', { id: f.forklift, fields: { closed_date: '2026-03-01' } })).toMatchObject(
      { field: 'close_reason' },
    );
    expect(await api.fail('vacancies.close', { id: f.forklift, date: '2026-01-01', reason: 'filled' })).toMatchObject({
      field: 'date',
    });
  });

  it('keeps the VUM profile fields and checks them', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    await api.ok('vacancies.update', {
      id: f.forklift,
      fields: {
        source: 'uwv',
        work_thinking_level: '3',
        closing_date: '15-03-2026',
        contract_kind: 'learning_job',
        competences: 'Samenwerken; Nauwkeurig',
        banenafspraak: 'ja',
      },
    });
    const v = await api.ok('vacancies.get', { id: f.forklift, asOf: AS_OF });
    expect(v.record).toMatchObject({
      source: 'uwv',
      work_thinking_level: '3',
      closing_date: '2026-03-15',
      contract_kind: 'learning_job',
      competences: ['Nauwkeurig', 'Samenwerken'],
      banenafspraak: true,
      driving_licence: ['B'],
    });
    expect(v.banenafspraak).toBe(true);
    const bad = await api.fail('vacancies.update', {
      id: f.forklift,
      fields: { source: 'krant', postcode: '8300 SS' },
    });
    expect((bad.details?.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['postcode', 'source']);
    expect((await api.ok('vacancies.list', { asOf: AS_OF, banenafspraak: true })).items.map((v) => v.id)).toEqual([
      f.forklift,
    ]);
  });

  it('pages through vacancies newest first', async () => {
    const api = apiAs(tempStore());
    const e = await api.ok('employers.create', { name: 'Groothandel Flevo' });
    for (let i = 1; i <= 12; i++) {
      await api.ok('vacancies.create', {
        employerId: e.id,
        fields: { title: `Orderpicker ${i}`, opened_date: `2026-01-${String(i).padStart(2, '0')}` },
      });
    }
    const first = await api.ok('vacancies.list', { limit: 5 });
    const all = [...first.items];
    let after = first.next;
    while (after) {
      const page = await api.ok('vacancies.list', { limit: 5, after });
      all.push(...page.items);
      after = page.next;
    }
    expect(all.map((v) => v.title)).toEqual(Array.from({ length: 12 }, (_, i) => `Orderpicker ${12 - i}`));
  });

  it('gives the overview of all open vacancies for a client, best fitting first', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const o = await api.ok('vacancies.overviewForClient', { clientId: f.clients.bram, asOf: AS_OF });
    expect(o.client.name).toBe('Bram Visser');
    expect(o.accountManager).toBe('A. de Boer');
    // Schoonmaker in his own Urk: beroep 0 + niveau 15 (none asked) + uren 12 (16 of 20) + afstand 20 + rijbewijs 10 + beschikbaar 10.
    expect(o.items.map((v) => [v.title, v.score, v.fits])).toEqual([
      ['Schoonmaker', 67, true],
      ['Heftruckchauffeur', 60, true],
    ]);
  });
});
