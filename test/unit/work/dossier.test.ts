import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { bsnNo, buildFixture } from './fixture.js';

describe('caseload periods', () => {
  it('records an exit only with a reason, and a re-entry after it as a new period', async () => {
    const api = apiAs(tempStore());
    const { id } = await api.ok('clients.create', { last_name: 'Dijkstra', bsn: bsnNo(1, 3) });
    expect(
      await api.fail('clients.exit', { clientId: id, exit_date: '2026-02-01', exit_reason: 'moved' }),
    ).toMatchObject({ field: 'exit_date' });
    await api.ok('clients.intake', {
      clientId: id,
      intake_date: '2025-09-01',
      referrer: 'uwv',
      account_manager: 'A. de Boer',
    });
    expect(
      await api.fail('clients.intake', {
        clientId: id,
        intake_date: '2025-10-01',
        referrer: 'uwv',
        account_manager: 'A. de Boer',
      }),
    ).toMatchObject({ field: 'intake_date' });
    expect(await api.fail('clients.exit', { clientId: id, exit_date: '2026-02-01' } as never)).toMatchObject({
      code: 'invalid_input',
      field: 'exit_reason',
    });
    expect(
      await api.fail('clients.exit', { clientId: id, exit_date: '2025-08-01', exit_reason: 'moved' }),
    ).toMatchObject({ field: 'exit_date' });
    await api.ok('clients.exit', { clientId: id, exit_date: '01-02-2026', exit_reason: 'work_regular' });
    expect(
      await api.fail('clients.intake', {
        clientId: id,
        intake_date: '2026-01-15',
        referrer: 'self',
        account_manager: 'M. Visser',
      }),
    ).toMatchObject({ field: 'intake_date' });
    const again = await api.ok('clients.intake', {
      clientId: id,
      intake_date: '2026-04-01',
      referrer: 'self',
      account_manager: 'M. Visser',
    });
    const client = await api.ok('clients.get', { id });
    expect(client.periods.map((p) => [p.intake_date, p.exit_date, p.exit_reason, p.account_manager])).toEqual([
      ['2026-04-01', null, null, 'M. Visser'],
      ['2025-09-01', '2026-02-01', 'work_regular', 'A. de Boer'],
    ]);
    expect(client.periods[0]!.id).toBe(again.periodId);
  });

  it('flags clients under 27 and computes their age', async () => {
    const api = apiAs(tempStore());
    const year = Number(new Date().toISOString().slice(0, 4));
    const young = await api.ok('clients.create', { last_name: 'Jong', birth_date: `${year - 20}-01-01` });
    const older = await api.ok('clients.create', { last_name: 'Oud', birth_date: `${year - 40}-01-01` });
    expect(await api.ok('clients.get', { id: young.id })).toMatchObject({ under27: true, age: 20 });
    expect(await api.ok('clients.get', { id: older.id })).toMatchObject({ under27: false, age: 40 });
  });
});

