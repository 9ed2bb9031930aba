// Contract methods for sync through a shared folder (SYNC.md, issue 4): status for the
// Synchronisatie screen, team setup, a round on demand, and the conflicts list with resolve.
// Pure: the renderer imports the shapes.
import { z } from 'zod';
import { method } from '../define.js';
import { ALL_ROLES } from '../../model/access.js';

const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const conflictSide = z.object({
  value,
  hlc: z.string(),
  device: z.string(),
  user: z.string(),
  /** The user's display name (the journal names signed-in users by id). */
  userName: z.string().nullable(),
  at: z.string(),
});

export const syncConflict = z.object({
  id: z.string(),
  kind: z.enum(['concurrent', 'merge']),
  entity: z.string(),
  rowId: z.string(),
  /** The record's number; for a caseload period, its client's. */
  ref: z.string().nullable(),
  field: z.string(),
  keyField: z.boolean(),
  current: conflictSide.nullable(),
  other: conflictSide,
  mergedRowId: z.string().optional(),
  mergedRef: z.string().nullable().optional(),
});
export type SyncConflict = z.infer<typeof syncConflict>;

const ingestResult = z.object({
  segments: z.number(),
  changes: z.number(),
  applied: z.number(),
  duplicates: z.number(),
  conflicts: z.number(),
  problems: z.number(),
  purgeMarkers: z.boolean().optional(),
});

export const roundResult = z.object({
  at: z.string(),
  bootstrapped: z.boolean(),
  filledGap: z.boolean(),
  ingested: ingestResult,
  merged: z.number(),
  moved: z.number(),
  renumbered: z.number(),
  purged: z.number(),
  published: z.object({ segments: z.number(), changes: z.number() }),
  snapshot: z.string().nullable(),
  compacted: z.object({ segments: z.number(), snapshots: z.number() }),
});
export type SyncRoundResult = z.infer<typeof roundResult>;

export const syncStatusOutput = z.object({
  configured: z.boolean(),
  folder: z.string().nullable(),
  team: z.string().nullable(),
  device: z.string(),
  deviceName: z.string(),
  lastRun: z.string().nullable(),
  lastResult: roundResult.nullable(),
  pending: z.number(),
  devices: z.array(
    z.object({
      device: z.string(),
      name: z.string().nullable(),
      self: z.boolean(),
      appVersion: z.string().nullable(),
      lastActivity: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({
      path: z.string(),
      kind: z.string(),
      message: z.string(),
      tries: z.number(),
      firstSeen: z.string(),
      lastTry: z.string(),
      quarantined: z.boolean(),
    }),
  ),
  conflicts: z.number(),
  otherConflicts: z.number(),
  running: z.boolean(),
});
export type SyncStatusOutput = z.infer<typeof syncStatusOutput>;

export const teamDevice = z.object({
  device: z.string(),
  name: z.string().nullable(),
  lastSeen: z.string().nullable(),
  removed: z.boolean(),
  self: z.boolean(),
});
export type TeamDeviceItem = z.infer<typeof teamDevice>;

const folderInput = z.string().min(1).max(1000).optional();

export const syncMethods = {
  'sync.status': method({ roles: ALL_ROLES, input: z.object({}).strict(), output: syncStatusOutput }),
  /** Creates a team in the shared folder or joins it (also unlocks again after a lost key). */
  'sync.setup': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        folder: z.string().min(1).max(1000),
        mode: z.enum(['create', 'join']),
        passphrase: z.string().min(1).max(1000),
        deviceName: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.object({ team: z.string(), device: z.string(), created: z.boolean() }),
  }),
  /** One round now (the shell also runs them on start, on a timer and when the folder changes). */
  'sync.run': method({
    roles: ALL_ROLES,
    writes: true,
    input: z
      .object({
        snapshot: z.boolean().default(false),
        /** Another path to the same shared folder (the command line names it every time). */
        folder: z.string().min(1).max(1000).optional(),
      })
      .strict(),
    output: roundResult,
  }),
  'sync.conflicts': method({
    roles: ALL_ROLES,
    input: z.object({ all: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(syncConflict) }),
  }),
  /** The team's laptops (read from the folder's device files when the key is at hand), removed ones too. */
  'sync.devices': method({
    roles: ALL_ROLES,
    input: z.object({ folder: folderInput }).strict(),
    output: z.object({ items: z.array(teamDevice), canRemove: z.boolean() }),
  }),
  /**
   * Removes a laptop (id or name) from the team: a new team key under a new passphrase; the other
   * laptops carry on without it, the removed one reads and writes nothing afterwards (db/sync/keys.ts).
   */
  'sync.removeDevice': method({
    writes: true,
    input: z
      .object({ device: z.string().min(1).max(100), newPassphrase: z.string().min(1).max(1000), folder: folderInput })
      .strict(),
    output: z.object({
      removed: z.object({ device: z.string(), name: z.string().nullable() }),
      keyEpoch: z.number(),
      needPassphrase: z.array(z.string()),
    }),
    roles: ['beheerder'],
  }),
  'sync.resolveConflict': method({
    roles: ALL_ROLES,
    writes: true,
    input: z.object({ id: z.string().min(1).max(300), choice: z.enum(['current', 'other']) }).strict(),
    output: z.object({ resolved: syncConflict }),
  }),
};
