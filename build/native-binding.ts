// Where the Electron build of better-sqlite3 lives and when `npm start` / `npm run dist` must
// (re)build it. Two native builds live side by side: node_modules/better-sqlite3 keeps Node's
// build (tests, CLI, web shell), and build/native/electron-<abi>-<platform>-<arch>/ holds the
// one the Electron main loads through Store.open's nativeBinding option. Pure (paths, parsing,
// decisions): scripts/start.mjs, build/native-build.ts and the Electron main all import it, so
// the folder name has one definition.
import { join } from 'node:path';

export const BINDING_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'stamp.json';
/** Inside the packaged app: <resources>/native/better_sqlite3.node (electron-builder extraResources). */
export const PACKAGED_DIR = 'native';
/** The binding `npm run dist` packs, and the manifest (inside app.asar) with its sha256. */
export const DIST_DIR = 'dist';
export const MANIFEST_FILE = 'native.json';

/** The Electron a binding is built for. */
export interface Target {
  electron: string;
  abi: string;
  platform: string;
  arch: string;
}

/** Written next to a built binding; a binding without a matching stamp is rebuilt. */
export interface Stamp extends Target {
  betterSqlite3: string;
  sha256: string;
  builtAt: string;
}

const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?$/;
const ABI = /^\d{1,4}$/;
const NAME = /^[a-z0-9_]{1,20}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function nativeRoot(root: string): string {
  return join(root, 'build', 'native');
}

export function nativeDirName(t: Pick<Target, 'abi' | 'platform' | 'arch'>): string {
  return `electron-${t.abi}-${t.platform}-${t.arch}`;
}

/** build/native/electron-<abi>-<platform>-<arch>/better_sqlite3.node under a checkout. */
export function devBindingPath(root: string, t: Pick<Target, 'abi' | 'platform' | 'arch'>): string {
  return join(nativeRoot(root), nativeDirName(t), BINDING_FILE);
}

function isTarget(v: Record<string, unknown>): boolean {
  return (
    typeof v.electron === 'string' &&
    VERSION.test(v.electron) &&
    typeof v.abi === 'string' &&
    ABI.test(v.abi) &&
    typeof v.platform === 'string' &&
    NAME.test(v.platform) &&
    typeof v.arch === 'string' &&
    NAME.test(v.arch)
  );
}

/** What `ELECTRON_RUN_AS_NODE=1 electron -p ...` printed: {electron, abi} or null when it is anything else. */
export function parseProbe(stdout: string): { electron: string; abi: string } | null {
  try {
    const v = JSON.parse(stdout.trim()) as Record<string, unknown>;
    if (!v || typeof v !== 'object') return null;
    const electron = v.electron;
    const abi = typeof v.abi === 'number' ? String(v.abi) : v.abi;
    if (typeof electron !== 'string' || !VERSION.test(electron) || typeof abi !== 'string' || !ABI.test(abi))
      return null;
    return { electron, abi };
  } catch {
    return null;
  }
}

/** The script the probe runs inside Electron (as Node): its version and module ABI as JSON. */
export const PROBE_SCRIPT = 'JSON.stringify({electron:process.versions.electron,abi:process.versions.modules})';

export function parseStamp(text: string | null): Stamp | null {
  if (text === null || text.length > 4096) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || !isTarget(v)) return null;
    if (typeof v.betterSqlite3 !== 'string' || !VERSION.test(v.betterSqlite3)) return null;
    if (typeof v.sha256 !== 'string' || !SHA256.test(v.sha256)) return null;
    if (typeof v.builtAt !== 'string') return null;
    return v as unknown as Stamp;
  } catch {
    return null;
  }
}

/**
 * Why an existing binding cannot be used for `target` (null: it can). A binding is reused only
 * when its stamp names the same Electron, ABI, platform, architecture and better-sqlite3 version
 * and the file still has the hash it was built with.
 */
export function staleReason(
  stamp: Stamp | null,
  bindingSha256: string | null,
  target: Target,
  betterSqlite3: string,
): string | null {
  if (bindingSha256 === null) return 'missing';
  if (!stamp) return 'no-stamp';
  for (const key of ['electron', 'abi', 'platform', 'arch'] as const) {
    if (stamp[key] !== target[key]) return `${key}-changed`;
  }
  if (stamp.betterSqlite3 !== betterSqlite3) return 'better-sqlite3-changed';
  if (stamp.sha256 !== bindingSha256) return 'hash-mismatch';
  return null;
}

export type StartPlan =
  | { shell: 'web'; reason: 'forced' | 'no-electron' | 'no-abi' }
  | { shell: 'electron'; binding: 'reuse' }
  | { shell: 'electron'; binding: 'build'; reason: string };

export interface StartFacts {
  /** `npm start -- --web` */
  forceWeb: boolean;
  /** The Electron executable, null when its binary was never downloaded. */
  electronBinary: string | null;
  /** Electron's version and ABI (probe), null when they could not be learned. */
  target: Target | null;
  stamp: Stamp | null;
  /** sha256 of the existing binding file, null when there is none. */
  bindingSha256: string | null;
  /** Installed better-sqlite3 version (node_modules/better-sqlite3/package.json). */
  betterSqlite3: string;
}

/** What `npm start` does: the web shell, or Electron with the binding reused or (re)built first. */
export function planStart(f: StartFacts): StartPlan {
  if (f.forceWeb) return { shell: 'web', reason: 'forced' };
  if (!f.electronBinary) return { shell: 'web', reason: 'no-electron' };
  if (!f.target) return { shell: 'web', reason: 'no-abi' };
  const reason = staleReason(f.stamp, f.bindingSha256, f.target, f.betterSqlite3);
  return reason === null ? { shell: 'electron', binding: 'reuse' } : { shell: 'electron', binding: 'build', reason };
}

/** The manifest `npm run dist` puts into app.asar: the packed binding's hash, checked before loading it. */
export function parseManifest(text: string | null): { sha256: string; abi: string } | null {
  if (text === null || text.length > 4096) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v.sha256 !== 'string' || !SHA256.test(v.sha256)) return null;
    if (typeof v.abi !== 'string' || !ABI.test(v.abi)) return null;
    return { sha256: v.sha256, abi: v.abi };
  } catch {
    return null;
  }
}
