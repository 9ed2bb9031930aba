// Reads records back in interchange form (CONTRACTS.md): *_id links become *_ref, a client
// carries its current caseload period, and earlier periods under `periods` (an extension: a
// dump imported into an empty store then gives the same dump again). Fields never set are omitted.
import { ENTITIES, fieldSpec } from '../model/entities.js';
import { DUMP_KIND, RECORDS, type RecordKind } from '../model/records.js';
import { fromColumn } from '../journal/write.js';
import type { Store } from '../journal/store.js';
import { ENTITY_OF } from './upsert.js';
import { compiled } from './compiled.js';
import { sql } from 'kysely';

export type InterchangeRecord = Record<string, unknown>;

const PERIOD_FIELDS = ['intake_date', 'referrer', 'account_manager', 'exit_date', 'exit_reason'];

const PERIODS_IN_DUMP_ORDER = compiled((db) =>
  db
    .selectFrom('caseload_periods as p')
    .innerJoin('clients', 'clients.id', 'p.client_id')
    .select(['p.client_id', 'p.intake_date', 'p.referrer', 'p.account_manager', 'p.exit_date', 'p.exit_reason'])
    .where('p.deleted', '=', 0)
    .where('clients.deleted', '=', 0)
    .where('clients.merged_into', 'is', null)
    .orderBy('clients.ref')
    .orderBy('clients.id')
    .orderBy('p.intake_date')
    .orderBy('p.id'),
);

function linkSql(kind: RecordKind): { select: string; joins: string } {
  const table = ENTITIES[ENTITY_OF[kind]].table;
  const select: string[] = [];
  const joins: string[] = [];
  for (const [field, def] of Object.entries(RECORDS[kind])) {
    if (def.kind !== 'ref') continue;
    const alias = `l_${field}`;
    const target = ENTITIES[ENTITY_OF[def.refTo!]].table;
    // raw SQL: the dump's joins follow the record registry (see readRecords)
    joins.push(`LEFT JOIN ${target} ${alias} ON ${alias}.id = ${table}.${field.replace(/_ref$/, '_id')}`);
    select.push(`${alias}.ref AS ${field}`);
  }
  return { select: select.map((s) => ', ' + s).join(''), joins: joins.join(' ') };
}

/** Every live record of a kind, sorted by ref, as plain objects in canonical field order. */
export function* readRecords(store: Store, kind: RecordKind): Generator<InterchangeRecord> {
  const entity = ENTITY_OF[kind];
  const table = ENTITIES[entity].table;
  const { select, joins } = linkSql(kind);
  // raw SQL: part of the dump's query (see below)
  const extraWhere = kind === 'clients' ? ' AND clients.merged_into IS NULL' : '';
  // raw SQL: the joins follow the record registry (RECORDS) per kind, names Kysely's types cannot follow
  const rows = store.db
    .prepare(
      `SELECT ${table}.*${select} FROM ${table} ${joins} WHERE ${table}.deleted = 0${extraWhere} ORDER BY ${table}.ref, ${table}.id`,
    )
    .iterate() as IterableIterator<Record<string, unknown>>;
  // Caseload periods come from one second cursor in the same client order (no query per client):
  // each client's periods are the next rows whose client_id is that client's id.
  const periodRows = kind === 'clients' ? PERIODS_IN_DUMP_ORDER.iterate(store) : null;
  let nextPeriod = periodRows?.next();
  for (const row of rows) {
    const out: InterchangeRecord = { kind: DUMP_KIND[kind] };
    const periods: Record<string, unknown>[] = [];
    while (nextPeriod && !nextPeriod.done && nextPeriod.value.client_id === row.id) {
      const { client_id: _clientId, ...p } = nextPeriod.value;
      periods.push(p);
      nextPeriod = periodRows!.next();
    }
    const current = periods[periods.length - 1];
    for (const [field, def] of Object.entries(RECORDS[kind])) {
      let v: unknown;
      if (kind === 'clients' && PERIOD_FIELDS.includes(field)) v = current?.[field];
      else if (def.kind === 'ref') v = row[field];
      else {
        const spec = fieldSpec(entity, field);
        v = spec ? fromColumn(spec, row[field]) : row[field];
      }
      // The record's own `kind` (placement, activity or contact kind) would clash with the line's
      // `kind`, so the dump names it `<record>_kind` (import accepts both names).
      if (v !== null && v !== undefined) out[field === 'kind' ? `${DUMP_KIND[kind]}_kind` : field] = v;
    }
    if (periods.length > 1) {
      out.periods = periods
        .slice(0, -1)
        .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)));
    }
    yield out;
  }
}

/** Canonical JSON of one record: keys in the order given (kind, then contract order). */
export function canonicalLine(rec: InterchangeRecord): string {
  return JSON.stringify(rec);
}

/**
 * True when SQLite's ref order (UTF-8 bytes) is the dump's order (JavaScript string order) for
 * every live record of the kind. They differ only for refs with characters from U+E000 up
 * (surrogate pairs sort before them in JavaScript), or missing refs.
 */
function sqlOrderIsDumpOrder(store: Store, kind: RecordKind): boolean {
  const table = ENTITIES[ENTITY_OF[kind]].table;
  const odd = store.first(
    store.kysely
      .selectFrom(table)
      .select(sql<number>`1`.as('odd'))
      .where((eb) => eb.or([eb('ref', 'is', null), sql<boolean>`${eb.ref('ref')} GLOB ${'*[\uE000-\u{10FFFF}]*'}`]))
      .limit(1),
  );
  return odd === undefined;
}

/**
 * The dump: all kinds sorted by their dump kind name, then by ref. Streams record by record
 * (a million contacts never sit in memory) unless a kind has refs whose order SQLite cannot give.
 */
export function* dumpLines(store: Store): Generator<string> {
  const kinds = [...(Object.keys(DUMP_KIND) as RecordKind[])].sort((a, b) => (DUMP_KIND[a] < DUMP_KIND[b] ? -1 : 1));
  for (const kind of kinds) {
    if (sqlOrderIsDumpOrder(store, kind)) {
      for (const r of readRecords(store, kind)) yield canonicalLine(r);
      continue;
    }
    const recs = [...readRecords(store, kind)];
    recs.sort((a, b) => (String(a.ref) < String(b.ref) ? -1 : String(a.ref) > String(b.ref) ? 1 : 0));
    for (const r of recs) yield canonicalLine(r);
  }
}
