// The retention purge: destroys clients past retention with everything that belongs to them -
// caseload periods, measures, activities, contacts (also nazorg), matches, placements - and their
// journal rows and search index entries, so no personal data of the client stays in any table,
// the journal included (DOMAIN.md, Retention). This is the one place that deletes synced rows
// and journal rows directly (the journal bypass test allows files named *purge*).
//
// How it stays complete:
// - Rows of other synced entities (e.g. export deliveries) with a field equal to a purged row id
//   are purged with them, journal included; rows of other modules' local tables (sync conflicts,
//   ...) whose TEXT column equals a purged row id or the client's ref are deleted (generic sweep).
// - Afterwards every TEXT column of every table is scanned for the client's id, ref and BSN as a
//   whole word; what is still found elsewhere (e.g. a BSN typed into another client's notes) is
//   reported as counts per table.column, never as values, so a person can clean it up.
// - secure_delete zero-fills what the purge frees, the FTS index is merged ('optimize') so deleted
//   terms leave its segments, and afterwards VACUUM rewrites the file: older edits (made while
//   secure_delete was off) leave old values in the free space of pages, and only a rebuild
//   removes those. The WAL is checkpointed and truncated. VACUUM costs about a second per
//   100 MB; a purge is a rare, confirmed act, so that is paid here rather than on every write.
//
// Carrying a purge to other laptops (for db/sync): per purged row the purge writes a purge_marker
// whose id is markerId(entity, rowId) - a one-way hash, so the marker itself holds no personal
// data and no id - with only the entity name and the date. Sync publishes these like any change.
// A receiving laptop (1) drops incoming changes for rows that isPurged() reports, so a late
// segment cannot bring a purged client back, and (2) after applying marker changes calls
// applyPurgeMarkers(), which finds the local clients whose markerId matches and purges them the
// same way (writing the same markers: idempotent). A client changed locally after the purge was
// decided (journal clock newer than the marker's) is not purged but returned as a conflict.
// A marker is never taken on trust: the receiving laptop purges only a client that is past
// retention by ITS OWN data on ITS OWN today, with a reference date not in the future; any
// other marker is refused, reported (sync problem, audit) and the client stays. isPurged()
// counts a marker only once the row is gone here, so a refused marker blocks no changes.
import { createHash } from 'node:crypto';
import { AppError } from '../model/errors.js';
import { ENTITIES, type EntityName } from '../model/entities.js';
import { audit } from '../store/audit.js';
import type { Store } from '../journal/store.js';
import { eligibleIds } from './list.js';

export function markerId(entity: EntityName | string, rowId: string): string {
  return createHash('sha256').update(`caseload-purge\u001f${entity}\u001f${rowId}`).digest('hex').slice(0, 40);
}

export function isPurged(store: Store, entity: EntityName | string, rowId: string): boolean {
  if (store.stmt('SELECT 1 FROM purge_markers WHERE id = ?').get(markerId(entity, rowId)) === undefined) return false;
  const table = (ENTITIES as Record<string, { table: string }>)[entity]?.table;
  // Still here: the purge was refused on this laptop (or not carried out yet), so changes apply.
  return !table || store.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) === undefined;
}

/** Tables the purge handles itself or that must never be swept (system, journal, audit chain, search). */
const SYNCED_TABLES = new Set<string>(Object.values(ENTITIES).map((e) => e.table));
const NOT_SWEPT = /^(sqlite_|search_fts|search_doc$|journal$|audit_log$|meta$|purge_markers$)/;

interface PurgeSet {
  clients: string[];
  rows: [EntityName, string][];
  needles: string[];
}

