// Building synced rows from their journal changes, by the journal's rule: each field takes the
// value of its highest clock; lists sorted and unique; `deleted` 0 unless a change set it. Used
// where whole records are rebuilt at once rather than written change by change: restoring a
// snapshot into an empty store (db/sync/snapshot-restore.ts) and reading as known at a moment
// (db/journal/knowledge.ts). Changes come record by record; a record's row is written when the
// next record starts (or on flush).
import type BetterSqlite3 from 'better-sqlite3';
import { ENTITIES, fieldNumber, numberedFields, numberedSpecs, type EntityName } from '../model/entities.js';
import { clockOf, type FieldChange, type Value } from '../model/journal-format.js';
import { toColumn } from './write.js';

/** A record's row as bound to its table's insert: the id, then every field's column by number. */
type RowColumns = (string | number | null)[];

/**
 * A record folded from its changes: its row and, when it has had more than one ref (renumbered),
 * every ref it has had, each with its first clock (empty otherwise: nearly every record).
 */
interface FoldedRecord {
  entity: EntityName;
  row: RowColumns;
  refs: ReadonlyMap<string, string>;
}

/** The number of `deleted` (db/model/entities.ts numbering): 0 unless a change set it. */
const DELETED = 1;

/** A record's row from its fields' values by number, as the journal's write layer stores them. */
function columnsOf(entity: EntityName, id: string, values: readonly (Value | undefined)[]): RowColumns {
  const specs = numberedSpecs(entity);
  const row: RowColumns = [id];
  for (let k = 0; k < specs.length; k++) row.push(toColumn(specs[k]!, values[k] ?? null) ?? (k === DELETED ? 0 : null));
  return row;
}

/**
 * Folds changes, record by record, into rows (no database: what to do with a row is `emit`'s):
 * each field takes the value of its highest clock. A record's row is emitted when the next
 * record starts, or on flush.
 */
export class RecordFolder {
  private entity: EntityName | null = null;
  private rowId = '';
  /** The current record's winning value and its clock, per field number (reused record to record). */
  private values: (Value | undefined)[] = [];
  private clocks: (string | undefined)[] = [];
  /** The record's first ref and its clock; `refs` only once it has had a second (rare). */
  private ref: string | undefined;
  private refClock = '';
  private refs: Map<string, string> | null = null;
  /** The highest clock added. */
  maxHlc = '';

  constructor(private readonly emit: (record: FoldedRecord) => void) {}

  /** Whether the current record is `entity`/`rowId` (a record is added in one run of changes). */
  private isCurrent(entity: string, rowId: string): boolean {
    return entity === this.entity && rowId === this.rowId;
  }

  private start(entity: EntityName, rowId: string): void {
    if (this.isCurrent(entity, rowId)) return;
    this.flush();
    this.entity = entity;
    this.rowId = rowId;
  }

  /** The field numbered `no` had `value` at clock `hlc`: the highest clock wins. */
  private take(no: number, value: Value, hlc: string): void {
    if (hlc > this.maxHlc) this.maxHlc = hlc;
    const had = this.clocks[no];
    if (had === undefined || hlc > had) {
      this.values[no] = value;
      this.clocks[no] = hlc;
    }
    if (no === 0 && typeof value === 'string') this.addRef(value, hlc);
  }

  private addRef(ref: string, hlc: string): void {
    if (this.ref === undefined) {
      this.ref = ref;
      this.refClock = hlc;
    } else if (ref !== this.ref) {
      this.refs ??= new Map([[this.ref, this.refClock]]);
      if (!this.refs.has(ref)) this.refs.set(ref, hlc);
    }
  }

  add(c: FieldChange): void {
    this.start(c.entity, c.row_id);
    const no = fieldNumber(c.entity, c.field);
    if (no !== undefined) this.take(no, c.value, c.hlc);
  }

