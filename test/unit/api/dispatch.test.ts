import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import { bsnFrom, tempStore } from '../helpers.js';

describe('contract dispatcher', () => {
  it('validates input against the contract and names the field', async () => {
    const api = createApi(tempStore());
    const r = await api.call('clients.search', { query: 3 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'query' } });
    expect(await api.call('clients.delete-everything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('returns every field error of a new client in Dutch', async () => {
    const api = createApi(tempStore());
    const r = await api.call('clients.create', { bsn: '123456789', postcode: '83O2 AB', email: 'geen-mail' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('bsn');
    expect((r.error.details?.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'bsn',
      'email',
      'last_name',
      'postcode',
    ]);
  });

  it('opens the existing client instead of registering a BSN twice', async () => {
    const api = createApi(tempStore());
    const bsn = bsnFrom('40000004');
    const first = await api.call('clients.create', { last_name: 'Jansen', bsn });
    expect(first.ok).toBe(true);
    const again = await api.call('clients.create', { last_name: 'Janssen', bsn });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'duplicate_bsn', field: 'bsn', details: { id: (first as { value: { id: string } }).value.id } },
    });
  });

  it('lets only the roles of a method call it', async () => {
    const api = createApi(tempStore(), { user: 'wga', name: 'Werkgeversadviseur', role: 'werkgeversadviseur' });
    expect(await api.call('clients.create', { last_name: 'Jansen' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await api.call('clients.search', {})).ok).toBe(true);
  });

  it('tells listeners that data changed after a write', async () => {
    const api = createApi(tempStore());
    const events: unknown[] = [];
    api.on('data.changed', (p) => events.push(p));
    await api.call('clients.create', { last_name: 'Jansen' });
    expect(events).toHaveLength(1);
  });

  it('reports an empty store on first start and not after demo data', async () => {
    const api = createApi(tempStore());
    expect(await api.call('app.info', {})).toMatchObject({ ok: true, value: { empty: true } });
    expect((await api.call('demo.load', { clients: 20 })).ok).toBe(true);
    expect(await api.call('app.info', {})).toMatchObject({
      ok: true,
      value: { empty: false, counts: { clients: 20 } },
    });
  });
});
