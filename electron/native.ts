// Which better-sqlite3 binding the Electron main loads, and opening the app's store with it.
// Under Electron: in a checkout the build `npm start` made in build/native/ (Electron's ABI),
// in the packaged app the copy electron-builder put in resources/native/ - checked against the
// sha256 recorded inside app.asar, so the binding is covered by the asar's integrity check and the
// install folder's permissions. Under plain Node (tests, web shell): node_modules' own build.
// No runtime 'electron' import: main.ts passes process.versions and the paths, tests fake them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINDING_FILE, MANIFEST_FILE, PACKAGED_DIR, devBindingPath, parseManifest } from '../build/native-binding.js';
import { Store, type OpenOptions } from '../db/api/host.js';

/** Exit code when the Electron binding is missing or does not load (scripts/start.mjs then opens the web shell). */
export const EXIT_NATIVE_MODULE_MISMATCH = 3;

export interface Runtime {
  /** process.versions: `electron` is set only inside Electron; `modules` is the ABI. */
  versions: { electron?: string; modules: string };
  /** app.isPackaged */
  packaged: boolean;
  /** app.getAppPath(): the checkout, or resources/app.asar when packaged. */
  appRoot: string;
  /** process.resourcesPath (packaged app only). */
  resourcesPath?: string;
  platform: string;
  arch: string;
}

export class NativeBindingError extends Error {
  readonly code = 'native_binding';
  constructor(message: string) {
    super(message);
    this.name = 'NativeBindingError';
  }
}

/** The binding to load, or undefined for better-sqlite3's default (plain Node). */
export function nativeBindingFor(rt: Runtime): string | undefined {
  if (!rt.versions.electron) return undefined;
  if (rt.packaged) {
    if (!rt.resourcesPath) throw new NativeBindingError('resourcesPath ontbreekt');
    return join(rt.resourcesPath, PACKAGED_DIR, BINDING_FILE);
  }
  return devBindingPath(rt.appRoot, { abi: rt.versions.modules, platform: rt.platform, arch: rt.arch });
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Packaged app: the binding must be the one packed, byte for byte (manifest inside app.asar). */
export function checkPackagedBinding(binding: string, manifestText: string | null, abi: string): void {
  const manifest = parseManifest(manifestText);
  if (!manifest) throw new NativeBindingError('het manifest van de SQLite-module ontbreekt in het pakket');
  if (manifest.abi !== abi)
    throw new NativeBindingError(`SQLite-module voor ABI ${manifest.abi}, Electron heeft ${abi}`);
  const bytes = readOrNull(binding);
  if (!bytes) throw new NativeBindingError('de SQLite-module ontbreekt in de installatiemap');
  if (createHash('sha256').update(bytes).digest('hex') !== manifest.sha256)
    throw new NativeBindingError('de SQLite-module in de installatiemap is gewijzigd');
}

/** The binding for this runtime, checked against the packed manifest in the packaged app. */
export function verifiedBinding(rt: Runtime): string | undefined {
  const nativeBinding = nativeBindingFor(rt);
  if (nativeBinding && rt.packaged) {
    const manifest = readOrNull(join(rt.appRoot, 'out', MANIFEST_FILE));
    checkPackagedBinding(nativeBinding, manifest ? manifest.toString('utf8') : null, rt.versions.modules);
  }
  return nativeBinding;
}

/** Opens the app's database with the binding for this runtime (Store.open injectable for tests). */
export function openAppStore(
  file: string,
  rt: Runtime,
  open: (file: string, opts: OpenOptions) => Store = (f, o) => Store.open(f, o),
): Store {
  const nativeBinding = verifiedBinding(rt);
  return open(file, nativeBinding ? { nativeBinding } : {});
}

/** True when opening failed because of the native module (missing, wrong ABI, changed), not the database. */
export function isNativeLoadError(e: unknown): boolean {
  if (e instanceof NativeBindingError) return true;
  const err = e as { message?: unknown; code?: unknown };
  const message = typeof err?.message === 'string' ? err.message : '';
  if (err?.code === 'ERR_DLOPEN_FAILED') return true;
  if (/NODE_MODULE_VERSION|different Node\.js version|ERR_DLOPEN_FAILED/.test(message)) return true;
  return err?.code === 'MODULE_NOT_FOUND' && message.includes(BINDING_FILE);
}
