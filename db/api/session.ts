// Who a program acts as. The person who creates a database (or a team) is its beheerder: while a
// database has no users, its program runs as the operating-system account with role beheerder.
// Once there are users:
// - the command line (programSession) runs as CASELOAD_USER, else the OS account, which must name
//   one of them (display name, ref or id); that user's role decides what it may do. The command
//   line asks no passphrase: it reads the database file directly, so whoever can run it as this
//   OS account can read the file anyway (docs/security.md, "Other local users").
// - the app's shells (appSession) start signed out, and the person signs in with a passphrase
//   (session.switch), except this laptop's own user who has no passphrase yet (the creator of a
//   team, or the person of a laptop that joined one): they are let in and must set one first.
// A laptop that joins a team starts as its person with role klantmanager (accountmanager), until
// a beheerder assigns another role (sync.setup records the person; joinedSession makes the user
// once the team's users have arrived).
import { AppError } from '../model/errors.js';
import type { Role, Session } from '../model/roles.js';
import type { Store } from '../journal/store.js';
import { countUsers, createOwnUser, joinedUser } from '../users/users.js';

/** Meta keys: the person whose laptop joined a team (until their user exists), and that user. */
export const JOIN_PERSON = 'join_person';
export const OWN_USER = 'own_user';

/**
 * The user a joined laptop's person becomes, once the team's users are here (null before, and on
 * a laptop that did not join). Made once; meta own_user remembers it.
 */
export function joinedSession(store: Store): Session | null {
  const person = store.getMeta(JOIN_PERSON);
  if (!person) return null;
  const session = joinedUser(store, person);
  if (!session) return null;
  store.db.transaction(() => {
    store.setMeta(OWN_USER, session.user);
    store.run(store.kysely.deleteFrom('meta').where('key', '=', JOIN_PERSON));
  })();
  return session;
}

/**
 * After sync.setup: the creator of a team becomes its first user, a beheerder (so the team has
 * users, and whoever joins is not); a joining laptop records its person, who becomes a klantmanager
 * once the team's users arrive (joinedSession). Returns the session to continue with, if it changed.
 */
export function afterTeamSetup(store: Store, session: Session, mode: 'create' | 'join'): Session | null {
  if (countUsers(store) > 0) return null;
  if (mode === 'create') {
    const own = createOwnUser(store, session.name || session.user, 'beheerder');
    store.setMeta(OWN_USER, own.user);
    return { ...own, mustChangePassphrase: session.mustChangePassphrase };
  }
  store.setMeta(JOIN_PERSON, session.name || session.user);
  return { user: session.user, name: session.name, role: 'klantmanager' };
}

/** This laptop's own user, if it has one (the creator of its team, or its joined person). */
function ownUser(store: Store): Session | null {
  const own = store.getMeta(OWN_USER);
  if (!own) return null;
  const u = store.first(
    store.kysely
      .selectFrom('users')
      .select(['id', 'display_name', 'role'])
      .where('id', '=', own)
      .where('deleted', '=', 0)
      .where('active', '=', 1),
  );
  return u ? { user: u.id, name: u.display_name ?? '', role: u.role as Role } : null;
}

/**
 * `named`: the name came from CASELOAD_USER (a choice), not from the OS account. Without it, a
 * laptop with its own user (team creator, joined person) runs as that user: the OS account name
 * may equal another user's display name.
 */
export function programSession(store: Store, name: string, named = true): Session {
  joinedSession(store);
  if (!countUsers(store)) {
    // Joined, but no user has arrived yet: an accountmanager, not the beheerder of the team.
    const role: Role = store.getMeta(JOIN_PERSON) ? 'klantmanager' : 'beheerder';
    return { user: name, name, role };
  }
  const own = named ? null : ownUser(store);
  if (own) return own;
  const users = store.all(
    store.kysely
      .selectFrom('users')
      .select(['id', 'ref', 'display_name', 'role'])
      .where('deleted', '=', 0)
      .where('active', '=', 1)
      .orderBy('id'),
  );
  const lower = name.toLowerCase();
  const match = users.filter((u) => u.id === name || u.ref === name || (u.display_name ?? '').toLowerCase() === lower);
  if (match.length !== 1) {
    throw new AppError(
      'unknown_user',
      match.length
        ? `'${name}' is niet eenduidig: zet CASELOAD_USER op het nummer van de gebruiker (bijvoorbeeld U000001)`
        : `'${name}' is geen gebruiker van deze database: zet CASELOAD_USER op de naam of het nummer van een gebruiker`,
      'CASELOAD_USER',
    );
  }
  const u = match[0]!;
  return { user: u.id, name: u.display_name ?? name, role: u.role as Role };
}

/**
 * The session an app shell starts with: the OS account as beheerder in a database without users;
 * this laptop's own user while they have no passphrase yet (they must set one); otherwise null,
 * signed out: the shell shows the sign-in screen.
 */
export function appSession(store: Store, name: string): Session | null {
  const joined = joinedSession(store);
  if (!countUsers(store)) {
    const role: Role = store.getMeta(JOIN_PERSON) ? 'klantmanager' : 'beheerder';
    return { user: name, name, role };
  }
  const own = joined?.user ?? store.getMeta(OWN_USER);
  if (!own) return null;
  const row = store.first(
    store.kysely
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'pin_hash'])
      .where('id', '=', own)
      .where('deleted', '=', 0)
      .where('active', '=', 1),
  );
  if (!row || row.pin_hash) return null;
  return { user: row.id, name: row.display_name ?? name, role: row.role as Role, mustChangePassphrase: true };
}