describe('profile and need to know', () => {
  it('keeps the VUM profile and shows work limitations only to roles that guide the client', async () => {
    const store = tempStore();
    const km = apiAs(store, 'klantmanager');
    const wga = apiAs(store, 'werkgeversadviseur');
    const beheer = apiAs(store, 'beheerder');
    const { id } = await km.ok('clients.create', {
      last_name: 'Veenstra',
      work_thinking_level: '3',
      transport: ['bike', 'public_transport'],
      occupations_wanted: 'Productiemedewerker; Orderpicker',
      languages: ['nld', 'eng'],
      work_limitations: 'Niet zwaar tillen',
      banenafspraak_status: 'registered',
      banenafspraak_checked: '12-02-2026',
      target_groups: ['banenafspraak'],
      max_travel_km: '20',
    });
    const forKm = await km.ok('clients.get', { id });
    expect(forKm.record).toMatchObject({
      work_thinking_level: '3',
      transport: ['bike', 'public_transport'],
      occupations_wanted: ['Orderpicker', 'Productiemedewerker'],
      work_limitations: 'Niet zwaar tillen',
      banenafspraak_status: 'registered',
      banenafspraak_checked: '2026-02-12',
      max_travel_km: 20,
    });
    const forWga = await wga.ok('clients.get', { id });
    expect(forWga.record.work_limitations).toBeNull();
    expect(forWga.hiddenFields).toEqual(['work_limitations']);
    // A form that sends every field may send the hidden one empty; a value is refused.
    expect(await beheer.ok('clients.update', { id, fields: { city: 'Bant', work_limitations: '' } })).toMatchObject({
      changed: ['city'],
    });
    expect(await beheer.fail('clients.update', { id, fields: { work_limitations: 'iets' } })).toMatchObject({
      code: 'forbidden',
      field: 'work_limitations',
    });
    expect((await km.ok('clients.get', { id })).record.work_limitations).toBe('Niet zwaar tillen');
    expect(await km.fail('clients.update', { id, fields: { transport: ['teleport'] } })).toMatchObject({
      field: 'transport',
    });
  });

  it('shows the change history with who, laptop, old and new value, masked for the beheerder', async () => {
    const store = tempStore();
    const km = apiAs(store, 'klantmanager', 'U000001', 'A. de Boer');
    const { id } = await km.ok('clients.create', {
      last_name: 'Hoekstra',
      city: 'Ens',
      work_limitations: 'Rugklachten',
    });
    await km.ok('clients.update', { id, fields: { last_name: 'Hoekstra-Bos', city: 'Urk' } });
    const h = await km.ok('audit.history', { entity: 'client', id });
    const last = h.items.find((e) => e.field === 'last_name' && e.old !== null)!;
    expect(last).toMatchObject({
      label: 'Achternaam',
      old: 'Hoekstra',
      new: 'Hoekstra-Bos',
      user: 'U000001',
      device: store.device,
      deviceName: 'laptop',
    });
    expect(last.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const forBeheer = await apiAs(store, 'beheerder').ok('audit.history', { entity: 'client', id });
    expect(forBeheer.items.find((e) => e.field === 'last_name' && e.old !== null)).toMatchObject({
      old: '••••',
      new: '••••',
    });
    expect(forBeheer.items.find((e) => e.field === 'city' && e.old !== null)).toMatchObject({ old: 'Ens', new: 'Urk' });
    const forWga = await apiAs(store, 'werkgeversadviseur').ok('audit.history', { entity: 'client', id });
    expect(forWga.items.find((e) => e.field === 'work_limitations')).toMatchObject({ new: '••••' });
    expect(forWga.items.find((e) => e.field === 'last_name' && e.old !== null)).toMatchObject({ new: 'Hoekstra-Bos' });
    // Newest first, and paged.
    const p1 = await km.ok('audit.history', { entity: 'client', id, limit: 2 });
    const p2 = await km.ok('audit.history', { entity: 'client', id, limit: 100, after: p1.next });
    expect([...p1.items, ...p2.items].map((e) => e.seq)).toEqual(h.items.map((e) => e.seq));
    expect(h.items[0]!.hlc >= h.items[h.items.length - 1]!.hlc).toBe(true);
  });
});

describe('measures', () => {
  it('records a measure with its reason masked for roles without need to know', async () => {
    const store = tempStore();
    const km = apiAs(store);
    const { id } = await km.ok('clients.create', { last_name: 'Kuiper' });
    const m = await km.ok('measures.save', {
      clientId: id,
      date: '2026-02-01',
      kind: 'reduction',
      reason: 'Niet verschenen',
      end_date: '2026-04-30',
    });
    expect(
      await km.fail('measures.save', { clientId: id, date: '2026-02-01', kind: 'reduction', end_date: '2026-01-01' }),
    ).toMatchObject({ field: 'end_date' });
    expect((await km.ok('measures.list', { clientId: id })).items).toEqual([
      expect.objectContaining({ id: m.id, kind: 'reduction', reason: 'Niet verschenen' }),
    ]);
    expect((await apiAs(store, 'beheerder').ok('measures.list', { clientId: id })).items[0]!.reason).toBe('••••');
    expect(
      await apiAs(store, 'werkgeversadviseur').fail('measures.save', {
        clientId: id,
        date: '2026-02-01',
        kind: 'warning',
      }),
    ).toMatchObject({ code: 'forbidden' });
  });
});

describe('the dossier timeline', () => {
  it('puts contacts, activities, matches, placements, periods, measures and changes in one list, newest first', async () => {
    const store = tempStore();
    const api = apiAs(store);
    const f = await buildFixture(api);
    const id = f.clients.bram;
    await api.ok('contacts.create', {
      clientId: id,
      date: '2026-01-06',
      kind: 'meeting',
      summary: 'Intakegesprek',
      follow_up_date: '2026-01-20',
    });
    await api.ok('activities.create', {
      clientId: id,
      fields: {
        kind: 'job_application_training',
        provider: 'Sollicitatiepunt',
        start_date: '2026-01-12',
        end_date: '2026-02-06',
        outcome: 'Afgerond',
      },
    });
    await api.ok('measures.save', { clientId: id, date: '2026-01-20', kind: 'warning', reason: 'Te laat' });
    const m = await api.ok('matches.propose', { vacancyId: f.cleaner, clientId: id });
    await api.ok('matches.move', { id: m.id, status: 'interview', date: '2026-02-20' });
    await api.ok('placements.create', {
      matchId: m.id,
      fields: { kind: 'trial', start_date: '2026-03-01', end_date: '2026-03-31' },
    });
    await api.ok('clients.exit', { clientId: id, exit_date: '2026-04-01', exit_reason: 'work_regular' });
    const t = await api.ok('dossier.timeline', { clientId: id, limit: 200 });
    const plain = t.items.filter((i) => i.kind !== 'change').map((i) => `${i.date} ${i.kind} ${i.title}`);
    // Within one day: placement above match above contacts; the three planned nazorg contacts of
    // that day come in id order, so compare them as a set.
    expect(plain.slice(0, 3)).toEqual([
      '2026-04-01 exit Uitstroom: Niet-gesubsidieerd werk',
      '2026-03-01 placement Geplaatst bij Schoonmaakdiensten Urk',
      '2026-03-01 match Voordracht aangenomen: Schoonmaker',
    ]);
    expect(plain.slice(3, 6).sort()).toEqual([
      '2026-03-01 contact Nazorg gepland op 01-04-2026',
      '2026-03-01 contact Nazorg gepland op 01-06-2026',
      '2026-03-01 contact Nazorg gepland op 08-03-2026',
    ]);
    expect(plain.slice(6)).toEqual([
      '2026-01-20 measure Maatregel: Waarschuwing',
      '2026-01-12 activity Sollicitatietraining gestart',
      '2026-01-06 contact Contact: Gesprek',
      '2026-01-05 intake Instroom in de caseload',
    ]);
    expect(t.items.find((i) => i.kind === 'contact' && i.date === '2026-01-06')!.detail).toBe(
      'Intakegesprek · vervolg 20-01-2026',
    );
    const changes = t.items.filter((i) => i.kind === 'change');
    expect(changes.some((c) => c.title === 'Klant geregistreerd')).toBe(true);
    // Paging in small steps gives the same list.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string; kind: string }[]; next: string | null } = await api.ok('dossier.timeline', {
        clientId: id,
        limit: 3,
        after,
      });
      seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
      after = page.next;
    } while (after);
    expect(seen).toEqual(t.items.map((i) => `${i.kind}:${i.id}`));
    const onlyContacts = await api.ok('dossier.timeline', { clientId: id, kinds: ['contact'] });
    expect(onlyContacts.items.every((i) => i.kind === 'contact')).toBe(true);
    // A delivery of the placement to GWS4all (exports module) shows up too.
    store.write('export', (w) =>
      w.create(
        'export_delivery',
        {
          ref: 'gws:x',
          target: 'gws',
          entity: 'placement',
          record_id: store.db.prepare('SELECT id FROM placements WHERE client_id = ?').pluck().get(id) as string,
          delivered_at: '2026-03-03T09:00:00.000Z',
          method: 'batch',
          batch: 'B-7',
        },
        'gws.placement.x',
      ),
    );
    const exports = (await api.ok('dossier.timeline', { clientId: id, kinds: ['export'] })).items;
    expect(exports.map((i) => [i.date, i.title, i.detail])).toEqual([
      ['2026-03-03', 'Geleverd aan GWS4all: Plaatsing', 'batch B-7'],
    ]);
  });
});
