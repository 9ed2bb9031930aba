// Building synced rows from their journal changes, by the journal's rule: each field takes the
// value of its highest clock; lists sorted and unique; `deleted` 0 unless a change set it. Used
// where whole records are rebuilt at once rather than written change by change: restoring a
// snapshot into an empty store (db/sync/snapshot.ts) and reading as known at a moment
// (db/journal/knowledge.ts). Changes come record by record; a record's row is written when the
// next record starts (or on flush).
import type BetterSqlite3 from 'better-sqlite3';
import { ENTITIES, fieldNames, fieldSpec, type EntityName, type FieldSpec } from '../model/entities.js';
import type { FieldChange } from '../model/journal-format.js';
import { toColumn } from './write.js';

type Columns = (string | number | null)[];

/**
 * Writes a record's row from its fields' values, as columns converted the way the journal's write
 * layer does: `insert` a new row (an empty table, bulk), or `patch` the row there - only the
 * columns that differ are updated (fewer index entries touched), or inserted when it is missing.
 */
function rowWriter(db: BetterSqlite3.Database, schema: string, mode: 'insert' | 'patch') {
  const tables = new Map<
    EntityName,
    { insert: BetterSqlite3.Statement; read: BetterSqlite3.Statement; specs: FieldSpec[]; names: string[] }
  >();
  const updates = new Map<string, BetterSqlite3.Statement>();
  return (entity: EntityName, id: string, value: (field: string) => FieldChange['value']) => {
    let t = tables.get(entity);
    const table = `${schema}."${ENTITIES[entity].table}"`;
    if (!t) {
      const names = fieldNames(entity);
      const cols = names.map((n) => `"${n}"`).join(', ');
      t = {
        // raw SQL: cached statements per table on the bulk paths (snapshot restore, as-known).
        insert: db.prepare(`INSERT INTO ${table}(id, ${cols}) VALUES (?${', ?'.repeat(names.length)})`),
        read: db.prepare(`SELECT ${cols} FROM ${table} WHERE id = ?`).raw(),
        specs: names.map((n) => fieldSpec(entity, n)!),
        names,
      };
      tables.set(entity, t);
    }
    const { names, specs } = t;
    const cols: Columns = names.map((f, k) => toColumn(specs[k]!, value(f)) ?? (f === 'deleted' ? 0 : null));
    const now = mode === 'patch' ? (t.read.get(id) as Columns | undefined) : undefined;
    if (!now) {
      t.insert.run(id, ...cols);
      return;
    }
    const differ = names.flatMap((_, k) => (now[k] === cols[k] ? [] : [k]));
    if (!differ.length) return;
    const key = `${entity}:${differ.join(',')}`;
    let st = updates.get(key);
    if (!st)
      updates.set(
        key,
        (st = db.prepare(`UPDATE ${table} SET ${differ.map((k) => `"${names[k]}" = ?`).join(', ')} WHERE id = ?`)),
      );
    st.run(...differ.map((k) => cols[k]), id);
  };
}

export class RowBuilder {
  private readonly write: ReturnType<typeof rowWriter>;
  private entity: EntityName | null = null;
  private rowId = '';
  private winners = new Map<string, FieldChange>();
  /** The record's refs over time, each with the clock it first had it. */
  private refs = new Map<string, string>();
  /** The highest clock added. */
  maxHlc = '';
  private readonly beforeInsert?: (entity: EntityName, rowId: string, refs: ReadonlyMap<string, string>) => void;

  /**
   * `insert`: into empty tables; `patch`: over the rows there (only what differs). `beforeInsert`
   * runs just before a record's row is written (the search index's triggers read ref_history
   * then), with the refs the record has had.
   */
  constructor(
    db: BetterSqlite3.Database,
    opts: {
      mode?: 'insert' | 'patch';
      beforeInsert?: (entity: EntityName, rowId: string, refs: ReadonlyMap<string, string>) => void;
    } = {},
  ) {
    this.write = rowWriter(db, 'main', opts.mode ?? 'insert');
    this.beforeInsert = opts.beforeInsert;
  }

  /** Whether the current record is `entity`/`rowId` (a record is added in one run of changes). */
  isCurrent(entity: string, rowId: string): boolean {
    return entity === this.entity && rowId === this.rowId;
  }

  add(c: FieldChange): void {
    if (!this.isCurrent(c.entity, c.row_id)) {
      this.flush();
      this.entity = c.entity;
      this.rowId = c.row_id;
    }
    if (c.hlc > this.maxHlc) this.maxHlc = c.hlc;
    const had = this.winners.get(c.field);
    if (!had || c.hlc > had.hlc) this.winners.set(c.field, c);
    if (c.field === 'ref' && typeof c.value === 'string' && !this.refs.has(c.value)) this.refs.set(c.value, c.hlc);
  }

  /** Writes the current record's row (a record none of whose changes were added has none). */
  flush(): void {
    const entity = this.entity;
    if (!entity) return;
    this.beforeInsert?.(entity, this.rowId, this.refs);
    this.write(entity, this.rowId, (field) => this.winners.get(field)?.value ?? null);
    this.entity = null;
    this.winners = new Map();
    this.refs = new Map();
  }
}
