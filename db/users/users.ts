// App users: the beheerder manages them; each person signs in with their own passphrase
// (db/users/sign-in.ts). Users are synced (every laptop knows the team), the passphrase hash too
// (scrypt, db/users/password.ts). The first user of a database is its beheerder; a laptop that
// joins a team gets its person as a klantmanager (accountmanager) until a beheerder says otherwise.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Role } from '../model/roles.js';
import { ROLES } from '../model/roles.js';
import type { Session } from '../model/roles.js';
import { AppError } from '../model/errors.js';
import { nextSeriesRef } from '../records/refs.js';
import type { Store } from '../journal/store.js';
import type { DB } from '../store/schema.js';
import type { Value } from '../journal/write.js';
import { checkPassphraseStrength, hashPassphrase, verifyPassphrase } from './password.js';
import { signIn } from './sign-in.js';

export interface UserRow {
  id: string;
  ref: string;
  display_name: string;
  role: Role;
  email: string | null;
  active: boolean;
  hasPin: boolean;
}

function toUser(r: Selectable<DB['users']>): UserRow {
  return {
    id: r.id,
    ref: r.ref ?? '',
    display_name: r.display_name ?? '',
    role: r.role as Role,
    email: r.email ?? null,
    active: r.active === 1,
    hasPin: Boolean(r.pin_hash),
  };
}

export function listUsers(store: Store, includeInactive: boolean): UserRow[] {
  const rows = store.all(
    store.kysely
      .selectFrom('users')
      .selectAll()
      .where('deleted', '=', 0)
      .$if(!includeInactive, (q) => q.where('active', '=', 1))
      .orderBy((eb) => eb.fn.coalesce('display_name', eb.val('')))
      .orderBy('id'),
  );
  return rows.map(toUser);
}

function assertRole(role: string): asserts role is Role {
  if (!(ROLES as string[]).includes(role)) throw new AppError('invalid_input', `onbekende rol '${role}'`, 'role');
}

/** `lower(display_name) = lower(name)`: names compare without case. */
const sameName = (name: string) => (eb: ExpressionBuilder<DB, 'users'>) =>
  eb(eb.fn('lower', ['display_name']), '=', eb.fn('lower', [eb.val(name)]));

function assertUniqueName(store: Store, name: string, exceptId: string | null): void {
  const other = store.first(
    store.kysely
      .selectFrom('users')
      .select('id')
      .where('deleted', '=', 0)
      .where(sameName(name))
      .where('id', 'is not', exceptId),
  );
  if (other) throw new AppError('invalid_input', 'Er is al een gebruiker met deze naam.', 'display_name');
}

export async function createUser(
  store: Store,
  actor: string,
  input: { display_name: string; role: string; email?: string | null; pin: string },
): Promise<{ id: string; ref: string }> {
  assertRole(input.role);
  if (input.role !== 'beheerder' && countUsers(store) === 0)
    throw new AppError(
      'invalid_input',
      'De eerste gebruiker is de beheerder van deze database: kies de rol beheerder.',
      'role',
    );
  checkPassphraseStrength(input.pin);
  assertUniqueName(store, input.display_name, null);
  const pin_hash = await hashPassphrase(input.pin);
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
  return result;
}

