// App users on a shared laptop: the beheerder manages them; anyone switches to a user by typing
// that user's PIN or password. Users are synced (every laptop knows the team), the PIN hash too
// (scrypt, db/users/password.ts). Failed attempts are throttled per user in this process and every
// attempt lands in the audit log (BIO 8.15.01) - without the PIN.
import type { Role } from '../model/roles.js';
import { ROLES } from '../model/roles.js';
import type { Session } from '../model/roles.js';
import { AppError } from '../model/errors.js';
import { nextSeriesRef } from '../records/refs.js';
import { audit } from '../store/audit.js';
import type { Store } from '../journal/store.js';
import type { Value } from '../journal/write.js';
import { checkPinStrength, hashPin, verifyPin } from './password.js';

export interface UserRow {
  id: string;
  ref: string;
  display_name: string;
  role: Role;
  email: string | null;
  active: boolean;
  hasPin: boolean;
}

const MAX_FAILS = 5;
const LOCK_MS = 60_000;
const failures = new WeakMap<Store, Map<string, { fails: number; until: number }>>();

function toUser(r: Record<string, unknown>): UserRow {
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    display_name: (r.display_name as string) ?? '',
    role: r.role as Role,
    email: (r.email as string) ?? null,
    active: r.active === 1,
    hasPin: Boolean(r.pin_hash),
  };
}

export function listUsers(store: Store, includeInactive: boolean): UserRow[] {
  const rows = store
    .stmt(
      `SELECT * FROM users WHERE deleted = 0 ${includeInactive ? '' : 'AND active = 1'} ORDER BY coalesce(display_name, ''), id`,
    )
    .all() as Record<string, unknown>[];
  return rows.map(toUser);
}

function assertRole(role: string): asserts role is Role {
  if (!(ROLES as string[]).includes(role)) throw new AppError('invalid_input', `onbekende rol '${role}'`, 'role');
}

function assertUniqueName(store: Store, name: string, exceptId: string | null): void {
  const other = store
    .stmt('SELECT id FROM users WHERE deleted = 0 AND lower(display_name) = lower(?) AND id IS NOT ?')
    .get(name, exceptId);
  if (other) throw new AppError('invalid_input', 'Er is al een gebruiker met deze naam.', 'display_name');
}

export async function createUser(
  store: Store,
  actor: string,
  input: { display_name: string; role: string; email?: string | null; pin: string },
): Promise<{ id: string; ref: string }> {
  assertRole(input.role);
  checkPinStrength(input.pin);
  assertUniqueName(store, input.display_name, null);
  const pin_hash = await hashPin(input.pin);
  const result = store.write(actor, (w) => {
    const ref = nextSeriesRef(store, 'user');
    const id = w.create('user', {
      ref,
      display_name: input.display_name.trim(),
      role: input.role,
      email: input.email ?? null,
      pin_hash,
      active: true,
    });
    return { id, ref };
  });
  audit(store, { actor, action: 'users.create', object: result.ref, result: 'ok' });
  return result;
}

export async function updateUser(
  store: Store,
  actor: string,
  input: { id: string; display_name?: string; role?: string; email?: string | null; active?: boolean; pin?: string },
): Promise<{ id: string; changed: string[] }> {
  const row = store.stmt('SELECT * FROM users WHERE id = ? AND deleted = 0').get(input.id) as
    Record<string, unknown> | undefined;
  if (!row) throw new AppError('not_found', 'Gebruiker niet gevonden', 'id');
  if (input.role !== undefined) assertRole(input.role);
  if (input.display_name !== undefined) assertUniqueName(store, input.display_name, input.id);
  const fields: Record<string, Value> = {};
  if (input.display_name !== undefined) fields.display_name = input.display_name.trim();
  if (input.role !== undefined) fields.role = input.role;
  if (input.email !== undefined) fields.email = input.email;
  if (input.active !== undefined) fields.active = input.active;
  if (input.pin !== undefined) {
    checkPinStrength(input.pin);
    fields.pin_hash = await hashPin(input.pin);
  }
  const losesBeheer =
    row.role === 'beheerder' &&
    row.active === 1 &&
    ((input.role !== undefined && input.role !== 'beheerder') || input.active === false);
  const changed = store.write(actor, (w) => {
    if (losesBeheer) {
      const others = store
        .stmt("SELECT count(*) FROM users WHERE deleted = 0 AND active = 1 AND role = 'beheerder' AND id != ?")
        .pluck()
        .get(input.id) as number;
      if (others === 0)
        throw new AppError(
          'invalid_input',
          'Er moet minstens één actieve beheerder blijven.',
          input.role !== undefined ? 'role' : 'active',
        );
    }
    return w.update('user', input.id, fields);
  });
  audit(store, { actor, action: 'users.update', object: row.ref as string, result: 'ok' });
  return { id: input.id, changed };
}

/**
 * Verifies a user's PIN and returns their session; throttles guessing. The user is named by id
 * (refs can change when two laptops gave out the same number); the session's `user`, written to
 * the journal and the audit log, is that id.
 */
export async function switchUser(
  store: Store,
  actor: string,
  userId: string,
  pin: string,
  now = store.now(),
): Promise<Session> {
  const row = store.stmt('SELECT * FROM users WHERE deleted = 0 AND active = 1 AND id = ?').get(userId) as
    Record<string, unknown> | undefined;
  const key = (row?.id as string) ?? `?${userId}`;
  let byUser = failures.get(store);
  if (!byUser) failures.set(store, (byUser = new Map()));
  const state = byUser.get(key);
  if (state && state.until > now) {
    audit(store, { actor, action: 'session.switch', object: (row?.ref as string) ?? null, result: 'refused' });
    throw new AppError(
      'locked',
      `Te veel onjuiste pogingen. Probeer het over ${Math.ceil((state.until - now) / 1000)} seconden opnieuw.`,
      'pin',
    );
  }
  const ok = row ? await verifyPin(pin, row.pin_hash as string | null) : false;
  if (!row || !ok) {
    const fails = (state?.fails ?? 0) + 1;
    byUser.set(key, { fails: fails >= MAX_FAILS ? 0 : fails, until: fails >= MAX_FAILS ? now + LOCK_MS : 0 });
    audit(store, { actor, action: 'session.switch', object: (row?.ref as string) ?? null, result: 'refused' });
    throw new AppError('wrong_pin', 'Onbekende gebruiker of onjuiste PIN.', 'pin');
  }
  byUser.delete(key);
  audit(store, { actor, action: 'session.switch', object: row.ref as string, result: 'ok' });
  return { user: row.id as string, name: row.display_name as string, role: row.role as Role };
}
