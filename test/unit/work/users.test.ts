import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../db/users/password.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';

describe('users and switching user on a shared laptop', () => {
  it('lets only the beheerder manage users, and never hands out the PIN hash', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    expect(
      await apiAs(store, 'manager').fail('users.create', { display_name: 'X', role: 'klantmanager', pin: '24680' }),
    ).toMatchObject({ code: 'forbidden' });
    const u = await beheer.ok('users.create', {
      display_name: 'Anja de Boer',
      role: 'klantmanager',
      email: 'a.deboer@example.nl',
      pin: '13579',
    });
    expect(u.ref).toMatch(/^U\d{6}$/);
    const list = await beheer.ok('users.list', {});
    expect(list.items).toEqual([
      expect.objectContaining({ display_name: 'Anja de Boer', role: 'klantmanager', active: true, hasPin: true }),
    ]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect(
      await beheer.fail('users.create', { display_name: 'anja de boer', role: 'manager', pin: '97531' }),
    ).toMatchObject({ field: 'display_name' });
    expect(await beheer.fail('users.create', { display_name: 'Kees', role: 'manager', pin: '1111' })).toMatchObject({
      field: 'pin',
    });
    expect(await beheer.fail('users.create', { display_name: 'Kees', role: 'manager', pin: '55555' })).toMatchObject({
      field: 'pin',
    });
    const history = await beheer.ok('audit.history', { entity: 'user', id: u.id });
    expect(history.items.find((e) => e.field === 'pin_hash')).toMatchObject({ new: '••••' });
  });

  it('switches to a user after the right PIN; later writes carry that user', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    const u = await beheer.ok('users.create', {
      display_name: 'Mark Visser',
      role: 'werkgeversadviseur',
      pin: 'polder-2026',
    });
    const laptop = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    expect((await laptop.ok('session.users', {})).items).toEqual([
      { id: u.id, ref: u.ref, display_name: 'Mark Visser', role: 'werkgeversadviseur' },
    ]);
    expect(await laptop.fail('session.switch', { user: u.id, pin: 'fout' })).toMatchObject({
      code: 'wrong_pin',
      field: 'pin',
    });
    expect(laptop.raw.session.role).toBe('beheerder');
    const session = await laptop.ok('session.switch', { user: u.id, pin: 'polder-2026' });
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
    expect(JSON.stringify(store.db.prepare('SELECT * FROM audit_log').all())).not.toContain('polder-2026');
  });

  it('locks a user for a minute after five wrong PINs', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    const u = await beheer.ok('users.create', { display_name: 'Sanne Kramer', role: 'trajectmanager', pin: '80235' });
    for (let i = 0; i < 5; i++)
      expect((await beheer.fail('session.switch', { user: u.id, pin: `0000${i}` })).code).toBe('wrong_pin');
    expect(await beheer.fail('session.switch', { user: u.id, pin: '80235' })).toMatchObject({ code: 'locked' });
  });

  it('keeps at least one active beheerder and lets an inactive user not sign in', async () => {
    const store = tempStore();
    const beheer = apiAs(store, 'beheerder', 'beheer', 'Beheerder');
    const admin = await beheer.ok('users.create', {
      display_name: 'Beheer Gemeente',
      role: 'beheerder',
      pin: 'beheer-2026!',
    });
    expect(await beheer.fail('users.update', { id: admin.id, role: 'manager' })).toMatchObject({ field: 'role' });
    expect(await beheer.fail('users.update', { id: admin.id, active: false })).toMatchObject({ field: 'active' });
    const km = await beheer.ok('users.create', { display_name: 'Jan Postma', role: 'klantmanager', pin: '61803' });
    await beheer.ok('users.update', { id: km.id, active: false });
    expect(await beheer.fail('session.switch', { user: km.id, pin: '61803' })).toMatchObject({ code: 'wrong_pin' });
    await beheer.ok('users.update', { id: km.id, active: true, pin: '31415' });
    expect((await beheer.ok('session.switch', { user: km.id, pin: '31415' })).name).toBe('Jan Postma');
  });

  it('hashes with scrypt and a salt per user', async () => {
    const a = await hashPin('12345');
    const b = await hashPin('12345');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPin('12345', a)).toBe(true);
    expect(await verifyPin('12346', a)).toBe(false);
    expect(await verifyPin('12345', 'plain')).toBe(false);
  });
});
