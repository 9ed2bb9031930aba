// The build step behind `npm start` and `npm run dist`: better-sqlite3 for the installed
// Electron, in build/native/electron-<abi>-<platform>-<arch>/ (gitignored). It works on a copy of
// the package in a staging folder, so node_modules/better-sqlite3 - Node's build, which the
// tests and the CLI need - is never written. The builder (prebuild-install for Electron, then
// node-gyp against Electron's headers) is injectable: tests and machines without internet pass
// another command through CASELOAD_NATIVE_BUILDER (a JSON array: program and arguments).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import {
  BINDING_FILE,
  PROBE_SCRIPT,
  STAMP_FILE,
  nativeDirName,
  nativeRoot,
  parseProbe,
  parseStamp,
  staleReason,
  type Stamp,
  type Target,
} from './native-binding.js';

export interface BuildJob {
  /** The staging copy of better-sqlite3: the builder leaves build/Release/better_sqlite3.node here. */
  cwd: string;
  target: Target;
}

export interface StepResult {
  ok: boolean;
  /** What ran, for the message (e.g. 'prebuild-install'). */
  via: string;
  /** The tail of its output when it failed. */
  detail: string;
}

export type Builder = (job: BuildJob) => StepResult;

export function sha256File(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function tail(text: string | Buffer | null | undefined): string {
  const s = String(text ?? '').trim();
  return s.length > 2000 ? `…${s.slice(-2000)}` : s;
}

/** Runs `argv` in `cwd` and reports it as a step; a missing program is a failed step, not a throw. */
function runStep(via: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): StepResult {
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.error) return { ok: false, via, detail: r.error.message };
  return { ok: r.status === 0, via, detail: r.status === 0 ? '' : tail(`${r.stdout ?? ''}\n${r.stderr ?? ''}`) };
}

function targetEnv(t: Target, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    CASELOAD_TARGET_ELECTRON: t.electron,
    CASELOAD_TARGET_ABI: t.abi,
    CASELOAD_TARGET_PLATFORM: t.platform,
    CASELOAD_TARGET_ARCH: t.arch,
  };
}

/** A builder that runs one command (program + arguments) in the staging copy, with the target in CASELOAD_TARGET_*. */
export function commandBuilder(argv: string[], env: NodeJS.ProcessEnv = process.env): Builder {
  return (job) => runStep(basename(argv[0]!), argv, job.cwd, targetEnv(job.target, env));
}

/**
 * The real builder: a prebuilt binary for Electron from better-sqlite3's releases
 * (prebuild-install, as better-sqlite3's own install does for Node), else a compile against
 * Electron's headers with node-gyp (npm's own, or one in node_modules). Both need internet.
 */
