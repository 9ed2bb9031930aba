// Shared test helpers: real SQLite files in temp folders, the CLI in-process or as a process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach } from 'vitest';
import { Store } from '../../db/journal/store.js';
import { runCli } from '../../db/cli/index.js';
import type { CliIO } from '../../db/cli/command.js';
import { bsnCheckDigit } from '../../db/model/bsn.js';

export const REPO = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const suiteDirs: string[] = [];
afterAll(() => {
  while (suiteDirs.length) rmSync(suiteDirs.pop()!, { recursive: true, force: true });
});

/** A temp folder that lives until the file's tests are done (for state built in beforeAll). */
export function suiteTempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'caseload-test-'));
  suiteDirs.push(d);
  return d;
}

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'caseload-test-'));
  dirs.push(d);
  return d;
}

export function tempStore(opts: { now?: () => number } = {}): Store {
  return Store.open(join(tempDir(), 'caseload.sqlite'), opts);
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in this process with captured output (fast; same code path as the binary). */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
    env: { ...env },
    progress: () => {},
    askSecret: async () => null,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** Runs the real `caseload` binary (bin/caseload.mjs) as a child process. */
export function bin(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/caseload.mjs'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A valid synthetic BSN (eleven-check) from 8 digits. */
export function bsnFrom(prefix8: string): string {
  const check = bsnCheckDigit(prefix8);
  if (check === null) throw new Error(`no check digit for ${prefix8}`);
  return prefix8 + check;
}
