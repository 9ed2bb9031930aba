// Records every statement a piece of code runs on a store (SQL, parameters, how often) and asks
// SQLite for its query plan (EXPLAIN QUERY PLAN), so tests can assert which indexes the hot
// paths use and that nothing is run once per record (N+1).
import type { Statement } from 'better-sqlite3';
import type { Store } from '../../../db/journal/store.js';

export interface Executed {
  sql: string;
  args: unknown[];
  runs: number;
}

const RUNNERS = new Set(['all', 'get', 'run', 'iterate']);
const CHAINING = new Set(['pluck', 'raw', 'expand', 'safeIntegers', 'bind']);

/** Wraps store.db.prepare so the statements prepared from now on report their executions. */
export function recordStatements(store: Store): { executed: Map<string, Executed>; stop(): void } {
  const executed = new Map<string, Executed>();
  const db = store.db;
  const original = db.prepare.bind(db);
  const wrap = (stmt: Statement, sql: string): Statement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (RUNNERS.has(String(prop))) {
          return (...args: unknown[]) => {
            const e = executed.get(sql) ?? { sql, args, runs: 0 };
            e.runs++;
            executed.set(sql, e);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (CHAINING.has(String(prop))) {
          return (...args: unknown[]) => {
            (value as (...a: unknown[]) => unknown).apply(target, args);
            return receiver;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  db.prepare = ((sql: string) => wrap(original(sql), sql)) as typeof db.prepare;
  // Statements the store cached before recording started would bypass the wrapper.
  (store as unknown as { statements: Map<string, Statement> }).statements.clear();
  return {
    executed,
    stop: () => {
      db.prepare = original as typeof db.prepare;
    },
  };
}

/** The query plan of one statement as indented lines ("SCAN c USING INDEX ..."). */
export function planOf(store: Store, e: Pick<Executed, 'sql' | 'args'>): string[] {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${e.sql}`).all(...e.args) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

/** Plans of every recorded statement that reads one of the given tables. */
export function plansTouching(
  store: Store,
  executed: Map<string, Executed>,
  pattern: RegExp,
): { sql: string; plan: string[] }[] {
  return [...executed.values()].filter((e) => pattern.test(e.sql)).map((e) => ({ sql: e.sql, plan: planOf(store, e) }));
}
