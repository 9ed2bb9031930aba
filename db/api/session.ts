// Who a program acts as when no one signs in through the app: the command line (CASELOAD_USER,
// else the operating-system account). In a database without users, the person who creates it is
// its beheerder; once there are users, the name must be one of them (display name, ref or id),
// and that user's role decides what the command line may do - the same checks as in the app.
import { AppError } from '../model/errors.js';
import type { Role, Session } from '../model/roles.js';
import type { Store } from '../journal/store.js';

export function programSession(store: Store, name: string): Session {
  const users = store.all(
    store.kysely
      .selectFrom('users')
      .select(['id', 'ref', 'display_name', 'role'])
      .where('deleted', '=', 0)
      .where('active', '=', 1)
      .orderBy('id'),
  );
  if (!users.length) return { user: name, name, role: 'beheerder' };
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
