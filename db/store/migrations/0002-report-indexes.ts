// 0002: indexes for management reports (issue 5), so each report runs in well under a second
// on 100,000 clients. Covering indexes let the report queries read caseload periods, running
// activities/placements and employer contacts from the index alone; the partial index holds
// the few clients that reports leave out (deleted or merged), which db/reports/query.ts matches
// with the same WHERE; clients_ref_by_id gives all client refs for record lists without reading
// the wide clients rows. IF NOT EXISTS: creating an index twice is harmless.
import type { Migration } from './index.js';

export const m0002: Migration = {
  name: '0002-report-indexes',
  up: `
    CREATE INDEX IF NOT EXISTS caseload_periods_report_intake
      ON caseload_periods(intake_date, exit_date, client_id, deleted, account_manager, referrer, exit_reason, id);
    CREATE INDEX IF NOT EXISTS caseload_periods_report_exit
      ON caseload_periods(exit_date, intake_date, client_id, deleted, account_manager, referrer, exit_reason, id);
    CREATE INDEX IF NOT EXISTS clients_not_counted ON clients(id) WHERE deleted <> 0 OR merged_into IS NOT NULL;
    CREATE INDEX IF NOT EXISTS clients_ref_by_id ON clients(id, ref);
    CREATE INDEX IF NOT EXISTS activities_running ON activities(client_id, start_date, end_date, deleted);
    CREATE INDEX IF NOT EXISTS placements_running ON placements(client_id, start_date, end_date, deleted);
    CREATE INDEX IF NOT EXISTS contacts_employer_date ON contacts(employer_id, date, deleted);
  `,
};
