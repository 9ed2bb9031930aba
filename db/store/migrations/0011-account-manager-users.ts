// 0011: account managers are users (issue 13). A caseload period and a handover (assignment) point
// to the user (account_manager_id; the display name stays in account_manager for exports and the
// interchange format), a client gets a benefit status (uitkering) for the 25% target's base, and a
// period the reason its exit was corrected or undone (exit_note).
//
// The backfill of account_manager_id from the stored names is not done here in SQL: every synced
// value must come with its journal entry (db/journal/verify.ts), so it is a journaled write by
// db/users/account-managers.ts (linkAccountManagers), run when the contract is first opened on a
// store and whenever a user is created or renamed. Names match case- and space-insensitively.
import type { Migration } from './index.js';

export const m0011: Migration = {
  name: '0011-account-manager-users',
  up: `
    ALTER TABLE clients ADD COLUMN benefit_status TEXT;
    ALTER TABLE caseload_periods ADD COLUMN account_manager_id TEXT;
    ALTER TABLE caseload_periods ADD COLUMN exit_note TEXT;
    ALTER TABLE assignments ADD COLUMN account_manager_id TEXT;
    ALTER TABLE assignments ADD COLUMN previous_id TEXT;
    -- Mijn werk: the caseload of one user.
    CREATE INDEX caseload_periods_manager_id ON caseload_periods(account_manager_id, intake_date)
      WHERE deleted = 0;
  `,
};
