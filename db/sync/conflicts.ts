// Conflicts: edits that last-writer-wins overwrote without their writer having seen them.
// A change x loses when some change y on the same field has a later clock, a base clock before
// x (y's author had not seen x) and another value. That is a property of the set of changes,
// not of their arrival order, so every laptop ends with the same list; each pair is noticed when
// its second half arrives. Key fields (FieldSpec.key) are the ones a person must look at; the
// others are kept too, so no typed edit is ever silently lost.
// Two records of the same person (db/sync/merge.ts) add "merge" conflicts: key fields where the
// merged record differs from the survivor. Both kinds are resolved by writing the chosen value
// as a new change whose base clock covers the losing edit.
import type { ApplyOutcome, FieldChange, Value } from '../journal/write.js';
import { ENTITIES, fieldSpec, type EntityName } from '../model/entities.js';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { decodeHlc } from '../journal/hlc.js';
import { fieldChanges, latestChange } from '../journal/entries.js';
import { namer } from '../records/names.js';
import { MERGE_USER, MERGED_CLIENT_FIELDS, mergeCandidates, mergedInto } from './merge.js';

export class ConflictDetector {
  private readonly insert;
  found = 0;

  constructor(
    store: Store,
    private readonly detected: string,
  ) {
    this.insert = store.db.prepare(
      `INSERT OR IGNORE INTO sync_conflicts(entity, row_id, field, loser_hlc, loser_value, loser_device, loser_user, key_field, detected)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  private lose(x: FieldChange, key: number): void {
    this.found += this.insert.run(
      x.entity,
      x.row_id,
      x.field,
      x.hlc,
      JSON.stringify(x.value),
      x.device,
      x.user,
      key,
      this.detected,
    ).changes;
  }

  /** Called by Writer.applyChanges right after a remote change is taken in (with the field's history). */
  check = (c: FieldChange, o: ApplyOutcome): void => {
    if (o.duplicate || o.previous === null) return;
    const base = c.base_hlc ?? '';
    // Newer than everything here and written on top of everything here: nothing to compare.
    if (c.hlc > o.previous && base >= o.previous) return;
    const value = JSON.stringify(c.value);
    const key = fieldSpec(c.entity, c.field)?.key ? 1 : 0;
    // c loses to a later change whose author had not seen it.
    if (o.history.some((y) => y.hlc > c.hlc && (y.base_hlc ?? '') < c.hlc && JSON.stringify(y.value) !== value))
      this.lose(c, key);
    // c overwrites changes its author had not seen.
    for (const x of o.history) {
      if (x.hlc > base && x.hlc < c.hlc && JSON.stringify(x.value) !== value) this.lose(x, key);
    }
  };
}

export interface ConflictSide {
  value: Value;
  hlc: string;
  device: string;
  user: string;
  userName: string | null;
  /** ISO time from the clock. */
  at: string;
}

export interface Conflict {
  /** Stable across laptops: the same conflict has the same id everywhere. */
  id: string;
  kind: 'concurrent' | 'merge';
  entity: EntityName;
  rowId: string;
  ref: string | null;
  field: string;
  keyField: boolean;
  /** The value in effect (last writer wins). */
  current: ConflictSide | null;
  /** The edit that lost (for a merge: the merged record's value). */
  other: ConflictSide;
  /** For a merge: the record that was merged into this one. */
  mergedRowId?: string;
  mergedRef?: string | null;
}

interface JournalEntry {
  value: string | null;
  hlc: string;
  device: string;
  user: string;
}

type Names = ReturnType<typeof namer>;

function side(e: JournalEntry, names: Names): ConflictSide {
  const value = e.value === null ? null : (JSON.parse(e.value) as Value);
  return {
    value,
    hlc: e.hlc,
    device: e.device,
    user: e.user,
    userName: names.user(e.user),
    at: new Date(decodeHlc(e.hlc).millis).toISOString(),
  };
}

function latest(store: Store, entity: EntityName, rowId: string, field: string): JournalEntry | undefined {
  const c = latestChange(store, entity, rowId, field);
  return c && { value: JSON.stringify(c.value), hlc: c.hlc, device: c.device, user: c.user };
}

/** A person wrote the field having seen the losing edit (the merge's own writes decide nothing). */
function resolvedSince(store: Store, entity: EntityName, rowId: string, field: string, loserHlc: string): boolean {
  return fieldChanges(store, entity, rowId, field).some(
    (c) => c.base_hlc !== null && c.base_hlc >= loserHlc && c.user !== MERGE_USER,
  );
}

function refOf(store: Store, entity: EntityName, rowId: string): { ref: string | null; deleted: number } | undefined {
  return store.stmt(`SELECT ref, deleted FROM ${ENTITIES[entity].table} WHERE id = ?`).get(rowId) as
    { ref: string | null; deleted: number } | undefined;
}

/**
 * Open conflicts, sorted the same way on every laptop. A conflict closes when someone writes
 * the field having seen the losing edit, or when the values no longer differ.
 */
export function listConflicts(store: Store, opts: { all?: boolean } = {}): Conflict[] {
  const names = namer(store);
  const out: Conflict[] = [];
  const rows = store
    .stmt(
      `SELECT entity, row_id, field, loser_hlc, loser_value, loser_device, loser_user, key_field FROM sync_conflicts ${opts.all ? '' : 'WHERE key_field = 1'}`,
    )
    .all() as {
    entity: EntityName;
    row_id: string;
    field: string;
    loser_hlc: string;
    loser_value: string | null;
    loser_device: string;
    loser_user: string;
    key_field: number;
  }[];
  for (const r of rows) {
    const row = refOf(store, r.entity, r.row_id);
    if (!row || row.deleted) continue;
    const cur = latest(store, r.entity, r.row_id, r.field);
    if (cur && cur.value === r.loser_value) continue;
    if (resolvedSince(store, r.entity, r.row_id, r.field, r.loser_hlc)) continue;
    out.push({
      id: `c:${r.entity}:${r.row_id}:${r.field}:${r.loser_hlc}`,
      kind: 'concurrent',
      entity: r.entity,
      rowId: r.row_id,
      ref: row.ref,
      field: r.field,
      keyField: r.key_field === 1,
      current: cur ? side(cur, names) : null,
      other: side({ value: r.loser_value, hlc: r.loser_hlc, device: r.loser_device, user: r.loser_user }, names),
    });
  }
  out.push(...mergeConflicts(store, names));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Merge conflicts (db/sync/merge.ts): for every field of a survivor (client, or caseload period
 * folded with its twin), each value of a merged registration or of the survivor itself that
 * differs from the winner, until someone writes the field having seen it.
 */
function mergeConflicts(store: Store, names: Names): Conflict[] {
  const out: Conflict[] = [];
  const groups: [EntityName, Map<string, string[]>, readonly string[]][] = [
    ['client', mergedInto(store, 'clients'), MERGED_CLIENT_FIELDS],
    ['period', mergedInto(store, 'caseload_periods'), ['referrer', 'account_manager', 'exit_date', 'exit_reason']],
  ];
  for (const [entity, bySurvivor, fields] of groups) {
    for (const [survivor, merged] of bySurvivor) {
      const s = refOf(store, entity, survivor);
      if (!s || s.deleted) continue;
      for (const field of fields) {
        const candidates = mergeCandidates(store, entity, survivor, merged, field);
        if (candidates.length < 2) continue;
        const cur = latest(store, entity, survivor, field);
        const spec = fieldSpec(entity, field);
        for (const other of candidates) {
          if (cur && other.value === cur.value) continue;
          if (resolvedSince(store, entity, survivor, field, other.hlc)) continue;
          const from = other.rowId === survivor ? s : refOf(store, entity, other.rowId);
          out.push({
            id: `m:${entity}:${survivor}:${field}:${other.rowId}:${other.hlc}`,
            kind: 'merge',
            entity,
            rowId: survivor,
            ref: s.ref,
            field,
            keyField: Boolean(spec?.key),
            current: cur ? side(cur, names) : null,
            other: side(other, names),
            mergedRowId: other.rowId,
            mergedRef: from?.ref ?? null,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Resolves a conflict by writing the chosen value ('current' keeps the value in effect, 'other'
 * takes the losing one) as a new local change whose base clock covers the losing edit, so every
 * laptop sees the conflict as resolved once the change arrives.
 */
export function resolveConflict(store: Store, user: string, id: string, choice: 'current' | 'other'): Conflict {
  const c = listConflicts(store, { all: true }).find((x) => x.id === id);
  if (!c) throw new AppError('not_found', 'Dit conflict bestaat niet (meer): misschien is het al opgelost.', 'id');
  const value = choice === 'other' ? c.other.value : (c.current?.value ?? null);
  store.write(user, (w) => {
    const cur = latest(store, c.entity, c.rowId, c.field);
    const base = cur && cur.hlc > c.other.hlc ? cur.hlc : c.other.hlc;
    w.applyChange({
      entity: c.entity,
      row_id: c.rowId,
      field: c.field,
      value,
      hlc: store.clock.tick(),
      base_hlc: base,
      device: store.device,
      user,
    });
  });
  return c;
}
