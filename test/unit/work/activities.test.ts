import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../db/journal/verify.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';

describe('activities', () => {
  it('registers, changes, lists and removes activities, with end dates inclusive', async () => {
    const store = tempStore();
    const tm = apiAs(store, 'trajectmanager', 'U000004', 'R. Hoekstra');
    const { id: client } = await tm.ok('clients.create', {
      last_name: 'Brouwer',
      intake_date: '2026-01-05',
      referrer: 'social_team',
    });
    const four = await tm.ok('activities.create', {
      clientId: client,
      fields: {
        kind: 'intake_programme',
        provider: 'Werkcorporatie',
        start_date: '05-01-2026',
        end_date: '30-01-2026',
      },
    });
    const roc = await tm.ok('activities.create', {
      clientId: client,
      fields: { kind: 'training_course', provider: 'ROC Friese Poort', start_date: '2026-02-02' },
    });
    expect(
      await tm.fail('activities.create', { clientId: client, fields: { kind: 'yoga', start_date: '2026-02-02' } }),
    ).toMatchObject({ field: 'kind' });
    expect(
      await tm.fail('activities.create', {
        clientId: client,
        fields: { kind: 'job_coaching', start_date: '2026-03-01', end_date: '2026-02-01' },
      }),
    ).toMatchObject({ field: 'end_date' });
    expect(await tm.fail('activities.create', { clientId: client, fields: { kind: 'job_coaching' } })).toMatchObject({
      field: 'start_date',
    });
    // Running on 30 January (its last day), not on the 31st.
    expect((await tm.ok('activities.list', { activeOn: '2026-01-30' })).items.map((a) => a.id)).toEqual([four.id]);
    expect((await tm.ok('activities.list', { activeOn: '2026-01-31' })).items).toEqual([]);
    expect(
      (await tm.ok('activities.list', { kind: 'training_course' })).items.map((a) => [a.provider, a.client]),
    ).toEqual([['ROC Friese Poort', 'Brouwer']]);
    await tm.ok('activities.update', {
      id: roc.id,
      fields: { end_date: '2026-04-30', outcome: 'Certificaat heftruck behaald' },
    });
    expect(await tm.fail('activities.update', { id: roc.id, fields: { end_date: '2026-01-01' } })).toMatchObject({
      field: 'end_date',
    });
    const list = await tm.ok('activities.list', { clientId: client, asOf: '2026-03-01' });
    expect(list.items.map((a) => [a.kind, a.end_date, a.outcome, a.active])).toEqual([
      ['training_course', '2026-04-30', 'Certificaat heftruck behaald', true],
      ['intake_programme', '2026-01-30', null, false],
    ]);
    await tm.ok('activities.remove', { id: four.id });
    expect((await tm.ok('activities.list', { clientId: client })).items.map((a) => a.id)).toEqual([roc.id]);
    expect(
      await apiAs(store, 'werkgeversadviseur').fail('activities.create', {
        clientId: client,
        fields: { kind: 'job_coaching', start_date: '2026-03-01' },
      }),
    ).toMatchObject({ code: 'forbidden' });
    expect(verifyJournal(store)).toEqual([]);
  });

  it('pages a long activity list without repeats', async () => {
    const api = apiAs(tempStore());
    const { id } = await api.ok('clients.create', { last_name: 'Lang' });
    for (let d = 1; d <= 9; d++)
      await api.ok('activities.create', { clientId: id, fields: { kind: 'other', start_date: `2026-01-0${d}` } });
    const a = await api.ok('activities.list', { clientId: id, limit: 4 });
    const b = await api.ok('activities.list', { clientId: id, limit: 4, after: a.next });
    const c = await api.ok('activities.list', { clientId: id, limit: 4, after: b.next });
    expect([...a.items, ...b.items, ...c.items].map((x) => x.start_date)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2026-01-0${9 - i}`),
    );
    expect(c.next).toBeNull();
  });
});

describe('contacts', () => {
  it('keeps the contact log of an employer, corrects and removes entries', async () => {
    const store = tempStore();
    const wga = apiAs(store, 'werkgeversadviseur', 'U000003', 'S. Kramer');
    const e = await wga.ok('employers.create', { name: 'Installatietechniek Bant' });
    const c1 = await wga.ok('contacts.create', {
      employerId: e.id,
      date: '2026-02-02',
      kind: 'visit',
      summary: 'Rondleiding',
      follow_up_date: '2026-03-02',
    });
    await wga.ok('contacts.create', { employerId: e.id, date: '2026-02-20', kind: 'phone' });
    expect(await wga.fail('contacts.create', { date: '2026-02-20', kind: 'phone' })).toMatchObject({
      field: 'clientId',
    });
    expect(
      await wga.fail('contacts.create', {
        employerId: e.id,
        date: '2026-02-20',
        kind: 'phone',
        follow_up_date: '2026-02-01',
      }),
    ).toMatchObject({ field: 'follow_up_date' });
    const log = await wga.ok('contacts.list', { employerId: e.id });
    expect(log.items.map((c) => [c.date, c.kind, c.by])).toEqual([
      ['2026-02-20', 'phone', 'S. Kramer'],
      ['2026-02-02', 'visit', 'S. Kramer'],
    ]);
    await wga.ok('contacts.update', {
      id: c1.id,
      fields: { summary: 'Rondleiding en kennismaking', follow_up_date: '' },
    });
    expect((await wga.ok('contacts.list', { employerId: e.id })).items[1]).toMatchObject({
      summary: 'Rondleiding en kennismaking',
      follow_up_date: null,
    });
    expect(await wga.fail('contacts.markDone', { id: c1.id })).toMatchObject({ field: 'id' });
    await wga.ok('contacts.remove', { id: c1.id });
    expect((await wga.ok('contacts.list', { employerId: e.id })).items).toHaveLength(1);
    expect(verifyJournal(store)).toEqual([]);
  });
});
