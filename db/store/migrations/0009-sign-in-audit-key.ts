// 0009: sign-in that survives a restart, and a keyed audit chain (issue 12).
// - sign_in_failures: wrong passphrases per user, kept in the database (not in process memory),
//   so closing the app does not reset the lockout (db/users/sign-in.ts). Local, never synced.
// - The audit log becomes a keyed chain (db/store/audit.ts): a random key in meta, every
//   existing entry's hash recomputed as an HMAC over the previous one. The old unkeyed chain is
//   checked first; where it was already broken, an entry saying so is appended before keying,
//   so keying never launders earlier tampering.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './index.js';

interface Row {
  seq: number;
  at: string;
  device: string;
  actor: string;
  action: string;
  object: string | null;
  result: string;
  prev_hash: string;
  hash: string;
}

// The unkeyed chain as 0001..0008 wrote it.
const oldHash = (prev: string, r: Row) =>
  createHash('sha256')
    .update([prev, r.at, r.device, r.actor, r.action, r.object ?? '', r.result].join('\u001f'))
    .digest('hex');

const mac = (key: Buffer, prev: string, r: Row) =>
  createHmac('sha256', key)
    .update([prev, String(r.seq), r.at, r.device, r.actor, r.action, r.object ?? '', r.result].join('\u001f'))
    .digest('hex');

function up(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE sign_in_failures (
      user_id TEXT PRIMARY KEY NOT NULL,
      fails INTEGER NOT NULL,
      last_fail INTEGER NOT NULL,
      locked_until INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  let prev = '';
  let broken: number | null = null;
  for (const r of rows) {
    if (r.prev_hash !== prev || r.hash !== oldHash(prev, r)) {
      broken = r.seq;
      break;
    }
    prev = r.hash;
  }
  if (broken !== null) {
    const device = (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string) ?? '';
    db.prepare(
      "INSERT INTO audit_log(at, device, actor, action, object, result, prev_hash, hash) VALUES (?, ?, 'caseload', 'audit.chain-broken-before-keying', ?, 'error', '', '')",
    ).run(new Date().toISOString(), device, `seq ${broken}`);
  }
  const key = randomBytes(32);
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('audit_key', ?)").run(key.toString('hex'));
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  prev = '';
  let last = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]) {
    const h = mac(key, prev, r);
    update.run(prev, h, r.seq);
    prev = h;
    last = r.seq;
  }
  if (last) db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('audit_head', ?)").run(`${last}:${prev}`);
}

export const m0009: Migration = { name: '0009-sign-in-audit-key', up };
