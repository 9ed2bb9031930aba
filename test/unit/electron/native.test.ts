// The Electron main opens the store with its own Electron-ABI binding (build/native/ in a
// checkout, resources/native/ when packaged and only when its hash matches the one in app.asar),
// and with better-sqlite3's default binding under plain Node.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NativeBindingError,
  isNativeLoadError,
  nativeBindingFor,
  openAppStore,
  type Runtime,
} from '../../../electron/native.js';
import type { OpenOptions } from '../../../db/journal/store.js';
import { Store } from '../../../db/journal/store.js';
import { REPO, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);
const NODE_BUILD = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

const electron = (over: Partial<Runtime> = {}): Runtime => ({
  versions: { electron: '41.7.1', modules: '145' },
  packaged: false,
  appRoot: '/repo',
  platform: 'linux',
  arch: 'x64',
  ...over,
});

function spyOpen() {
  const calls: [string, OpenOptions][] = [];
  const open = (file: string, opts: OpenOptions) => {
    calls.push([file, opts]);
    return {} as Store;
  };
  return { calls, open };
}

describe('the store the main process opens', () => {
  it('loads the Electron build from build/native/ when running under Electron from a checkout', () => {
    const { calls, open } = spyOpen();
    openAppStore('/data/caseload.sqlite', electron(), open);
    expect(calls).toEqual([
      [
        '/data/caseload.sqlite',
        { nativeBinding: join('/repo', 'build', 'native', 'electron-145-linux-x64', 'better_sqlite3.node') },
      ],
    ]);
  });

  it('loads better-sqlite3’s default binding under plain Node', () => {
    const node: Runtime = {
      versions: { modules: process.versions.modules },
      packaged: false,
      appRoot: REPO,
      platform: process.platform,
      arch: process.arch,
    };
    expect(nativeBindingFor(node)).toBeUndefined();
    const { calls, open } = spyOpen();
    openAppStore('/data/caseload.sqlite', node, open);
    expect(calls).toEqual([['/data/caseload.sqlite', {}]]);
    const store = openAppStore(join(tempDir(), 'node.sqlite'), node);
    expect(store.nativeBinding).toBeUndefined();
    store.close();
  });

  it('really opens SQLite through the binding in build/native/ (a Node-ABI copy standing in for Electron’s)', () => {
    const appRoot = tempDir();
    const rt = electron({
      appRoot,
      versions: { electron: '41.7.1', modules: process.versions.modules },
      platform: process.platform,
      arch: process.arch,
    });
    const binding = nativeBindingFor(rt)!;
    mkdirSync(join(binding, '..'), { recursive: true });
    copyFileSync(NODE_BUILD, binding);
    const store = openAppStore(join(tempDir(), 'app.sqlite'), rt);
    expect(store.nativeBinding).toBe(binding);
    expect(require.cache[binding]).toBeDefined();
    store.close();
  });

  it('fails with a native-module error, not a database error, when the Electron build is missing', () => {
    const rt = electron({ appRoot: tempDir(), versions: { electron: '41.7.1', modules: '999' } });
    let error: unknown;
    try {
      openAppStore(join(tempDir(), 'x.sqlite'), rt);
    } catch (e) {
      error = e;
    }
    expect(isNativeLoadError(error)).toBe(true);
    expect(isNativeLoadError(new Error('SQLITE_CORRUPT: database disk image is malformed'))).toBe(false);
  });

  describe('in the packaged app', () => {
    function packaged(content: string, manifest: object | null) {
      const resourcesPath = tempDir();
      const appRoot = join(resourcesPath, 'app.asar');
      mkdirSync(join(resourcesPath, 'native'));
      mkdirSync(join(appRoot, 'out'), { recursive: true });
      writeFileSync(join(resourcesPath, 'native', 'better_sqlite3.node'), content);
      if (manifest) writeFileSync(join(appRoot, 'out', 'native.json'), JSON.stringify(manifest));
      return electron({ packaged: true, resourcesPath, appRoot });
    }
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');

    it('loads resources/native/better_sqlite3.node when its hash is the one packed into app.asar', () => {
      const rt = packaged('binding', { sha256: sha('binding'), abi: '145' });
      const { calls, open } = spyOpen();
      openAppStore('/data/caseload.sqlite', rt, open);
      expect(calls[0]![1]).toEqual({ nativeBinding: join(rt.resourcesPath!, 'native', 'better_sqlite3.node') });
    });

    it.each([
      ['a replaced binding', 'evil', { sha256: sha('binding'), abi: '145' }, /gewijzigd/],
      ['no manifest', 'binding', null, /manifest/],
      ['a binding for another ABI', 'binding', { sha256: sha('binding'), abi: '143' }, /ABI 143/],
    ])('refuses %s and never loads it', (_case, content, manifest, message) => {
      const { calls, open } = spyOpen();
      expect(() => openAppStore('/data/caseload.sqlite', packaged(content, manifest), open)).toThrow(message);
      expect(calls).toEqual([]);
      expect(isNativeLoadError(new NativeBindingError('x'))).toBe(true);
    });
  });
});
