// `node scripts/native-build.mjs [--electron PATH] [--out DIR] [--platform P --arch A] [--force]
// [--dist [--manifest FILE]]`:
// makes (or reuses) better-sqlite3 for the installed Electron in build/native/. With --dist it
// also stages the binding electron-builder packs (build/native/dist/) and writes its sha256 into
// out/native.json, which lands inside app.asar (integrity-checked), so the packaged main loads
// only the binding it was packed with. Exit 0 done, 1 not possible, 2 usage error.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BINDING_FILE, DIST_DIR, MANIFEST_FILE, nativeRoot } from './native-binding.js';
import { builderFromEnv, electronVerifier, ensureElectronBinding, probeElectron, sha256File } from './native-build.js';

export interface NativeCliIO {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

function electronFromPackage(root: string): string | null {
  try {
    const path = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

export function runNativeBuild(root: string, argv: string[], io: NativeCliIO): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        electron: { type: 'string' },
        out: { type: 'string' },
        platform: { type: 'string' },
        arch: { type: 'string' },
        force: { type: 'boolean' },
        dist: { type: 'boolean' },
        manifest: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    io.err(`native-build: ${(e as Error).message}`);
    return 2;
  }
  const electron = values.electron ?? electronFromPackage(root);
  if (!electron) {
    io.err(
      'native-build: Electron is niet geïnstalleerd (ELECTRON_SKIP_BINARY_DOWNLOAD?); installeer het met internet: npm install.',
    );
    return 1;
  }
  const target = probeElectron(electron, { root, env: io.env, platform: values.platform, arch: values.arch });
  if (!target) {
    io.err(`native-build: de versie en ABI van Electron (${electron}) zijn niet te bepalen.`);
    return 1;
  }
  const outRoot = resolve(values.out ?? nativeRoot(root));
  const sameHost = target.platform === process.platform && target.arch === process.arch;
  let builder;
  try {
    builder = builderFromEnv(root, io.env);
  } catch (e) {
    io.err(`native-build: ${(e as Error).message}`);
    return 2;
  }
  const r = ensureElectronBinding({
    root,
    outRoot,
    target,
    builder,
    verify: sameHost ? electronVerifier(electron, io.env) : undefined,
    force: values.force,
    log: (line) => io.err(line),
  });
  if (r.status === 'failed') {
    io.err(`native-build: better-sqlite3 voor Electron ${target.electron} bouwen is mislukt: ${r.reason}`);
    if (r.detail) io.err(r.detail);
    return 1;
  }
  io.err(
    r.status === 'reused'
      ? `native-build: ${r.binding} is actueel (Electron ${target.electron}, ABI ${target.abi}).`
      : `native-build: ${r.binding} gebouwd (${r.reason}).`,
  );
  if (values.dist) {
    const distDir = join(outRoot, DIST_DIR);
    rmSync(distDir, { recursive: true, force: true });
    mkdirSync(distDir, { recursive: true });
    copyFileSync(r.binding, join(distDir, BINDING_FILE));
    const manifest = resolve(values.manifest ?? join(root, 'out', MANIFEST_FILE));
    mkdirSync(dirname(manifest), { recursive: true });
    writeFileSync(
      `${manifest}.tmp`,
      JSON.stringify({ sha256: sha256File(join(distDir, BINDING_FILE)), abi: target.abi, electron: target.electron }) +
        '\n',
    );
    renameSync(`${manifest}.tmp`, manifest);
    io.err(`native-build: klaar voor electron-builder (${distDir}, ${manifest}).`);
  }
  io.out(r.binding);
  return 0;
}
