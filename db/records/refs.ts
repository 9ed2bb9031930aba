// Refs are the records' stable, human-readable keys (CONTRACTS.md), unique in the whole team.
//
// - Clients, employers, vacancies and users have a series that people read out on the phone:
//   K000123, W000045, V000007, U000003. A laptop gives out the next number above every number
//   it has ever seen in that series (ref_history, migration 0007), also offline.
// - Two laptops can still give out the same number while offline. After a sync round the rule
//   of `resolveRefCollisions` runs identically on every laptop: among live records with one ref,
//   the record that claimed it first (the clock of the change that first gave it this ref, then
//   its id) keeps it; every other one gets the next free number of the series (or, outside a
//   series, a ref derived from its own id). The change is an ordinary journaled write, so the
//   laptops converge; the old number stays in ref_history: search, import and the dossier still
//   find the record under it ("eerder nummer").
// - Other kinds get a short hash: of their natural key on import (re-importing a file upserts
//   instead of duplicating) or of their new id when created in a form.
//
// Code never writes by ref: a ref is resolved to exactly one id at the edge (`resolveRef`),
// which refuses when it is ambiguous.
//
// Refs are given out and resolved on the write path (every import line, every new record, the
// renumbering after sync), so the queries are compiled once per entity and reused (compiled.ts).
import { fieldChanges, lastSeq, refsJournaled } from '../journal/entries.js';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../model/errors.js';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../model/entities.js';
import type { Store } from '../journal/store.js';
import { compiledPerEntity, type EntityTable } from './compiled.js';
import { idList } from './id-list.js';

/** The entities whose refs are a readable number series. */
export const SERIES: readonly EntityName[] = ['client', 'employer', 'vacancy', 'user'];

const DIGITS = 6;
const highest = new WeakMap<Store, Map<EntityName, number>>();

// Constants are literals, as the indexes say them (db/work/lists.ts), not bound values: with
// `deleted = ?` or `LIMIT ?` these one-row lookups took about twice as long (measured, 20,000 calls).
const LIVE = sql.lit(0);

/** An entity table with the columns every entity table has (the table varies per entity). */
const entityTable = (table: EntityTable) =>
  sql<{ id: string; ref: string | null; deleted: number }>`${sql.table(table)}`;

/**
 * Current refs in [lo, hi) of every record (deleted ones too: their numbers are never given out
 * again) and the earlier refs of renumbered records.
 */
const SERIES_REFS = compiledPerEntity((db, table, entity, lo: string, hi: string) =>
  db
    .selectFrom(table)
    .select('ref')
    .where('ref', '>=', lo)
    .where('ref', '<', hi)
    .unionAll(
      db
        .selectFrom('ref_history')
        .select('ref')
        .where('entity', '=', entity)
        .where('ref', '>=', lo)
        .where('ref', '<', hi),
    ),
);

/** A row when some record has or had `ref`. */
const REF_USED = compiledPerEntity((db, table, entity, ref: string) =>
  db
    .selectFrom(table)
    .select(sql<number>`1`.as('used'))
    .where('ref', '=', ref)
    .unionAll(
      db
        .selectFrom('ref_history')
        .select(sql<number>`1`.as('used'))
        .where('entity', '=', entity)
        .where('ref', '=', ref),
    )
    .limit(sql.lit(1)),
);

/** Live records that have `ref` now, by id. */
const CURRENT_HOLDERS = compiledPerEntity((db, table, _entity, ref: string) =>
  db.selectFrom(table).select('id').where('ref', '=', ref).where('deleted', '=', LIVE).orderBy('id'),
);

/** Live records that had `ref` before and have another one now, by id. */
const FORMER_HOLDERS = compiledPerEntity((db, table, entity, ref: string) =>
  db
    .selectFrom('ref_history as h')
    .innerJoin(entityTable(table).as('t'), 't.id', 'h.row_id')
    .select('h.row_id')
    .where('h.entity', '=', entity)
    .where('h.ref', '=', ref)
    .where('t.deleted', '=', LIVE)
    .where('t.ref', 'is not', (eb) => eb.ref('h.ref'))
    .orderBy('h.row_id'),
);

