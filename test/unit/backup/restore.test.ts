// Putting a backup back on real SQLite files: only a checked Caseload database of a known
// version, staged as a complete fsynced file, put in place with a safety copy of what was there,
// the old WAL/SHM out of the way, and never while another connection has the database open.
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirFor, createBackup, listBackups } from '../../../db/backup/backup.js';
import { commitRestore, inspectDatabase, pendingRestoreFile, stageRestore } from '../../../db/backup/restore.js';
import { MIGRATIONS } from '../../../db/store/migrations/index.js';
import { Store } from '../../../db/journal/store.js';
import { tempDir } from '../helpers.js';

function storeWith(file: string, clients: string[]): Store {
  const store = Store.open(file);
  store.write('t', (w) => clients.forEach((name, i) => w.create('client', { ref: `K${i}-${name}`, last_name: name })));
  return store;
}

const names = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT last_name FROM clients ORDER BY last_name').pluck().all();
  } finally {
    db.close();
  }
};

describe('restoring a backup', () => {
  it('replaces the database with the backup and keeps a safety copy of what was there', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    const store = storeWith(file, ['Jansen', 'de Vries']);
    const backup = await createBackup(store, { kind: 'daily', now: Date.UTC(2026, 10, 30, 8) });
    store.write('t', (w) => w.create('client', { ref: 'K9', last_name: 'Bakker' }));

    const staged = stageRestore(file, backup.file);
    expect(staged.facts.counts).toEqual({ clients: 2, employers: 0, vacancies: 0 });
    expect(existsSync(pendingRestoreFile(file))).toBe(true);
    expect(names(file)).toEqual(['Bakker', 'Jansen', 'de Vries']); // nothing replaced yet
    store.close();

    const r = commitRestore(file, { backupDir: backupDirFor(file), now: Date.UTC(2026, 11, 1, 9) });
    expect(r.committed).toBe(true);
    expect(names(file)).toEqual(['Jansen', 'de Vries']);
    expect(names(r.safetyCopy!)).toEqual(['Bakker', 'Jansen', 'de Vries']);
    expect(listBackups(backupDirFor(file)).map((b) => b.kind)).toEqual(['safety', 'daily']);
    expect(existsSync(pendingRestoreFile(file))).toBe(false);
    expect(
      readdirSync(join(file, '..')).filter((n) => n.includes('.part') || n.endsWith('-wal') || n.endsWith('-shm')),
    ).toEqual([]);

    // The app opens the restored database as always (migrations, device, clock).
    const reopened = Store.open(file);
    expect(reopened.device).toBe(store.device);
    expect(reopened.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(2);
    reopened.close();
  });

  it('throws away the old file’s WAL and SHM instead of replaying them onto the backup', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    const store = storeWith(file, ['Jansen']);
    const backup = await createBackup(store);
    store.close();
    stageRestore(file, backup.file);
    // Left behind by a crash of the old database: a WAL with later frames and its index.
    const other = join(tempDir(), 'other.sqlite');
    const o = storeWith(other, ['Smit']);
    copyFileSync(`${other}-wal`, `${file}-wal`);
    copyFileSync(`${other}-shm`, `${file}-shm`);
    o.close();
    commitRestore(file, { backupDir: backupDirFor(file) });
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = Store.open(file);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.db.prepare('SELECT last_name FROM clients').pluck().all()).toEqual(['Jansen']);
    reopened.close();
  });

  it('restores onto a laptop that has no database yet (a new laptop after a broken one)', async () => {
    const source = storeWith(join(tempDir(), 'old.sqlite'), ['Jansen']);
    const backup = await createBackup(source);
    source.close();
    const file = join(tempDir(), 'caseload.sqlite');
    stageRestore(file, backup.file);
    expect(commitRestore(file, { backupDir: backupDirFor(file) })).toEqual({ committed: true, safetyCopy: null });
    expect(names(file)).toEqual(['Jansen']);
  });

  it('does nothing when no restore is staged (an interrupted staging leaves no pending file)', () => {
    const file = join(tempDir(), 'caseload.sqlite');
    storeWith(file, ['Jansen']).close();
    writeFileSync(join(tempDir(), '.restore-abc.part'), 'half');
    expect(commitRestore(file, { backupDir: backupDirFor(file) })).toEqual({ committed: false, safetyCopy: null });
    expect(names(file)).toEqual(['Jansen']);
  });

  it('refuses while another connection has the database open, and changes nothing', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    const store = storeWith(file, ['Jansen', 'Smit']);
    const backup = await createBackup(store);
    store.write('t', (w) => w.create('client', { ref: 'K9', last_name: 'Bakker' }));
    stageRestore(file, backup.file);
    expect(() => commitRestore(file, { backupDir: backupDirFor(file) })).toThrow(/in gebruik/);
    expect(existsSync(pendingRestoreFile(file))).toBe(true);
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(3);
    store.close();
    // Once it is closed, the staged restore goes through.
    expect(commitRestore(file, { backupDir: backupDirFor(file) }).committed).toBe(true);
    expect(names(file)).toEqual(['Jansen', 'Smit']);
  });

  describe('refuses a file that is not a good Caseload backup, staging nothing', () => {
    async function fixture() {
      const file = join(tempDir(), 'caseload.sqlite');
      const store = storeWith(file, ['Jansen']);
      const backup = await createBackup(store);
      store.close();
      return { file, backup: backup.file };
    }
    const expectRefused = (file: string, bad: string, message: RegExp) => {
      expect(() => stageRestore(file, bad)).toThrow(message);
      expect(existsSync(pendingRestoreFile(file))).toBe(false);
      expect(readdirSync(join(file, '..')).filter((n) => n.includes('.part'))).toEqual([]);
      expect(names(file)).toEqual(['Jansen']);
    };

    it('a text file', async () => {
      const { file } = await fixture();
      const bad = join(tempDir(), 'notes.sqlite');
      writeFileSync(bad, 'Dit is geen database\n'.repeat(100));
      expectRefused(file, bad, /geen SQLite-bestand/);
    });

    it('a missing file', async () => {
      const { file } = await fixture();
      expectRefused(file, join(tempDir(), 'weg.sqlite'), /bestaat niet/);
    });

    it('another program’s SQLite database', async () => {
      const { file } = await fixture();
      const bad = join(tempDir(), 'other.sqlite');
      const db = new Database(bad);
      db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
      db.pragma('user_version = 3');
      db.close();
      expectRefused(file, bad, /geen Caseload-database/);
    });

    it('a backup made by a newer Caseload', async () => {
      const { file, backup } = await fixture();
      const newer = join(tempDir(), 'newer.sqlite');
      copyFileSync(backup, newer);
      const db = new Database(newer);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.close();
      expectRefused(file, newer, /nieuwere versie/);
    });

    it('a damaged backup (integrity check fails)', async () => {
      const { file, backup } = await fixture();
      const damaged = join(tempDir(), 'damaged.sqlite');
      copyFileSync(backup, damaged);
      const size = readFileSync(damaged).length;
      const fd = openSync(damaged, 'r+');
      // Scribble over the middle pages (b-tree pages of the tables), keep the header intact.
      writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
      closeSync(fd);
      expectRefused(file, damaged, /beschadigd|geen Caseload/);
    });
  });

  it('reads a WAL-mode database without leaving files next to it', async () => {
    const dir = tempDir();
    const live = join(dir, 'copied.sqlite');
    const store = storeWith(live, ['Jansen']);
    store.close();
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.close();
    const before = readdirSync(dir).sort();
    expect(inspectDatabase(live).counts.clients).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('the safety copy', () => {
  it('is a self-contained, owner-only database of what was replaced', async () => {
    const file = join(tempDir(), 'caseload.sqlite');
    const store = storeWith(file, ['Jansen']);
    const backup = await createBackup(store);
    store.write('t', (w) => w.create('client', { ref: 'K9', last_name: 'Bakker' }));
    store.close();
    stageRestore(file, backup.file);
    const { safetyCopy } = commitRestore(file, { backupDir: backupDirFor(file) });
    expect(readFileSync(safetyCopy!)[18]).toBe(1);
    if (process.platform !== 'win32') expect(statSync(safetyCopy!).mode & 0o777).toBe(0o600);
    expect(inspectDatabase(safetyCopy!, { full: true }).counts.clients).toBe(2);
  });
});