function collect(store: Store, clientIds: string[]): PurgeSet {
  const ids = [...clientIds];
  // Records merged into a purged client belong to the same person.
  for (let i = 0; i < ids.length; i++) {
    for (const m of store.stmt('SELECT id FROM clients WHERE merged_into = ?').pluck().all(ids[i]) as string[])
      if (!ids.includes(m)) ids.push(m);
  }
  const rows: [EntityName, string][] = ids.map((id) => ['client', id]);
  const needles = new Set<string>(ids);
  for (const id of ids) {
    const c = store.stmt('SELECT ref, bsn FROM clients WHERE id = ?').get(id) as
      { ref: string | null; bsn: string | null } | undefined;
    if (c?.ref) needles.add(c.ref);
    if (c?.bsn) needles.add(c.bsn);
    for (const [entity, table] of [
      ['period', 'caseload_periods'],
      ['measure', 'measures'],
      ['activity', 'activities'],
      ['match', 'matches'],
      ['placement', 'placements'],
      ['contact', 'contacts'],
    ] as const) {
      for (const rid of store.stmt(`SELECT id FROM ${table} WHERE client_id = ?`).pluck().all(id) as string[])
        rows.push([entity, rid]);
    }
  }
  // Contacts tied to a purged placement (nazorg) even if they name no client.
  const placements = rows.filter(([e]) => e === 'placement').map(([, id]) => id);
  for (const pid of placements) {
    for (const cid of store.stmt('SELECT id FROM contacts WHERE placement_id = ?').pluck().all(pid) as string[]) {
      if (!rows.some(([e, r]) => e === 'contact' && r === cid)) rows.push(['contact', cid]);
    }
  }
  // Rows of other synced entities that point at a purged row (e.g. an export delivery of the
  // client's record): found by any text field equal to a purged id, until nothing new turns up.
  const OWN = new Set<EntityName>([
    'client',
    'period',
    'measure',
    'activity',
    'match',
    'placement',
    'contact',
    'purge_marker',
  ]);
  const seen = new Set(rows.map(([e, id]) => `${e}:${id}`));
  for (let added = true; added;) {
    added = false;
    const list = JSON.stringify(rows.map(([, id]) => id));
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      if (OWN.has(entity)) continue;
      const spec = ENTITIES[entity];
      for (const [field, f] of Object.entries(spec.fields) as [string, { type: string }][]) {
        if (f.type !== 'text' && f.type !== 'ref') continue;
        const hits = store.db
          .prepare(`SELECT id FROM ${spec.table} WHERE "${field}" IN (SELECT value FROM json_each(?))`)
          .pluck()
          .all(list) as string[];
        for (const id of hits) {
          if (seen.has(`${entity}:${id}`)) continue;
          seen.add(`${entity}:${id}`);
          rows.push([entity, id]);
          added = true;
        }
      }
    }
  }
  return { clients: ids, rows, needles: [...needles] };
}

function textColumns(store: Store, table: string): string[] {
  return (store.db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[])
    .filter((c) => c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type))
    .map((c) => c.name);
}

