// The Electron security settings as data (ARCHITECTURE.md "Electron security"): window
// preferences, CSP, the app:// traversal guard, IPC sender check, permissions, fuses and the
// electron-builder configuration they are packaged with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CSP,
  CSP_DIRECTIVES,
  DENIED_PERMISSIONS,
  FUSES,
  SECURITY_HEADERS,
  isAllowedSender,
  isExternalLinkAllowed,
  isPermissionAllowed,
  forbiddenSwitch,
  resolveAppPath,
  windowOptions,
} from '../../../electron/security.js';
import { menuTemplate } from '../../../electron/menu.js';
import { REPO, tempDir } from '../helpers.js';

const { signingConfig } = createRequire(import.meta.url)('../../../build/signing.cjs') as {
  signingConfig(env: NodeJS.ProcessEnv): { signs: boolean; forceCodeSigning: boolean; signtoolOptions?: unknown };
};

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

describe('the app:// scheme', () => {
  it('is standard and secure, keeps the CSP and has no service workers; V8 may cache its compiled scripts', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
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
    });
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
  const CONFIG = join(REPO, 'build/electron-builder.config.cjs');
  type Config = Record<string, unknown> & {
    electronFuses: Record<string, boolean>;
    files: string[];
    extraResources: { from: string; to: string; filter: string[] }[];
    win: Record<string, unknown>;
  };
  const config = require(CONFIG) as Config;
  const schema = require(join(REPO, 'node_modules/app-builder-lib/scheme.json'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  /** The config as electron-builder would load it with these environment variables. */
  function configWith(env: Record<string, string>): Config {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    delete require.cache[CONFIG];
    try {
      return require(CONFIG) as Config;
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      Object.assign(process.env, saved);
      delete require.cache[CONFIG];
      require(CONFIG);
    }
  }

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
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).toBe(false);
  });

  it('sets every fuse the installed @electron/fuses knows, so a new one cannot slip in unset', () => {
    const { FuseV1Options } = require(join(REPO, 'node_modules/@electron/fuses/dist/config.js')) as {
      FuseV1Options: Record<string, string | number>;
    };
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const key = name[0]!.toLowerCase() + name.slice(1);
      expect(typeof config.electronFuses[key], key).toBe('boolean');
    }
  });

  it('refuses the remote-debugging and inspect switches that no fuse covers, however they are written', () => {
    expect(forbiddenSwitch(['caseload.exe'])).toBeNull();
    expect(forbiddenSwitch(['caseload', '--remote-debugging-port=9222'], 'linux')).toBe('remote-debugging-port');
    expect(forbiddenSwitch(['caseload', '-remote-debugging-pipe'], 'linux')).toBe('remote-debugging-pipe');
    expect(forbiddenSwitch(['Caseload.exe', '/Remote-Debugging-Port=9222'], 'win32')).toBe('remote-debugging-port');
    expect(forbiddenSwitch(['Caseload.exe', '--INSPECT-BRK'], 'win32')).toBe('inspect-brk');
    expect(forbiddenSwitch(['caseload', '--inspect=0.0.0.0:9229'], 'linux')).toBe('inspect');
    expect(forbiddenSwitch(['caseload', '--js-flags=--allow-natives-syntax'], 'linux')).toBe('js-flags');
    expect(forbiddenSwitch(['caseload', '--', '--inspect'], 'linux')).toBeNull();
    expect(forbiddenSwitch(['caseload', '--lang=nl'], 'linux')).toBeNull();
  });

  it('is a valid electron-builder configuration for a per-user installer', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
    expect(config).toMatchObject({
      appId: 'nl.werkcorporatie.caseload',
      productName: 'Caseload',
      directories: { output: 'release' },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: false },
    });
  });

  it('packs the Electron build of better-sqlite3 next to app.asar and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: 'build/native/dist',
      to: 'native',
      filter: ['better_sqlite3.node'],
    });
    // Node's build in node_modules stays out of the package; the manifest with the binding's hash
    // is under out/, so inside app.asar.
    expect(config.files).toContain('!**/node_modules/better-sqlite3/{build,deps,src}/**');
    expect(config.files).toContain('out/**');
    expect(config.asarUnpack).toBeUndefined();
  });

  it('signs only with a certificate from the environment, and can be made to insist', () => {
    expect(config.win.signtoolOptions).toBeUndefined();
    expect(config.forceCodeSigning).toBe(false);
    expect(signingConfig({}).signs).toBe(false);
    expect(signingConfig({ CSC_LINK: '/secure/caseload.pfx', CSC_KEY_PASSWORD: 'x' })).toMatchObject({
      signs: true,
      signtoolOptions: undefined,
    });
    const signed = configWith({
      CASELOAD_SIGN_SUBJECT: 'Gemeente Noordoostpolder',
      CASELOAD_SIGN_TIMESTAMP_URL: 'http://timestamp.example.nl',
      CASELOAD_REQUIRE_SIGNING: '1',
    });
    expect(signed.win.signtoolOptions).toEqual({
      certificateSubjectName: 'Gemeente Noordoostpolder',
      rfc3161TimeStampServer: 'http://timestamp.example.nl',
      signingHashAlgorithms: ['sha256'],
    });
    expect(signed.forceCodeSigning).toBe(true);
    expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(config)).not.toMatch(/password|pfx/i);
  });

  it('bakes the update source into the package only when one is given', () => {
    expect(config.extraMetadata).toBeUndefined();
    const withSource = configWith({ CASELOAD_UPDATE_SOURCE: '\\\\gemeente\\software\\Caseload' });
    expect(withSource.extraMetadata).toEqual({ caseload: { updateSource: '\\\\gemeente\\software\\Caseload' } });
    expect(validate(withSource), JSON.stringify(validate.errors)).toBe(true);
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
