// Need to know (BIO 8.03.02, DOMAIN.md): which role may see which kind of data. Special-category
// data (work limitations, AVG art. 9) only for the roles that guide the client; personal values in
// change histories only for roles that work with clients or employers; a PIN hash never.
import type { Role } from './roles.js';
import { AppError } from './errors.js';
import { fieldSpec, type EntityName } from './entities.js';

/** Roles that guide clients and so need their work limitations. */
export const SPECIAL_ROLES: readonly Role[] = ['klantmanager', 'trajectmanager'];
/** Roles that work with persons; the beheerder (application manager) sees who changed what, not the values. */
export const PERSONAL_ROLES: readonly Role[] = ['klantmanager', 'trajectmanager', 'werkgeversadviseur', 'manager'];
export const MASK = '••••';

export function seesSpecial(role: Role): boolean {
  return SPECIAL_ROLES.includes(role);
}

export function seesPersonal(role: Role): boolean {
  return PERSONAL_ROLES.includes(role);
}

/** Whether a field's value may be shown to a role (history, timeline, record views). */
export function mayShow(entity: EntityName, field: string, role: Role): boolean {
  if (field === 'pin_hash') return false;
  const spec = fieldSpec(entity, field);
  if (spec?.special) return seesSpecial(role);
  if (spec?.personal) return seesPersonal(role);
  return true;
}

export function maskedValue<T>(entity: EntityName, field: string, value: T, role: Role): T | string {
  if (value === null || value === undefined) return value;
  return mayShow(entity, field, role) ? value : MASK;
}

/**
 * Special-category fields in form input from a role that may not see them: a value is refused,
 * an empty one dropped (a form that sends every field must not clear what it could not show).
 */
export function withoutHiddenSpecial<T extends Record<string, unknown>>(entity: EntityName, fields: T, role: Role): T {
  if (seesSpecial(role)) return fields;
  const out: Record<string, unknown> = { ...fields };
  for (const field of Object.keys(fields)) {
    if (!fieldSpec(entity, field)?.special) continue;
    const v = fields[field];
    if (v !== undefined && v !== null && v !== '') {
      throw new AppError('forbidden', 'Uw rol mag dit bijzondere persoonsgegeven niet vastleggen.', field);
    }
    delete out[field];
  }
  return out as T;
}

// Who may call what: the contract's methods name one of these groups (db/api/methods/*), the UI
// hides what a role cannot do from the same table (renderer/access.ts), and
// test/unit/api/roles.test.ts pins every method x role.
export const ALL_ROLES: readonly Role[] = [
  'klantmanager',
  'werkgeversadviseur',
  'trajectmanager',
  'manager',
  'beheerder',
];
export const BEHEER: readonly Role[] = ['beheerder'];
/** Register and change clients, their periods and activities. */
export const CLIENT_WRITERS: readonly Role[] = ['klantmanager', 'trajectmanager', 'manager', 'beheerder'];
/** Register and change employers and vacancies. */
export const EMPLOYER_WRITERS: readonly Role[] = ['werkgeversadviseur', 'klantmanager', 'manager', 'beheerder'];
/**
 * Roles that need a client's full BSN: the klantmanager and trajectmanager who identify the
 * client with UWV, the municipality and providers, and the beheerder who imports and exports the
 * register. A manager reads figures and a werkgeversadviseur serves employers: they see the
 * masked form (db/model/bsn.ts) and cannot look a client up by BSN.
 */
export const BSN_ROLES: readonly Role[] = ['klantmanager', 'trajectmanager', 'beheerder'];

export function seesBsn(role: Role): boolean {
  return BSN_ROLES.includes(role);
}
