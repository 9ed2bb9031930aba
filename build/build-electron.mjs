// Bundles the Electron shell with esbuild: electron/main.ts -> out/electron/main.cjs (Node,
// CommonJS; electron and the native better-sqlite3 stay external and ship in node_modules),
// db/sync/image-worker.ts -> out/electron/image-worker.cjs (the bootstrap's worker thread) and
// electron/preload.ts -> out/electron/preload.cjs (sandboxed preload: one file, CommonJS, may
// require 'electron' only). `node build/build-electron.mjs [--out DIR]`.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(root, 'out', 'electron'));

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

// The preload needs only EVENT_NAMES from the contract. Bundling contract.ts would put zod and
// every schema (~750 kB) into each window, so the contract is evaluated once here and the
// preload's import of it is replaced by the names alone (same source of truth, tiny preload).
async function contractNames() {
  const r = await build({
    ...common,
    sourcemap: false,
    entryPoints: [join(root, 'db/api/contract.ts')],
    platform: 'node',
    write: false,
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', r.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const names = mod.exports.EVENT_NAMES;
  if (!Array.isArray(names) || names.length === 0) throw new Error('db/api/contract.ts exports no EVENT_NAMES');
  return names;
}

function contractNamesOnly(eventNames) {
  return {
    name: 'contract-names-only',
    setup(b) {
      b.onResolve({ filter: /(^|\/)db\/api\/contract\.js$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path),
        namespace: 'contract-names',
      }));
      b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
        contents: `export const EVENT_NAMES = Object.freeze(${JSON.stringify(eventNames)});`,
        loader: 'js',
      }));
    },
  };
}

const eventNames = await contractNames();

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'electron/main.ts')],
    outfile: join(outDir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    // CommonJS has no import.meta: code that finds its own file reads __filename here
    // (db/sync/image-check.ts); import.meta.url is only reached in ES modules.
    define: { 'import.meta.url': 'undefined' },
    // playwright-core (the CLI's report PDFs through a system Chromium) is a devDependency and
    // never bundled; in the app, PDFs come from webContents.printToPDF (caseload:printToPdf).
    external: ['electron', 'better-sqlite3', 'playwright-core'],
  }),
  // The worker thread that checks a snapshot image during a bootstrap (db/sync/image-check.ts
  // starts it from main.cjs's folder).
  build({
    ...common,
    entryPoints: [join(root, 'db/sync/image-worker.ts')],
    outfile: join(outDir, 'image-worker.cjs'),
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3'],
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    plugins: [contractNamesOnly(eventNames)],
  }),
]);
process.stdout.write(`Electron-bundels geschreven naar ${outDir}\n`);
