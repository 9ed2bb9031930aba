// Files with personal data are readable by this user only: the database with its WAL and SHM,
// a dump, an export batch. Checked on real files (POSIX modes; Windows: docs/security.md).
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { runExport } from '../../../db/exchange/export/batch.js';
import { cli, tempDir } from '../helpers.js';
import { seedCaseload } from '../export/fixture.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('private files', () => {
  it('creates the database, its WAL and SHM owner-only, in a folder only the user can enter', () => {
    const dir = join(tempDir(), 'Caseload');
    const file = join(dir, 'caseload.sqlite');
    const store = Store.open(file);
    store.write('t', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    store.close();
  });

  it('tightens a database an older version left readable by everyone', () => {
    const file = join(tempDir(), 'old.sqlite');
    Store.open(file).close();
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    Store.open(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('writes a dump owner-only', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.sqlite');
    const store = Store.open(db);
    store.write('t', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    store.close();
    const out = join(dir, 'dump.jsonl');
    expect((await cli(['--db', db, 'dump', '--out', out])).code).toBe(0);
    expect(mode(out)).toBe(0o600);
  });

  it('writes export batches owner-only: folders 0700, files 0600', async () => {
    const store = Store.open(join(tempDir(), 'c.sqlite'));
    seedCaseload(store);
    const out = join(tempDir(), 'exports', 'wbs');
    const r = await runExport(store, {
      target: 'wbs',
      user: 'mvisser',
      outDir: out,
      now: new Date('2026-11-02T10:00:00Z'),
    });
    expect(r.status).toBe('written');
    expect(mode(out)).toBe(0o700);
    const batch = join(out, r.batch!.name);
    expect(mode(batch)).toBe(0o700);
    for (const f of readdirSync(batch)) expect(mode(join(batch, f)), f).toBe(0o600);
    store.close();
  });
});
