// 0005: daily caseload work (issue 3). New synced fields: the client's VUM travel distance, the
// employer's fixed contact person at the Werkcorporatie, the SROI unit, VUM vacancy fields, the
// date of a match's last move, and on contacts: when a follow-up was handled, its purpose
// (e.g. 'nazorg') and the placement it belongs to. A purge_markers table carries retention
// purges to other laptops without personal data (db/retention/purge.ts).
//
// Indexes serve the hot screens: "Mijn werk" (open follow-ups, caseload per account manager,
// last contact per employer), the dossier timeline (per client by date) and the lists.
import type { Migration } from './index.js';

export const m0005: Migration = {
  name: '0005-daily-work',
  up: `
    ALTER TABLE clients ADD COLUMN max_travel_km INTEGER;
    ALTER TABLE employers ADD COLUMN account_manager TEXT;
    ALTER TABLE sroi_obligations ADD COLUMN unit TEXT;
    ALTER TABLE vacancies ADD COLUMN closing_date TEXT;
    ALTER TABLE vacancies ADD COLUMN hours_min REAL;
    ALTER TABLE vacancies ADD COLUMN contract_kind TEXT;
    ALTER TABLE vacancies ADD COLUMN sector TEXT;
    ALTER TABLE vacancies ADD COLUMN competences TEXT;
    ALTER TABLE matches ADD COLUMN status_date TEXT;
    ALTER TABLE contacts ADD COLUMN follow_up_done TEXT;
    ALTER TABLE contacts ADD COLUMN purpose TEXT;
    ALTER TABLE contacts ADD COLUMN placement_id TEXT;

    CREATE TABLE purge_markers (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      entity TEXT,
      purged_on TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- Open follow-ups (Mijn werk): only rows still waiting, so the index stays small.
    CREATE INDEX IF NOT EXISTS contacts_open_follow_up ON contacts(follow_up_date)
      WHERE follow_up_done IS NULL AND follow_up_date IS NOT NULL AND deleted = 0;
    -- Per-client and per-employer contact logs and the dossier timeline (0002 may have made the
    -- employer one already, for reports: IF NOT EXISTS keeps whichever came first).
    CREATE INDEX IF NOT EXISTS contacts_client_date ON contacts(client_id, date, id);
    CREATE INDEX IF NOT EXISTS contacts_employer_date ON contacts(employer_id, date, id);
    CREATE INDEX IF NOT EXISTS contacts_placement_id ON contacts(placement_id) WHERE placement_id IS NOT NULL;
    CREATE INDEX IF NOT EXISTS caseload_periods_manager ON caseload_periods(account_manager, exit_date);
    CREATE INDEX IF NOT EXISTS employers_name ON employers(coalesce(name, ''), id);
    CREATE INDEX IF NOT EXISTS employers_exceptional ON employers(exceptional_since) WHERE exceptional_since IS NOT NULL;
    CREATE INDEX IF NOT EXISTS vacancies_opened ON vacancies(opened_date, id);
    CREATE INDEX IF NOT EXISTS matches_client_vacancy ON matches(client_id, vacancy_id);
  `,
};
