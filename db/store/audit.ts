// The audit log (BIO 8.15.01): action, object, result, origin device, actor, time - never
// personal data in `object` (use pseudonymized ids or refs). The log is a keyed chain: each
// entry's `hash` is an HMAC-SHA256 under this laptop's audit key over the previous entry's mac
// and the entry itself (its seq included), and meta `audit_head` names the last entry. So a
// changed, inserted, renumbered or deleted entry - also the last ones - breaks the chain, and
// rewriting the chain needs the key: `caseload check` (db/records/check.ts) names the entry.
// The key is made by migration 0009 and never leaves this laptop (the log is not synced).
import { createHmac } from 'node:crypto';
import type { StoreBase } from './open.js';

export interface AuditEntry {
  actor: string;
  action: string;
  object?: string | null;
  result: 'ok' | 'refused' | 'error';
}

interface AuditRow {
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

export const AUDIT_KEY_META = 'audit_key';
export const AUDIT_HEAD_META = 'audit_head';

const keys = new WeakMap<StoreBase, Buffer>();

function auditKey(store: StoreBase): Buffer {
  let key = keys.get(store);
  if (!key) {
    const hex = store.getMeta(AUDIT_KEY_META);
    if (!hex || !/^[0-9a-f]{64}$/.test(hex)) throw new Error('audit key missing');
    key = Buffer.from(hex, 'hex');
    keys.set(store, key);
  }
  return key;
}

/** The mac of one entry: also used by migration 0009 to key the entries written before it. */
export function entryMac(key: Buffer, prev: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHmac('sha256', key)
    .update([prev, String(r.seq), r.at, r.device, r.actor, r.action, r.object ?? '', r.result].join('\u001f'))
    .digest('hex');
}

export function audit(store: StoreBase, e: AuditEntry, at = new Date(store.now()).toISOString()): void {
  const key = auditKey(store);
  store.db.transaction(() => {
    const last = store.stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const prev = last?.hash ?? '';
    // AUTOINCREMENT: never reuses a number, so the next seq is known before the insert.
    const seq = Math.max(
      last?.seq ?? 0,
      (store.stmt("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined) ?? 0,
    );
    const row = {
      seq: seq + 1,
      at,
      device: store.device,
      actor: e.actor,
      action: e.action,
      object: e.object ?? null,
      result: e.result,
    };
    const mac = entryMac(key, prev, row);
    store
      .stmt(
        'INSERT INTO audit_log(seq, at, device, actor, action, object, result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(row.seq, at, row.device, row.actor, row.action, row.object, row.result, prev, mac);
    store.setMeta(AUDIT_HEAD_META, `${row.seq}:${mac}`);
  })();
}

export interface AuditBreak {
  /** The first entry that does not fit the chain (for deleted last entries: the one the head names). */
  seq: number;
  reason: 'changed' | 'missing-before' | 'missing-after';
}

/** Walks the chain; null when intact. */
export function verifyAudit(store: StoreBase): AuditBreak | null {
  const key = auditKey(store);
  let prev = '';
  let lastSeq = 0;
  for (const r of store.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (r.prev_hash !== prev) return { seq: r.seq, reason: 'missing-before' };
    if (r.hash !== entryMac(key, prev, r)) return { seq: r.seq, reason: 'changed' };
    prev = r.hash;
    lastSeq = r.seq;
  }
  const head = store.getMeta(AUDIT_HEAD_META);
  if (head !== null ? head !== `${lastSeq}:${prev}` : lastSeq !== 0) {
    const named = Number(head?.split(':')[0]);
    return { seq: Number.isInteger(named) && named > lastSeq ? named : lastSeq, reason: 'missing-after' };
  }
  return null;
}

/** The seq of the first entry that does not fit the chain, or null when it is intact. */
export function verifyAuditChain(store: StoreBase): number | null {
  return verifyAudit(store)?.seq ?? null;
}
