// Local backups for the beheerder (Beheer > Back-ups): list, make one now, preview what a backup
// holds, and restore one (staged; the app restarts to put it in place). Backups are named, never
// addressed by path: only names of the backup-file shape in the store's own backups folder.
import { z } from 'zod';
import { method } from '../define.js';
import { BACKUP_NAME } from '../../model/backup.js';

const kind = z.enum(['daily', 'manual', 'safety']);
const name = z.string().max(100).regex(BACKUP_NAME, 'geen back-upbestand');
const item = z.object({ name: z.string(), createdAt: z.string(), size: z.number(), kind });

export const backupMethods = {
  /** The backups folder and its backups, newest first. */
  'backup.list': method({
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), items: z.array(item) }),
    roles: ['beheerder'],
  }),
  /**
   * A backup now (kind manual), then the rotation. `out` (the command line only) writes it to
   * another folder instead, which is left as it is.
   */
  'backup.create': method({
    writes: true,
    audit: 'self',
    input: z.object({ out: z.string().min(1).max(4096).optional() }).strict(),
    output: item.extend({ file: z.string() }),
    roles: ['beheerder'],
  }),
  /** What a backup file (by path) holds, checked: shown by `caseload restore` before asking. */
  'backup.inspect': method({
    local: true,
    input: z.object({ file: z.string().min(1).max(4096) }).strict(),
    output: z.object({
      createdAt: z.string(),
      schemaVersion: z.number(),
      counts: z.object({ clients: z.number(), employers: z.number(), vacancies: z.number() }),
      deviceName: z.string().nullable(),
      otherDevice: z.boolean(),
    }),
    roles: ['beheerder'],
  }),
  /** Stages a backup file (by path), fully checked; the command line then puts it in place. */
  'backup.stage': method({
    writes: true,
    audit: 'self',
    local: true,
    input: z.object({ file: z.string().min(1).max(4096), confirm: z.literal(true) }).strict(),
    output: z.object({ staged: z.literal(true) }),
    roles: ['beheerder'],
  }),
  /** What a backup holds (a Caseload database of a known schema version): shown before restoring. */
  'backup.preview': method({
    input: z.object({ name }).strict(),
    output: z.object({
      name: z.string(),
      createdAt: z.string(),
      kind,
      schemaVersion: z.number(),
      counts: z.object({ clients: z.number(), employers: z.number(), vacancies: z.number() }),
      deviceName: z.string().nullable(),
      /** Made on another laptop: restoring it here makes this laptop continue as that one. */
      otherDevice: z.boolean(),
    }),
    roles: ['beheerder'],
  }),
  /**
   * Stages the backup (fully checked) to replace the database at the next start; the shell then
   * restarts Caseload ('backup.restored' event). A safety copy of the current database is kept.
   */
  'backup.restore': method({
    writes: true,
    audit: 'self',
    input: z.object({ name, confirm: z.literal(true) }).strict(),
    output: z.object({ restart: z.literal(true) }),
    roles: ['beheerder'],
  }),
};
