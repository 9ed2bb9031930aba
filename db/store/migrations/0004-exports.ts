// 0004: export profiles and deliveries (EXPORTS.md). Both are synced entities (ENTITIES
// export_profile / export_delivery), so every change goes through the journal:
// - a profile a beheerder adjusts must be the same on every laptop, or two colleagues would
//   deliver different columns to the same GWS4all;
// - a delivery (hash, time, the target's own id) must be known on every laptop, or a colleague
//   would type the same vacancy into WBS a second time.
// A delivery row's id is derived from (target, entity, record id), so two laptops that deliver
// the same record write the same row and its fields merge instead of duplicating.
import type { Migration } from './index.js';

export const m0004: Migration = {
  name: '0004-exports',
  up: `
    CREATE TABLE export_profiles (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      target TEXT,
      kind TEXT,
      name TEXT,
      version INTEGER,
      based_on TEXT,
      definition TEXT,
      active INTEGER,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX export_profiles_ref ON export_profiles(ref);
    CREATE TABLE export_deliveries (
      id TEXT PRIMARY KEY NOT NULL,
      ref TEXT,
      target TEXT,
      entity TEXT,
      record_id TEXT,
      hash TEXT,
      columns TEXT,
      delivered_at TEXT,
      method TEXT,
      batch TEXT,
      profile TEXT,
      target_id TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX export_deliveries_ref ON export_deliveries(ref);
    CREATE INDEX export_deliveries_record ON export_deliveries(target, entity, record_id);
  `,
};
