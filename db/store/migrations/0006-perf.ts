// 0006: indexes for 100,000 clients and a million contacts (issue 7, docs/performance.md).
// test/unit/perf/ checks with EXPLAIN QUERY PLAN that the hot queries use them.
//
// - clients_merged_into held every client under the key NULL. Without statistics SQLite takes
//   an equality lookup for selective, so "merged_into IS NULL" (nearly every client) drove
//   searches through that index: seconds per keystroke. Now it holds only merged clients.
// - clients_live_name: the client list in name order, only live clients, so both the keyset
//   page and the total count read this one small index (deleted and merged_into are in it only
//   so that SQLite counts from the index alone instead of visiting every row).
// - caseload_periods_client_intake: a client's periods in date order (the current period of
//   every listed client, record writer, dump) without sorting; replaces (client_id).
// - search_doc_doc: from a full-text hit to its row id.
// - contacts by (client_id) / (employer_id) alone are prefixes of the (.., date, ..) indexes of
//   0002/0005 (ensured here): two fewer index writes per contact.
import type { Migration } from './index.js';

export const m0006: Migration = {
  name: '0006-perf',
  up: `
    DROP INDEX IF EXISTS clients_merged_into;
    CREATE INDEX clients_merged_into_set ON clients(merged_into) WHERE merged_into IS NOT NULL;
    CREATE INDEX clients_live_name ON clients(coalesce(last_name, ''), id, deleted, merged_into) WHERE deleted = 0 AND merged_into IS NULL;
    CREATE INDEX caseload_periods_client_intake ON caseload_periods(client_id, intake_date, id);
    DROP INDEX IF EXISTS caseload_periods_client_id;
    CREATE INDEX search_doc_doc ON search_doc(doc);
    CREATE INDEX IF NOT EXISTS contacts_client_date ON contacts(client_id, date, id);
    CREATE INDEX IF NOT EXISTS contacts_employer_date ON contacts(employer_id, date, id);
    DROP INDEX IF EXISTS contacts_client_id;
    DROP INDEX IF EXISTS contacts_employer_id;
  `,
};
