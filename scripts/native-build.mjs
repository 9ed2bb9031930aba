// `node scripts/native-build.mjs [--electron PATH] [--out DIR] [--platform P --arch A] [--force] [--dist]`:
// better-sqlite3 for the installed Electron in build/native/ (see build/native-cli.ts), without
// touching node_modules' own build. `npm run dist` runs it with --dist before electron-builder.
import { register } from 'tsx/esm/api';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { runNativeBuild } = await import('../build/native-cli.ts');
process.exitCode = runNativeBuild(root, process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
