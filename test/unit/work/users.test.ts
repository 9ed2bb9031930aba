import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';

describe('users and switching user on a shared laptop', () => {
  it('lets only the beheerder manage users, and never hands out the PIN hash', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    expect(
      await apiAs(store, 'manager').fail('users.create', {
        display_name: 'X',
        role: 'klantmanager',
        pin: 'vier-woorden-lang',
      }),
    ).toMatchObject({ code: 'forbidden' });
    await beheer.ok('users.create', { display_name: 'Beheer Gemeente', role: 'beheerder', pin: 'beheer-2026-polder' });
    const u = await beheer.ok('users.create', {
      display_name: 'Anja de Boer',
      role: 'klantmanager',
      email: 'a.deboer@example.nl',
      pin: 'tulpen-in-emmeloord',
    });
    expect(u.ref).toMatch(/^U\d{6}$/);
    const list = await beheer.ok('users.list', {});
    expect(list.items).toContainEqual(
      expect.objectContaining({ display_name: 'Anja de Boer', role: 'klantmanager', active: true, hasPin: true }),
    );
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect(
      await beheer.fail('users.create', { display_name: 'anja de boer', role: 'manager', pin: 'nog-een-wachtwoord' }),
    ).toMatchObject({ field: 'display_name' });
    // Hashes sync to every laptop: a PIN or a short password would fall to offline guessing.
    for (const pin of ['1111', '80235', '123456', 'kort-wachtw', 'aaaaaaaaaaaaaaaa'])
      expect(await beheer.fail('users.create', { display_name: 'Kees', role: 'manager', pin })).toMatchObject({
        field: 'pin',
      });
    const history = await beheer.ok('audit.history', { entity: 'user', id: u.id });
    expect(history.items.find((e) => e.field === 'pin_hash')).toMatchObject({ new: '••••' });
  });

  it('makes the first user of a database its beheerder', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    expect(
      await beheer.fail('users.create', { display_name: 'Anja', role: 'klantmanager', pin: 'tulpen-in-emmeloord' }),
    ).toMatchObject({ field: 'role' });
    await beheer.ok('users.create', { display_name: 'Beheer', role: 'beheerder', pin: 'beheer-2026-polder' });
    await beheer.ok('users.create', { display_name: 'Anja', role: 'klantmanager', pin: 'tulpen-in-emmeloord' });
  });

  it('switches to a user after the right passphrase; later writes carry that user', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    await beheer.ok('users.create', { display_name: 'Beheer', role: 'beheerder', pin: 'beheer-2026-polder' });
    const u = await beheer.ok('users.create', {
      display_name: 'Mark Visser',
      role: 'werkgeversadviseur',
      pin: 'polder-2026-urk',
    });
    const laptop = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    expect((await laptop.ok('session.users', {})).items).toContainEqual({
      id: u.id,
      ref: u.ref,
      display_name: 'Mark Visser',
      role: 'werkgeversadviseur',
    });
    expect(await laptop.fail('session.switch', { user: u.id, pin: 'fout' })).toMatchObject({
      code: 'wrong_pin',
      field: 'pin',
    });
    expect(laptop.raw.session?.role).toBe('beheerder');
    const session = await laptop.ok('session.switch', { user: u.id, pin: 'polder-2026-urk' });
    expect(session).toEqual({ user: u.id, name: 'Mark Visser', role: 'werkgeversadviseur' });
    expect(laptop.raw.session).toEqual(session);
    // Now a werkgeversadviseur: employers yes, users no.
    const e = await laptop.ok('employers.create', { name: 'Visverwerking Urk' });
    expect(await laptop.fail('users.list', {})).toMatchObject({ code: 'forbidden' });
    // The journal names the user by id: refs can change, ids never do.
    const users = store.db.prepare('SELECT DISTINCT user FROM journal WHERE row_id = ?').pluck().all(e.id);
    expect(users).toEqual([u.id]);
    const audit = store.db
      .prepare("SELECT action, object, result FROM audit_log WHERE action = 'session.switch' ORDER BY seq")
      .all();
    expect(audit).toEqual([
      { action: 'session.switch', object: u.ref, result: 'refused' },
      { action: 'session.switch', object: u.ref, result: 'ok' },
    ]);
    const everything = JSON.stringify([
      store.db.prepare('SELECT * FROM audit_log').all(),
      store.db.prepare('SELECT * FROM sign_in_failures').all(),
    ]);
    expect(everything).not.toContain('polder-2026-urk');
    expect(everything).not.toContain('scrypt');
  });

  it('keeps at least one active beheerder and lets an inactive user not sign in', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    const admin = await beheer.ok('users.create', {
      display_name: 'Beheer Gemeente',
      role: 'beheerder',
      pin: 'beheer-2026-polder!',
    });
    expect(await beheer.fail('users.update', { id: admin.id, role: 'manager' })).toMatchObject({ field: 'role' });
    expect(await beheer.fail('users.update', { id: admin.id, active: false })).toMatchObject({ field: 'active' });
    const km = await beheer.ok('users.create', {
      display_name: 'Jan Postma',
      role: 'klantmanager',
      pin: 'gouden-koets-61803',
    });
    await beheer.ok('users.update', { id: km.id, active: false });
    expect(await beheer.fail('session.switch', { user: km.id, pin: 'gouden-koets-61803' })).toMatchObject({
      code: 'wrong_pin',
    });
    await beheer.ok('users.update', { id: km.id, active: true, pin: 'pi-is-ongeveer-31415' });
    expect((await beheer.ok('session.switch', { user: km.id, pin: 'pi-is-ongeveer-31415' })).name).toBe('Jan Postma');
  });
});