const CURRENT_REF = compiledPerEntity((db, table, _entity, id: string) =>
  db.selectFrom(table).select('ref').where('id', '=', id),
);

/** The refs a record had before its current one, oldest claim first. */
const FORMER_REFS = compiledPerEntity((db, table, entity, id: string) =>
  db
    .selectFrom('ref_history as h')
    .innerJoin(entityTable(table).as('t'), 't.id', 'h.row_id')
    .select('h.ref')
    .where('h.entity', '=', entity)
    .where('h.row_id', '=', id)
    .where('h.ref', 'is not', (eb) => eb.ref('t.ref'))
    .orderBy('h.hlc')
    .orderBy('h.ref'),
);

function seriesNumber(entity: EntityName, ref: string): number | null {
  const prefix = ENTITIES[entity].refPrefix;
  if (!ref.startsWith(prefix)) return null;
  const rest = ref.slice(prefix.length);
  return /^\d{1,12}$/.test(rest) ? Number(rest) : null;
}

/** The highest number of a series this laptop has ever seen (one scan per store, then kept). */
export function highestSeriesNumber(store: Store, entity: EntityName): number {
  let byEntity = highest.get(store);
  if (!byEntity) highest.set(store, (byEntity = new Map()));
  let n = byEntity.get(entity);
  if (n === undefined) {
    const prefix = ENTITIES[entity].refPrefix;
    n = 0;
    for (const { ref } of SERIES_REFS(entity).iterate(store, `${prefix}0`, `${prefix}:`))
      n = Math.max(n, ref === null ? 0 : (seriesNumber(entity, ref) ?? 0));
    byEntity.set(entity, n);
  }
  return n;
}

/** Forget the kept highest numbers (refs from other laptops arrived). */
export function forgetSeries(store: Store): void {
  highest.delete(store);
}

/** The next number of a series that no record of this laptop has or ever had. */
export function nextSeriesRef(store: Store, entity: EntityName): string {
  const prefix = ENTITIES[entity].refPrefix;
  const used = REF_USED(entity);
  let n = highestSeriesNumber(store, entity);
  let ref: string;
  do {
    n++;
    ref = `${prefix}${String(n).padStart(DIGITS, '0')}`;
  } while (used.first(store, ref) !== undefined);
  highest.get(store)!.set(entity, n);
  return ref;
}

export function hashRef(entity: EntityName, naturalKey: (string | number | null | undefined)[]): string {
  const h = createHash('sha256')
    .update(naturalKey.map((x) => String(x ?? '')).join('\u001f'))
    .digest('hex');
  return `${ENTITIES[entity].refPrefix}-${h.slice(0, 10)}`;
}

/** Live records (deleted = 0) that have `ref` now, and those that had it before. */
export function refHolders(store: Store, entity: EntityName, ref: string): { current: string[]; former: string[] } {
  const current = CURRENT_HOLDERS(entity)
    .all(store, ref)
    .map((r) => r.id);
  const former = FORMER_HOLDERS(entity)
    .all(store, ref)
    .map((r) => r.row_id);
  return { current, former };
}

/**
 * The one live record a ref means: its current holder, else the one record that had it before
 * (renumbered after a collision). Null when none; refuses (`ambiguous_ref`) when two records
 * hold it now, or none does and several had it.
 */
export function resolveRef(store: Store, entity: EntityName, ref: string, field = 'ref'): string | null {
  const current = CURRENT_HOLDERS(entity)
    .all(store, ref)
    .map((r) => r.id);
  // One holder now (nearly always): the earlier holders do not matter.
  if (current.length === 1) return current[0]!;
  const former = FORMER_HOLDERS(entity)
    .all(store, ref)
    .map((r) => r.row_id);
  if (current.length === 0 && former.length <= 1) return former[0] ?? null;
  const ids = current.length ? current : former;
  const refs = ids.map((id) => currentRef(store, entity, id)).join(', ');
  throw new AppError(
    'ambiguous_ref',
    `'${ref}' hoort bij meer dan één record (nu ${refs}): gebruik het huidige nummer`,
    field,
    { ids },
  );
}

