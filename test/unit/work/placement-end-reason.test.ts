// Why a placement ended: a code next to the end date, checked against its list, kept in the
// placement's history and shown in the lists.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { buildFixture } from './fixture.js';

describe('the end reason of a placement', () => {
  it('is recorded with the end date and refused when it is not a known reason', async () => {
    const store = tempStore();
    const api = apiAs(store);
    const f = await buildFixture(api);
    const p = await api.ok('placements.create', {
      clientId: f.clients.anna,
      employerId: f.employerId,
      fields: { kind: 'trial', start_date: '2026-02-01' },
    });
    const bad = await api.fail('placements.update', {
      id: p.id,
      fields: { end_date: '28-02-2026', end_reason: 'verveeld' },
    });
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'end_reason' });
    await api.ok('placements.update', { id: p.id, fields: { end_date: '28-02-2026', end_reason: 'trial_failed' } });
    const list = await api.ok('placements.list', { clientId: f.clients.anna, view: { status: 'ended' } });
    expect(list.items).toEqual([expect.objectContaining({ end_date: '2026-02-28', end_reason: 'trial_failed' })]);
    const history = await api.ok('audit.history', { entity: 'placement', id: p.id });
    expect(history.items.find((h) => h.field === 'end_reason')).toMatchObject({
      label: 'Reden einde',
      new: 'trial_failed',
    });
  });
});
