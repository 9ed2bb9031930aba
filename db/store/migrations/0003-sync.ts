// 0003: local bookkeeping of shared-folder sync (SYNC.md, db/sync/). None of these tables is a
// synced entity: they describe what this laptop has seen of the folder, so they never go
// through the journal and never leave the laptop (a snapshot keeps only the ingest vector, the
// pinned device keys and the conflicts, which are the same on every laptop).
import type { Migration } from './index.js';

export const m0003: Migration = {
  name: '0003-sync',
  up: `
    -- Segments applied here (and this device's own published ones): the "vector" of
    -- (device, epoch, seq). hash tells a conflict copy with other content from a duplicate.
    CREATE TABLE sync_ingested (
      device TEXT NOT NULL, epoch INTEGER NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL,
      changes INTEGER NOT NULL, created INTEGER NOT NULL, at TEXT NOT NULL,
      PRIMARY KEY (device, epoch, seq, hash)
    ) STRICT, WITHOUT ROWID;

    -- Files in the folder already read (by path, size and mtime): only a change detector so
    -- unchanged files are not decrypted every round. New paths are always read.
    CREATE TABLE sync_files (
      path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Devices of the team: public signing key pinned on first sight, name and "seen" vector
    -- from their device.json.
    CREATE TABLE sync_devices (
      device TEXT PRIMARY KEY NOT NULL, public_key TEXT NOT NULL, name TEXT, app_version TEXT,
      updated INTEGER, seen TEXT, first_seen TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Files that could not be used (truncated, unauthenticated, unparsable, clock far ahead,
    -- unknown device): retried each round, quarantined after repeated failures, shown in status.
    CREATE TABLE sync_problems (
      path TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL,
      first_seen TEXT NOT NULL, last_try TEXT NOT NULL, tries INTEGER NOT NULL, size INTEGER NOT NULL,
      quarantined INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;

    -- Edits overwritten by a concurrent edit that had not seen them (the losers of last writer
    -- wins). Derived from the journal alone, so every laptop ends with the same set; the current
    -- value and whether a person resolved it are looked up live (db/sync/conflicts.ts).
    CREATE TABLE sync_conflicts (
      entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, loser_hlc TEXT NOT NULL,
      loser_value TEXT, loser_device TEXT NOT NULL, loser_user TEXT NOT NULL,
      key_field INTEGER NOT NULL, detected TEXT NOT NULL,
      PRIMARY KEY (entity, row_id, field, loser_hlc)
    ) STRICT, WITHOUT ROWID;
  `,
};
