// Store.open's nativeBinding option: the Electron main passes the path of its own Electron-ABI
// build of better-sqlite3; everything else (tests, CLI, web shell) uses node_modules' Node build.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
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

describe('every SQLite connection the app opens', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  }

  it('passes the store’s binding, so the Electron main never loads node_modules’ Node build', () => {
    // The CLI runs in Node only; everything else can run inside the Electron main.
    const offenders = sources(join(REPO, 'db'))
      .filter((f) => !relative(REPO, f).startsWith(join('db', 'cli')))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, where: `${relative(REPO, f)}:${i + 1}` }))
          .filter(({ line }) => /new Database\(/.test(line) && !line.includes('nativeBinding'))
          .map(({ where }) => where),
      );
    expect(offenders).toEqual([]);
  });
});
