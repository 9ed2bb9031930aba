// Putting a backup back, in two steps so a database is never half replaced:
// 1. stageRestore (the app, with its database open; or the CLI): copy the backup next to the
//    database, check the copy (integrity_check, a Caseload schema this version knows), fsync it,
//    and rename it to `<db>.restore-pending` - complete or absent.
// 2. commitRestore (with no connection of ours open: at the app's next start, or right away in
//    the CLI): refuse when another program has the database open, keep a safety copy of the
//    current database in the backups folder, remove the old file's -wal/-shm/-journal (they
//    belong to the old file and would be replayed onto the new one), rename the staged file over
//    the database and fsync the folder.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, lstatSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../model/errors.js';
import { backupName } from '../model/backup.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { renameWithRetry } from '../sync/layout.js';
import { audit } from '../store/audit.js';
import type { StoreBase } from '../store/open.js';
import { ensurePrivateDir, fsyncDir, fsyncPath, makePrivate } from './files.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const REQUIRED_TABLES = ['meta', 'journal', 'clients', 'employers', 'vacancies'];

export interface DatabaseFacts {
  schemaVersion: number;
  counts: { clients: number; employers: number; vacancies: number };
  device: string;
  deviceName: string | null;
}

function refuse(message: string): never {
  throw new AppError('invalid_backup', message, 'backup');
}

/** Reads the 100-byte SQLite header, or refuses a file that is not a database. */
function readHeader(file: string): Buffer {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    refuse('Het back-upbestand bestaat niet (meer).');
  }
  if (!st.isFile()) refuse('Dit is geen bestand.');
  if (st.size < 512) refuse('Dit is geen Caseload-database (het bestand is te klein).');
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) refuse('Dit is geen Caseload-database (geen SQLite-bestand).');
  return header;
}

/** True when the file is in WAL mode (header bytes 18/19 = 2): opening it would create -wal/-shm next to it. */
function isWal(header: Buffer): boolean {
  return header[18] === 2 || header[19] === 2;
}

/**
 * Checks an opened database is a Caseload database this version can open: with `full`, SQLite's
 * integrity check (it reads every page: seconds for a large database, so restores do it and
 * previews do not), then a schema version it knows, the tables and the device identity.
 */
