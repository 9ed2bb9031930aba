// The shells' security settings as plain data and pure checks, so unit tests can assert them
// without an Electron binary: window preferences, Content-Security-Policy, the app:// path
// traversal guard, who may call the IPC router, which links may leave the app, permissions, and
// the electron-builder fuses. No runtime 'electron' import here (type imports only).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';

/** The UI is served from app://caseload/ (a privileged, standard, secure custom scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caseload';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready`: standard (relative URLs, origin), secure (like https), fetch, and
 * V8's code cache (off for custom schemes unless asked; with it a start after the first skips
 * most of the parsing of the renderer's scripts).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: true,
  },
};

export function windowOptions(preloadPath: string, opts: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Caseload',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries from Google: the laptops may be offline and
      // client notes must not leave the machine.
      spellcheck: false,
      devTools: opts.devTools ?? false,
    },
  };
}

/** One directive per entry so tests (and readers) see each rule on its own. No 'unsafe-inline'. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Headers on every response of both shells (app:// protocol and the web shell). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Maps a URL path (raw, still percent-encoded, as it arrived) to a file below `root`, or null
 * when the path could escape `root` or is not a plain file name: `..`/`.` segments (also
 * percent-encoded), backslashes, NUL, drive letters, dotfiles, absolute paths after decoding.
 * `/` and paths ending in `/` mean index.html.
 */
export function resolveAppPath(root: string, urlPath: string): string | null {
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/') || urlPath.startsWith('//')) return null;
  const path = urlPath.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  // After one decoding a '%' can only come from double encoding (%252e): no asset has one.
  if (/[\\\0%:]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  for (const s of segments) {
    if (s === '' || s.startsWith('.')) return null;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(s)) return null;
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !file.startsWith(base + sep)) return null;
  return file;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs inside the app (app://caseload/...), exact host, no port or credentials. */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    !!u &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** The IPC router answers only frames showing the app itself (not about:blank, file:, http:, ...). */
export function isAllowedSender(url: unknown): boolean {
  return isAppUrl(url);
}

/** Links the app may hand to the system (browser, mail program); everything else is dropped. */
export function isExternalLinkAllowed(url: unknown): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'mailto:') return true;
  return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname !== '';
}

/**
 * Permissions web content could ask for. The handlers deny all of them, and anything not listed
 * (deny by default): the app needs no camera, location, notifications or device access.
 * The one exception is writing plain text to the clipboard: the entry assistant's copy buttons
 * (EXPORTS.md) exist to paste values into WBS and GWS4all. Reading the clipboard stays denied.
 */
export const ALLOWED_PERMISSIONS = ['clipboard-sanitized-write'] as const;

export const DENIED_PERMISSIONS = [
  'clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
] as const;

export function isPermissionAllowed(permission: string): boolean {
  return (ALLOWED_PERMISSIONS as readonly string[]).includes(permission);
}

/**
 * Electron fuses flipped into the binary at packaging time (electron-builder `electronFuses`;
 * build/electron-builder.config.cjs must carry the same values - a unit test compares them, and
 * checks every fuse the installed @electron/fuses knows is set, so an upgrade that adds one fails).
 */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

/**
 * Command-line switches the packaged app refuses to start with. The inspect family is also off by
 * fuse (enableNodeCliInspectArguments); Chromium's remote-debugging switches have no fuse in
 * @electron/fuses 1.8 / electron-builder 26.17, so the main process exits before it opens the
 * database or a window when one is given.
 */
export const FORBIDDEN_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
] as const;

/**
 * The first forbidden switch in argv, or null. Chromium reads switches with `--` or `-` (and `/`
 * on Windows) and, on Windows, in any case; `--name=value` counts as `--name`.
 */
export function forbiddenSwitch(argv: readonly string[], platform: NodeJS.Platform = process.platform): string | null {
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const m = (platform === 'win32' ? /^(?:--?|\/)([^=]+)/ : /^--?([^=]+)/).exec(arg);
    if (!m) continue;
    const name = platform === 'win32' ? m[1]!.toLowerCase() : m[1]!;
    if ((FORBIDDEN_SWITCHES as readonly string[]).includes(name)) return name;
  }
  return null;
}
