// The audit log (BIO 8.15.01): action, object, result, origin device, actor, time - never
// personal data in `object` (use record ids/refs). Each entry hashes the previous one, so a
// changed or removed line breaks the chain and `check` reports it.
import { createHash } from 'node:crypto';
import type { StoreBase } from './open.js';

export interface AuditEntry {
  actor: string;
  action: string;
  object?: string | null;
  result: 'ok' | 'refused' | 'error';
}

function entryHash(prev: string, at: string, device: string, e: AuditEntry): string {
  return createHash('sha256')
    .update([prev, at, device, e.actor, e.action, e.object ?? '', e.result].join('\u001f'))
    .digest('hex');
}

export function audit(store: StoreBase, e: AuditEntry, at = new Date(store.now()).toISOString()): void {
  const prev =
    (store.stmt('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ??
    '';
  store
    .stmt(
      'INSERT INTO audit_log(at, device, actor, action, object, result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(at, store.device, e.actor, e.action, e.object ?? null, e.result, prev, entryHash(prev, at, store.device, e));
}

/** The seq of the first entry that does not fit the chain, or null when it is intact. */
export function verifyAuditChain(store: StoreBase): number | null {
  let prev = '';
  for (const r of store.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<{
    seq: number;
    at: string;
    device: string;
    actor: string;
    action: string;
    object: string | null;
    result: AuditEntry['result'];
    prev_hash: string;
    hash: string;
  }>) {
    if (r.prev_hash !== prev || r.hash !== entryHash(prev, r.at, r.device, r)) return r.seq;
    prev = r.hash;
  }
  return null;
}
