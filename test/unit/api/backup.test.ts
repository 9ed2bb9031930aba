// The backup.* contract methods: beheerder only, names not paths, a preview before a restore,
// and a restore that stages the backup and asks the shell to restart.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../db/api/dispatch.js';
import type { Role, Session } from '../../../db/model/roles.js';
import { pendingRestoreFile } from '../../../db/backup/restore.js';
import { storeBackupDir } from '../../../db/backup/backup.js';
import { Store } from '../../../db/journal/store.js';
import { tempStore } from '../helpers.js';

const as = (role: Role): Session => ({ user: role, name: role, role });

describe('backup methods', () => {
  it.each(['klantmanager', 'werkgeversadviseur', 'trajectmanager', 'manager'] as const)(
    'refuse a %s, for every one of them',
    async (role) => {
      const api = createApi(tempStore(), as(role));
      for (const [method, input] of [
        ['backup.list', {}],
        ['backup.create', {}],
        ['backup.preview', { name: 'caseload-20261201-090000.sqlite' }],
        ['backup.restore', { name: 'caseload-20261201-090000.sqlite', confirm: true }],
      ] as const) {
        expect(await api.call(method, input), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    },
  );

  it('let a beheerder make a backup, list it and see what it holds', async () => {
    const store = tempStore();
    const api = createApi(store, as('beheerder'));
    store.write('t', (w) => {
      w.create('client', { ref: 'K1', last_name: 'Jansen' });
      w.create('employer', { ref: 'W1', name: 'Bakkerij De Korenaar' });
    });
    const made = await api.call('backup.create', {});
    expect(made).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const name = (made as { value: { name: string } }).value.name;
    expect(await api.call('backup.list', {})).toMatchObject({
      ok: true,
      value: { folder: storeBackupDir(store), items: [{ name, kind: 'manual' }] },
    });
    expect(await api.call('backup.preview', { name })).toMatchObject({
      ok: true,
      value: { name, counts: { clients: 1, employers: 1, vacancies: 0 }, otherDevice: false },
    });
  });

  it('accept only backup names, never a path', async () => {
    const api = createApi(tempStore(), as('beheerder'));
    for (const name of [
      '../caseload.sqlite',
      '/etc/passwd',
      'C:\\Users\\x\\caseload.sqlite',
      'caseload-20261201-090000.sqlite/..',
    ]) {
      expect(await api.call('backup.preview', { name }), name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'name' },
      });
    }
    expect(await api.call('backup.preview', { name: 'caseload-20261201-090000.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('show a damaged backup as refused, in Dutch', async () => {
    const store = tempStore();
    const api = createApi(store, as('beheerder'));
    await api.call('backup.create', {});
    const name = 'caseload-20200101-000000.sqlite';
    writeFileSync(join(storeBackupDir(store), name), 'kapot'.repeat(200));
    expect(await api.call('backup.preview', { name })).toMatchObject({
      ok: false,
      error: { code: 'invalid_backup', message: expect.stringMatching(/geen SQLite-bestand/) },
    });
    expect(await api.call('backup.restore', { name, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_backup' },
    });
    expect(existsSync(pendingRestoreFile(store.file))).toBe(false);
  });

  it('restore only after confirmation, stage the backup and tell the shell to restart', async () => {
    const store = tempStore();
    const api = createApi(store, as('beheerder'));
    const made = await api.call('backup.create', {});
    const name = (made as { value: { name: string } }).value.name;
    const events: unknown[] = [];
    api.on('backup.restored', (p) => events.push(p));
    expect(await api.call('backup.restore', { name })).toMatchObject({ ok: false, error: { field: 'confirm' } });
    expect(await api.call('backup.restore', { name, confirm: false })).toMatchObject({ ok: false });
    expect(events).toEqual([]);
    expect(await api.call('backup.restore', { name, confirm: true })).toEqual({ ok: true, value: { restart: true } });
    expect(events).toEqual([{ name }]);
    expect(existsSync(pendingRestoreFile(store.file))).toBe(true);
  });

  it('say a database in memory has no backups', async () => {
    const api = createApi(Store.open(':memory:'), as('beheerder'));
    expect(await api.call('backup.list', {})).toMatchObject({ ok: false, error: { code: 'not_available' } });
  });
});
