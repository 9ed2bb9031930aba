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
import { sql, type SqlBool } from 'kysely';
import { AppError } from '../model/errors.js';
import { ENTITIES, isEntityName, type EntityName } from '../model/entities.js';
import { audit } from '../store/audit.js';
import { newestClock } from '../journal/entries.js';
import type { Store } from '../journal/store.js';
import { compiled, compiledPerEntity } from '../records/compiled.js';
import { idList } from '../records/id-list.js';
import { eligibleIds } from './list.js';

export function markerId(entity: EntityName | string, rowId: string): string {
  return createHash('sha256').update(`caseload-purge\u001f${entity}\u001f${rowId}`).digest('hex').slice(0, 40);
}

// isPurged runs for every changed record a sync round brings in: compiled once, reused.
const MARKER = compiled((db, id: string) =>
  db
    .selectFrom('purge_markers')
    .select(sql<number>`1`.as('one'))
    .where('id', '=', id),
);
const ROW = compiledPerEntity((db, table, _entity, id: string) =>
  db
    .selectFrom(table)
    .select(sql<number>`1`.as('one'))
    .where('id', '=', id),
);

export function isPurged(store: Store, entity: EntityName | string, rowId: string): boolean {
  if (MARKER.first(store, markerId(entity, rowId)) === undefined) return false;
  // Still here: the purge was refused on this laptop (or not carried out yet), so changes apply.
  return !isEntityName(entity) || ROW(entity).first(store, rowId) === undefined;
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
    for (const { id: m } of store.all(
      store.kysely.selectFrom('clients').select('id').where('merged_into', '=', ids[i]!),
    ))
      if (!ids.includes(m)) ids.push(m);
  }
  const rows: [EntityName, string][] = ids.map((id) => ['client', id]);
  const needles = new Set<string>(ids);
  for (const id of ids) {
    const c = store.first(store.kysely.selectFrom('clients').select(['ref', 'bsn']).where('id', '=', id));
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
      for (const r of store.all(store.kysely.selectFrom(table).select('id').where('client_id', '=', id)))
        rows.push([entity, r.id]);
    }
  }
  // Contacts tied to a purged placement (nazorg) even if they name no client.
  const placements = rows.filter(([e]) => e === 'placement').map(([, id]) => id);
  for (const pid of placements) {
    for (const { id: cid } of store.all(
      store.kysely.selectFrom('contacts').select('id').where('placement_id', '=', pid),
    )) {
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
    const list = rows.map(([, id]) => id);
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      if (OWN.has(entity)) continue;
      const spec = ENTITIES[entity];
      for (const [field, f] of Object.entries(spec.fields) as [string, { type: string }][]) {
        if (f.type !== 'text' && f.type !== 'ref') continue;
        const hits = store.all(
          store.kysely.selectFrom(spec.table).select('id').where(sql.ref(field), 'in', idList(list)),
        );
        for (const { id } of hits) {
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

// The sweep and the leftover scan go over every table and column there is, found at run time
// (sqlite_master, table_info), so they name them through `sql.table`/`sql.ref`, untyped.

function textColumns(store: Store, table: string): string[] {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  return (store.db.pragma(`table_info(${quoted})`) as { name: string; type: string }[])
    .filter((c) => c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type))
    .map((c) => c.name);
}

function allTables(store: Store): string[] {
  const db = store.kysely.withTables<{ sqlite_master: { type: string; name: string } }>();
  return store
    .all(db.selectFrom('sqlite_master').select('name').where('type', '=', 'table').orderBy('name'))
    .map((t) => t.name);
}

/** A table found at run time, with the columns the sweep and the scan use. */
const anyTable = (table: string) => sql<Record<string, unknown>>`${sql.table(table)}`.as('t');

/** Deletes rows of other modules' tables that point at purged rows. Returns rows deleted per table. */
function sweep(store: Store, values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of allTables(store)) {
    if (SYNCED_TABLES.has(table) || NOT_SWEPT.test(table)) continue;
    for (const col of textColumns(store, table)) {
      const n = store.run(store.kysely.deleteFrom(anyTable(table)).where(sql.ref(col), 'in', idList(values))).changes;
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
      const n = store.first(
        store.kysely
          .selectFrom(anyTable(table))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(sql<SqlBool>`purge_hit(${sql.ref(col)})`),
      )!.n;
      if (n) out.push({ table, column: col, rows: n });
    }
  }
  return out;
}

function destroy(store: Store, user: string, set: PurgeSet, on: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [entity, id] of set.rows) {
    store.run(store.kysely.deleteFrom('journal').where('entity', '=', entity).where('row_id', '=', id));
    const table = ENTITIES[entity].table;
    counts[table] = (counts[table] ?? 0) + store.run(store.kysely.deleteFrom(table).where('id', '=', id)).changes;
  }
  const swept = sweep(store, [...set.rows.map(([, id]) => id), ...set.needles]);
  for (const [t, n] of Object.entries(swept)) counts[t] = (counts[t] ?? 0) + n;
  // Deleted terms stay in older FTS segments until they are merged.
  // (FTS5's 'optimize' command: an insert into the column named like the index.)
  store.run(
    store.kysely
      .withTables<{ search_fts: { search_fts: string } }>()
      .insertInto('search_fts')
      .values({ search_fts: 'optimize' }),
  );
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
  // raw SQL: VACUUM has no Kysely form
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
      store.first(store.kysely.selectFrom('clients').select('ref').where('id', '=', refused[0]!))?.ref ?? refused[0];
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
  const markers = new Map<string, { on: string }>();
  for (const r of store.all(
    store.kysely.selectFrom('purge_markers').select(['id', 'purged_on']).where('entity', '=', 'client'),
  )) {
    markers.set(r.id, { on: r.purged_on ?? '' });
  }
  const none: ArrivedPurgeResult = { purged: 0, purgedRefs: [], conflicts: [], refused: [] };
  if (!markers.size) return none;
  const hit: { id: string; ref: string; on: string }[] = [];
  const conflicts: string[] = [];
  const refused: { ref: string; reason: string; marker: string }[] = [];
  for (const c of store.all(store.kysely.selectFrom('clients').select(['id', 'ref'])) as {
    id: string;
    ref: string;
  }[]) {
    const mid = markerId('client', c.id);
    const marker = markers.get(mid);
    if (!marker) continue;
    const set = collect(store, [c.id]);
    const newest = set.rows.reduce((max, [entity, id]) => {
      const h = newestClock(store, entity, id);
      return h && h > max ? h : max;
    }, '');
    // The marker's clock: when the purge was decided (none when its journal rows are gone).
    const decided = newestClock(store, 'purge_marker', mid);
    if (decided !== null && newest > decided) conflicts.push(c.ref);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(marker.on) || marker.on > today)
      refused.push({
        ref: c.ref,
        marker: mid,
        reason: `peildatum ${marker.on || '(geen)'} ligt na vandaag (${today})`,
      });
    else if (!eligibleIds(store, [c.id], today).has(c.id))
      refused.push({ ref: c.ref, marker: mid, reason: `op deze laptop niet over de bewaartermijn op ${today}` });
    else hit.push({ id: c.id, ref: c.ref, on: marker.on });
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
      // The marker's date (`on` is the marker's purged_on, checked above).
      for (const { id, on } of hit) destroy(store, user, collect(store, [id]), on);
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
