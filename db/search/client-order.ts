// The live clients in list order (last name, id), kept in memory per store, so a full-text
// search with tens of thousands of hits ("j", a city) sorts and counts them without visiting a
// single row: FTS5 gives the hit rowids, this maps each to its place in the list, and only the
// page shown is read from the table. At 100,000 clients it holds ~10 MB and turns hundreds of
// milliseconds per keystroke into a few (docs/performance.md).
//
// Freshness: every change to synced data adds a journal row (db/journal/write.ts), on this
// connection or another. Before each use the journal rows added since are read: changes to a
// few clients or periods are applied in place, many (an import, a sync round) or unusual ones
// (a retention purge) rebuild the whole order, which takes about a second at 100,000 clients.
import { fieldNumber } from '../model/entities.js';
import { inCaseloadSql } from '../model/caseload.js';
import type { Statement } from 'better-sqlite3';
import type { Store } from '../journal/store.js';

export interface ClientOrder {
  /** Journal seq this order reflects. */
  seq: number;
  /** The day `open` was computed for: a future exit date takes effect at midnight. */
  day: string;
  ids: string[];
  /** coalesce(last_name, '') per place: the list's sort key. */
  names: string[];
  /** search_doc.doc (the FTS rowid) per place. */
  docs: number[];
  /** 1 when the client is in the caseload on `day` (db/model/caseload.ts). */
  open: number[];
  /** FTS rowid -> place in the list; -1 for employers and hidden (deleted, merged) clients. */
  placeOfDoc: Int32Array;
  openCount: number;
}

/** The journal's number of a period's client_id (a period moved to another client). */
const PERIOD_CLIENT = fieldNumber('period', 'client_id');

/** More changed clients than this since the last use: rebuilding is cheaper than patching. */
const MAX_PATCH = 200;

const cache = new WeakMap<Store, ClientOrder>();

function q(store: Store, sql: string): Statement {
  return store.stmt(sql);
}

function lastSeq(store: Store): number {
  return (q(store, 'SELECT seq FROM journal ORDER BY seq DESC LIMIT 1').pluck().get() as number | undefined) ?? 0;
}

function index(order: ClientOrder): void {
  let maxDoc = 0;
  for (const d of order.docs) if (d > maxDoc) maxDoc = d;
  const placeOfDoc = new Int32Array(Math.max(maxDoc + 1, order.placeOfDoc.length)).fill(-1);
  let openCount = 0;
  for (let p = 0; p < order.docs.length; p++) {
    placeOfDoc[order.docs[p]!] = p;
    openCount += order.open[p]!;
  }
  order.placeOfDoc = placeOfDoc;
  order.openCount = openCount;
}

function build(store: Store, seq: number, day: string): ClientOrder {
  const order: ClientOrder = {
    seq,
    day,
    ids: [],
    names: [],
    docs: [],
    open: [],
    placeOfDoc: new Int32Array(0),
    openCount: 0,
  };
  const rows = q(
    store,
    `SELECT d.doc, c.id, coalesce(c.last_name, '') FROM clients c JOIN search_doc d ON d.row_id = c.id
     WHERE c.deleted = 0 AND c.merged_into IS NULL ORDER BY coalesce(c.last_name, ''), c.id`,
  )
    .raw()
    .iterate() as IterableIterator<[number, string, string]>;
  const placeOfId = new Map<string, number>();
  for (const [doc, id, name] of rows) {
    placeOfId.set(id, order.ids.length);
    order.ids.push(id);
    order.names.push(name);
    order.docs.push(doc);
    order.open.push(0);
  }
  const open = q(store, `SELECT client_id FROM caseload_periods p WHERE p.deleted = 0 AND ${inCaseloadSql('p', '?')}`)
    .pluck()
    .iterate(day, day) as IterableIterator<string | null>;
  for (const id of open) {
    const p = id === null ? undefined : placeOfId.get(id);
    if (p !== undefined) order.open[p] = 1;
  }
  index(order);
  return order;
}

