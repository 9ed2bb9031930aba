// The build step of `npm start` / `npm run dist` with a faked Electron and a faked builder (the
// real ones need Electron's binary and headers from the internet): it installs an Electron
// binding in build/native/electron-<abi>-<platform>-<arch>/ and never writes node_modules'
// Node build, which the tests need.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureElectronBinding, sha256File, type Builder } from '../../../build/native-build.js';
import type { Target } from '../../../build/native-binding.js';
import { Store } from '../../../db/journal/store.js';
import { REPO, tempDir } from '../helpers.js';

const NODE_BUILD = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const target: Target = { electron: '41.7.1', abi: '145', platform: process.platform, arch: process.arch };

/** A stand-in for the Electron binary: answers the ABI probe and the load check, like the real one as Node. */
function fakeElectron(dir: string, opts: { abi?: string; loads?: boolean } = {}): string {
  const file = join(dir, 'electron');
  writeFileSync(
    file,
    `#!${process.execPath}
const args = process.argv.slice(2);
if (process.env.ELECTRON_RUN_AS_NODE && args[0] === '-p') {
  console.log(JSON.stringify({ electron: '41.7.1', abi: ${JSON.stringify(opts.abi ?? '145')} }));
  process.exit(0);
}
if (process.env.ELECTRON_RUN_AS_NODE && args[0] === '-e') process.exit(${opts.loads === false ? 1 : 0});
process.exit(0);
`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** A stand-in for prebuild-install: writes build/Release/better_sqlite3.node in its working folder, and says where that was. */
function fakeBuilder(dir: string): string[] {
  const file = join(dir, 'builder.mjs');
  writeFileSync(
    file,
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('build/Release', { recursive: true });
writeFileSync('build/Release/better_sqlite3.node', 'electron ' + process.env.CASELOAD_TARGET_ABI);
appendFileSync(${JSON.stringify(join(dir, 'cwd.log'))}, process.cwd() + '\\n');
`,
  );
  return [process.execPath, file];
}

function runBuildStep(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [join(REPO, 'scripts/native-build.mjs'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('the Electron build step', () => {
  it('builds the binding in its own folder and leaves node_modules’ Node build byte for byte as it was', () => {
    const dir = tempDir();
    const out = join(dir, 'native');
    const before = sha256File(NODE_BUILD);
    expect(before).toMatch(/^[0-9a-f]{64}$/);

    const r = runBuildStep(['--electron', fakeElectron(dir), '--out', out], {
      CASELOAD_NATIVE_BUILDER: JSON.stringify(fakeBuilder(dir)),
    });
    expect(r.status, r.stderr).toBe(0);
    const binding = join(out, `electron-145-${process.platform}-${process.arch}`, 'better_sqlite3.node');
    expect(r.stdout.trim()).toBe(binding);
    expect(readFileSync(binding, 'utf8')).toBe('electron 145');
    const stamp = JSON.parse(readFileSync(join(binding, '..', 'stamp.json'), 'utf8'));
    expect(stamp).toMatchObject({ electron: '41.7.1', abi: '145', sha256: sha256File(binding) });
    // The builder ran in a staging copy, never inside node_modules, and the copy is gone.
    const cwd = readFileSync(join(dir, 'cwd.log'), 'utf8').trim();
    expect(cwd).toContain(join(out, '.staging-'));
    expect(cwd).not.toContain('node_modules');
    expect(existsSync(cwd)).toBe(false);

    expect(sha256File(NODE_BUILD)).toBe(before);
    // ...so the tests' SQLite still loads in Node.
    const store = Store.open(join(dir, 'after.sqlite'));
    expect(store.db.prepare('SELECT sqlite_version()').pluck().get()).toMatch(/^3\./);
    store.close();
  });

  it('reuses a current binding without running the builder again', () => {
    const dir = tempDir();
    const out = join(dir, 'native');
    const env = { CASELOAD_NATIVE_BUILDER: JSON.stringify(fakeBuilder(dir)) };
    const electron = fakeElectron(dir);
    expect(runBuildStep(['--electron', electron, '--out', out], env).status).toBe(0);
    const again = runBuildStep(['--electron', electron, '--out', out], env);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('is actueel');
    expect(readFileSync(join(dir, 'cwd.log'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('rebuilds when Electron was upgraded to a new ABI', () => {
    const dir = tempDir();
    const out = join(dir, 'native');
    const env = { CASELOAD_NATIVE_BUILDER: JSON.stringify(fakeBuilder(dir)) };
    expect(runBuildStep(['--electron', fakeElectron(dir), '--out', out], env).status).toBe(0);
    const r = runBuildStep(['--electron', fakeElectron(dir, { abi: '146' }), '--out', out], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toContain('electron-146-');
  });

  it('fails without installing anything when the result does not load in Electron', () => {
    const dir = tempDir();
    const out = join(dir, 'native');
    const r = runBuildStep(['--electron', fakeElectron(dir, { loads: false }), '--out', out], {
      CASELOAD_NATIVE_BUILDER: JSON.stringify(fakeBuilder(dir)),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('does not load in Electron');
    expect(existsSync(join(out, `electron-145-${process.platform}-${process.arch}`, 'better_sqlite3.node'))).toBe(
      false,
    );
  });

  it('reports a failing builder and leaves no half-installed binding', () => {
    const failing: Builder = () => ({ ok: false, via: 'prebuild-install', detail: 'getaddrinfo ENOTFOUND github.com' });
    const out = join(tempDir(), 'native');
    const r = ensureElectronBinding({ root: REPO, outRoot: out, target, builder: failing });
    expect(r).toMatchObject({ status: 'failed', reason: 'prebuild-install failed', detail: /ENOTFOUND/ });
    expect(existsSync(join(out, `electron-145-${process.platform}-${process.arch}`))).toBe(false);
  });

  it('writes the dist binding and its hash into out/native.json for the packaged app', () => {
    const dir = tempDir();
    const out = join(dir, 'native');
    const manifest = join(dir, 'out', 'native.json');
    const r = runBuildStep(['--electron', fakeElectron(dir), '--out', out, '--dist', '--manifest', manifest], {
      CASELOAD_NATIVE_BUILDER: JSON.stringify(fakeBuilder(dir)),
    });
    expect(r.status, r.stderr).toBe(0);
    const packed = join(out, 'dist', 'better_sqlite3.node');
    expect(readFileSync(packed, 'utf8')).toBe('electron 145');
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toMatchObject({ sha256: sha256File(packed), abi: '145' });
  });
});
