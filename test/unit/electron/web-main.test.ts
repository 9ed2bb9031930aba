// The web shell's command (`tsx electron/web-main.ts`, what `npm start` runs without Electron)
// as a real process: prints a working URL, uses CASELOAD_DB, stops cleanly on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

const ENTRY = join(REPO, 'electron/web-main.ts');

describe('the web shell command', () => {
  it('prints a URL with the token that works, on the database CASELOAD_DB names, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Caseload</title>');
    const dbFile = join(dir, 'data', 'caseload.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--renderer', rendererDir], {
      cwd: REPO,
      env: { ...process.env, CASELOAD_DB: dbFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/.exec(out);
        if (m) resolve(m[0]);
      });
      void exited.then(() => reject(new Error(`exited before printing a URL:\n${out}`)));
    });
    try {
      expect(out).toContain(`Database: ${dbFile}`);
      const { origin, hash } = new URL(url);
      const token = new URLSearchParams(hash.slice(1)).get('token')!;
      const page = await fetch(`${origin}/`);
      expect(await page.text()).toContain('<title>Caseload</title>');
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-caseload-token': token },
        body: JSON.stringify({ method: 'app.info', input: {} }),
      });
      expect(await res.json()).toMatchObject({ ok: true, value: { empty: true } });
      expect(existsSync(dbFile)).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('says how to build the UI when it has not been built', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', ENTRY, '--renderer', join(tempDir(), 'none'), '--db', join(tempDir(), 'x.sqlite')],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run build:renderer');
  });

  it('refuses a port that is not a port', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, '--port', 'abc'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ongeldige poort');
  });
});
