// `caseload` starts from a cached esbuild bundle and never runs stale code: run in a copy of
// the repository (bin/, db/, package.json; node_modules linked) so the test can edit sources.
import { cpSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

function run(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin/caseload.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyRepo(): string {
  const root = tempDir();
  for (const d of ['bin', 'db']) cpSync(join(REPO, d), join(root, d), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'out'));
  return root;
}

describe('the caseload command start-up', () => {
  it('builds its bundle once, reuses it, and rebuilds after a source edit', () => {
    const root = copyRepo();
    const bundle = join(root, 'out/cli/caseload.mjs');
    const first = run(root, ['--help']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Gebruik: caseload');
    const built = statSync(bundle).mtimeMs;
    // With the worker a bootstrap checks its snapshot in, beside it (db/sync/image-check.ts).
    const worker = join(root, 'out/cli/image-worker.mjs');
    expect(readFileSync(worker, 'utf8')).toContain('momentopname');

    expect(run(root, ['--help']).code).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(built);

    const index = join(root, 'db/cli/index.ts');
    writeFileSync(index, readFileSync(index, 'utf8').replace('Gebruik: caseload', 'Gebruik (gewijzigd): caseload'));
    const edited = run(root, ['--help']);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('Gebruik (gewijzigd): caseload');

    // An edit to the worker's sources alone rebuilds it too.
    const rows = join(root, 'db/sync/image-rows.ts');
    writeFileSync(
      rows,
      readFileSync(rows, 'utf8').replace("'regel zonder velden'", "'regel zonder velden (gewijzigd)'"),
    );
    expect(run(root, ['--help']).code).toBe(0);
    expect(readFileSync(worker, 'utf8')).toContain('regel zonder velden (gewijzigd)');
  });

  it('runs through tsx when the bundle is switched off, with the same result', () => {
    const root = copyRepo();
    const viaTsx = run(root, ['--help'], { CASELOAD_NO_BUNDLE: '1' });
    expect(viaTsx.code).toBe(0);
    expect(viaTsx.stdout).toBe(run(root, ['--help']).stdout);
  });
});
