// The app's own person (issue 12): whoever creates a team in the app becomes its first user, a
// beheerder without a passphrase yet; the app asks for one before anything else, also after a
// restart, and from then on starts at the sign-in screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { createApi } from '../../../db/api/dispatch.js';
import { appSession } from '../../../db/api/session.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { tempDir } from '../helpers.js';

describe("the app's own person", () => {
  it('makes the team creator a beheerder who must choose a passphrase, then signs in like everyone', async () => {
    const dir = tempDir();
    const folder = join(dir, 'gedeeld');
    mkdirSync(folder);
    const file = join(dir, 'caseload.sqlite');
    let store = Store.open(file);
    const keyStore = new MemoryKeyStore();
    const start = appSession(store, 'anja');
    expect(start).toEqual({ user: 'anja', name: 'anja', role: 'beheerder' });
    const api = createApi(store, start, { transport: 'app', keyStore });
    const setup = await api.call('sync.setup', { folder, mode: 'create', passphrase: 'team-wachtwoord-2026' });
    expect(setup.ok).toBe(true);
    expect(api.session).toMatchObject({ name: 'anja', role: 'beheerder', mustChangePassphrase: true });
    expect(await api.call('clients.search', {})).toMatchObject({ error: { code: 'passphrase_change' } });
    expect(await api.call('app.info', {})).toMatchObject({ value: { mustChangePassphrase: true, hasUsers: true } });
    store.close();

    // Closed before choosing one: the next start asks again (this laptop's own user, no passphrase).
    store = Store.open(file);
    const again = appSession(store, 'anja');
    expect(again).toMatchObject({ role: 'beheerder', mustChangePassphrase: true });
    const api2 = createApi(store, again, { transport: 'app', keyStore });
    expect((await api2.call('session.setPassphrase', { passphrase: 'anja-kiest-een-zin' })).ok).toBe(true);
    expect((await api2.call('clients.search', {})).ok).toBe(true);
    store.close();

    // From now on: the sign-in screen, and her passphrase opens it.
    store = Store.open(file);
    expect(appSession(store, 'anja')).toBeNull();
    const api3 = createApi(store, null, { transport: 'app', keyStore });
    const users = await api3.call('session.users', {});
    const id = users.ok ? (users.value as { items: { id: string }[] }).items[0]!.id : '';
    expect(await api3.call('session.switch', { user: id, pin: 'anja-kiest-een-zin' })).toMatchObject({
      ok: true,
      value: { role: 'beheerder' },
    });
    store.close();
  });
});
