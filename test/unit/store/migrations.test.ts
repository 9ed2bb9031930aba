import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../db/store/migrations/index.js';
import { ENTITIES, fieldNames } from '../../../db/model/entities.js';
import { Store } from '../../../db/journal/store.js';
import { tempDir } from '../helpers.js';

describe('migrations', () => {
  it('gives every registered field of every entity a column', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const [name, spec] of Object.entries(ENTITIES)) {
      const cols = (db.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols.sort(), name).toEqual(['id', ...fieldNames(name as keyof typeof ENTITIES)].sort());
    }
  });

  it('runs each migration once and records the schema version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('refuses a database made by a newer version instead of damaging it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/werk Caseload bij/);
  });

  it('keeps the search index in step with clients through inserts, updates and deletes', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO clients(id, ref, last_name, city) VALUES ('a', 'K1', 'Müller', 'Emmeloord')").run();
    const find = (q: string) =>
      db
        .prepare('SELECT d.row_id FROM search_fts f JOIN search_doc d ON d.doc = f.rowid WHERE search_fts MATCH ?')
        .pluck()
        .all(q);
    expect(find('muller')).toEqual(['a']);
    db.prepare("UPDATE clients SET last_name = 'Jansen' WHERE id = 'a'").run();
    expect(find('muller')).toEqual([]);
    expect(find('jansen')).toEqual(['a']);
    db.prepare("UPDATE clients SET deleted = 1 WHERE id = 'a'").run();
    expect(find('jansen')).toEqual([]);
    db.prepare("DELETE FROM clients WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM search_doc').pluck().get()).toBe(0);
  });

  it('opens with WAL, foreign keys and a busy timeout, and keeps its device id', () => {
    const file = join(tempDir(), 'x.sqlite');
    const a = Store.open(file, { deviceName: 'Laptop Ens' });
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(a.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const device = a.device;
    a.close();
    const b = Store.open(file);
    expect(b.device).toBe(device);
    expect(b.getMeta('device_name')).toBe('Laptop Ens');
    b.close();
  });

  it('records applied migrations by name, also for a database from before names were kept', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    db.exec('DROP TABLE schema_migrations');
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(migrate(db)).toBe(MIGRATIONS.length - 6);
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.name),
    );
    db.prepare("INSERT INTO schema_migrations(name, applied) VALUES ('9999-from-the-future', 'x')").run();
    expect(() => migrate(db)).toThrow(/werk Caseload bij/);
  });

  it('0007 fills the ref history from the journal, so a client is found under a number it had before', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    const journal = db.prepare(
      "INSERT INTO journal(entity, row_id, field, value, hlc, device, user) VALUES ('client', 'a', 'ref', ?, ?, 'd', 'u')",
    );
    db.prepare("INSERT INTO clients(id, ref, last_name) VALUES ('a', 'K000009', 'Jansen')").run();
    journal.run('"K000001"', '000000000000001-0000-d');
    journal.run('"K000009"', '000000000000002-0000-d');
    migrate(db);
    expect(db.prepare('SELECT ref, row_id, hlc FROM ref_history ORDER BY seq').all()).toEqual([
      { ref: 'K000001', row_id: 'a', hlc: '000000000000001-0000-d' },
      { ref: 'K000009', row_id: 'a', hlc: '000000000000002-0000-d' },
    ]);
    db.prepare("UPDATE clients SET city = 'Urk' WHERE id = 'a'").run();
    const find = (q: string) =>
      db
        .prepare('SELECT d.row_id FROM search_fts f JOIN search_doc d ON d.doc = f.rowid WHERE search_fts MATCH ?')
        .pluck()
        .all(q);
    expect(find('K000001')).toEqual(['a']);
    expect(find('K000009')).toEqual(['a']);
  });
});
