// The same person registered on two laptops (same BSN, different client ids). After each sync
// round a deterministic rule runs that every laptop computes identically from synced data only:
//
// 1. Among the live clients with one BSN the survivor is the one created first (lowest first
//    journal clock, then lowest id); the others get merged_into = survivor.
// 2. The survivor takes over every field it lacks from the merged registrations. Where they
//    differ, the newest value wins (the clock of each registration's own latest change) and the
//    other values are listed as "merge" conflicts (db/sync/conflicts.ts), every field, with both
//    values to choose from. Those writes carry the user MERGE_USER, so the survivor's own values
//    stay recognisable in the journal and the conflict list is the same on every laptop.
// 3. Every record that points to a merged client (periods, activities, contacts, placements,
//    matches, measures, ...) moves to the end of its merged_into chain; the survivor inherits
//    the merged registration's export deliveries for targets it had none for (the target
//    already knows this person).
// 4. Caseload periods of one client that overlap (the same intake registered twice) become one:
//    the earliest keeps, takes over what it lacks, and the other is closed as merged_into it.
//
// Writes happen only where a value differs from what the rule wants, as ordinary journaled
// changes, so the laptops converge and then stop writing. Nothing of either registration is
// lost: the merged rows stay (hidden), their history shows in the survivor's dossier.
import { toColumn, type Value, type Writer } from '../journal/write.js';
import { fieldChanges } from '../journal/entries.js';
import { ENTITIES, ENTITY_NAMES, fieldSpec, type EntityName, type FieldSpec } from '../model/entities.js';
import type { Store } from '../journal/store.js';

/** The journal's `user` on the merge's own writes (db/sync/conflicts.ts tells them apart). */
export const MERGE_USER = 'samenvoegen';

/** Client fields the merge never copies: bookkeeping, not facts about the person. */
const NOT_MERGED = new Set(['ref', 'deleted', 'merged_into', 'created']);
export const MERGED_CLIENT_FIELDS = Object.keys(ENTITIES.client.fields).filter((f) => !NOT_MERGED.has(f));
const PERIOD_FIELDS = ['referrer', 'account_manager', 'exit_date', 'exit_reason'] as const;

/** Every (entity, field) that links to a client, read from the registry (new entities included). */
function clientLinks(): { entity: EntityName; table: string; field: string }[] {
  const out: { entity: EntityName; table: string; field: string }[] = [];
  for (const entity of ENTITY_NAMES) {
    for (const [field, spec] of Object.entries(ENTITIES[entity].fields as Record<string, FieldSpec>)) {
      if (spec.type === 'ref' && spec.to === 'client' && !(entity === 'client' && field === 'merged_into')) {
        out.push({ entity, table: ENTITIES[entity].table, field });
      }
    }
  }
  return out;
}

export interface MergeResult {
  /** Clients whose merged_into this laptop set or changed. */
  merged: number;
  /** Linked records moved to a survivor. */
  moved: number;
  /** Survivor fields (and surviving period fields) filled in or replaced by a newer value. */
  filled: number;
  /** Overlapping caseload periods folded into one. */
  periods: number;
}

export interface FieldValue {
  value: string | null;
  hlc: string;
  device: string;
  user: string;
}

/** The latest journaled value of a field, optionally leaving out the merge's own writes. */
export function latestValue(
  store: Store,
  entity: EntityName,
  rowId: string,
  field: string,
  ownOnly = false,
): FieldValue | undefined {
  const c = fieldChanges(store, entity, rowId, field)
    .filter((x) => !ownOnly || x.user !== MERGE_USER)
    .at(-1);
  return c && { value: JSON.stringify(c.value), hlc: c.hlc, device: c.device, user: c.user };
}

/**
 * The values a merged field has to choose from: the survivor's own latest value and each merged
 * registration's latest value, non-empty only, newest first. The first is what the rule wants.
 */
export function mergeCandidates(
  store: Store,
  entity: EntityName,
  survivor: string,
  merged: readonly string[],
  field: string,
): (FieldValue & { rowId: string })[] {
  const out: (FieldValue & { rowId: string })[] = [];
  const own = latestValue(store, entity, survivor, field, true);
  if (own && own.value !== null && own.value !== 'null') out.push({ ...own, rowId: survivor });
  for (const m of merged) {
    const v = latestValue(store, entity, m, field, true);
    if (v && v.value !== null && v.value !== 'null') out.push({ ...v, rowId: m });
  }
  return out.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
}

/** The rows merged into each survivor (one level: merged_into always points at a survivor). */
export function mergedInto(store: Store, table: 'clients' | 'caseload_periods'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = store.stmt(`SELECT id, merged_into FROM ${table} WHERE merged_into IS NOT NULL ORDER BY id`).all() as {
    id: string;
    merged_into: string;
  }[];
  for (const r of rows) {
    const list = out.get(r.merged_into);
    if (list) list.push(r.id);
    else out.set(r.merged_into, [r.id]);
  }
  return out;
}

/** Writes the newest value of each field into the survivor where it differs. */
function fill(
  store: Store,
  w: Writer,
  entity: EntityName,
  survivor: string,
  merged: string[],
  fields: readonly string[],
): number {
  let n = 0;
  const row = w.row(entity, survivor);
  // A row without its ref has not had its creation from the other laptop yet: its own values
  // are unknown here, so choosing between them would overwrite edits this laptop never saw.
  if (!row || row.ref === null) return 0;
  for (const field of fields) {
    const want = mergeCandidates(store, entity, survivor, merged, field)[0];
    if (!want) continue;
    const value = JSON.parse(want.value!) as Value;
    if ((row[field] ?? null) === toColumn(fieldSpec(entity, field)!, value)) continue;
    w.as(MERGE_USER, () => w.update(entity, survivor, { [field]: value }));
    n++;
  }
  return n;
}

