// BSN masking that means something (issue 12): clients.get gives the full BSN only to the roles
// that need it (BSN_ROLES in db/model/access.ts), a BSN lookup is refused to the others, and every
// read of a client's file and every BSN lookup is in the audit log - pseudonymized, never the BSN.
import { describe, expect, it } from 'vitest';
import { auditPseudonym, createApi as rawApi } from '../../../db/api/dispatch.js';
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import type { Result } from '../../../db/model/errors.js';
import type { Session } from '../../../db/model/roles.js';
import type { Store } from '../../../db/journal/store.js';

/** The dispatcher with typed results. */
function createApi(store: Store, session: Session) {
  const api = rawApi(store, session);
  return {
    call: async <M extends MethodName>(method: M, input: Input<M>) =>
      (await api.call(method, input)) as Result<Output<M>>,
  };
}
import { ROLES, type Role } from '../../../db/model/roles.js';
import { bsnFrom, tempStore } from '../helpers.js';

const BSN = bsnFrom('30000003');
const FULL: Role[] = ['klantmanager', 'trajectmanager', 'beheerder'];

describe('the BSN', () => {
  it('goes in full only to roles that need it; the others see the masked form and cannot look it up', async () => {
    const store = tempStore();
    const as = (role: Role) => createApi(store, { user: `u-${role}`, name: role, role });
    const created = await as('klantmanager').call('clients.create', { last_name: 'Visser', bsn: BSN });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    for (const role of ROLES) {
      const api = as(role);
      const got = await api.call('clients.get', { id });
      expect(got.ok, role).toBe(true);
      const bsn = got.ok ? got.value.record.bsn : null;
      if (FULL.includes(role)) expect(bsn, role).toBe(BSN);
      else expect(bsn, role).toBe(`******${BSN.slice(-3)}`);
      const lookup = await api.call('clients.byBsn', { bsn: BSN });
      const search = await api.call('clients.search', { query: BSN });
      const records = await api.call('search.records', { query: BSN });
      if (FULL.includes(role)) {
        expect(lookup, role).toEqual({ ok: true, value: { id } });
        expect(search.ok && search.value.items.map((c) => c.id)).toEqual([id]);
        expect(records.ok && records.value.items.map((c) => c.id)).toEqual([id]);
      } else
        for (const r of [lookup, search, records])
          expect(r, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('keeps the BSN when a role that saw it masked saves the form back', async () => {
    const store = tempStore();
    const km = createApi(store, { user: 'km', name: 'km', role: 'klantmanager' });
    const mgr = createApi(store, { user: 'mgr', name: 'mgr', role: 'manager' });
    const c = await km.call('clients.create', { last_name: 'Visser', bsn: BSN });
    const id = c.ok ? c.value.id : '';
    const shown = await mgr.call('clients.get', { id });
    const masked = shown.ok ? (shown.value.record.bsn as string) : '';
    expect((await mgr.call('clients.update', { id, fields: { bsn: masked, city: 'Urk' } })).ok).toBe(true);
    expect(store.db.prepare('SELECT bsn, city FROM clients WHERE id = ?').get(id)).toEqual({ bsn: BSN, city: 'Urk' });
  });

  it('logs every read of a client file and every BSN lookup, pseudonymized and without the BSN', async () => {
    const store = tempStore();
    const km = createApi(store, { user: 'km', name: 'km', role: 'klantmanager' });
    const wa = createApi(store, { user: 'wa', name: 'wa', role: 'werkgeversadviseur' });
    const c = await km.call('clients.create', { last_name: 'Visser', bsn: BSN });
    const id = c.ok ? c.value.id : '';
    const from = store.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    await km.call('clients.get', { id });
    await km.call('dossier.timeline', { clientId: id });
    await km.call('clients.byBsn', { bsn: BSN });
    await km.call('clients.search', { query: BSN });
    await km.call('clients.search', { query: 'Visser' }); // not a BSN lookup: not logged
    await wa.call('clients.get', { id });
    await wa.call('clients.byBsn', { bsn: BSN });
    const entries = store.db
      .prepare('SELECT actor, action, object, result FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(from);
    const who = auditPseudonym(id);
    expect(entries).toEqual([
      { actor: 'km', action: 'clients.get', object: who, result: 'ok' },
      { actor: 'km', action: 'dossier.timeline', object: who, result: 'ok' },
      { actor: 'km', action: 'clients.byBsn', object: who, result: 'ok' },
      { actor: 'km', action: 'clients.search', object: who, result: 'ok' },
      { actor: 'wa', action: 'clients.get', object: who, result: 'ok' },
      { actor: 'wa', action: 'clients.byBsn', object: null, result: 'refused' },
    ]);
    const everything = JSON.stringify(store.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain(BSN);
    expect(everything).not.toContain('Visser');
    expect(everything).not.toContain(id);
  });
});