/** SQLite's order for text (BINARY: UTF-8 bytes), which the list's ORDER BY uses. */
function compareSql(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The first place whose (name, id) sorts after the given one. */
export function placeAfter(order: ClientOrder, name: string, id: string): number {
  let lo = 0;
  let hi = order.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((compareSql(order.names[mid]!, name) || compareSql(order.ids[mid]!, id)) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts one client where it belongs now (or takes it out when hidden). */
function patchClient(store: Store, order: ClientOrder, id: string): void {
  const doc = q(store, 'SELECT doc FROM search_doc WHERE row_id = ?').pluck().get(id) as number | undefined;
  const was = doc !== undefined && doc < order.placeOfDoc.length ? order.placeOfDoc[doc]! : -1;
  if (was >= 0) {
    for (const list of [order.ids, order.names, order.docs, order.open] as unknown[][]) list.splice(was, 1);
  }
  const row = q(
    store,
    `SELECT coalesce(last_name, '') AS name, EXISTS (SELECT 1 FROM caseload_periods p
       WHERE p.client_id = c.id AND p.deleted = 0 AND ${inCaseloadSql('p', '@day')}) AS open
     FROM clients c WHERE id = @id AND deleted = 0 AND merged_into IS NULL`,
  ).get({ id, day: order.day }) as { name: string; open: number } | undefined;
  if (row && doc !== undefined) {
    const at = placeAfter(order, row.name, id);
    order.ids.splice(at, 0, id);
    order.names.splice(at, 0, row.name);
    order.docs.splice(at, 0, doc);
    order.open.splice(at, 0, row.open);
  }
  if (was >= 0 || row) index(order);
}

/** Applies the journal rows since the order's seq; false when a full rebuild is needed. */
function catchUp(store: Store, order: ClientOrder, seq: number): boolean {
  if (seq < order.seq || seq - order.seq > 50_000) return false;
  // A range on seq (the rowid); the + keeps SQLite from reading all of an entity's journal instead.
  const rows = q(
    store,
    "SELECT entity, row_id, field_no FROM journal_changes WHERE seq > ? AND +entity IN ('client', 'period', 'purge_marker') ORDER BY seq LIMIT ?",
  )
    .raw()
    .all(order.seq, MAX_PATCH * 8) as [string, string, number][];
  if (rows.length >= MAX_PATCH * 8) return false;
  const clients = new Set<string>();
  for (const [entity, rowId, fieldNo] of rows) {
    if (entity === 'client') clients.add(rowId);
    else if (entity === 'period') {
      // A period moved to another client changes two clients' caseload status: rebuild.
      if (fieldNo === PERIOD_CLIENT) {
        const times = q(
          store,
          "SELECT count(*) FROM journal_changes WHERE entity = 'period' AND row_id = ? AND field_no = ?",
        )
          .pluck()
          .get(rowId, PERIOD_CLIENT) as number;
        if (times > 1) return false;
      }
      const client = q(store, 'SELECT client_id FROM caseload_periods WHERE id = ?').pluck().get(rowId) as
        string | null | undefined;
      if (client) clients.add(client);
    } else if (entity === 'purge_marker') return false;
    if (clients.size > MAX_PATCH) return false;
  }
  for (const id of clients) patchClient(store, order, id);
  order.seq = seq;
  return true;
}

/** The current list order of the store's live clients. */
/** Whether this store's order is in memory already (built by an earlier search or the list). */
export function hasClientOrder(store: Store): boolean {
  return cache.has(store);
}

export function clientOrder(store: Store): ClientOrder {
  const seq = lastSeq(store);
  const day = store.today();
  const have = cache.get(store);
  if (have && have.day === day && (have.seq === seq || catchUp(store, have, seq))) return have;
  const order = build(store, seq, day);
  cache.set(store, order);
  return order;
}

const warming = new WeakSet<Store>();

/**
 * Builds the order shortly after the client list was shown, so the first keystroke of a search
 * does not wait for it (about a second at 100,000 clients on a slow laptop). Skipped when it
 * exists already or the store has been closed meanwhile.
 */
export function prewarmClientOrder(store: Store, delayMs = 200): void {
  if (cache.has(store) || warming.has(store)) return;
  warming.add(store);
  const timer = setTimeout(() => {
    warming.delete(store);
    try {
      if (store.db.open) clientOrder(store);
    } catch {
      // A busy or closing database: the first search builds it instead.
    }
  }, delayMs);
  timer.unref?.();
}

/**
 * The places of the clients among `docs` (FTS rowids), optionally only those in the caseload,
 * sorted: the total is its length, a page is a slice after the cursor's place.
 */
export function placesOf(order: ClientOrder, docs: readonly number[], onlyOpen: boolean): Int32Array {
  const out = new Int32Array(docs.length);
  let n = 0;
  for (const doc of docs) {
    const p = doc < order.placeOfDoc.length ? order.placeOfDoc[doc]! : -1;
    if (p >= 0 && (!onlyOpen || order.open[p])) out[n++] = p;
  }
  return out.subarray(0, n).sort();
}