export async function updateUser(
  store: Store,
  actor: string,
  input: { id: string; display_name?: string; role?: string; email?: string | null; active?: boolean; pin?: string },
): Promise<{ id: string; changed: string[] }> {
  const row = store.first(
    store.kysely.selectFrom('users').selectAll().where('id', '=', input.id).where('deleted', '=', 0),
  );
  if (!row) throw new AppError('not_found', 'Gebruiker niet gevonden', 'id');
  if (input.role !== undefined) assertRole(input.role);
  if (input.display_name !== undefined) assertUniqueName(store, input.display_name, input.id);
  const fields: Record<string, Value> = {};
  if (input.display_name !== undefined) fields.display_name = input.display_name.trim();
  if (input.role !== undefined) fields.role = input.role;
  if (input.email !== undefined) fields.email = input.email;
  if (input.active !== undefined) fields.active = input.active;
  if (input.pin !== undefined) {
    checkPassphraseStrength(input.pin);
    fields.pin_hash = await hashPassphrase(input.pin);
  }
  const losesBeheer =
    row.role === 'beheerder' &&
    row.active === 1 &&
    ((input.role !== undefined && input.role !== 'beheerder') || input.active === false);
  const changed = store.write(actor, (w) => {
    if (losesBeheer) {
      const others = store.first(
        store.kysely
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('deleted', '=', 0)
          .where('active', '=', 1)
          .where('role', '=', 'beheerder')
          .where('id', '!=', input.id),
      )!.n;
      if (others === 0)
        throw new AppError(
          'invalid_input',
          'Er moet minstens één actieve beheerder blijven.',
          input.role !== undefined ? 'role' : 'active',
        );
    }
    return w.update('user', input.id, fields);
  });
  return { id: input.id, changed };
}

/** Active users of this database (0: nobody has to sign in; the creator is beheerder). */
export function countUsers(store: Store): number {
  return store.first(
    store.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted', '=', 0)
      .where('active', '=', 1),
  )!.n;
}

/** Signs in as a user (by id) after verifying their passphrase; see db/users/sign-in.ts. */
export async function switchUser(store: Store, actor: string, userId: string, pin: string, now = store.now()) {
  return signIn(store, actor, userId, pin, now);
}

/**
 * A signed-in user sets their own passphrase: with the current one, or without it right after a
 * sign-in that requires a new one (too short, older hash) or when they have none yet (a laptop
 * that joined a team).
 */
export async function setOwnPassphrase(
  store: Store,
  session: Session,
  input: { current?: string; passphrase: string },
): Promise<void> {
  const row = store.first(
    store.kysely
      .selectFrom('users')
      .select('pin_hash')
      .where('id', '=', session.user)
      .where('deleted', '=', 0)
      .where('active', '=', 1),
  );
  if (!row) throw new AppError('forbidden', 'Alleen een aangemelde gebruiker kan een eigen wachtwoord instellen.');
  if (row.pin_hash && !session.mustChangePassphrase) {
    if (!input.current || !(await verifyPassphrase(input.current, row.pin_hash)))
      throw new AppError('wrong_pin', 'Het huidige wachtwoord klopt niet.', 'current');
  }
  checkPassphraseStrength(input.passphrase, 'passphrase');
  const pin_hash = await hashPassphrase(input.passphrase);
  store.write(session.user, (w) => w.update('user', session.user, { pin_hash }));
}

/**
 * The person of a laptop that joined a team, once the team's users have arrived: the user of that
 * name (a beheerder may have made it beforehand), else a new user with role klantmanager and no
 * passphrase yet. Null while the team's users have not arrived (nothing to sign in against).
 */
export function joinedUser(store: Store, name: string): Session | null {
  if (countUsers(store) === 0) return null;
  // Never an existing user of the same name: two people with the same OS account name (a
  // municipal laptop image) must not share a user, and a joiner must not become the beheerder.
  const taken = (n: string) =>
    store.first(
      store.kysely
        .selectFrom('users')
        .select(sql<number>`1`.as('one'))
        .where('deleted', '=', 0)
        .where(sameName(n)),
    ) !== undefined;
  let display_name = name.trim() || 'gebruiker';
  if (taken(display_name)) display_name = `${display_name} (${store.getMeta('device_name') || store.device})`;
  for (let i = 2; taken(display_name); i++) display_name = `${name.trim()} (${i})`;
  return createOwnUser(store, display_name, 'klantmanager');
}

/** A user for this laptop's own person, without a passphrase yet (they set one at first sign-in). */
export function createOwnUser(store: Store, display_name: string, role: Role): Session {
  const id = store.write(display_name, (w) =>
    w.create('user', {
      ref: nextSeriesRef(store, 'user'),
      display_name,
      role,
      email: null,
      pin_hash: null,
      active: true,
    }),
  );
  return { user: id, name: display_name, role };
}
