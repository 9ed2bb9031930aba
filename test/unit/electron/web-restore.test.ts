// Restoring a backup from Beheer in the web shell (machines without Electron, and the e2e
// tests): the store is closed, the backup put in place and the store opened again, in process.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../../electron/web.js';
import { pendingRestoreFile } from '../../../db/backup/restore.js';
import { tempDir } from '../helpers.js';

const shells: WebShell[] = [];
afterEach(async () => {
  while (shells.length) await shells.pop()!.close();
});

describe('restoring in the web shell', () => {
  it('reopens the database with the backup in place, keeping a safety copy', async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const dbFile = join(dir, 'data', 'caseload.sqlite');
    const shell = await startWebShell({
      dbFile,
      rendererDir,
      session: { user: 'beheer', name: 'Beheer', role: 'beheerder' },
    });
    shells.push(shell);
    const call = async (method: string, input: unknown = {}) => {
      const res = await fetch(`http://127.0.0.1:${shell.port}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-caseload-token': shell.token },
        body: JSON.stringify({ method, input }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the shell, checked by the expectations
      return (await res.json()) as { ok: boolean; value?: any };
    };
    expect((await call('clients.create', { last_name: 'Jansen' })).ok).toBe(true);
    const backup = await call('backup.create');
    expect(backup.ok).toBe(true);
    expect((await call('clients.create', { last_name: 'Bakker' })).ok).toBe(true);
    expect((await call('app.info')).value.counts.clients).toBe(2);

    expect(await call('backup.restore', { name: backup.value.name, confirm: true })).toEqual({
      ok: true,
      value: { restart: true },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await call('app.info')).value.counts.clients).toBe(1);
    expect(existsSync(pendingRestoreFile(dbFile))).toBe(false);
    const kinds = (await call('backup.list')).value.items.map((b: { kind: string }) => b.kind);
    expect(kinds).toEqual(['safety', 'manual']);
  });
});
