// `npm start [-- --web] [-- shell options]`: builds and starts Caseload in Electron when its
// binary is installed; otherwise (ELECTRON_SKIP_BINARY_DOWNLOAD, or better-sqlite3 built for
// Node instead of Electron) builds the renderer and starts the web shell on 127.0.0.1, opening
// the system browser. Says which and why, in Dutch and English.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Must equal EXIT_NATIVE_MODULE_MISMATCH in electron/main.ts.
const EXIT_NATIVE_MODULE_MISMATCH = 3;

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const shellArgs = args.filter((a) => a !== '--web');

function say(nl, en) {
  process.stderr.write(`${nl}\n${en}\n`);
}

/** The Electron executable, or null when the package's binary was never downloaded. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function npmRun(script) {
  // Under `npm start` npm_execpath is npm's own script: runs the same npm without a shell.
  const npmCli = process.env.npm_execpath;
  const r =
    npmCli && /\.c?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: root, stdio: 'inherit' })
      : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], {
          cwd: root,
          stdio: 'inherit',
          shell: process.platform === 'win32',
        });
  if (r.status !== 0) {
    say(`Bouwen mislukt (npm run ${script}).`, `Build failed (npm run ${script}).`);
    process.exit(r.status ?? 1);
  }
}

function run(cmd, cmdArgs, env = process.env) {
  return new Promise((done) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      say(`Starten mislukt: ${e.message}`, `Could not start: ${e.message}`);
      done(1);
    });
  });
}

async function startWeb({ built = false } = {}) {
  if (!built) npmRun('build:renderer');
  return run(process.execPath, ['--import', 'tsx', 'electron/web-main.ts', '--open', ...shellArgs]);
}

async function main() {
  const electron = forceWeb ? null : electronBinary();
  if (!electron) {
    if (!forceWeb) {
      say(
        'Electron is niet geïnstalleerd (npm install met ELECTRON_SKIP_BINARY_DOWNLOAD=1 haalt het programma niet op).\n' +
          'Caseload start daarom in de browser, alleen bereikbaar op deze computer.',
        'The Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n' +
          'Starting Caseload in your browser instead, reachable from this computer only.',
      );
    }
    return startWeb();
  }
  npmRun('build');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const code = await run(electron, ['.', ...shellArgs], env);
  if (code !== EXIT_NATIVE_MODULE_MISMATCH) return code;
  say(
    'De SQLite-module is gebouwd voor Node.js, niet voor Electron (de tests hebben die versie nodig).\n' +
      'Caseload start daarom in de browser. Voor Electron: npx electron-builder install-app-deps (daarna npm rebuild better-sqlite3 voor de tests).',
    'better-sqlite3 is built for Node.js, not Electron (the tests need that build).\n' +
      'Starting Caseload in your browser instead. For Electron: npx electron-builder install-app-deps (then npm rebuild better-sqlite3 for the tests).',
  );
  return startWeb({ built: true });
}

process.exitCode = await main();
