// The web shell's command (`tsx electron/web-main.ts`, what `npm start` runs without Electron)
// as a real process: prints a working URL, uses CASELOAD_DB, stops cleanly on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

const ENTRY = join(REPO, 'electron/web-main.ts');

describe('the web shell command', () => {
  it('prints a one-time URL that opens a cookie session, on the database CASELOAD_DB names, and stops on SIGTERM', async () => {
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
        const m = /http:\/\/127\.0\.0\.1:\d+\/open\/[0-9a-f]{64}/.exec(out);
        if (m) resolve(m[0]);
      });
      void exited.then(() => reject(new Error(`exited before printing a URL:\n${out}`)));
    });
    try {
      expect(out).toContain(`Database: ${dbFile}`);
      const { origin } = new URL(url);
      const opened = await fetch(url, { redirect: 'manual' });
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
      const token = cookie.split('=')[1]!;
      // The token is in no process's arguments (ps shows those to every local user), nor in the URL.
      expect(url).not.toContain(token);
      const args = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
      expect(args).not.toContain(token);
      const page = await fetch(`${origin}/`);
      expect(await page.text()).toContain('<title>Caseload</title>');
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
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
