// The entry assistant through the contract (the same calls the Export screen makes): the queue
// "nog in te voeren", the panel in the target's screen order, "ingevoerd" with the target's id,
// and a record changed after entry that names the fields to update.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { type Session } from '../../../db/model/roles.js';
import type { Output } from '../../../db/api/contract.js';
import { shippedProfiles } from '../../../db/exchange/export/profiles.js';
import { tempStore } from '../helpers.js';
import { seedCaseload, update } from './fixture.js';

const KLANTMANAGER: Session = { user: 'mvisser', name: 'M. Visser', role: 'klantmanager' };

async function call<T>(api: ReturnType<typeof createApi>, method: string, input: unknown): Promise<T> {
  const r = await api.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

describe('entry assistant', () => {
  it('queues what still has to be typed into GWS4all, with counts per account manager', async () => {
    const store = tempStore();
    seedCaseload(store);
    const api = createApi(store, KLANTMANAGER);
    const queue = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'gws' });
    expect(queue.byKind).toEqual([
      { kind: 'clients', count: 2 },
      { kind: 'activities', count: 1 },
      { kind: 'placements', count: 1 },
      { kind: 'exits', count: 1 },
    ]);
    expect(queue.byOwner).toEqual([
      { owner: 'S. Kramer', count: 3 },
      { owner: 'M. Visser', count: 2 },
    ]);
    const mine = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'gws', owner: 'M. Visser' });
    expect(mine.items.map((i) => [i.kind, i.ref, i.status])).toEqual([
      ['clients', 'K000001', 'new'],
      ['activities', 'A000001', 'new'],
    ]);
  });

  it('shows a vacancy in WBS screen order with formatted values, and takes it off the queue once entered', async () => {
    const store = tempStore();
    seedCaseload(store);
    const api = createApi(store, KLANTMANAGER);
    const queue = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'wbs', kind: 'vacancies' });
    const item = queue.items.find((i) => i.ref === 'V000001')!;
    const panel = await call<Output<'exports.entry'>>(api, 'exports.entry', {
      target: 'wbs',
      kind: 'vacancies',
      id: item.id,
    });
    const profile = shippedProfiles().find((p) => p.id === 'wbs-vacatures')!;
    expect(panel.fields.map((f) => f.label)).toEqual(profile.columns.map((c) => c.label));
    const value = (label: string) => panel.fields.find((f) => f.label === label)!.value;
    expect(value('Vacaturetitel')).toBe('Productiemedewerker bakkerij');
    expect(value('Banenafspraak (LDR)')).toBe('Ja');
    expect(value('KvK-nummer')).toBe('12345678');
    expect(panel).toMatchObject({ status: 'new', targetIdLabel: 'WBS-vacaturenummer', targetId: null });

    const entered = await call<Output<'exports.markEntered'>>(api, 'exports.markEntered', {
      target: 'wbs',
      kind: 'vacancies',
      id: item.id,
      targetId: ' 4471234 ',
    });
    expect(entered.targetId).toBe('4471234');
    const after = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'wbs', kind: 'vacancies' });
    expect(after.items.map((i) => i.ref)).toEqual(['V000002']);
    const again = await call<Output<'exports.entry'>>(api, 'exports.entry', {
      target: 'wbs',
      kind: 'vacancies',
      id: item.id,
    });
    expect(again).toMatchObject({ status: 'unchanged', targetId: '4471234' });
    expect(again.fields.find((f) => f.id === 'target_id')!.value).toBe('4471234');
  });

  it('after a change shows which fields to update in the target, and keeps the target id', async () => {
    const store = tempStore();
    seedCaseload(store);
    const api = createApi(store, KLANTMANAGER);
    const { items } = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'gws', kind: 'clients' });
    const anna = items.find((i) => i.ref === 'K000001')!;
    await call(api, 'exports.markEntered', { target: 'gws', kind: 'clients', id: anna.id, targetId: 'GWS-88123' });
    update(store, 'clients', { ref: 'K000001', street: 'Kampwal', house_number: '7' });
    const { items: changed } = await call<Output<'exports.queue'>>(api, 'exports.queue', {
      target: 'gws',
      kind: 'clients',
    });
    expect(changed.find((i) => i.ref === 'K000001')).toMatchObject({
      status: 'changed',
      changed: ['Straat', 'Huisnummer'],
      targetId: 'GWS-88123',
    });
    const panel = await call<Output<'exports.entry'>>(api, 'exports.entry', {
      target: 'gws',
      kind: 'clients',
      id: anna.id,
    });
    expect(panel.fields.filter((f) => f.changed).map((f) => [f.label, f.value])).toEqual([
      ['Straat', 'Kampwal'],
      ['Huisnummer', '7'],
    ]);
    const status = await call<Output<'exports.recordStatus'>>(api, 'exports.recordStatus', {
      kind: 'clients',
      id: anna.id,
    });
    expect(status.map((s) => [s.target, s.status, s.targetId, s.changed])).toEqual([
      ['gws', 'changed', 'GWS-88123', ['Straat', 'Huisnummer']],
    ]);
    // The GWS client number now also reaches the client's activities.
    const act = (await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'gws', kind: 'activities' }))
      .items[0]!;
    const actPanel = await call<Output<'exports.entry'>>(api, 'exports.entry', {
      target: 'gws',
      kind: 'activities',
      id: act.id,
    });
    expect(actPanel.fields[0]).toMatchObject({ label: 'GWS-klantnummer', value: 'GWS-88123' });
  });

  it('a batch export and the entry assistant share one delivery state', async () => {
    const store = tempStore();
    seedCaseload(store);
    const api = createApi(store, KLANTMANAGER);
    const { items } = await call<Output<'exports.queue'>>(api, 'exports.queue', { target: 'wbs' });
    for (const i of items.filter((x) => x.kind === 'employers'))
      await call(api, 'exports.markEntered', { target: 'wbs', kind: i.kind, id: i.id });
    const overview = await call<Output<'exports.overview'>>(api, 'exports.overview', {});
    const wbs = overview.targets.find((t) => t.target === 'wbs')!;
    expect(wbs.parts.map((p) => [p.kind, p.due, p.unchanged])).toEqual([
      ['vacancies', 2, 0],
      ['employers', 0, 2],
    ]);
  });
});
