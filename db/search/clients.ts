// Client search and the client list: full-text (FTS5, diacritics-insensitive, prefix per word)
// or exact BSN, ordered by last name with keyset paging on (last_name, id) - no OFFSET, so the
// 1,000th page is as fast as the first.
import type { Store } from '../store/open.js';
import { normalizeBsn } from '../model/bsn.js';
import { toListItem } from '../api/handlers/clients.js';
import type { ClientListItem } from '../api/methods/clients.js';

export interface ClientSearchInput {
  query: string;
  limit: number;
  after: string | null;
  onlyCaseload: boolean;
}

/** Turns user text into an FTS5 query: every word must match as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((w) => w.replace(/[".]/g, ''))
    .filter(Boolean);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

const CURRENT_PERIOD = `(SELECT p.id FROM caseload_periods p WHERE p.client_id = c.id AND p.deleted = 0
  ORDER BY p.intake_date DESC LIMIT 1)`;

export function searchClients(store: Store, input: ClientSearchInput): { items: ClientListItem[]; next: string | null; total: number } {
  const where: string[] = ['c.deleted = 0', 'c.merged_into IS NULL'];
  const params: unknown[] = [];
  const q = input.query.trim();
  let from = 'clients c';
  if (q) {
    const bsn = /^\d{8,9}$/.test(q) ? normalizeBsn(q) : null;
    const fts = ftsQuery(q);
    if (bsn) {
      where.push('c.bsn = ?');
      params.push(bsn);
    } else if (fts) {
      from = `search_fts f JOIN search_doc d ON d.doc = f.rowid AND d.kind = 'client' JOIN clients c ON c.id = d.row_id`;
      where.push('search_fts MATCH ?');
      params.push(fts);
    }
  }
  if (input.onlyCaseload) {
    where.push(`EXISTS (SELECT 1 FROM caseload_periods p WHERE p.client_id = c.id AND p.deleted = 0 AND p.exit_date IS NULL)`);
  }
  const total = store.db.prepare(`SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`).pluck().get(...params) as number;
  const pageWhere = [...where];
  const pageParams = [...params];
  if (input.after) {
    const [name, id] = JSON.parse(Buffer.from(input.after, 'base64url').toString('utf8')) as [string, string];
    pageWhere.push('(coalesce(c.last_name, \'\'), c.id) > (?, ?)');
    pageParams.push(name, id);
  }
  const rows = store.db
    .prepare(
      `SELECT c.*, pp.intake_date, pp.exit_date, pp.account_manager
       FROM ${from} LEFT JOIN caseload_periods pp ON pp.id = ${CURRENT_PERIOD}
       WHERE ${pageWhere.join(' AND ')}
       ORDER BY coalesce(c.last_name, ''), c.id LIMIT ?`,
    )
    .all(...pageParams, input.limit + 1) as Record<string, unknown>[];
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const next = more && last ? Buffer.from(JSON.stringify([last.last_name ?? '', last.id]), 'utf8').toString('base64url') : null;
  return { items: page.map(toListItem), next, total };
}
