// The journal write layer: every change to a synced row becomes field changes
// {entity, row_id, field, value, hlc, base_hlc, device, user}, journaled (packed per write,
// db/journal/entries.ts) and applied to the row in the same transaction. Local writes and sync
// apply share one rule: the current value of a field is the one with the highest clock.
import type { Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { ENTITIES, fieldNumber, fieldSpec, type EntityName, type FieldSpec } from '../model/entities.js';
import type { Store } from './store.js';
import { RunPacker, rowChanges, type FieldChange, type Value } from './entries.js';

export type { FieldChange, Value } from './entries.js';

/** What applying one remote change did (Writer.applyChanges). */
export interface ApplyOutcome {
  /** It became the field's current value. */
  applied: boolean;
  /** The same change (field and clock) was already journaled: nothing was written. */
  duplicate: boolean;
  /** The field's highest clock before this change (null when it was never set). */
  previous: string | null;
  /** Every change of this field of this record known now, this one included (conflict checks). */
  history: readonly FieldChange[];
}

export interface ApplyStats {
  applied: number;
  /** Journaled but older than the current value (last writer wins). */
  stale: number;
  duplicates: number;
}

/** The logical value as stored in its column: lists as sorted JSON text, booleans as 0/1. */
export function toColumn(spec: FieldSpec, v: Value): string | number | null {
  if (v === null || v === undefined) return null;
  switch (spec.type) {
    case 'bool':
      return v === true || v === 1 ? 1 : 0;
    case 'list': {
      const arr = [...new Set((Array.isArray(v) ? v : [String(v)]).map(String))].sort();
      return arr.length ? JSON.stringify(arr) : null;
    }
    case 'int':
    case 'real':
      return typeof v === 'number' ? v : Number(v);
    default:
      return String(v);
  }
}

export function fromColumn(spec: FieldSpec, v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (spec.type === 'bool') return v === 1;
  if (spec.type === 'list') return JSON.parse(String(v)) as string[];
  return v as Value;
}

function quote(col: string): string {
  return `"${col}"`;
}

/** Each field's highest clock in a record's history. */
function latestClocks(history: readonly FieldChange[]): Map<string, string> {
  const clocks = new Map<string, string>();
  for (const h of history) {
    const had = clocks.get(h.field);
    if (had === undefined || h.hlc > had) clocks.set(h.field, h.hlc);
  }
  return clocks;
}

/** One field's changes in clock order. */
function fieldHistory(history: readonly FieldChange[], field: string): FieldChange[] {
  return history.filter((h) => h.field === field).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** A record's journal as applyChanges works with it: its changes, each field's highest clock, field+clock seen. */
interface RowState {
  history: FieldChange[];
  clocks: Map<string, string>;
  seen: Set<string>;
}

export class Writer {
  private user = 'system';
  private lastAt: number | undefined;
  private readonly stmts = new Map<string, Statement>();
  private readonly insJournal: Statement;
  private readonly insRef: Statement;
  private readonly totalChanges: Statement;
  /**
   * The record applyChanges took in last, as its history stood after: a laptop's changes come
   * record by record, so the next change is often for the same one (and `applyChange` is called
   * per change). Valid only within one transaction (Store.write calls `forget` when it ends,
   * committed or rolled back) and while nothing else was written on the connection since
   * (`total_changes()` unchanged): any other write, a purge included, drops it.
   */
  private recent: (RowState & { key: string; changes: number }) | null = null;

  constructor(private readonly store: Store) {
    this.insJournal = store.db.prepare(
      'INSERT INTO journal(entity, row_id, hlc, user, fields, clocks, bases, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // A record that had more than one ref: all of them, with the clock each was first given
    // (migration 0008, db/records/refs.ts: an old number still finds the record).
    this.insRef = store.db.prepare(
      `INSERT INTO ref_history(entity, ref, row_id, hlc) VALUES (?, ?, ?, ?)
       ON CONFLICT(entity, ref, row_id) DO UPDATE SET hlc = min(hlc, excluded.hlc)`,
    );
    this.totalChanges = store.db.prepare('SELECT total_changes()').pluck();
  }

  /** @internal used by Store.write when its transaction ends */
  forget(): void {
    this.recent = null;
  }

  /** @internal used by Store.write */
  as<T>(user: string, fn: () => T): T {
    const prev = this.user;
    this.user = user;
    try {
      return fn();
    } finally {
      this.user = prev;
    }
  }

  get currentUser(): string {
    return this.user;
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.store.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private spec(entity: EntityName, field: string): FieldSpec {
    const spec = fieldSpec(entity, field);
    if (!spec || field === 'id' || fieldNumber(entity, field) === undefined)
      throw new Error(`Onbekend veld ${entity}.${field}`);
    return spec;
  }

  /** Reads a row as stored (column values), or undefined. */
  row(entity: EntityName, id: string): Record<string, unknown> | undefined {
    return this.stmt(`SELECT * FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
  }

  /** Creates a row with a new id (UUIDv7 unless given) and journals every non-empty field. */
  create(entity: EntityName, fields: Record<string, Value>, id: string = uuidv7()): string {
    if (this.row(entity, id)) throw new Error(`${entity} ${id} bestaat al`);
    this.update(entity, id, fields, true);
    return id;
  }

  /**
   * Bulk path (demo data, large imports): like `create`, for an id the caller has just made
   * (a fresh UUIDv7), so the existence read is skipped. The same journal row is written; a
   * duplicate id still fails on the primary key and rolls the transaction back.
   */
  createNew(entity: EntityName, fields: Record<string, Value | undefined>, id: string): string {
    this.update(entity, id, fields as Record<string, Value>, true);
    return id;
  }

  /**
   * Sets fields of a row (creating it when absent) and returns the names of the fields that
   * actually changed. Unchanged values write nothing, so re-imports leave no trace. One write is
   * one journal row with one clock; each changed field keeps the clock it had before as its base.
   */
  update(entity: EntityName, id: string, fields: Record<string, Value>, isNew = false): string[] {
    const current = isNew ? undefined : this.row(entity, id);
    const cols: string[] = [];
    const vals: (string | number | null)[] = [];
    const values: [string, Value][] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const spec = this.spec(entity, field);
      const col = toColumn(spec, value);
      const before = current ? (current[field] ?? null) : null;
      if (before === col) continue;
      cols.push(field);
      vals.push(col);
      values.push([field, fromColumn(spec, col)]);
    }
    if (!values.length && current) return [];
    let changed: string[] = [];
    if (values.length) {
      const history = current ? rowChanges(this.store, entity, id) : [];
      const clocks = latestClocks(history);
      const hlc = this.store.clock.tick();
      const changes: FieldChange[] = values.map(([field, value]) => ({
        entity,
        row_id: id,
        field,
        value,
        hlc,
        base_hlc: clocks.get(field) ?? null,
        device: this.store.device,
        user: this.user,
      }));
      // Journal first: the row's search triggers read ref_history (an earlier number stays findable).
      this.journal(changes, history);
      changed = changes.map((c) => c.field);
    }
    const table = ENTITIES[entity].table;
    if (!current) {
      const sql = `INSERT INTO ${table}(id${cols.map((c) => ', ' + quote(c)).join('')}) VALUES (?${', ?'.repeat(cols.length)})`;
      this.stmt(sql).run(id, ...vals);
    } else {
      const sql = `UPDATE ${table} SET ${cols.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`;
      this.stmt(sql).run(...vals, id);
    }
    return changed;
  }

  /** Tombstone: the row stays (sync needs it) but is gone for every reader. */
  remove(entity: EntityName, id: string): void {
    this.update(entity, id, { deleted: true });
  }

  /**
   * Applies a field change that carries its own clock (from another laptop). The journal keeps
   * it either way; the row takes its value only when its clock is the highest for that field.
   * Returns true when it became the current value. The same change (same field and clock)
   * arriving twice is journaled once, so re-imported segments leave no trace.
   */
  applyChange(c: FieldChange): boolean {
    return this.applyChanges([c]).applied === 1;
  }

  /**
   * Bulk form of applyChange (sync apply, snapshot merge): the same rules, with one journal read
   * and at most one row write per record. `onChange` sees each change right after it is taken
   * in, with the field's highest clock before it and the field's whole history (conflicts).
   */
  applyChanges(changes: readonly FieldChange[], onChange?: (c: FieldChange, o: ApplyOutcome) => void): ApplyStats {
    const stats: ApplyStats = { applied: 0, stale: 0, duplicates: 0 };
    const groups = new Map<string, FieldChange[]>();
    for (const c of changes) {
      const k = `${c.entity}\u0000${c.row_id}`;
      const g = groups.get(k);
      if (g) g.push(c);
      else groups.set(k, [c]);
    }
    const recent = this.recent && this.recent.changes === this.totalChanges.get() ? this.recent : null;
    this.recent = null;
    let last: (RowState & { key: string }) | null = null;
    for (const [key, group] of groups) {
      const { entity, row_id } = group[0]!;
      const known = recent?.key === key ? recent : null;
      const history: FieldChange[] = known ? known.history : rowChanges(this.store, entity, row_id);
      const hadHistory = history.length > 0;
      const clocks = known ? known.clocks : latestClocks(history);
      const seen = known ? known.seen : new Set(history.map((h) => `${h.field}\u0000${h.hlc}`));
      const winners = new Map<string, string | number | null>();
      const fresh: FieldChange[] = [];
      for (const c of group) {
        const spec = this.spec(c.entity, c.field);
        const previous = clocks.get(c.field) ?? null;
        const key = `${c.field}\u0000${c.hlc}`;
        if (seen.has(key)) {
          stats.duplicates++;
          onChange?.(c, { applied: false, duplicate: true, previous, history: fieldHistory(history, c.field) });
          continue;
        }
        seen.add(key);
        fresh.push(c);
        history.push(c);
        const applied = previous === null || c.hlc > previous;
        if (applied) {
          clocks.set(c.field, c.hlc);
          const col = toColumn(spec, c.value);
          winners.set(c.field, c.field === 'deleted' && col === null ? 0 : col);
          stats.applied++;
        } else stats.stale++;
        onChange?.(c, { applied, duplicate: false, previous, history: fieldHistory(history, c.field) });
      }
      if (fresh.length) this.journal(fresh, history.slice(0, history.length - fresh.length));
      // A row with journal entries exists (they are written together), so only a row without
      // any needs the existence check.
      if (winners.size) this.writeRow(ENTITIES[entity].table, row_id, winners, hadHistory);
      last = { key, history, clocks, seen };
    }
    if (last) this.recent = { ...last, changes: this.totalChanges.get() as number };
    return stats;
  }

  private writeRow(table: string, id: string, cols: Map<string, string | number | null>, exists: boolean): void {
    const names = [...cols.keys()];
    if (!exists && this.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) === undefined) {
      this.stmt(
        `INSERT INTO ${table}(id${names.map((c) => ', ' + quote(c)).join('')}) VALUES (?${', ?'.repeat(names.length)})`,
      ).run(id, ...cols.values());
    } else {
      this.stmt(`UPDATE ${table} SET ${names.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`).run(
        ...cols.values(),
        id,
      );
    }
  }

  /**
   * Journals changes of one record (split into rows of one user and device, no field twice) and
   * keeps ref_history: a record whose ref changes has all its refs there (db/records/refs.ts).
   */
  private journal(changes: readonly FieldChange[], before: readonly FieldChange[]): void {
    // `at` never decreases along the journal (a clock set back included): as-known-on finds a
    // moment's position by a binary search (db/journal/knowledge.ts knownAt).
    this.lastAt ??= (this.store.db.prepare('SELECT max(at) FROM journal').pluck().get() as number | null) ?? 0;
    const at = (this.lastAt = Math.max(this.store.now(), this.lastAt));
    const packer = new RunPacker((p) =>
      this.insJournal.run(p.entity, p.row_id, p.hlc, p.user, p.fields, p.clocks, p.bases, at),
    );
    for (const c of changes) packer.push(c);
    packer.flush();
    const refs = changes.filter((c) => c.field === 'ref' && typeof c.value === 'string');
    if (!refs.length) return;
    const all = [...before.filter((c) => c.field === 'ref' && typeof c.value === 'string'), ...refs];
    if (new Set(all.map((c) => c.value)).size < 2) return;
    for (const c of all) this.insRef.run(c.entity, c.value as string, c.row_id, c.hlc);
  }
}
