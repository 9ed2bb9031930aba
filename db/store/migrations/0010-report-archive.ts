// 0010: delivered reports (issue 14): a synced table, so every laptop of the team has the archive
// and `caseload archive verify` gives the same answer everywhere (db/reports/archive.ts).
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
  `,
};