  /**
   * One journal row of packed fields (already checked: known numbers, values of their types),
   * without expanding it into changes: `hlc` is the row's clock, `clocks` the fields' own where
   * they differ (db/model/journal-format.ts).
   */
  addPacked(
    entity: EntityName,
    rowId: string,
    hlc: string,
    fields: Readonly<Record<string, Value>>,
    clocks: Readonly<Record<string, number | string>> | null,
  ): void {
    this.start(entity, rowId);
    if (clocks === null) for (const key in fields) this.take(+key, fields[key]!, hlc);
    else for (const key in fields) this.take(+key, fields[key]!, clockOf(hlc, clocks[key]));
  }

  /** Emits the current record's row (a record none of whose changes were added has none). */
  flush(): void {
    const entity = this.entity;
    if (!entity) return;
    this.emit({ entity, row: columnsOf(entity, this.rowId, this.values), refs: this.refs ?? NO_REFS });
    this.entity = null;
    this.values.length = 0;
    this.clocks.length = 0;
    this.ref = undefined;
    this.refs = null;
  }
}

/** The refs of a record that has had one ref, or none. */
const NO_REFS: ReadonlyMap<string, string> = new Map();

/**
 * Writes folded rows into `main`: `insert` a new row (an empty table, bulk), or `patch` the row
 * there - only the columns that differ are updated (fewer index entries touched), or inserted
 * when it is missing.
 */
function rowWriter(db: BetterSqlite3.Database, mode: 'insert' | 'patch') {
  const tables = new Map<
    EntityName,
    { insert: BetterSqlite3.Statement; read: BetterSqlite3.Statement; names: readonly string[] }
  >();
  const updates = new Map<string, BetterSqlite3.Statement>();
  return (entity: EntityName, row: RowColumns) => {
    let t = tables.get(entity);
    const table = `main."${ENTITIES[entity].table}"`;
    if (!t) {
      const names = numberedFields(entity);
      const cols = names.map((n) => `"${n}"`).join(', ');
      t = {
        // raw SQL: cached statements per table on the bulk paths (snapshot restore, as-known).
        insert: db.prepare(`INSERT INTO ${table}(id, ${cols}) VALUES (?${', ?'.repeat(names.length)})`),
        read: db.prepare(`SELECT id, ${cols} FROM ${table} WHERE id = ?`).raw(),
        names,
      };
      tables.set(entity, t);
    }
    const { names } = t;
    const now = mode === 'patch' ? (t.read.get(row[0]) as RowColumns | undefined) : undefined;
    if (!now) {
      // One array of parameters: faster to bind than spread arguments (hundreds of thousands of rows).
      t.insert.run(row);
      return;
    }
    const differ = names.flatMap((_, k) => (now[k + 1] === row[k + 1] ? [] : [k]));
    if (!differ.length) return;
    const key = `${entity}:${differ.join(',')}`;
    let st = updates.get(key);
    if (!st)
      updates.set(
        key,
        (st = db.prepare(`UPDATE ${table} SET ${differ.map((k) => `"${names[k]}" = ?`).join(', ')} WHERE id = ?`)),
      );
    st.run(...differ.map((k) => row[k + 1]), row[0]);
  };
}

/**
 * Folds changes into rows and writes them (RecordFolder and rowWriter together). `beforeInsert`
 * runs just before a record's row is written (the search index's triggers read ref_history then),
 * with the refs the record has had when more than one.
 */
export class RowBuilder extends RecordFolder {
  constructor(
    db: BetterSqlite3.Database,
    opts: {
      mode?: 'insert' | 'patch';
      beforeInsert?: (entity: EntityName, rowId: string, refs: ReadonlyMap<string, string>) => void;
    } = {},
  ) {
    const write = rowWriter(db, opts.mode ?? 'insert');
    super((r) => {
      opts.beforeInsert?.(r.entity, r.row[0] as string, r.refs);
      write(r.entity, r.row);
    });
  }
}
