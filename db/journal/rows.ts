// Building synced rows from their journal changes, by the journal's rule: each field takes the
// value of its highest clock; lists sorted and unique; `deleted` 0 unless a change set it. Used
// where whole records are rebuilt at once rather than written change by change: restoring a
// snapshot into an empty store (db/sync/snapshot.ts) and reading as known at a moment
// (db/journal/knowledge.ts). Changes come record by record; a record's row is inserted when the
// next record starts (or on flush).
import type BetterSqlite3 from 'better-sqlite3';
import { ENTITIES, fieldNames, fieldSpec, type EntityName, type FieldSpec } from '../model/entities.js';
import type { FieldChange } from '../model/journal-format.js';
import { toColumn } from './write.js';

/** Prepared inserts per entity, with the column order and each column's spec. */
function rowInserter(db: BetterSqlite3.Database, schema: string) {
  const inserts = new Map<EntityName, { st: BetterSqlite3.Statement; specs: FieldSpec[]; names: string[] }>();
  return (entity: EntityName, id: string, value: (field: string) => FieldChange['value']) => {
    let ins = inserts.get(entity);
    if (!ins) {
      const names = fieldNames(entity);
      ins = {
        // raw SQL: one cached insert per table on the bulk path (snapshot restore, as-known).
        st: db.prepare(
          `INSERT INTO ${schema}."${ENTITIES[entity].table}"(id${names.map((n) => `, "${n}"`).join('')}) VALUES (?${', ?'.repeat(names.length)})`,
        ),
        specs: names.map((n) => fieldSpec(entity, n)!),
        names,
      };
      inserts.set(entity, ins);
    }
    const { st, specs, names } = ins;
    st.run(id, ...names.map((f, k) => toColumn(specs[k]!, value(f)) ?? (f === 'deleted' ? 0 : null)));
  };
}

export class RowBuilder {
  private readonly insert: ReturnType<typeof rowInserter>;
  private entity: EntityName | null = null;
  private rowId = '';
  private winners = new Map<string, FieldChange>();
  /** The record's refs over time, each with the clock it first had it. */
  private refs = new Map<string, string>();
  /** The highest clock added. */
  maxHlc = '';

  /**
   * `beforeInsert` runs just before a record's row goes in (the search index's triggers read
   * ref_history then), with the refs the record has had.
   */
  constructor(
    db: BetterSqlite3.Database,
    private readonly beforeInsert?: (entity: EntityName, rowId: string, refs: ReadonlyMap<string, string>) => void,
    schema = 'main',
  ) {
    this.insert = rowInserter(db, schema);
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

  /** Inserts the current record's row (a record none of whose changes were added has none). */
  flush(): void {
    const entity = this.entity;
    if (!entity) return;
    this.beforeInsert?.(entity, this.rowId, this.refs);
    this.insert(entity, this.rowId, (field) => this.winners.get(field)?.value ?? null);
    this.entity = null;
    this.winners = new Map();
    this.refs = new Map();
  }
}
