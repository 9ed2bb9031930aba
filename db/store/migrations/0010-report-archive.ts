// 0010: delivered reports (issue 14): a synced table, so every laptop of the team has the archive
// and `caseload archive verify` gives the same answer everywhere (db/reports/archive.ts); and
// dated handovers of caseload periods (db/work/periods.ts), so a past day has its own manager.
import type { Migration } from './index.js';

export const m0010: Migration = {
  name: '0010-report-archive',
  up: `
    CREATE TABLE report_deliveries (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      name TEXT,
      params TEXT,
      today TEXT,
      delivered_at TEXT,
      by_user TEXT,
      sha256 TEXT,
      knowledge TEXT,
      figures TEXT,
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX report_deliveries_at ON report_deliveries(delivered_at);
    CREATE TABLE assignments (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      period_id TEXT,
      account_manager TEXT,
      previous TEXT,
      from_date TEXT,
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX assignments_period ON assignments(period_id, from_date);
  `,
};