function factsOf(db: Database.Database, full: boolean): DatabaseFacts {
  if (full) {
    let rows: unknown[];
    try {
      rows = (db.pragma('integrity_check') as Record<string, unknown>[]).map((r) => Object.values(r)[0]);
    } catch {
      refuse('Het back-upbestand is beschadigd (SQLite kan het niet lezen).');
    }
    if (rows.length !== 1 || rows[0] !== 'ok')
      refuse('Het back-upbestand is beschadigd (de integriteitscontrole faalt).');
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length)
    refuse('Deze back-up is gemaakt met een nieuwere versie van Caseload; werk Caseload eerst bij.');
  // raw SQL: a backup file under inspection, opened on its own connection (no Store, no migrations)
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  if (version < 1 || REQUIRED_TABLES.some((t) => !tables.has(t))) refuse('Dit is geen Caseload-database.');
  const meta = (key: string) =>
    // raw SQL: the backup file's own connection, as above
    (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  const device = meta('device_id');
  if (!device) refuse('Dit is geen Caseload-database (het apparaat ontbreekt).');
  const count = (table: string) =>
    // raw SQL: the backup file's own connection, as above
    db.prepare(`SELECT count(*) FROM ${table} WHERE deleted = 0`).pluck().get() as number;
  return {
    schemaVersion: version,
    counts: { clients: count('clients'), employers: count('employers'), vacancies: count('vacancies') },
    device,
    deviceName: meta('device_name'),
  };
}

function withCopy<T>(file: string, workDir: string, fn: (copy: string) => T): T {
  ensurePrivateDir(workDir);
  const copy = join(workDir, `.inspect-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    copyFileSync(file, copy);
    makePrivate(copy);
    return fn(copy);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true });
  }
}

export interface InspectOptions {
  nativeBinding?: string;
  /** Run SQLite's integrity_check too (restores do; previews need to be quick). */
  full?: boolean;
  /** Where a WAL-mode file is copied to be read without touching its folder (default: next to it). */
  workDir?: string;
}

/** What is in a database file, checked, without writing anything next to it. */
export function inspectDatabase(file: string, opts: InspectOptions = {}): DatabaseFacts {
  const header = readHeader(file);
  const read = (path: string) => {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
    } catch {
      refuse('Het back-upbestand kan niet geopend worden.');
    }
    try {
      return factsOf(db, opts.full ?? false);
    } catch (e) {
      if (e instanceof AppError) throw e;
      refuse('Het back-upbestand is beschadigd (SQLite kan het niet lezen).');
    } finally {
      db.close();
    }
  };
  // A read-only connection to a WAL-mode file still creates -wal/-shm beside it: read a copy.
  return isWal(header) ? withCopy(file, opts.workDir ?? dirname(file), read) : read(file);
}

export function pendingRestoreFile(dbFile: string): string {
  return `${dbFile}.restore-pending`;
}

/**
 * Step 1: a checked, fsynced copy of the backup as `<db>.restore-pending`. The copy is what is
 * checked (not the original, which could change in between) and what will be put in place.
 */
export function stageRestore(
  dbFile: string,
  backupFile: string,
  opts: { nativeBinding?: string } = {},
): { pending: string; facts: DatabaseFacts } {
  readHeader(backupFile);
  const dir = dirname(dbFile);
  const tmp = join(dir, `.restore-${randomBytes(6).toString('hex')}.part`);
  const pending = pendingRestoreFile(dbFile);
  try {
    copyFileSync(backupFile, tmp);
    makePrivate(tmp);
    let db: Database.Database;
    try {
      db = new Database(tmp, { fileMustExist: true, nativeBinding: opts.nativeBinding });
    } catch {
      refuse('Het back-upbestand kan niet geopend worden.');
    }
    let facts: DatabaseFacts;
    try {
      facts = factsOf(db, true);
      // Self-contained: the staged file must not depend on a -wal beside it.
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      if (e instanceof AppError) throw e;
      refuse('Het back-upbestand is beschadigd (SQLite kan het niet lezen).');
    } finally {
      db.close();
    }
    fsyncPath(tmp);
    renameWithRetry(tmp, pending);
    fsyncDir(dir);
    return { pending, facts };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
  }
}

export function discardPendingRestore(dbFile: string): void {
  rmSync(pendingRestoreFile(dbFile), { force: true });
}

export interface CommitOptions {
  /** Where the safety copy of the current database goes (the backups folder). */
  backupDir: string;
  nativeBinding?: string;
  now?: number;
}

export interface CommitResult {
  committed: boolean;
  /** The copy of the database as it was before, or null when there was none. */
  safetyCopy: string | null;
}

/** Step 2: puts a staged restore in place. Call with no connection to `dbFile` open in this process. */
export function commitRestore(dbFile: string, opts: CommitOptions): CommitResult {
  const pending = pendingRestoreFile(dbFile);
  if (!existsSync(pending)) return { committed: false, safetyCopy: null };
  readHeader(pending);
  let safetyCopy: string | null = null;
  if (existsSync(dbFile)) {
    const db = new Database(dbFile, { fileMustExist: true, timeout: 1000, nativeBinding: opts.nativeBinding });
    try {
      // Leaving WAL mode needs the only connection: it fails while Caseload or a caseload
      // command has the database open, and on success the WAL is checkpointed and removed.
      try {
        db.pragma('journal_mode = DELETE');
      } catch {
        throw new AppError(
          'busy',
          'De database is in gebruik. Sluit Caseload (en andere caseload-opdrachten) en probeer het opnieuw.',
        );
      }
      if (String(db.pragma('journal_mode', { simple: true })) !== 'delete')
        throw new AppError('busy', 'De database is in gebruik. Sluit Caseload en probeer het opnieuw.');
      // The safety copy through SQLite itself (VACUUM INTO reads under SQLite's own locks; a plain
      // file copy could hit the lock-byte page of a database over 1 GB on Windows).
      ensurePrivateDir(opts.backupDir);
      const name = backupName(opts.now ?? Date.now(), 'safety');
      const target = join(opts.backupDir, name);
      const tmp = join(opts.backupDir, `.${name}.${randomBytes(4).toString('hex')}.part`);
      try {
        // raw SQL: VACUUM INTO has no Kysely form
        db.prepare('VACUUM INTO ?').run(tmp);
        makePrivate(tmp);
        fsyncPath(tmp);
        renameSync(tmp, target);
        fsyncDir(opts.backupDir);
        safetyCopy = target;
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    } finally {
      db.close();
    }
  }
  // The old file's companions would be replayed onto the new file: they go first.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
  renameWithRetry(pending, dbFile);
  fsyncDir(dirname(dbFile));
  return { committed: true, safetyCopy };
}

/** Records a committed restore in the restored database's audit log (its own log is the backup's). */
export function auditRestore(store: StoreBase, actor: string, result: CommitResult): void {
  if (!result.committed) return;
  const safety = result.safetyCopy ? basename(result.safetyCopy) : null;
  audit(store, { actor, action: 'backup.restore', object: safety ? `veiligheidskopie ${safety}` : null, result: 'ok' });
}