export function defaultBuilder(root: string, env: NodeJS.ProcessEnv = process.env): Builder {
  const require = createRequire(join(root, 'package.json'));
  const resolveFrom = (id: string, from: string): string | null => {
    try {
      return createRequire(join(from, 'package.json')).resolve(id);
    } catch {
      return null;
    }
  };
  return (job) => {
    const { target: t, cwd } = job;
    const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
    const prebuild = resolveFrom('prebuild-install/bin.js', sqliteDir) ?? resolveFrom('prebuild-install/bin.js', root);
    const runEnv = targetEnv(t, env);
    const tried: StepResult[] = [];
    if (prebuild) {
      const r = runStep(
        'prebuild-install',
        [
          process.execPath,
          prebuild,
          '--runtime',
          'electron',
          '--target',
          t.electron,
          '--arch',
          t.arch,
          '--platform',
          t.platform,
          '--verbose',
        ],
        cwd,
        runEnv,
      );
      if (r.ok) return r;
      tried.push(r);
    }
    const gyp =
      (env.npm_config_node_gyp && existsSync(env.npm_config_node_gyp) ? env.npm_config_node_gyp : null) ??
      resolveFrom('node-gyp/bin/node-gyp.js', root);
    if (gyp) {
      const r = runStep(
        'node-gyp',
        [
          process.execPath,
          gyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${t.electron}`,
          `--arch=${t.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        cwd,
        runEnv,
      );
      if (r.ok) return r;
      tried.push(r);
    }
    if (!tried.length) return { ok: false, via: 'none', detail: 'prebuild-install en node-gyp niet gevonden' };
    return { ok: false, via: tried.map((r) => r.via).join(' + '), detail: tried.map((r) => r.detail).join('\n') };
  };
}

/** CASELOAD_NATIVE_BUILDER (JSON array: program and arguments), else the real builder. */
export function builderFromEnv(root: string, env: NodeJS.ProcessEnv = process.env): Builder {
  const raw = env.CASELOAD_NATIVE_BUILDER;
  if (!raw) return defaultBuilder(root, env);
  let argv: unknown;
  try {
    argv = JSON.parse(raw);
  } catch {
    argv = null;
  }
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string' && a !== ''))
    throw new Error('CASELOAD_NATIVE_BUILDER must be a JSON array of strings: ["program", "arg", ...]');
  return commandBuilder(argv as string[], env);
}

/**
 * Electron's version and module ABI: asked from the binary itself (ELECTRON_RUN_AS_NODE, which
 * works in node_modules' unfused Electron), else the electron package's version with node-abi's
 * table. Null when neither answers.
 */
export function probeElectron(
  binary: string,
  opts: { root: string; env?: NodeJS.ProcessEnv; platform?: string; arch?: string },
): Target | null {
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const r = spawnSync(binary, ['-p', PROBE_SCRIPT], {
    env: { ...(opts.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
    windowsHide: true,
  });
  const probed = r.status === 0 ? parseProbe(r.stdout ?? '') : null;
  if (probed) return { ...probed, platform, arch };
  try {
    const require = createRequire(join(opts.root, 'package.json'));
    const electron = packageVersion(dirname(require.resolve('electron/package.json')));
    const { getAbi } = require('node-abi') as { getAbi(v: string, runtime: string): string };
    const p = parseProbe(JSON.stringify({ electron, abi: getAbi(electron, 'electron') }));
    return p ? { ...p, platform, arch } : null;
  } catch {
    return null;
  }
}

/** Checks a built binding loads in Electron (as Node): catches a prebuilt for the wrong ABI. */
export function electronVerifier(binary: string, env: NodeJS.ProcessEnv = process.env) {
  return (binding: string): StepResult => {
    const r = spawnSync(binary, ['-e', 'require(process.env.CASELOAD_VERIFY_BINDING)'], {
      env: { ...env, ELECTRON_RUN_AS_NODE: '1', CASELOAD_VERIFY_BINDING: binding },
      encoding: 'utf8',
      timeout: 60_000,
      windowsHide: true,
    });
    if (r.error) return { ok: false, via: 'electron', detail: r.error.message };
    return { ok: r.status === 0, via: 'electron', detail: r.status === 0 ? '' : tail(r.stderr) };
  };
}

export function readStamp(dir: string): Stamp | null {
  return parseStamp(readText(join(dir, STAMP_FILE)));
}

/** The binding and stamp for a target under `outRoot`, and whether they are current. */
export function bindingState(outRoot: string, target: Target, betterSqlite3: string) {
  const dir = join(outRoot, nativeDirName(target));
  const binding = join(dir, BINDING_FILE);
  const stamp = readStamp(dir);
  const sha = sha256File(binding);
  return { dir, binding, stamp, sha, stale: staleReason(stamp, sha, target, betterSqlite3) };
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, data);
  fsyncFile(tmp);
  renameSync(tmp, file);
}

export interface EnsureOptions {
  /** The checkout (node_modules/better-sqlite3 is copied from here, never written). */
  root: string;
  /** Default: build/native under root. */
  outRoot?: string;
  target: Target;
  builder: Builder;
  /** Loads the result in Electron; skipped when absent (other platform, tests). */
  verify?: (binding: string) => StepResult;
  /** Build even when the existing binding is current. */
  force?: boolean;
  log?: (line: string) => void;
}

export type EnsureResult =
  | { status: 'reused' | 'built'; binding: string; stamp: Stamp; reason: string | null }
  | { status: 'failed'; reason: string; detail: string };

/** Reuses a current binding, or builds one in a staging copy and installs it with its stamp. */
export function ensureElectronBinding(o: EnsureOptions): EnsureResult {
  const require = createRequire(join(o.root, 'package.json'));
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const version = packageVersion(pkgDir);
  const outRoot = o.outRoot ?? nativeRoot(o.root);
  const state = bindingState(outRoot, o.target, version);
  if (!state.stale && !o.force && state.stamp)
    return { status: 'reused', binding: state.binding, stamp: state.stamp, reason: null };
  const reason = o.force ? 'forced' : state.stale!;

  mkdirSync(outRoot, { recursive: true });
  const staging = join(outRoot, `.staging-${randomBytes(6).toString('hex')}`);
  const cwd = join(staging, 'better-sqlite3');
  try {
    // The package without its build/ (Node's binary and objects): sources, deps, lib, package.json.
    cpSync(pkgDir, cwd, {
      recursive: true,
      filter: (src) => {
        const rel = relative(pkgDir, src).split(/[\\/]/);
        return rel[0] !== 'build' && rel[0] !== 'node_modules';
      },
    });
    o.log?.(`better-sqlite3 ${version} voor Electron ${o.target.electron} (ABI ${o.target.abi}) bouwen in ${staging}`);
    const built = o.builder({ cwd, target: o.target });
    const produced = join(cwd, 'build', 'Release', BINDING_FILE);
    if (!built.ok) return { status: 'failed', reason: `${built.via} failed`, detail: built.detail };
    if (!existsSync(produced))
      return { status: 'failed', reason: `${built.via} made no ${BINDING_FILE}`, detail: built.detail };
    const checked = o.verify?.(produced);
    if (checked && !checked.ok)
      return { status: 'failed', reason: 'does not load in Electron', detail: checked.detail };

    mkdirSync(state.dir, { recursive: true });
    // The stamp goes last and names the hash: a half-installed binding never looks current.
    rmSync(join(state.dir, STAMP_FILE), { force: true });
    const tmp = join(state.dir, `${BINDING_FILE}.${randomBytes(4).toString('hex')}.tmp`);
    copyFileSync(produced, tmp);
    fsyncFile(tmp);
    renameSync(tmp, state.binding);
    const stamp: Stamp = {
      ...o.target,
      betterSqlite3: version,
      sha256: sha256File(state.binding)!,
      builtAt: new Date().toISOString(),
    };
    writeAtomic(join(state.dir, STAMP_FILE), JSON.stringify(stamp, null, 2) + '\n');
    return { status: 'built', binding: state.binding, stamp, reason };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