export function mergeSamePerson(store: Store, user = 'sync'): MergeResult {
  const result: MergeResult = { merged: 0, moved: 0, filled: 0, periods: 0 };
  // Own prepared statements: pluck() would change a statement shared through store.stmt().
  const dupBsns = store.db
    .prepare('SELECT bsn FROM clients WHERE deleted = 0 AND bsn IS NOT NULL GROUP BY bsn HAVING count(*) > 1')
    .pluck()
    .all() as string[];
  const created = store.db.prepare("SELECT min(hlc) FROM journal WHERE entity = 'client' AND row_id = ?").pluck();
  if (
    !dupBsns.length &&
    store.db.prepare('SELECT 1 FROM clients WHERE merged_into IS NOT NULL LIMIT 1').get() === undefined
  )
    return result;
  store.write(user, (w) => {
    for (const bsn of dupBsns) {
      const members = (
        store.stmt('SELECT id, merged_into FROM clients WHERE bsn = ? AND deleted = 0').all(bsn) as {
          id: string;
          merged_into: string | null;
        }[]
      )
        .map((m) => ({ ...m, created: (created.get(m.id) as string | null) ?? '' }))
        .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
      const survivor = members[0]!.id;
      for (const m of members) {
        const want = m.id === survivor ? null : survivor;
        if (m.merged_into !== want) {
          w.update('client', m.id, { merged_into: want });
          result.merged++;
        }
      }
    }
    // Follow each merged client's chain to its end (a cycle, which only hand edits could make,
    // ends at its lowest id so that every laptop still picks the same one).
    const next = new Map<string, string>();
    for (const [to, froms] of mergedInto(store, 'clients')) for (const from of froms) next.set(from, to);
    const rootOf = (id: string): string => {
      const seen = new Set<string>([id]);
      let cur = id;
      while (next.has(cur)) {
        const n = next.get(cur)!;
        if (seen.has(n)) return [...seen].sort()[0]!;
        seen.add(n);
        cur = n;
      }
      return cur;
    };
    for (const [from, to] of next) {
      const root = rootOf(from);
      if (root !== to && root !== from) {
        w.update('client', from, { merged_into: root });
        result.merged++;
      }
    }
    const survivors = new Set<string>();
    for (const link of clientLinks()) {
      const rows = store.db.prepare(`SELECT id FROM ${link.table} WHERE ${link.field} = ? AND deleted = 0`).pluck();
      for (const from of next.keys()) {
        const to = rootOf(from);
        if (to === from) continue;
        survivors.add(to);
        for (const id of rows.all(from) as string[]) {
          w.update(link.entity, id, { [link.field]: to });
          result.moved++;
        }
      }
    }
    for (const [survivor, merged] of mergedInto(store, 'clients')) {
      survivors.add(survivor);
      result.filled += fill(store, w, 'client', survivor, merged, MERGED_CLIENT_FIELDS);
      inheritDeliveries(store, w, survivor, merged);
    }
    for (const s of survivors) result.periods += foldPeriods(store, w, s);
    for (const [period, merged] of mergedInto(store, 'caseload_periods')) {
      result.filled += fill(store, w, 'period', period, merged, PERIOD_FIELDS);
    }
  });
  return result;
}

/**
 * Folds overlapping caseload periods of one client into the earliest one (the same intake
 * registered on two laptops): the later gets deleted + merged_into, so reports count the
 * person once; its values stay in the journal and show as merge conflicts where they differ.
 */
function foldPeriods(store: Store, w: Writer, clientId: string): number {
  const periods = store
    .stmt(
      `SELECT id, intake_date, exit_date FROM caseload_periods WHERE client_id = ? AND deleted = 0
       AND intake_date IS NOT NULL ORDER BY intake_date, id`,
    )
    .all(clientId) as { id: string; intake_date: string; exit_date: string | null }[];
  let n = 0;
  let keep: (typeof periods)[number] | null = null;
  for (const p of periods) {
    if (keep && (keep.exit_date === null || p.intake_date < keep.exit_date)) {
      w.update('period', p.id, { merged_into: keep.id, deleted: true });
      n++;
      continue;
    }
    keep = p;
  }
  return n;
}

/** The survivor takes over a merged registration's deliveries for targets it has none for. */
function inheritDeliveries(store: Store, w: Writer, survivor: string, merged: string[]): void {
  const rows = store.stmt(
    "SELECT * FROM export_deliveries WHERE entity = 'client' AND record_id = ? AND deleted = 0 ORDER BY target, id",
  );
  const have = new Set((rows.all(survivor) as { target: string }[]).map((r) => r.target));
  for (const m of merged) {
    for (const d of rows.all(m) as Record<string, unknown>[]) {
      const target = d.target as string;
      if (have.has(target)) continue;
      have.add(target);
      const fields: Record<string, string | null> = {};
      for (const f of Object.keys(ENTITIES.export_delivery.fields)) fields[f] = (d[f] as string | null) ?? null;
      w.create('export_delivery', { ...fields, record_id: survivor }, `${target}.client.${survivor}`);
    }
  }
}
