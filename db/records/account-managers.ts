// Account managers are users (issue 13): a caseload period names its account manager both as a
// user (account_manager_id) and by display name (account_manager, for exports and the
// interchange format). The two are kept in step at every write: a name is matched to the user of
// that name, case- and space-insensitively (users' names are unique that way); a name that
// matches no user stays a name only, and Mijn werk still finds it by name.
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';

/** The form of a name that matching compares: trimmed, inner spaces single, lower case. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

export interface Colleague {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/** Every user (live), active ones first by name: the pickers and the name matching read these. */
export function colleagues(store: Store, includeInactive = false): Colleague[] {
  const rows = store.all(
    store.kysely
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'active'])
      .where('deleted', '=', 0)
      .$if(!includeInactive, (q) => q.where('active', '=', 1))
      .orderBy('display_name')
      .orderBy('id'),
  );
  return rows.map((r) => ({ id: r.id, name: r.display_name ?? '', role: r.role ?? '', active: r.active === 1 }));
}

/** Name key -> user id, for the names that match exactly one user (inactive users too: history). */
export function userIndex(store: Store): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const u of colleagues(store, true)) {
    const k = nameKey(u.name);
    if (!k) continue;
    // Two users whose names differ only in spaces: neither is matched by name.
    out.set(k, out.has(k) ? null : u.id);
  }
  return out;
}

/** The live, active user chosen in a picker, as id and display name; refuses anything else. */
export function accountManagerUser(
  store: Store,
  id: string,
  field = 'account_manager_id',
): { id: string; name: string } {
  const u = store.first(
    store.kysely
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', id)
      .where('deleted', '=', 0)
      .where('active', '=', 1),
  );
  if (!u) throw new AppError('invalid_input', 'is geen actieve gebruiker', field);
  return { id: u.id, name: u.display_name ?? '' };
}

/**
 * Links the periods and handovers that name an account manager without pointing to a user yet
 * (data from before migration 0011, imports of names unknown then, a user created later): a
 * journaled write, so it syncs and `caseload check` stays clean. Returns how many were linked.
 */
export function linkAccountManagers(store: Store, actor: string): number {
  const users = userIndex(store);
  if (!users.size) return 0;
  const db = store.kysely;
  const periods = store.all(
    db
      .selectFrom('caseload_periods')
      .select(['id', 'account_manager as name'])
      .where('deleted', '=', 0)
      .where('account_manager_id', 'is', null)
      .where('account_manager', 'is not', null),
  );
  const handovers = store.all(
    db
      .selectFrom('assignments')
      .select(['id', 'account_manager as name', 'previous', 'account_manager_id', 'previous_id'])
      .where('deleted', '=', 0)
      .where((eb) =>
        eb.or([
          eb.and([eb('account_manager_id', 'is', null), eb('account_manager', 'is not', null)]),
          eb.and([eb('previous_id', 'is', null), eb('previous', 'is not', null)]),
        ]),
      ),
  );
  const idOf = (name: string | null) => (name ? (users.get(nameKey(name)) ?? null) : null);
  const periodLinks = periods.map((p) => [p.id, idOf(p.name)] as const).filter(([, u]) => u);
  const handoverLinks = handovers
    .map((a) => {
      const fields: Record<string, string> = {};
      const to = a.account_manager_id ? null : idOf(a.name);
      const from = a.previous_id ? null : idOf(a.previous);
      if (to) fields.account_manager_id = to;
      if (from) fields.previous_id = from;
      return [a.id, fields] as const;
    })
    .filter(([, f]) => Object.keys(f).length);
  if (!periodLinks.length && !handoverLinks.length) return 0;
  store.write(actor, (w) => {
    for (const [id, user] of periodLinks) w.update('period', id, { account_manager_id: user });
    for (const [id, fields] of handoverLinks) w.update('assignment', id, fields);
  });
  return periodLinks.length + handoverLinks.length;
}
