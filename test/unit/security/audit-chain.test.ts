// The keyed audit chain (issue 12, BIO 8.15.01 "tampering is detectable"), tested as an attack:
// someone with the database file edits, deletes or re-hashes entries with raw SQL, and
// `caseload check` (the real command line, through the contract) names the entry.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { createApi } from '../../../db/api/dispatch.js';
import { migrate } from '../../../db/store/migrations/index.js';
import { verifyAudit } from '../../../db/store/audit.js';
import { cli, tempDir } from '../helpers.js';

const BEHEER = { user: 'beheer', name: 'Beheer', role: 'beheerder' as const };

/** A database with a few audited writes and refusals; returns its file. */
async function withLog(): Promise<string> {
  const file = join(tempDir(), 'caseload.sqlite');
  const store = Store.open(file);
  const api = createApi(store, BEHEER);
  for (const last_name of ['Jansen', 'de Vries', 'Bakker']) await api.call('clients.create', { last_name });
  await api.call('retention.purge', { clientIds: [], confirm: true }); // refused: not a manager
  expect(store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(4);
  store.close();
  return file;
}

async function check(file: string) {
  return cli(['--db', file, 'check']);
}

function raw(file: string, sql: string, ...params: unknown[]) {
  const db = new Database(file);
  db.prepare(sql).run(...params);
  db.close();
}

describe('the keyed audit chain', () => {
  it('passes the check while nobody touched it', async () => {
    const file = await withLog();
    const r = await check(file);
    expect(r.code).toBe(0);
  });

  it('names an entry whose content was rewritten, also when its hash was recomputed without the key', async () => {
    const file = await withLog();
    raw(file, "UPDATE audit_log SET actor = 'iemand-anders' WHERE seq = 2");
    let r = await check(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('audit: auditlog onderbroken bij regel 2');
    // The attacker knows the code (it is open source) but not this laptop's key: a plain sha256
    // (the chain before issue 12) does not fit.
    const db = new Database(file);
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, string>;
    const forged = createHash('sha256')
      .update([row.prev_hash, row.at, row.device, row.actor, row.action, row.object ?? '', row.result].join('\u001f'))
      .digest('hex');
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 2').run(forged);
    db.close();
    r = await check(file);
    expect(r.err).toContain('audit: auditlog onderbroken bij regel 2');
  });

  it('names the gap where an entry was deleted, and notices the last entries deleted', async () => {
    const file = await withLog();
    raw(file, 'DELETE FROM audit_log WHERE seq = 2');
    expect((await check(file)).err).toContain('audit: auditlog onderbroken bij regel 3');

    const tail = await withLog();
    raw(tail, 'DELETE FROM audit_log WHERE seq = 4');
    const store = Store.open(tail);
    expect(verifyAudit(store)).toEqual({ seq: 4, reason: 'missing-after' });
    store.close();
    expect((await check(tail)).err).toContain('audit: auditlog onderbroken bij regel 4');
  });

  it('notices a renumbered entry', async () => {
    const file = await withLog();
    raw(file, 'UPDATE audit_log SET seq = 40 WHERE seq = 4');
    raw(file, "UPDATE meta SET value = replace(value, '4:', '40:') WHERE key = 'audit_head'");
    expect((await check(file)).code).toBe(1);
  });

  it('keys the entries written before migration 0009, and says so when that chain was already broken', () => {
    const dir = tempDir();
    const make = (file: string, tamper: boolean) => {
      const db = new Database(file);
      migrate(db, 7);
      db.prepare("INSERT INTO meta(key, value) VALUES ('device_id', 'd1')").run();
      let prev = '';
      for (const action of ['clients.create', 'clients.update', 'backup.create']) {
        const at = '2026-01-05T09:00:00.000Z';
        const hash = createHash('sha256')
          .update([prev, at, 'd1', 'beheer', action, '', 'ok'].join('\u001f'))
          .digest('hex');
        db.prepare(
          "INSERT INTO audit_log(at, device, actor, action, object, result, prev_hash, hash) VALUES (?, 'd1', 'beheer', ?, NULL, 'ok', ?, ?)",
        ).run(at, action, prev, hash);
        prev = hash;
      }
      if (tamper) db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run();
      db.close();
    };
    const clean = join(dir, 'clean.sqlite');
    make(clean, false);
    const a = Store.open(clean);
    expect(verifyAudit(a)).toBeNull();
    expect(a.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(3);
    expect(a.getMeta('audit_key')).toMatch(/^[0-9a-f]{64}$/);
    a.close();

    const broken = join(dir, 'broken.sqlite');
    make(broken, true);
    const b = Store.open(broken);
    // Keying does not launder the earlier tampering: an entry records where the old chain broke.
    expect(b.db.prepare('SELECT action, object, result FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({
      action: 'audit.chain-broken-before-keying',
      object: 'seq 2',
      result: 'error',
    });
    expect(verifyAudit(b)).toBeNull();
    b.close();
  });
});
