// Client search and the client list: full-text (FTS5, diacritics-insensitive, prefix per word)
// or exact BSN, ordered by last name with keyset paging on (last_name, id) - no OFFSET, so the
// 1,000th page is as fast as the first. Full-text hits and the caseload filter are placed in
// list order in memory (client-order.ts): only the rows of the page shown are read.
import type { Store } from '../journal/store.js';
import { normalizeBsn } from '../model/bsn.js';
import { inCaseloadSql } from '../model/caseload.js';
import { maskBsn } from '../model/bsn.js';
import { displayName } from '../model/person.js';
import { inCaseloadOn } from '../model/caseload.js';
import type { ClientListItem } from '../model/clients.js';
import { clientOrder, hasClientOrder, placeAfter, placesOf, prewarmClientOrder } from './client-order.js';

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

/** The clients that are full-text hits (the search's one `?`). */
const HITS =
  "c.id IN (SELECT d.row_id FROM search_fts f JOIN search_doc d ON d.doc = f.rowid AND d.kind = 'client' WHERE search_fts MATCH ?)";

const CURRENT_PERIOD = `(SELECT p.id FROM caseload_periods p WHERE p.client_id = c.id AND p.deleted = 0
  ORDER BY p.intake_date DESC LIMIT 1)`;

export function searchClients(store: Store, input: ClientSearchInput): SearchResult {
  return search(store, input, true) as SearchResult;
}

/**
 * A page of searchClients without the total, for a caller that shows none (`caseload search`):
 * the count is the costliest query of a broad first search (~100 ms for "jan" at 100,000 clients).
 */
export function searchClientPage(store: Store, input: ClientSearchInput): Omit<SearchResult, 'total'> {
  return search(store, input, false);
}

function search(
  store: Store,
  input: ClientSearchInput,
  withTotal: boolean,
): Omit<SearchResult, 'total'> & { total?: number } {
  const today = store.today();
  const where: string[] = ['c.deleted = 0', 'c.merged_into IS NULL'];
  const params: unknown[] = [];
  const q = input.query.trim();
  const from = 'clients c';
  let walk: { from: string; member: string } | null = null;
  if (q) {
    const bsn = /^\d{8,9}$/.test(q) ? normalizeBsn(q) : null;
    const fts = ftsQuery(q);
    if (bsn) {
      where.push('c.bsn = ?');
      params.push(bsn);
    } else if (fts) {
      // The in-memory order answers any search in a few ms once it is there; building it costs
      // ~1 s at 100,000 clients. A process's first search without it (the command line's one
      // search, the app before its list warmed it) is sorted by SQL instead.
      const hits = sqlSortHits(store, fts);
      if (hits === null) return searchInOrder(store, input, fts);
      where.push(HITS);
      params.push(fts);
      if (hits >= NAME_WALK_MIN) {
        // Many hits: the page walks the live clients in list order and keeps those whose search
        // document is a hit, stopping at the page - a few hundred lookups for "jan" instead of
        // one per hit (cold: 145 -> 30 ms at 100,000 clients). Few hits: each hit's row by its
        // key, sorted (a walk would pass every client). The count reads the hits either way.
        walk = {
          from: 'clients c INDEXED BY clients_live_name',
          member:
            "(SELECT d.doc FROM search_doc d WHERE d.row_id = c.id AND d.kind = 'client') IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)",
        };
      }
    }
  }
  // Filtering every client on its periods is the in-memory order's job too.
  if (input.onlyCaseload && !params.length) return searchInOrder(store, input, null);
  if (input.onlyCaseload) {
    where.push(
      `EXISTS (SELECT 1 FROM caseload_periods p WHERE p.client_id = c.id AND p.deleted = 0 AND ${inCaseloadSql('p', '?')})`,
    );
    params.push(today, today);
  }
  const total = !withTotal
    ? undefined
    : (store.db
        .prepare(`SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`)
        .pluck()
        .get(...params) as number);
  const pageWhere = walk ? where.map((w) => (w === HITS ? walk.member : w)) : [...where];
  const pageParams = [...params];
  if (input.after) {
    const [name, id] = JSON.parse(Buffer.from(input.after, 'base64url').toString('utf8')) as [string, string];
    // Spelled out instead of a row value, so SQLite starts the index range at the cursor
    // (with a row value over the expression index it scanned from the first client).
    pageWhere.push("coalesce(c.last_name, '') >= ? AND (coalesce(c.last_name, '') > ? OR c.id > ?)");
    pageParams.push(name, name, id);
  }
  const rows = store.db
    .prepare(
      `SELECT c.*, pp.intake_date, pp.exit_date, pp.account_manager
       FROM ${walk?.from ?? from} LEFT JOIN caseload_periods pp ON pp.id = ${CURRENT_PERIOD}
       WHERE ${pageWhere.join(' AND ')}
       ORDER BY coalesce(c.last_name, ''), c.id LIMIT ?`,
    )
    .all(...pageParams, input.limit + 1) as Record<string, unknown>[];
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const next =
    more && last ? Buffer.from(JSON.stringify([last.last_name ?? '', last.id]), 'utf8').toString('base64url') : null;
  // The list is on screen: a search is likely to follow.
  if (!q) prewarmClientOrder(store);
  return { items: page.map((r) => toListItem(r, today)), next, total };
}

