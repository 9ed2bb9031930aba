// What each target already has (EXPORTS.md 2): per record and target the hash of what was
// delivered, a hash per column (so "changed since delivery" can name the fields without keeping
// a second copy of personal data), the time, how (batch or typed in by hand) and the target's
// own id once known. Stored in the synced export_deliveries table through the journal.
import { createHash } from 'node:crypto';
import type { Writer } from '../../journal/write.js';
import type { EntityName } from '../../model/entities.js';
import type { Store } from '../../journal/store.js';
import type { Target } from '../../model/export-profiles.js';

export interface Delivery {
  id: string;
  hash: string;
  /** Column hashes; parsed from `columnsJson` only when a record changed (most do not). */
  columns: Record<string, string> | null;
  columnsJson: string;
  delivered_at: string;
  method: 'batch' | 'entry';
  batch: string | null;
  profile: string | null;
  target_id: string | null;
}

export interface Fingerprint {
  hash: string;
  columns: Record<string, string>;
}

export function deliveryId(target: Target, entity: EntityName, recordId: string): string {
  return `${target}.${entity}.${recordId}`;
}

/** 64-bit FNV-1a (two 32-bit lanes) as 16 hex digits: fast, and only used to notice changes. */
function fnv64(s: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * A hash per column of the non-empty values (salted with the record id and column, so equal
 * values in other records do not look alike) and a sha256 of the whole: the delivered hash.
 */
export function fingerprint(recordId: string, cells: Record<string, string>): Fingerprint {
  const columns: Record<string, string> = {};
  for (const key of Object.keys(cells).sort()) {
    const v = cells[key]!;
    if (v === '') continue;
    columns[key] = fnv64(`${recordId}\u001f${key}\u001f${v}`);
  }
  return { columns, hash: createHash('sha256').update(JSON.stringify(columns)).digest('hex') };
}

/** Columns whose value differs from what was delivered (a new, still empty column is no change). */
export function changedColumns(delivered: Delivery | undefined, now: Fingerprint): string[] {
  if (!delivered) return Object.keys(now.columns);
  const before = (delivered.columns ??= JSON.parse(delivered.columnsJson || '{}') as Record<string, string>);
  const keys = new Set([...Object.keys(before), ...Object.keys(now.columns)]);
  return [...keys].filter((k) => before[k] !== now.columns[k]);
}

export class Deliveries {
  private readonly byKey = new Map<string, Delivery>();

  constructor(
    private readonly store: Store,
    readonly target: Target,
  ) {
    const rows = store.all(
      store.kysely.selectFrom('export_deliveries').selectAll().where('target', '=', target).where('deleted', '=', 0),
    );
    for (const r of rows) {
      this.byKey.set(`${r.entity}:${r.record_id}`, {
        id: r.id,
        hash: r.hash ?? '',
        columns: null,
        columnsJson: r.columns ?? '{}',
        delivered_at: r.delivered_at ?? '',
        method: (r.method as Delivery['method']) ?? 'batch',
        batch: r.batch ?? null,
        profile: r.profile ?? null,
        target_id: r.target_id ?? null,
      });
    }
  }

  get(entity: EntityName, recordId: string): Delivery | undefined {
    return this.byKey.get(`${entity}:${recordId}`);
  }

  targetId = (entity: EntityName, recordId: string): string | null => this.get(entity, recordId)?.target_id ?? null;

  /** Records a delivery inside the caller's store.write (same transaction as the batch rename). */
  record(
    w: Writer,
    d: {
      entity: EntityName;
      recordId: string;
      ref: string;
      fp: Fingerprint;
      at: string;
      method: Delivery['method'];
      batch?: string;
      profile?: string;
      targetId?: string | null;
    },
  ): void {
    const id = deliveryId(this.target, d.entity, d.recordId);
    const fields = {
      ref: `${this.target}:${d.ref}`,
      target: this.target,
      entity: d.entity,
      record_id: d.recordId,
      hash: d.fp.hash,
      columns: JSON.stringify(d.fp.columns),
      delivered_at: d.at,
      method: d.method,
      batch: d.batch ?? null,
      profile: d.profile ?? null,
      ...(d.targetId !== undefined ? { target_id: d.targetId } : {}),
    };
    if (w.row('export_delivery', id)) w.update('export_delivery', id, fields);
    else w.create('export_delivery', fields, id);
    const prev = this.get(d.entity, d.recordId);
    this.byKey.set(`${d.entity}:${d.recordId}`, {
      id,
      hash: d.fp.hash,
      columns: d.fp.columns,
      columnsJson: '',
      delivered_at: d.at,
      method: d.method,
      batch: d.batch ?? null,
      profile: d.profile ?? null,
      target_id: d.targetId !== undefined ? d.targetId : (prev?.target_id ?? null),
    });
  }
}
