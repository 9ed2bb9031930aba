// Checks that every synced row is exactly what its journal says: for each field the current
// column value equals the journal value with the highest clock, and no row or value exists
// without a journal entry. A write that bypassed the journal shows up here (and in `check`).
import { changeJson } from '../store/journal-pack.js';
import { ENTITIES, ENTITY_NAMES, fieldNames, fieldOfNumber, fieldSpec, type EntityName } from '../model/entities.js';
import type { Store } from './store.js';
import { toColumn, type Value } from './write.js';

export interface JournalMismatch {
  entity: EntityName;
  id: string;
  field: string;
  problem: string;
}

export function verifyJournal(store: Store, limit = 100): JournalMismatch[] {
  const out: JournalMismatch[] = [];
  // Each field's value with the highest clock (the journal_changes view shows the packed rows
  // per field; the value as JSON so lists and booleans keep their type).
  const latest = store.db.prepare(
    `SELECT row_id, field_no, ${changeJson('c')} AS value, type, max(hlc)
     FROM journal_changes c WHERE entity = ? GROUP BY row_id, field_no`,
  );
  for (const entity of ENTITY_NAMES) {
    const expected = new Map<string, Map<string, string | number | null>>();
    for (const r of latest.iterate(entity) as IterableIterator<{
      row_id: string;
      field_no: number;
      value: string | null;
      type: string;
    }>) {
      const field = fieldOfNumber(entity, r.field_no);
      const spec = field === undefined ? undefined : fieldSpec(entity, field);
      if (!field || !spec) {
        out.push({ entity, id: r.row_id, field: `#${r.field_no}`, problem: 'journaal noemt een onbekend veld' });
        continue;
      }
      const value = JSON.parse(r.value!) as Value;
      if (!expected.has(r.row_id)) expected.set(r.row_id, new Map());
      expected.get(r.row_id)!.set(field, toColumn(spec, value));
    }
    const fields = fieldNames(entity);
    for (const row of store.db.prepare(`SELECT * FROM ${ENTITIES[entity].table}`).iterate() as IterableIterator<
      Record<string, unknown>
    >) {
      const id = row.id as string;
      const exp = expected.get(id);
      if (!exp) {
        out.push({ entity, id, field: '*', problem: 'rij zonder journaal' });
      } else {
        for (const f of fields) {
          const want = exp.has(f) ? exp.get(f)! : f === 'deleted' ? 0 : null;
          const have = (row[f] ?? null) as string | number | null;
          if (want !== have) out.push({ entity, id, field: f, problem: 'waarde wijkt af van het journaal' });
        }
        expected.delete(id);
      }
      if (out.length >= limit) return out;
    }
    for (const id of expected.keys()) {
      out.push({ entity, id, field: '*', problem: 'journaal zonder rij' });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