function allTables(store: Store): string[] {
  return store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Deletes rows of other modules' tables that point at purged rows. Returns rows deleted per table. */
function sweep(store: Store, values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const list = JSON.stringify(values);
  for (const table of allTables(store)) {
    if (SYNCED_TABLES.has(table) || NOT_SWEPT.test(table)) continue;
    for (const col of textColumns(store, table)) {
      const n = store.db
        .prepare(`DELETE FROM "${table}" WHERE "${col}" IN (SELECT value FROM json_each(?))`)
        .run(list).changes;
      if (n) out[table] = (out[table] ?? 0) + n;
    }
  }
  return out;
}

/** Counts, per table.column, values that still contain a needle as a whole word. */
export function leftovers(store: Store, needles: string[]): { table: string; column: string; rows: number }[] {
  if (!needles.length) return [];
  const escaped = needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${escaped.join('|')})(?![A-Za-z0-9])`);
  store.db.function('purge_hit', { deterministic: true }, (v: unknown) =>
    v !== null && v !== undefined && re.test(typeof v === 'string' ? v : String(v)) ? 1 : 0,
  );
  const out: { table: string; column: string; rows: number }[] = [];
  for (const table of allTables(store)) {
    if (/^(sqlite_|search_fts_(data|idx|docsize|config))/.test(table)) continue;
    // The journal is the largest table; of its columns only the row id and the packed values can
    // hold a person's id, ref or BSN (the others are entity names, clocks, users and times).
    const cols = table === 'journal' ? ['row_id', 'fields'] : textColumns(store, table);
    for (const col of cols) {
      const n = store.db.prepare(`SELECT count(*) FROM "${table}" WHERE purge_hit("${col}")`).pluck().get() as number;
      if (n) out.push({ table, column: col, rows: n });
    }
  }
  return out;
}

function destroy(store: Store, user: string, set: PurgeSet, on: string): Record<string, number> {
  const delJournal = store.db.prepare('DELETE FROM journal WHERE entity = ? AND row_id = ?');
  const counts: Record<string, number> = {};
  for (const [entity, id] of set.rows) {
    delJournal.run(entity, id);
    const table = ENTITIES[entity].table;
    counts[table] = (counts[table] ?? 0) + store.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes;
  }
  const swept = sweep(store, [...set.rows.map(([, id]) => id), ...set.needles]);
  for (const [t, n] of Object.entries(swept)) counts[t] = (counts[t] ?? 0) + n;
  // Deleted terms stay in older FTS segments until they are merged.
  store.db.prepare("INSERT INTO search_fts(search_fts) VALUES ('optimize')").run();
  // The markers go through the journal like any change, so sync carries them.
  store.write(user, (w) => {
    for (const [entity, id] of set.rows) w.update('purge_marker', markerId(entity, id), { entity, purged_on: on });
  });
  return counts;
}

export interface PurgeResult {
  purged: number;
  rows: Record<string, number>;
  /** Whole-word occurrences of a purged client's id, ref or BSN still found elsewhere (counts only). */
  remaining: { table: string; column: string; rows: number }[];
}

function withSecureDelete<T>(store: Store, fn: () => T): T {
  const before = store.db.pragma('secure_delete', { simple: true }) as number;
  store.db.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    store.db.pragma(`secure_delete = ${before}`);
  }
}

/** Rewrites the file without free space (old values of earlier edits) and empties the WAL. */
function compact(store: Store): void {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  withSecureDelete(store, () => store.db.exec('VACUUM'));
  store.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Destroys clients past retention on `asOf` (a manager confirmed). All or nothing. */
export function purgeClients(store: Store, user: string, clientIds: string[], asOf: string): PurgeResult {
  const unique = [...new Set(clientIds)];
  const eligible = eligibleIds(store, unique, asOf);
  const refused = unique.filter((id) => !eligible.has(id));
  if (refused.length) {
    const ref =
      (store.stmt('SELECT ref FROM clients WHERE id = ?').pluck().get(refused[0]) as string | undefined) ?? refused[0];
    throw new AppError(
      'invalid_input',
      `Klant ${ref} is niet (meer) over de bewaartermijn; er is niets vernietigd.`,
      'clientIds',
      { refused: refused.length },
    );
  }
  const result = withSecureDelete(store, () =>
    store.db.transaction(() => {
      const set = collect(store, unique);
      const rows = destroy(store, user, set, asOf);
      return { purged: set.clients.length, rows, remaining: leftovers(store, set.needles) };
    })(),
  );
  compact(store);
  audit(store, { actor: user, action: 'retention.purge', object: `${result.purged} klant(en)`, result: 'ok' });
  return result;
}

export interface ArrivedPurgeResult {
  purged: number;
  /** Refs of the clients purged here. */
  purgedRefs: string[];
  conflicts: string[];
  /** Markers this laptop cannot justify: the client stays. */
  refused: { ref: string; reason: string }[];
}

const REFUSED_META = 'retention_refused_markers';

/**
 * For sync, after marker changes from another laptop were applied: purges the local clients those
 * markers name, when this laptop itself finds them past retention today (`today`: this laptop's
 * Europe/Amsterdam day). A client with local changes newer than its marker is left alone and
 * returned as a conflict; a marker it cannot justify (reference date in the future, or the
 * client not past retention by this laptop's data) is refused, audited once and returned.
 */
export function applyPurgeMarkers(store: Store, user: string, today: string = store.today()): ArrivedPurgeResult {
  const markers = new Map<string, { hlc: string; on: string }>();
  for (const r of store
    .stmt(
      "SELECT m.id, m.purged_on AS on_, (SELECT max(hlc) FROM journal_changes j WHERE j.entity = 'purge_marker' AND j.row_id = m.id) AS hlc FROM purge_markers m WHERE m.entity = 'client'",
    )
    .all() as { id: string; hlc: string; on_: string | null }[]) {
    markers.set(r.id, { hlc: r.hlc, on: r.on_ ?? '' });
  }
  const none: ArrivedPurgeResult = { purged: 0, purgedRefs: [], conflicts: [], refused: [] };
  if (!markers.size) return none;
  const hit: { id: string; ref: string }[] = [];
  const conflicts: string[] = [];
  const refused: { ref: string; reason: string; marker: string }[] = [];
  for (const c of store.stmt('SELECT id, ref FROM clients').all() as { id: string; ref: string }[]) {
    const mid = markerId('client', c.id);
    const marker = markers.get(mid);
    if (!marker) continue;
    const set = collect(store, [c.id]);
    const newest = set.rows.reduce((max, [entity, id]) => {
      const h = store
        .stmt('SELECT max(hlc) FROM journal_changes WHERE entity = ? AND row_id = ?')
        .pluck()
        .get(entity, id) as string | null;
      return h && h > max ? h : max;
    }, '');
    if (newest > marker.hlc) conflicts.push(c.ref);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(marker.on) || marker.on > today)
      refused.push({
        ref: c.ref,
        marker: mid,
        reason: `peildatum ${marker.on || '(geen)'} ligt na vandaag (${today})`,
      });
    else if (!eligibleIds(store, [c.id], today).has(c.id))
      refused.push({ ref: c.ref, marker: mid, reason: `op deze laptop niet over de bewaartermijn op ${today}` });
    else hit.push({ id: c.id, ref: c.ref });
  }
  // Each refusal is audited once (rounds run every 20 s), with refs only.
  const reported = new Set<string>(JSON.parse(store.getMeta(REFUSED_META) ?? '[]') as string[]);
  const fresh = refused.filter((r) => !reported.has(r.marker));
  if (fresh.length) {
    for (const r of fresh) reported.add(r.marker);
    store.db.transaction(() => {
      store.setMeta(REFUSED_META, JSON.stringify([...reported]));
      audit(store, {
        actor: user,
        action: 'retention.refused',
        object: `${fresh.length} klant(en) niet vernietigd: ${fresh.map((r) => `${r.ref} (${r.reason})`).join('; ')}`,
        result: 'refused',
      });
    })();
  }
  const out = { conflicts, refused: refused.map(({ ref, reason }) => ({ ref, reason })) };
  if (!hit.length) return { ...none, ...out };
  withSecureDelete(store, () =>
    store.db.transaction(() => {
      for (const { id } of hit) {
        const on = store
          .stmt('SELECT purged_on FROM purge_markers WHERE id = ?')
          .pluck()
          .get(markerId('client', id)) as string;
        destroy(store, user, collect(store, [id]), on);
      }
    })(),
  );
  compact(store);
  const refs = hit.map((h) => h.ref);
  audit(store, {
    actor: user,
    action: 'retention.apply',
    object: `${hit.length} klant(en): ${refs.join(', ')}`,
    result: 'ok',
  });
  return { ...out, purged: hit.length, purgedRefs: refs };
}