export function currentRef(store: Store, entity: EntityName, id: string): string {
  return CURRENT_REF(entity).first(store, id)?.ref ?? '';
}

/** The refs a record had before its current one, oldest first ("eerder nummer"). */
export function formerRefs(store: Store, entity: EntityName, id: string): string[] {
  return FORMER_REFS(entity)
    .all(store, id)
    .map((r) => r.ref);
}

export interface Renumbered {
  entity: EntityName;
  id: string;
  from: string;
  to: string;
}

interface Claim {
  id: string;
  hlc: string;
}

const CLAIMANTS = compiledPerEntity((db, table, _entity, ref: string) =>
  db.selectFrom(table).select('id').where('ref', '=', ref).where('deleted', '=', LIVE),
);

/** Live records sharing one ref, first claim first. */
function claimants(store: Store, entity: EntityName, ref: string): Claim[] {
  const ids = CLAIMANTS(entity)
    .all(store, ref)
    .map((r) => r.id);
  if (ids.length < 2) return ids.map((id) => ({ id, hlc: '' }));
  // The claim: the clock of the first change that gave the record this ref.
  const claims = ids.map((id) => ({
    id,
    hlc: fieldChanges(store, entity, id, 'ref').find((c) => c.value === ref)?.hlc ?? '',
  }));
  return claims.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Journal rows since the last check beyond which every ref is checked (one scan of each ref index). */
const WHOLE_CHECK = 20_000;

/** Meta: the journal seq up to which refs were checked for collisions. */
const CHECKED = 'ref_checked_seq';

/**
 * Gives every record that lost a ref to an earlier claim a new one (see the header). Looks only
 * at refs journaled since the last check, unless `all`. Returns what it renumbered.
 */
export function resolveRefCollisions(store: Store, user = 'sync', opts: { all?: boolean } = {}): Renumbered[] {
  const from = opts.all ? 0 : Number(store.getMeta(CHECKED) ?? 0);
  const upto = lastSeq(store);
  if (upto <= from) return [];
  // The refs journaled since, per entity; after a great many (a snapshot restore brings them
  // all) every ref is checked, which is cheaper than listing them from the journal.
  const everything = opts.all === true || upto - from > WHOLE_CHECK;
  const touched = new Map<EntityName, string[] | null>(everything ? ENTITY_NAMES.map((e) => [e, null]) : []);
  if (!everything)
    for (const { entity, ref } of refsJournaled(store, from, upto))
      if (ENTITY_NAMES.includes(entity as EntityName))
        (touched.get(entity as EntityName) ?? touched.set(entity as EntityName, []).get(entity as EntityName)!)!.push(
          ref,
        );
  const collisions: { entity: EntityName; ref: string; losers: Claim[] }[] = [];
  for (const [entity, refs] of touched) {
    // Which of them more than one record holds: one query per entity, read from the ref index
    // alone (whether they are live is claimants' question, for these few).
    for (const { ref } of store.all(
      store.kysely
        .selectFrom(ENTITIES[entity].table as EntityTable)
        .select('ref')
        .where('ref', 'is not', null)
        .$if(refs !== null, (q) => q.where('ref', 'in', idList(refs!)))
        .groupBy('ref')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .orderBy('ref'),
    )) {
      const claims = claimants(store, entity, ref!);
      if (claims.length > 1) collisions.push({ entity, ref: ref!, losers: claims.slice(1) });
    }
  }
  const out: Renumbered[] = [];
  if (collisions.length) {
    // Numbers from other laptops arrived: count from the highest number anyone gave out.
    forgetSeries(store);
    store.write(user, (w) => {
      for (const c of collisions) {
        for (const loser of c.losers) {
          const to = SERIES.includes(c.entity) ? nextSeriesRef(store, c.entity) : hashRef(c.entity, [loser.id]);
          w.update(c.entity, loser.id, { ref: to });
          out.push({ entity: c.entity, id: loser.id, from: c.ref, to });
        }
      }
    });
  }
  store.setMeta(CHECKED, String(lastSeq(store)));
  return out;
}
