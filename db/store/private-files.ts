// Files with personal data are readable by this user only (BIO: least privilege on a shared
// laptop or a terminal server): 0600 files, 0700 folders this code creates. On Windows the
// modes are not enforced (files inherit the ACL of the user-data folder, which is already the
// user's own); an owner-only ACL there is a follow-up (docs/security.md).
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates a folder (and missing parents) owner-only; an existing folder is left as it is. */
export function mkdirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Makes an existing file owner-only (older versions created 0644); never fatal. */
export function chmodPrivate(file: string): void {
  try {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE);
  } catch {
    /* not the owner, or a filesystem without modes */
  }
}

/**
 * Prepares a SQLite database file before it is opened: created empty with 0600 when missing,
 * so SQLite (which gives -wal and -shm the mode of the database file) creates its companions
 * owner-only too; an existing file and its companions are tightened.
 */
export function prepareDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) chmodPrivate(f);
}

/** Opens a new file for writing, owner-only from the first byte (flags as fs.openSync). */
export function openPrivate(file: string, flags = 'w'): number {
  const fd = openSync(file, flags, PRIVATE_FILE);
  chmodPrivate(file); // an existing file keeps its old mode on open
  return fd;
}

/**
 * Writes a whole file owner-only and atomically: a temp name, fsync, rename. A reader (or a
 * synced folder) never sees half a file; `chunks` may be a generator, so a dump never sits in
 * memory. Returns the number of chunks written.
 */
export function writePrivateAtomic(file: string, chunks: Iterable<string | Buffer>): number {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openPrivate(tmp);
  let n = 0;
  try {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
      n++;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return n;
}
