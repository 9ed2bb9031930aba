// `caseload search`: clients and employers matching a text, best matches first.
import { displayName } from '../model/person.js';
import type { Store } from '../journal/store.js';
import { normalizeBsn, maskBsn } from '../model/bsn.js';
import { ftsQuery } from './clients.js';

export interface SearchHit {
  type: 'client' | 'employer';
  id: string;
  ref: string | null;
  name: string;
  city: string | null;
  bsn_masked?: string | null;
  birth_date?: string | null;
  kvk?: string | null;
}

function clientHit(r: Record<string, unknown>): SearchHit {
  return {
    type: 'client',
    id: r.id as string,
    ref: (r.ref as string) ?? null,
    name: displayName(r),
    city: (r.city as string) ?? null,
    bsn_masked: r.bsn ? maskBsn(r.bsn as string) : null,
    birth_date: (r.birth_date as string) ?? null,
  };
}

function employerHit(r: Record<string, unknown>): SearchHit {
  return {
    type: 'employer',
    id: r.id as string,
    ref: (r.ref as string) ?? null,
    name: (r.name as string) ?? '',
    city: (r.city as string) ?? null,
    kvk: (r.kvk as string) ?? null,
  };
}

export function searchAll(store: Store, text: string, limit: number): SearchHit[] {
  const q = text.trim();
  const bsn = /^\d{8,9}$/.test(q) ? normalizeBsn(q) : null;
  const hits: SearchHit[] = [];
  if (bsn) {
    for (const r of store
      .stmt('SELECT * FROM clients WHERE bsn = ? AND deleted = 0 AND merged_into IS NULL LIMIT ?')
      .all(bsn, limit) as Record<string, unknown>[])
      hits.push(clientHit(r));
  }
  const fts = ftsQuery(q);
  if (fts && hits.length < limit) {
    const rows = store
      .stmt(
        `SELECT d.kind, d.row_id FROM search_fts f JOIN search_doc d ON d.doc = f.rowid
         WHERE search_fts MATCH ? ORDER BY bm25(search_fts), d.row_id LIMIT ?`,
      )
      .all(fts, limit * 2) as { kind: string; row_id: string }[];
    const getClient = store.stmt('SELECT * FROM clients WHERE id = ? AND deleted = 0 AND merged_into IS NULL');
    const getEmployer = store.stmt('SELECT * FROM employers WHERE id = ? AND deleted = 0');
    for (const { kind, row_id } of rows) {
      if (hits.length >= limit) break;
      if (hits.some((h) => h.id === row_id)) continue;
      const r = (kind === 'client' ? getClient : getEmployer).get(row_id) as Record<string, unknown> | undefined;
      if (r) hits.push(kind === 'client' ? clientHit(r) : employerHit(r));
    }
  }
  return hits.slice(0, limit);
}
