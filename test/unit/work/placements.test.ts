import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../db/journal/verify.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { buildFixture } from './fixture.js';

describe('the matches pipeline', () => {
  it('moves a proposal through gesprek and back, refuses skipping to aangenomen and duplicates', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const m = await api.ok('matches.propose', { vacancyId: f.forklift, clientId: f.clients.bram, note: 'Wil graag' });
    expect(m.score).toBe(60);
    expect(await api.fail('matches.propose', { vacancyId: f.forklift, clientId: f.clients.bram })).toMatchObject({
      code: 'duplicate',
      details: { id: m.id },
    });
    expect(await api.fail('matches.move', { id: m.id, status: 'hired' })).toMatchObject({
      code: 'use_placement',
      field: 'status',
    });
    await api.ok('matches.move', { id: m.id, status: 'interview', date: '2026-03-03' });
    await api.ok('matches.move', { id: m.id, status: 'rejected', date: '2026-03-05', note: 'Geen rijbewijs' });
    expect(await api.fail('matches.move', { id: m.id, status: 'interview' })).toMatchObject({ code: 'invalid_input' });
    await api.ok('matches.move', { id: m.id, status: 'proposed' });
    const pipeline = await api.ok('matches.list', { vacancyId: f.forklift });
    expect(pipeline.items).toEqual([
      expect.objectContaining({
        client: 'Bram Visser',
        status: 'proposed',
        note: 'Geen rijbewijs',
        vacancy: 'Heftruckchauffeur',
      }),
    ]);
  });

  it('refuses proposals for a closed vacancy', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    expect(await api.fail('matches.propose', { vacancyId: f.closed, clientId: f.clients.anna })).toMatchObject({
      field: 'vacancyId',
    });
  });
});

describe('starting a placement from a match', () => {
  it('hires the candidate, fills the vacancy and plans nazorg after 1 week, 1 month and 3 months', async () => {
    const store = tempStore();
    const api = apiAs(store);
    const f = await buildFixture(api);
    const m = await api.ok('matches.propose', { vacancyId: f.forklift, clientId: f.clients.anna });
    const p = await api.ok('placements.create', {
      matchId: m.id,
      fields: {
        kind: 'subsidized',
        start_date: '2026-01-31',
        hours_per_week: '32',
        job_coach: 'J. Coach',
        wage_value: '70',
      },
    });
    expect(p).toMatchObject({ matchId: m.id, vacancyClosed: true });
    expect((await api.ok('matches.list', { clientId: f.clients.anna })).items[0]).toMatchObject({ status: 'hired' });
    const vacancy = await api.ok('vacancies.get', { id: f.forklift, asOf: '2026-03-02' });
    expect(vacancy).toMatchObject({ status: 'filled', closed_date: '2026-02-01', placed: 1 });
    const placement = (await api.ok('placements.list', { clientId: f.clients.anna })).items[0]!;
    expect(placement).toMatchObject({
      kind: 'subsidized',
      wage_subsidy: true,
      wage_value: 70,
      employer: 'Logistiek Centrum De Polder',
      vacancy: 'Heftruckchauffeur',
    });
    const contacts = (await api.ok('contacts.list', { clientId: f.clients.anna })).items.filter(
      (c) => c.purpose === 'nazorg',
    );
    // 31 January + 1 month is the last day of February.
    expect(contacts.map((c) => c.follow_up_date).sort()).toEqual(['2026-02-07', '2026-02-28', '2026-04-30']);
    expect(contacts.every((c) => c.placementId === p.id && c.date === '2026-01-31' && c.follow_up_done === null)).toBe(
      true,
    );
    expect(verifyJournal(store)).toEqual([]);
  });

  it('hires an open proposal also when the placement is registered on the vacancy directly', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    await api.ok('matches.propose', { vacancyId: f.cleaner, clientId: f.clients.chloe });
    await api.ok('placements.create', {
      clientId: f.clients.chloe,
      vacancyId: f.cleaner,
      fields: { kind: 'trial', start_date: '2026-03-01' },
    });
    expect((await api.ok('matches.list', { vacancyId: f.cleaner })).items[0]!.status).toBe('hired');
    expect(
      await api.fail('placements.create', {
        clientId: f.clients.chloe,
        vacancyId: f.cleaner,
        employerId: f.employerId,
        fields: { kind: 'trial', start_date: '2026-03-01' },
      }),
    ).toMatchObject({ field: 'employerId' });
  });

  it('keeps a vacancy with two positions open after the first placement', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    await api.ok('vacancies.update', { id: f.cleaner, fields: { positions: '2' } });
    const r = await api.ok('placements.create', {
      clientId: f.clients.chloe,
      vacancyId: f.cleaner,
      fields: { kind: 'regular', start_date: '2026-03-01' },
    });
    expect(r.vacancyClosed).toBe(false);
    expect((await api.ok('vacancies.get', { id: f.cleaner, asOf: '2026-03-02' })).status).toBe('open');
  });

  it('moves open nazorg with a new start date, and removes it with the placement', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const m = await api.ok('matches.propose', { vacancyId: f.forklift, clientId: f.clients.daan });
    const p = await api.ok('placements.create', {
      matchId: m.id,
      fields: { kind: 'regular', start_date: '2026-03-02' },
    });
    const nazorg = async () =>
      (await api.ok('contacts.list', { clientId: f.clients.daan })).items.filter((c) => c.purpose === 'nazorg');
    await api.ok('contacts.markDone', { id: p.nazorg[0]!, date: '2026-03-09' });
    await api.ok('placements.update', { id: p.id, fields: { start_date: '2026-03-16' } });
    expect((await nazorg()).map((c) => [c.follow_up_date, c.follow_up_done]).sort()).toEqual([
      ['2026-03-09', '2026-03-09'],
      ['2026-04-16', null],
      ['2026-06-16', null],
    ]);
    await api.ok('placements.remove', { id: p.id });
    expect((await nazorg()).map((c) => c.follow_up_done)).toEqual(['2026-03-09']);
    expect((await api.ok('matches.list', { clientId: f.clients.daan })).items[0]!.status).toBe('interview');
  });

  it('refuses a placement that ends before it starts, naming the field, and writes nothing', async () => {
    const store = tempStore();
    const api = apiAs(store);
    const f = await buildFixture(api);
    const before = store.db.prepare('SELECT count(*) FROM journal').pluck().get();
    const m = await api.ok('matches.propose', { vacancyId: f.forklift, clientId: f.clients.anna });
    const after = store.db.prepare('SELECT count(*) FROM journal').pluck().get();
    expect(
      await api.fail('placements.create', {
        matchId: m.id,
        fields: { kind: 'regular', start_date: '2026-03-10', end_date: '2026-03-01' },
      }),
    ).toMatchObject({ field: 'end_date' });
    expect(
      await api.fail('placements.create', { matchId: m.id, fields: { kind: 'payroll', start_date: '2026-03-10' } }),
    ).toMatchObject({ field: 'kind' });
    expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(after);
    expect(after).toBeGreaterThan(before as number);
    expect((await api.ok('matches.list', { clientId: f.clients.anna })).items[0]!.status).toBe('proposed');
  });
});
