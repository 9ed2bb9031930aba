// `npm start [-- --web] [-- shell options]`: starts Caseload in Electron when its binary is
// installed, otherwise in the web shell (127.0.0.1 only, in the system browser), saying which and
// why, in Dutch and English. Electron loads its own better-sqlite3 build from
// build/native/electron-<abi>-<platform>-<arch>/, made here on first start (and again after an
// Electron or better-sqlite3 upgrade) from a copy of the package: node_modules keeps Node's build,
// which the tests need. The decisions live in build/native-binding.ts (pure, tested).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { nativeRoot, planStart } = await import('../build/native-binding.ts');
const { bindingState, builderFromEnv, electronVerifier, ensureElectronBinding, packageVersion, probeElectron } =
  await import('../build/native-build.ts');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Must equal EXIT_NATIVE_MODULE_MISMATCH in electron/native.ts.
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

const WEB_INSTEAD = [
  'Caseload start daarom in de browser, alleen bereikbaar op deze computer.',
  'Starting Caseload in your browser instead, reachable from this computer only.',
];

async function main() {
  const electron = forceWeb ? null : electronBinary();
  const target = electron ? probeElectron(electron, { root }) : null;
  const betterSqlite3 = packageVersion(join(root, 'node_modules', 'better-sqlite3'));
  const state = target ? bindingState(nativeRoot(root), target, betterSqlite3) : null;
  const plan = planStart({
    forceWeb,
    electronBinary: electron,
    target,
    stamp: state?.stamp ?? null,
    bindingSha256: state?.sha ?? null,
    betterSqlite3,
  });

  if (plan.shell === 'web') {
    if (plan.reason === 'no-electron') {
      say(
        `Electron is niet geïnstalleerd (npm install met ELECTRON_SKIP_BINARY_DOWNLOAD=1 haalt het programma niet op).\n${WEB_INSTEAD[0]}`,
        `The Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n${WEB_INSTEAD[1]}`,
      );
    } else if (plan.reason === 'no-abi') {
      say(
        `Electron (${electron}) geeft zijn versie niet op; is de installatie beschadigd? Probeer: npm rebuild electron.\n${WEB_INSTEAD[0]}`,
        `Electron (${electron}) does not report its version; is it damaged? Try: npm rebuild electron.\n${WEB_INSTEAD[1]}`,
      );
    }
    return startWeb();
  }

  if (plan.binding === 'build') {
    say(
      `De SQLite-module wordt gebouwd voor Electron ${target.electron} (${plan.reason}); node_modules blijft voor de tests.`,
      `Building the SQLite module for Electron ${target.electron} (${plan.reason}) in build/native/; node_modules stays on Node for the tests.`,
    );
    const r = ensureElectronBinding({
      root,
      target,
      builder: builderFromEnv(root),
      verify: electronVerifier(electron),
      force: true,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (r.status === 'failed') {
      process.stderr.write(`${r.detail}\n`);
      say(
        `De SQLite-module voor Electron kon niet gebouwd worden (${r.reason}); daarvoor is internet nodig.\n${WEB_INSTEAD[0]}`,
        `Could not build the SQLite module for Electron (${r.reason}); this needs internet.\n${WEB_INSTEAD[1]}`,
      );
      return startWeb();
    }
  }

  npmRun('build');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const code = await run(electron, ['.', ...shellArgs], env);
  if (code !== EXIT_NATIVE_MODULE_MISMATCH) return code;
  say(
    `Electron kon de SQLite-module niet laden (zie het venster of de melding hierboven).\n${WEB_INSTEAD[0]}\nOpnieuw bouwen: node scripts/native-build.mjs --force`,
    `Electron could not load the SQLite module (see the message above).\n${WEB_INSTEAD[1]}\nRebuild: node scripts/native-build.mjs --force`,
  );
  return startWeb({ built: true });
}

process.exitCode = await main();
