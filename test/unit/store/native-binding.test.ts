// Store.open's nativeBinding option: the Electron main passes the path of its own Electron-ABI
// build of better-sqlite3; everything else (tests, CLI, web shell) uses node_modules' Node build.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { REPO, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);
const NODE_BUILD = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

describe('the native binding a store loads', () => {
  it('is better-sqlite3’s own build when none is given', () => {
    const store = Store.open(join(tempDir(), 'a.sqlite'));
    expect(store.nativeBinding).toBeUndefined();
    expect(store.db.prepare('SELECT 1').pluck().get()).toBe(1);
    store.close();
  });

  it('is loaded from the given path when one is given, and kept for other connections', () => {
    // A copy in a folder of its own stands in for build/native/electron-<abi>/: loading it proves
    // the path is used (Node registers every loaded addon under its file name).
    const dir = join(tempDir(), 'electron-115');
    mkdirSync(dir);
    const binding = join(dir, 'better_sqlite3.node');
    copyFileSync(NODE_BUILD, binding);
    const store = Store.open(join(tempDir(), 'b.sqlite'), { nativeBinding: binding });
    expect(require.cache[binding]).toBeDefined();
    expect(store.nativeBinding).toBe(binding);
    expect(store.getMeta('device_id')).toMatch(/^[0-9a-f]{16}$/);
    store.close();
  });

  it('fails to open rather than fall back silently when the given binding is missing', () => {
    expect(() => Store.open(join(tempDir(), 'c.sqlite'), { nativeBinding: join(tempDir(), 'none.node') })).toThrow(
      /Cannot find module|none\.node/,
    );
  });
});
