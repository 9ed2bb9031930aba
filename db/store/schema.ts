// The typed database for Kysely (`store.kysely`): the synced tables are derived from the entity
// registry (db/model/entities.ts: every field a column, plus id, ref and deleted), the local
// bookkeeping tables are declared here as data. test/unit/store/schema.test.ts checks both
// against a freshly migrated database, so this file cannot drift from the migrations.
import type { Generated } from 'kysely';
import { ENTITIES, type EntityName, type FieldType } from '../model/entities.js';

type Columns = Record<string, 'text' | 'int' | 'real'>;

/** Column type and nullability of the local tables, as the migrations create them. */
export const LOCAL_TABLES = {
  meta: { key: 'text', value: 'text' },
  schema_migrations: { name: 'text', applied: 'text' },
  journal: {
    seq: 'int',
    entity: 'text',
    row_id: 'text',
    hlc: 'text',
    user: 'text',
    fields: 'text',
    clocks: 'text?',
    bases: 'text?',
    at: 'int',
  },
  ref_history: { seq: 'int', entity: 'text', ref: 'text', row_id: 'text', hlc: 'text' },
  audit_log: {
    seq: 'int',
    at: 'text',
    device: 'text',
    actor: 'text',
    action: 'text',
    object: 'text?',
    result: 'text',
    prev_hash: 'text',
    hash: 'text',
  },
  search_doc: { row_id: 'text', kind: 'text', doc: 'int' },
  sync_conflicts: {
    entity: 'text',
    row_id: 'text',
    field: 'text',
    loser_hlc: 'text',
    loser_value: 'text?',
    loser_device: 'text',
    loser_user: 'text',
    key_field: 'int',
    detected: 'text',
  },
  sync_devices: {
    device: 'text',
    public_key: 'text',
    name: 'text?',
    app_version: 'text?',
    updated: 'int?',
    seen: 'text?',
    first_seen: 'text',
  },
  sync_files: { path: 'text', size: 'int', mtime: 'int', hash: 'text' },
  sync_ingested: {
    device: 'text',
    epoch: 'int',
    seq: 'int',
    hash: 'text',
    changes: 'int',
    created: 'int',
    at: 'text',
  },
  sync_problems: {
    path: 'text',
    kind: 'text',
    message: 'text',
    first_seen: 'text',
    last_try: 'text',
    tries: 'int',
    size: 'int',
    quarantined: 'int',
  },
} as const satisfies Record<string, Record<string, `${Columns[string]}` | `${Columns[string]}?`>>;

/** Integer primary keys SQLite assigns (rowid aliases). */
type AutoKeys = { journal: 'seq'; ref_history: 'seq'; audit_log: 'seq' };

type Sql<T> = T extends `${'int' | 'real'}${string}` ? number : string;
type Nullable<T> = T extends `${string}?` ? null : never;
type LocalTable<N extends keyof typeof LOCAL_TABLES> = {
  -readonly [C in keyof (typeof LOCAL_TABLES)[N]]: C extends (N extends keyof AutoKeys ? AutoKeys[N] : never)
    ? Generated<number>
    : Sql<(typeof LOCAL_TABLES)[N][C]> | Nullable<(typeof LOCAL_TABLES)[N][C]>;
};
type LocalTables = { [N in keyof typeof LOCAL_TABLES]: LocalTable<N> };

/** How a field type is stored (db/journal/write.ts toColumn): bool 0/1, lists as JSON text. */
type Stored<T extends FieldType> = T extends 'int' | 'real' | 'bool' ? number : string;
type Fields<E extends EntityName> = (typeof ENTITIES)[E]['fields'];
type EntityTable<E extends EntityName> = { id: string; ref: string | null; deleted: Generated<number> } & {
  -readonly [F in keyof Fields<E>]: Fields<E>[F] extends { type: infer T extends FieldType } ? Stored<T> | null : never;
};
type EntityTables = { [E in EntityName as (typeof ENTITIES)[E]['table']]: EntityTable<E> };

export type DB = EntityTables & LocalTables;

/** The columns of every table as the code expects them (for the schema test). */
export function expectedColumns(): Record<string, Record<string, { type: string; nullable: boolean }>> {
  const out: Record<string, Record<string, { type: string; nullable: boolean }>> = {};
  const sqlType: Record<FieldType, string> = {
    text: 'TEXT',
    date: 'TEXT',
    list: 'TEXT',
    ref: 'TEXT',
    int: 'INTEGER',
    bool: 'INTEGER',
    real: 'REAL',
  };
  for (const e of Object.values(ENTITIES)) {
    const cols: Record<string, { type: string; nullable: boolean }> = {
      id: { type: 'TEXT', nullable: false },
      ref: { type: 'TEXT', nullable: true },
      deleted: { type: 'INTEGER', nullable: false },
    };
    for (const [f, s] of Object.entries(e.fields)) cols[f] = { type: sqlType[s.type], nullable: true };
    out[e.table] = cols;
  }
  for (const [table, columns] of Object.entries(LOCAL_TABLES)) {
    out[table] = Object.fromEntries(
      Object.entries(columns).map(([c, t]) => [
        c,
        { type: t.startsWith('int') ? 'INTEGER' : t.startsWith('real') ? 'REAL' : 'TEXT', nullable: t.endsWith('?') },
      ]),
    );
  }
  return out;
}
