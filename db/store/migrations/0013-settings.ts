// 0013: team settings (issue 14): the municipality's and the corporation's names and the result
// agreements' wording, synced like any record so every laptop prints the same report
// (db/model/settings.ts, db/reports/settings.ts); and the as-known-on moment of a delivered
// report, when it was made as known on an earlier moment.
import type { Migration } from './index.js';

export const m0013: Migration = {
  name: '0013-settings',
  up: `
    CREATE TABLE settings (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      key TEXT,
      value TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    ALTER TABLE report_deliveries ADD COLUMN known_on TEXT;
  `,
};
