// The Electron security settings as data (ARCHITECTURE.md "Electron security"): window
// preferences, CSP, the app:// traversal guard, IPC sender check, permissions, fuses and the
// electron-builder configuration they are packaged with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  CSP,
  CSP_DIRECTIVES,
  DENIED_PERMISSIONS,
  FUSES,
  SECURITY_HEADERS,
  isAllowedSender,
  isExternalLinkAllowed,
  isPermissionAllowed,
  resolveAppPath,
  windowOptions,
} from '../../../electron/security.js';
import { menuTemplate } from '../../../electron/menu.js';
import { REPO, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);

describe('the window', () => {
  it('runs the UI isolated and sandboxed, without Node, webviews or insecure content', () => {
    const prefs = windowOptions('/app/out/electron/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('offers developer tools only when asked (development builds)', () => {
    expect(windowOptions('p', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

  it('allows only the app itself, no inline script or style, no plugins, framing or forms', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-(inline|eval)|\*|http:|https:/);
    expect(directives.size).toBe(Object.keys(CSP_DIRECTIVES).length);
  });

  it('is sent with nosniff and no-referrer on every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('the app:// path guard', () => {
  function renderer(): string {
    const root = join(tempDir(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), '');
    return root;
  }

  it('maps app paths to files inside the renderer folder', () => {
    const root = renderer();
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, '/assets/app.js?v=1#top')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
    expect(resolveAppPath(root, '/Caf%C3%A9.png')).toBe(join(root, 'Café.png'));
  });

  it.each([
    ['parent segments', '/../etc/passwd'],
    ['parent segments after a folder', '/assets/../../etc/passwd'],
    ['a lone parent segment', '/..'],
    ['encoded dots', '/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', '/%2E%2E/secret.txt'],
    ['encoded slashes', '/..%2f..%2fetc%2fpasswd'],
    ['double encoding', '/%252e%252e/secret.txt'],
    ['backslashes', '/..\\..\\windows\\win.ini'],
    ['encoded backslashes', '/%5c..%5csecret.txt'],
    ['a NUL byte', '/index.html\0.png'],
    ['an encoded NUL byte', '/index.html%00.png'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['a relative path', 'index.html'],
    ['a protocol-relative path', '//evil.example/x'],
    ['a dotfile', '/.env'],
    ['a current-folder segment', '/./index.html'],
    ['an empty segment', '/assets//app.js'],
    ['malformed percent encoding', '/%E0%A4%A'],
    ['a control character', '/index%0a.html'],
  ])('refuses %s', (_name, path) => {
    expect(resolveAppPath(renderer(), path)).toBeNull();
  });
});

describe('the IPC sender check', () => {
  it.each(['app://caseload/index.html', 'app://caseload/', 'app://caseload/index.html#/clients/42'])(
    'accepts the app window at %s',
    (url) => {
      expect(isAllowedSender(url)).toBe(true);
    },
  );

  it.each([
    'app://caseload.evil.example/index.html',
    'app://evil/index.html',
    'app://caseload:8080/index.html',
    'app://user@caseload/index.html',
    'http://caseload/index.html',
    'https://caseload/index.html',
    'file:///index.html',
    'about:blank',
    'devtools://devtools/bundled/devtools_app.html',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedSender(url)).toBe(false);
  });

  it('refuses a frame without a URL', () => {
    expect(isAllowedSender(undefined)).toBe(false);
    expect(isAllowedSender(null)).toBe(false);
  });
});

describe('links and permissions', () => {
  it('hands only https and mailto links to the system', () => {
    expect(isExternalLinkAllowed('https://www.noordoostpolder.nl/')).toBe(true);
    expect(isExternalLinkAllowed('mailto:werkgever@example.nl')).toBe(true);
    for (const url of [
      'http://example.nl/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://user:pw@example.nl/',
      '',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });

  it('denies every permission a page can ask for, listed or not, except writing text to the clipboard', () => {
    expect(DENIED_PERMISSIONS).toContain('media');
    expect(DENIED_PERMISSIONS).toContain('geolocation');
    expect(DENIED_PERMISSIONS).toContain('notifications');
    for (const p of [...DENIED_PERMISSIONS, 'some-future-permission']) expect(isPermissionAllowed(p), p).toBe(false);
    // Copy buttons of the entry assistant may write text; nothing may read the clipboard.
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    expect(isPermissionAllowed('clipboard-read')).toBe(false);
  });
});

describe('packaging', () => {
  const config = require(join(REPO, 'build/electron-builder.config.cjs')) as Record<string, unknown> & {
    electronFuses: Record<string, boolean>;
  };

  it('turns off run-as-node, NODE_OPTIONS and inspect, and loads only the integrity-checked asar', () => {
    expect(FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.electronFuses).toEqual(FUSES);
  });

  it('is a valid electron-builder configuration for a per-user installer', () => {
    const schema = require(join(REPO, 'node_modules/app-builder-lib/scheme.json'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
    expect(config).toMatchObject({
      appId: 'nl.werkcorporatie.caseload',
      productName: 'Caseload',
      asar: true,
      npmRebuild: true,
      directories: { output: 'release' },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    });
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });
});

describe('the application menu', () => {
  const actions = { print: () => {}, saveAsPdf: () => {}, about: () => {} };
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]).filter(Boolean);

  it('is Dutch, with print and save-as-PDF under Bestand', () => {
    const menu = menuTemplate(actions, { dev: false, platform: 'win32' });
    expect(menu.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    expect(labels(menu)).toEqual(
      expect.arrayContaining([
        'Afdrukken…',
        'Opslaan als PDF…',
        'Afsluiten',
        'Kopiëren',
        'Plakken',
        'Inzoomen',
        'Over Caseload',
      ]),
    );
  });

  it('offers reload and developer tools only in development', () => {
    expect(labels(menuTemplate(actions, { dev: false, platform: 'linux' }))).not.toContain('Herladen');
    expect(labels(menuTemplate(actions, { dev: false, platform: 'linux' }))).not.toContain('Ontwikkelhulpmiddelen');
    expect(labels(menuTemplate(actions, { dev: true, platform: 'linux' }))).toContain('Herladen');
  });
});
