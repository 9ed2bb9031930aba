// Kysely queries compiled once and run many times: import and export run a query per record,
// where building and compiling the query each time (tens of microseconds) would cost more than
// SQLite's own work. The query is built once from placeholder arguments; each run binds the real
// values in their places, through the store's statement cache like `store.all`/`first`.
import type { Compilable, Kysely } from 'kysely';
import { ENTITIES, type EntityName } from '../model/entities.js';
import type { DB } from '../store/schema.js';
import type { StoreBase } from '../store/open.js';

type Slot = { arg: number } | { value: unknown };

export interface CompiledQuery<A extends unknown[], R> {
  all(store: StoreBase, ...args: A): R[];
  first(store: StoreBase, ...args: A): R | undefined;
  /** Row by row, for results too big to hold (the dump). */
  iterate(store: StoreBase, ...args: A): IterableIterator<R>;
}

/**
 * A query compiled on first use. `build` must use each argument as a value of the query only
 * (a bound parameter), never to decide the query's shape: that is checked on the first run.
 */
export function compiled<A extends unknown[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): CompiledQuery<A, R> {
  let plan: { sql: string; slots: Slot[]; direct: boolean } | undefined;
  const prepare = (store: StoreBase, args: A) => {
    if (!plan) {
      const marks = args.map((_, i) => `\u0000compiled argument ${i}\u0000`);
      const c = build(store.kysely, ...(marks as A)).compile();
      const slots = c.parameters.map((p): Slot => {
        const i = typeof p === 'string' ? marks.indexOf(p) : -1;
        return i >= 0 ? { arg: i } : { value: p };
      });
      if (marks.some((_, i) => !slots.some((s) => 'arg' in s && s.arg === i)))
        throw new Error(`compiled query: every argument must be a bound value (${c.sql})`);
      // The arguments themselves when they are the parameters in order (no copy per run).
      const direct = slots.length === args.length && slots.every((s, i) => 'arg' in s && s.arg === i);
      plan = { sql: c.sql, slots, direct };
    }
    const values = plan.direct ? args : plan.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    // raw SQL: runs the SQL Kysely compiled above, through the store's statement cache
    return { stmt: store.stmt(plan.sql), values };
  };
  return {
    all(store, ...args) {
      const { stmt, values } = prepare(store, args);
      return stmt.all(...values) as R[];
    },
    first(store, ...args) {
      const { stmt, values } = prepare(store, args);
      return stmt.get(...values) as R | undefined;
    },
    iterate(store, ...args) {
      const { stmt, values } = prepare(store, args);
      return stmt.iterate(...values) as IterableIterator<R>;
    },
  };
}

/** The table of a synced entity. */
export type EntityTable = (typeof ENTITIES)[EntityName]['table'];

/** One compiled query per entity, for queries whose table depends on the entity; each is built on first use. */
export function compiledPerEntity<A extends unknown[], R>(
  build: (db: Kysely<DB>, table: EntityTable, entity: EntityName, ...args: A) => Compilable<R>,
): (entity: EntityName) => CompiledQuery<A, R> {
  const queries = new Map<EntityName, CompiledQuery<A, R>>();
  return (entity) => {
    let q = queries.get(entity);
    if (!q) {
      const table = ENTITIES[entity].table;
      queries.set(entity, (q = compiled((db, ...args: A) => build(db, table, entity, ...args))));
    }
    return q;
  };
}

/** Runs a Kysely query row by row (results too big to hold, like `store.all` otherwise). */
export function iterate<R>(store: StoreBase, q: Compilable<R>): IterableIterator<R> {
  const c = q.compile();
  // raw SQL: runs the SQL Kysely compiled, through the store's statement cache
  return store.stmt(c.sql).iterate(...c.parameters) as IterableIterator<R>;
}
