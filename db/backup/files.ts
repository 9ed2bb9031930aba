// Owner-only files for backups and restores: folders 0700 and files 0600 (on Windows these modes
// do nothing: the user-data folder under %APPDATA% is already private to the user by its ACL,
// see docs/desktop.md), fsync before a rename so a file is complete or absent.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Creates the folder if needed and makes it owner-only, also when it already existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform !== 'win32') chmodSync(dir, PRIVATE_DIR);
}

export function makePrivate(file: string): void {
  if (process.platform !== 'win32') chmodSync(file, PRIVATE_FILE);
}

/** An empty owner-only file to write into (SQLite keeps the mode of a file it finds). */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE));
  makePrivate(file);
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable where the platform allows it (not on Windows; never fatal). */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* folders cannot be opened on Windows */
  }
}
