// The roles of DOMAIN.md (need to know, BIO 8.03.02). The contract says per method which roles
// may call it; db/model/access.ts says per field which roles may see it. Pure.

export type Role = 'klantmanager' | 'werkgeversadviseur' | 'trajectmanager' | 'manager' | 'beheerder';
export const ROLES: readonly Role[] = ['klantmanager', 'werkgeversadviseur', 'trajectmanager', 'manager', 'beheerder'];

/** Who is working: written to the journal and the audit log, and checked against roles. */
export interface Session {
  /** The user's id when signed in as a user (journal and audit log); otherwise the OS user name. */
  user: string;
  name: string;
  role: Role;
  /**
   * Signed in, but the passphrase must be replaced first (shorter than today's minimum, hashed
   * with older parameters, or none yet): only session methods until then.
   */
  mustChangePassphrase?: boolean;
}