/** Full-text hits sorted by SQL rather than by building the in-memory order (see searchClients). */
const SQL_SORT_MAX = 20_000;

/** From this many full-text hits on, a search sorted by SQL walks the live-name index. */
const NAME_WALK_MIN = 1_000;

/** Full-text searches this process made without the in-memory order, per store. */
const withoutOrder = new WeakMap<Store, number>();

/**
 * The number of full-text hits when this search is to be sorted by SQL, else null: only the first
 * search without the order (more are likely after a second, and then the order pays for itself)
 * and only up to SQL_SORT_MAX hits.
 */
function sqlSortHits(store: Store, fts: string): number | null {
  if (hasClientOrder(store)) return null;
  const before = withoutOrder.get(store) ?? 0;
  withoutOrder.set(store, before + 1);
  if (before > 0) return null;
  const hits = store.stmt('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(fts) as number;
  return hits <= SQL_SORT_MAX ? hits : null;
}

type SearchResult = { items: ClientListItem[]; next: string | null; total: number };

const cursorOf = (name: string, id: string) => Buffer.from(JSON.stringify([name, id]), 'utf8').toString('base64url');

/** Full-text hits (or all clients) in list order via the in-memory order; reads only the page's rows. */
function searchInOrder(store: Store, input: ClientSearchInput, fts: string | null): SearchResult {
  const order = clientOrder(store);
  let places: Int32Array;
  if (fts) {
    // One JSON array instead of a row per hit: a third of the cost at 20,000 hits.
    const docs = JSON.parse(
      store.stmt('SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck().get(fts) as string,
    ) as number[];
    places = placesOf(order, docs, input.onlyCaseload);
  } else {
    places = new Int32Array(order.openCount);
    let n = 0;
    for (let p = 0; p < order.open.length; p++) if (order.open[p]) places[n++] = p;
  }
  let start = 0;
  if (input.after) {
    const [name, id] = JSON.parse(Buffer.from(input.after, 'base64url').toString('utf8')) as [string, string];
    const from = placeAfter(order, name, id);
    let hi = places.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (places[mid]! < from) start = mid + 1;
      else hi = mid;
    }
  }
  const page = places.subarray(start, start + input.limit);
  const ids = Array.from(page, (p) => order.ids[p]!);
  const rows = store
    .stmt(
      `SELECT c.*, pp.intake_date, pp.exit_date, pp.account_manager
       FROM clients c LEFT JOIN caseload_periods pp ON pp.id = ${CURRENT_PERIOD}
       WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted = 0`,
    )
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const items = ids.flatMap((id) => (byId.has(id) ? [toListItem(byId.get(id)!, order.day)] : []));
  const more = start + input.limit < places.length;
  const lastPlace = page[page.length - 1];
  const next = more && lastPlace !== undefined ? cursorOf(order.names[lastPlace]!, order.ids[lastPlace]!) : null;
  return { items, next, total: places.length };
}

/** A client row with its current period as a list item; "in caseload" on `today` (db/model/caseload.ts). */
export function toListItem(row: Record<string, unknown>, today: string): ClientListItem {
  const period = { intake_date: (row.intake_date as string) ?? null, exit_date: (row.exit_date as string) ?? null };
  return {
    id: row.id as string,
    ref: (row.ref as string) ?? '',
    name: displayName(row),
    bsnMasked: row.bsn ? maskBsn(row.bsn as string) : null,
    birth_date: (row.birth_date as string) ?? null,
    city: (row.city as string) ?? null,
    account_manager: (row.account_manager as string) ?? null,
    intake_date: period.intake_date,
    exit_date: period.exit_date,
    inCaseload: inCaseloadOn(period, today),
  };
}
