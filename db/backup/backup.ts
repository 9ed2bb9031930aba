// Local backups of the store: a consistent copy made with SQLite's backup API while the app keeps
// working (better-sqlite3's db.backup()), as one self-contained file (rollback journal, no WAL),
// owner-only, in the backups folder next to the database. Rotation keeps 7 daily and 4 weekly
// (rotation.ts). The app makes one a day (schedule.ts); Beheer and `caseload backup` make one on
// request.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../model/errors.js';
import { backupName, parseBackupName, type BackupKind } from '../model/backup.js';
import type { StoreBase } from '../store/open.js';
import { createPrivateFile, ensurePrivateDir, fsyncDir, fsyncPath, makePrivate } from './files.js';
import { dayOf, planRotation, KEEP } from './rotation.js';

export const BACKUP_DIR_NAME = 'backups';
/** More files than this in the folder is not ours to sort: only the newest names are considered. */
const MAX_LISTED = 2000;

export interface BackupInfo {
  name: string;
  file: string;
  /** ISO date-time (UTC) from the name. */
  createdAt: string;
  /** Europe/Amsterdam calendar day. */
  day: string;
  size: number;
  kind: BackupKind;
}

/** The backups folder of a database: `backups/` next to it (the app's: <user data>/backups). */
export function backupDirFor(dbFile: string): string {
  return join(dirname(dbFile), BACKUP_DIR_NAME);
}

function requireFile(store: StoreBase): string {
  if (store.file === ':memory:')
    throw new AppError('not_available', 'Een database in het geheugen heeft geen back-ups.');
  return store.file;
}

export function storeBackupDir(store: StoreBase): string {
  return backupDirFor(requireFile(store));
}

/** The backups in a folder, newest first. Other files (and links) are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names
    .filter((n) => parseBackupName(n))
    .sort()
    .reverse()
    .slice(0, MAX_LISTED)) {
    const parsed = parseBackupName(name)!;
    const file = join(dir, name);
    try {
      const st = lstatSync(file);
      if (!st.isFile()) continue;
      out.push({
        name,
        file,
        createdAt: parsed.createdAt,
        day: dayOf(parsed.createdAt),
        size: st.size,
        kind: parsed.kind,
      });
    } catch {
      /* vanished while listing */
    }
  }
  return out.sort((a, b) =>
    a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/** Names being written by this process (a click in Beheer during the daily backup). */
const reserved = new Set<string>();

/** A free name in `dir` for `ms`, reserved: the next second when two backups fall in the same one. */
function reserveName(dir: string, ms: number, kind: BackupKind): string {
  for (let i = 0; i < 120; i++) {
    const name = backupName(ms + i * 1000, kind);
    const key = join(dir, name);
    if (reserved.has(key)) continue;
    try {
      lstatSync(key);
    } catch {
      reserved.add(key);
      return name;
    }
  }
  throw new AppError('busy', 'Er worden te veel back-ups tegelijk gemaakt; probeer het over een minuut opnieuw.');
}

export interface CreateOptions {
  /** Default: the store's backups folder. */
  dir?: string;
  kind?: BackupKind;
  /** The moment in the name (default: the store's clock). */
  now?: number;
}

/** Makes a consistent, owner-only copy of the store and returns where it is. */
export async function createBackup(store: StoreBase, opts: CreateOptions = {}): Promise<BackupInfo> {
  const dir = opts.dir ?? storeBackupDir(store);
  requireFile(store);
  ensurePrivateDir(dir);
  const now = opts.now ?? store.now();
  const kind = opts.kind ?? 'manual';
  const name = reserveName(dir, now, kind);
  const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
  try {
    createPrivateFile(tmp);
    await store.db.backup(tmp);
    // One self-contained file: no -wal to lose when the file is copied to a USB stick.
    const copy = new Database(tmp, { nativeBinding: store.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    makePrivate(tmp);
    fsyncPath(tmp);
    renameSync(tmp, join(dir, name));
    fsyncDir(dir);
  } catch (e) {
    rmSync(tmp, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
    throw e;
  } finally {
    reserved.delete(join(dir, name));
  }
  const info = listBackups(dir).find((b) => b.name === name);
  if (!info) throw new AppError('internal', 'De back-up is gemaakt maar niet terug te vinden.');
  return info;
}

/** Deletes what the rotation does not keep; returns the deleted names. */
export function rotateBackups(dir: string, keep: { daily: number; weekly: number } = KEEP): string[] {
  const doomed = planRotation(listBackups(dir), keep);
  const deleted: string[] = [];
  for (const name of doomed) {
    try {
      rmSync(join(dir, name));
      deleted.push(name);
    } catch {
      /* in use by a virus scanner: next time */
    }
  }
  return deleted;
}

/** True when the folder has a backup made on this Europe/Amsterdam day. */
export function hasBackupOn(dir: string, day: string): boolean {
  return listBackups(dir).some((b) => b.day === day);
}
