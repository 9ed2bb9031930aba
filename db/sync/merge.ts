// The same person registered on two laptops (same BSN, different client ids). After each sync
// round a deterministic rule runs that every laptop computes identically from synced data only:
// among the live clients with one BSN the survivor is the one created first (lowest first journal
// clock, then lowest id); the others get merged_into = survivor, and every record that points to
// a merged client (periods, activities, contacts, placements, matches, ...) is moved to the end
// of its merged_into chain. Writes happen only where a value differs from what the rule wants,
// as ordinary journaled changes, so the laptops converge and then stop writing. Key fields that
// differ between a merged record and its survivor are listed as conflicts (conflicts.ts).
import { ENTITIES, ENTITY_NAMES, type EntityName, type FieldSpec } from '../model/entities.js';
import type { Store } from '../store/open.js';

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
}

export function mergeSamePerson(store: Store, user = 'sync'): MergeResult {
  const result: MergeResult = { merged: 0, moved: 0 };
  // Own prepared statements: pluck() would change a statement shared through store.stmt().
  const dupBsns = store.db
    .prepare('SELECT bsn FROM clients WHERE deleted = 0 AND bsn IS NOT NULL GROUP BY bsn HAVING count(*) > 1')
    .pluck()
    .all() as string[];
  const created = store.db.prepare("SELECT min(hlc) FROM journal WHERE entity = 'client' AND row_id = ?").pluck();
  const mergedClients = store.db.prepare('SELECT id, merged_into FROM clients WHERE merged_into IS NOT NULL');
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
    for (const r of mergedClients.all() as { id: string; merged_into: string }[]) next.set(r.id, r.merged_into);
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
    for (const link of clientLinks()) {
      const rows = store.db.prepare(`SELECT id FROM ${link.table} WHERE ${link.field} = ? AND deleted = 0`).pluck();
      for (const from of next.keys()) {
        const to = rootOf(from);
        if (to === from) continue;
        for (const id of rows.all(from) as string[]) {
          w.update(link.entity, id, { [link.field]: to });
          result.moved++;
        }
      }
    }
  });
  return result;
}
