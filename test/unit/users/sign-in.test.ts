// Sign-in per user (issue 12): passphrases that resist offline guessing of the synced hashes,
// scrypt parameters at current guidance and bounds-checked when read, and a lockout kept in the
// database - closing and reopening the app does not reset it. A real SQLite file, the real
// dispatcher, an injected clock.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { createApi } from '../../../db/api/dispatch.js';
import { appSession } from '../../../db/api/session.js';
import { KDF, hashPassphrase, parseHash, verifyPassphrase } from '../../../db/users/password.js';
import { lockMs } from '../../../db/users/sign-in.js';
import { tempDir } from '../helpers.js';

const BEHEER = { user: 'beheer', name: 'Beheer', role: 'beheerder' as const };

async function withUsers(file: string, now: () => number) {
  const store = Store.open(file, { now });
  const api = createApi(store, BEHEER);
  const made: { id: string; ref: string }[] = [];
  for (const u of [
    { display_name: 'Beheer Gemeente', role: 'beheerder', pin: 'beheer-polder-2026' },
    { display_name: 'Sanne Kramer', role: 'trajectmanager', pin: 'trajecten-op-maat' },
  ] as const) {
    const r = await api.call('users.create', u);
    if (!r.ok) throw new Error(r.error.message);
    made.push(r.value as { id: string; ref: string });
  }
  return { store, admin: made[0]!, sanne: made[1]! };
}

describe('sign-in', () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and a salt per user, in about a second at most', async () => {
    const t0 = performance.now();
    const a = await hashPassphrase('tulpen-in-emmeloord');
    const ms = performance.now() - t0;
    const b = await hashPassphrase('tulpen-in-emmeloord');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(KDF).toEqual({ N: 131072, r: 8, p: 1 });
    expect(await verifyPassphrase('tulpen-in-emmeloord', a)).toBe(true);
    expect(await verifyPassphrase('tulpen-in-emmeloorD', a)).toBe(false);
    console.log(`scrypt N=2^17 r=8 p=1: ${ms.toFixed(0)} ms per hash on this machine`);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses hashes whose parameters are out of bounds before deriving anything', async () => {
    const good = await hashPassphrase('tulpen-in-emmeloord');
    const [, , r, p, salt, hash] = good.split('$');
    const forged = (n: string, rr = r!, pp = p!, s = salt!, h = hash!) => ['scrypt', n, rr, pp, s, h].join('$');
    // A huge N from a hostile laptop (users sync) would exhaust memory: refused unread.
    for (const bad of [
      forged(String(2 ** 30)),
      forged(String(2 ** 19)),
      forged('1000'),
      forged('1024'),
      forged('131072', '64'),
      forged('131072', '8', '16'),
      forged('131072', '8', '1', ''),
      forged('131072', '8', '1', salt!, 'AAAA'),
      forged('1e6'),
      'plain',
      '',
    ])
      expect(parseHash(bad), bad.slice(0, 40)).toBeNull();
    const t0 = performance.now();
    expect(await verifyPassphrase('tulpen-in-emmeloord', forged(String(2 ** 30)))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
    // Hashes of the old parameters (N=2^14) stay readable, so people can sign in and replace them.
    expect(parseHash(forged('16384'))).not.toBeNull();
  });

  it('locks a user after five wrong passphrases, longer each time, and keeps the lock across a restart', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    let now = Date.UTC(2026, 0, 5, 9);
    const clock = () => now;
    const first = await withUsers(file, clock);
    const { sanne } = first;
    const api = createApi(first.store, null);
    for (let i = 0; i < 5; i++)
      expect(await api.call('session.switch', { user: sanne.id, pin: `fout-wachtwoord-${i}` })).toMatchObject({
        ok: false,
        error: { code: 'wrong_pin' },
      });
    first.store.close();

    // The app is closed and opened again: still locked, even with the right passphrase.
    const store = Store.open(file, { now: clock });
    const again = createApi(store, null);
    expect(await again.call('session.switch', { user: sanne.id, pin: 'trajecten-op-maat' })).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('1 minuut') },
    });
    now += 61_000;
    // One more wrong one: locked for two minutes now.
    expect(await again.call('session.switch', { user: sanne.id, pin: 'nog-steeds-fout' })).toMatchObject({
      error: { code: 'wrong_pin' },
    });
    expect(await again.call('session.switch', { user: sanne.id, pin: 'trajecten-op-maat' })).toMatchObject({
      error: { code: 'locked', message: expect.stringContaining('2 minuten') },
    });
    now += 2 * 60_000 + 1000;
    expect(await again.call('session.switch', { user: sanne.id, pin: 'trajecten-op-maat' })).toMatchObject({
      ok: true,
      value: { user: sanne.id, role: 'trajectmanager' },
    });
    expect(store.db.prepare('SELECT count(*) FROM sign_in_failures').pluck().get()).toBe(0);
    expect([4, 5, 6, 7, 30].map(lockMs)).toEqual([0, 60_000, 120_000, 240_000, 24 * 60 * 60_000]);
    // Nothing secret in the log or the lockout table.
    const logged = JSON.stringify([
      store.db.prepare('SELECT * FROM audit_log').all(),
      store.db.prepare('SELECT * FROM sign_in_failures').all(),
    ]);
    for (const secret of ['trajecten-op-maat', 'fout-wachtwoord', 'scrypt']) expect(logged).not.toContain(secret);
    store.close();
  });

  it('starts the app signed out once there are users, and a short old passphrase must be replaced first', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    const { store, sanne } = await withUsers(file, Date.now);
    expect(appSession(store, 'os-gebruiker')).toBeNull();
    // A user from before issue 12: a 5-digit PIN hashed with N=2^14 (as db/users/password.ts did).
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('80235', salt, 32, { N: 16384 }).toString('base64')}`;
    store.db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(old, sanne.id);
    const api = createApi(store, null);
    const signedIn = await api.call('session.switch', { user: sanne.id, pin: '80235' });
    expect(signedIn).toMatchObject({ ok: true, value: { mustChangePassphrase: true } });
    expect(await api.call('clients.search', {})).toMatchObject({ error: { code: 'passphrase_change' } });
    expect(await api.call('session.setPassphrase', { passphrase: '12345' })).toMatchObject({
      error: { field: 'passphrase' },
    });
    expect(await api.call('session.setPassphrase', { passphrase: 'nieuwe-lange-zin-2026' })).toMatchObject({
      ok: true,
    });
    expect((await api.call('clients.search', {})).ok).toBe(true);
    const hash = store.db.prepare('SELECT pin_hash FROM users WHERE id = ?').pluck().get(sanne.id) as string;
    expect(hash).toMatch(/^scrypt\$131072\$/);
    // Signing out: everything but the sign-in screen is refused again.
    expect((await api.call('session.signOut', {})).ok).toBe(true);
    expect(await api.call('clients.search', {})).toMatchObject({ error: { code: 'signed_out' } });
    expect(await api.call('app.info', {})).toMatchObject({ ok: true, value: { user: null, hasUsers: true } });
    store.close();
  });
});
