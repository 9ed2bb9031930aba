// The shared folder's layout (SYNC.md): names, what to ignore, and how a file is written so a
// reader never sees half of it. Each device writes only inside its own devices/<id>/ folder.
//   <folder>/caseload-sync/team.json
//   <folder>/caseload-sync/devices/<device>/device.json
//   <folder>/caseload-sync/devices/<device>/j-<epoch>-<seq>.cjl
//   <folder>/caseload-sync/snapshots/<epoch>/s-<device>-<seq>.csnap
import {
  type Stats,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = 'caseload-sync';

/** A path inside the root as stored in the database: forward slashes on every platform. */
export function relOf(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function rootOf(folder: string): string {
  return join(folder, ROOT);
}
export const teamFile = (root: string) => join(root, 'team.json');
export const devicesDir = (root: string) => join(root, 'devices');
export const deviceDir = (root: string, device: string) => join(root, 'devices', device);
export const deviceFile = (root: string, device: string) => join(deviceDir(root, device), 'device.json');
export const snapshotsDir = (root: string) => join(root, 'snapshots');

const pad = (seq: number) => String(seq).padStart(8, '0');
export const segmentName = (epoch: number, seq: number) => `j-${epoch}-${pad(seq)}.cjl`;
export const snapshotName = (device: string, seq: number) => `s-${device}-${pad(seq)}.csnap`;
export const snapshotPath = (root: string, epoch: number, device: string, seq: number) =>
  join(snapshotsDir(root), String(epoch), snapshotName(device, seq));

const SEGMENT = /^j-(\d{1,9})-(\d{8})\.cjl$/;
const DEVICE_ID = /^[0-9a-f]{16}$/;

/** (epoch, seq) of a segment under its own, exact name; null for any other name (conflict copies). */
export function parseSegmentName(name: string): { epoch: number; seq: number } | null {
  const m = SEGMENT.exec(name);
  return m ? { epoch: Number(m[1]), seq: Number(m[2]) } : null;
}

export function isDeviceId(s: string): boolean {
  return DEVICE_ID.test(s);
}

/**
 * Temp and system files of sync clients and operating systems, and our own temp files. They
 * are never read: a file still being written is a temp file until it is renamed.
 */
export function isIgnored(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n.startsWith('.') ||
    n.startsWith('~') ||
    n.includes('~syncthing~') ||
    n.endsWith('.part') ||
    n.endsWith('.tmp') ||
    n.endsWith('.partial') ||
    n.endsWith('.crdownload') ||
    n.endsWith('.download') ||
    n === 'desktop.ini' ||
    n === 'thumbs.db' ||
    n === 'icon\r' ||
    n.startsWith('.ds_store')
  );
}

/** A segment under any name a sync client may have given it (`.sync-conflict-`, `-PC`, `(1)`, ...). */
export function looksLikeSegment(name: string): boolean {
  return !isIgnored(name) && name.toLowerCase().includes('.cjl') && name.startsWith('j-');
}

export function looksLikeSnapshot(name: string): boolean {
  return !isIgnored(name) && name.toLowerCase().includes('.csnap') && name.startsWith('s-');
}

export function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export function subdirs(dir: string): string[] {
  return listDir(dir).filter((n) => !isIgnored(n) && statOrNull(join(dir, n))?.isDirectory());
}

export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Renames, retrying while a virus scanner, indexer or sync client holds a handle on Windows
 * (EPERM/EBUSY/EACCES), for about five seconds in all.
 */
export function renameWithRetry(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRY_CODES.has(code) || attempt >= 12) throw e;
      sleepSync(Math.min(1000, 25 * 2 ** attempt));
    }
  }
}

export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
}

/**
 * Writes a file so that it appears complete or not at all: temp file, fsync, rename. With
 * `noOverwrite` an existing file is never replaced (segments are immutable): returns false.
 */
export function writeFileAtomic(path: string, write: (fd: number) => void, noOverwrite = false): boolean {
  mkdirSync(dirname(path), { recursive: true });
  if (noOverwrite && existsSync(path)) return false;
  const tmp = tempNameFor(path);
  const fd = openSync(tmp, 'wx');
  try {
    write(fd);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    if (noOverwrite && existsSync(path)) {
      rmSync(tmp, { force: true });
      return false;
    }
    renameWithRetry(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
  return true;
}

export function writeBufferAtomic(path: string, data: Buffer, noOverwrite = false): boolean {
  return writeFileAtomic(
    path,
    (fd) => {
      for (let off = 0; off < data.length;) off += writeSync(fd, data, off);
    },
    noOverwrite,
  );
}

/** Makes the rename durable where the platform allows it (not on Windows; never fatal). */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* directories cannot be opened on Windows and some network shares */
  }
}
