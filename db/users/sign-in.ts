// Signing in as a user: the passphrase checked against the user's scrypt hash, with a lockout
// kept in the database (table sign_in_failures, migration 0009), so closing and reopening the app
// does not reset it. Five wrong passphrases lock the user for one minute; every further wrong one
// doubles the wait, up to a day. A right one clears the count. Every attempt is in the audit log
// (the user's ref, never the passphrase or its hash). The lockout slows guessing at this laptop;
// it cannot slow guessing against a synced hash offline - the passphrase length does that
// (db/users/password.ts).
import type { Role, Session } from '../model/roles.js';
import { AppError } from '../model/errors.js';
import { audit } from '../store/audit.js';
import type { Store } from '../journal/store.js';
import { hashPassphrase, isOutdated, verifyPassphrase } from './password.js';

export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

/** How long a user is locked after `fails` wrong passphrases in a row. */
export function lockMs(fails: number): number {
  if (fails < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(fails - FREE_ATTEMPTS, 20), MAX_LOCK_MS);
}

interface FailRow {
  fails: number;
  locked_until: number;
}

function failures(store: Store, userId: string): FailRow | undefined {
  return store.first(
    store.kysely.selectFrom('sign_in_failures').select(['fails', 'locked_until']).where('user_id', '=', userId),
  );
}

function recordFailure(store: Store, userId: string, now: number): void {
  const fails = (failures(store, userId)?.fails ?? 0) + 1;
  store.run(
    store.kysely
      .insertInto('sign_in_failures')
      .values({ user_id: userId, fails, last_fail: now, locked_until: now + lockMs(fails) })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ fails, last_fail: now, locked_until: now + lockMs(fails) }),
      ),
  );
}

export interface SignedIn extends Session {
  /** The passphrase is shorter than today's minimum or hashed with older parameters: set a new one first. */
  mustChangePassphrase?: boolean;
}

/**
 * Verifies a user's passphrase and returns their session. The user is named by id (refs can
 * change when two laptops gave out the same number); the session's `user` is that id.
 */
export async function signIn(
  store: Store,
  actor: string,
  userId: string,
  passphrase: string,
  now = store.now(),
): Promise<SignedIn> {
  const row = store.first(
    store.kysely
      .selectFrom('users')
      .select(['id', 'ref', 'display_name', 'role', 'pin_hash'])
      .where('deleted', '=', 0)
      .where('active', '=', 1)
      .where('id', '=', userId),
  );
  const object = row?.ref ?? null;
  const refuse = (code: string, message: string) => {
    audit(store, { actor, action: 'session.switch', object, result: 'refused' });
    return new AppError(code, message, 'pin');
  };
  if (!row) throw refuse('wrong_pin', 'Onbekende gebruiker of onjuist wachtwoord.');
  const state = failures(store, row.id);
  if (state && state.locked_until > now) {
    const minutes = Math.ceil((state.locked_until - now) / 60_000);
    throw refuse(
      'locked',
      `Te veel onjuiste pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    );
  }
  if (!(await verifyPassphrase(passphrase, row.pin_hash))) {
    recordFailure(store, row.id, now);
    throw refuse('wrong_pin', 'Onbekende gebruiker of onjuist wachtwoord.');
  }
  store.run(store.kysely.deleteFrom('sign_in_failures').where('user_id', '=', row.id));
  audit(store, { actor: row.id, action: 'session.switch', object, result: 'ok' });
  const session: SignedIn = { user: row.id, name: row.display_name ?? '', role: row.role as Role };
  if ([...passphrase].length < 12 || isOutdated(row.pin_hash ?? '')) session.mustChangePassphrase = true;
  return session;
}

export { hashPassphrase };
