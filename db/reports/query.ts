// The set-based queries every report is made of, over caseload periods (CONTRACTS.md "Report
// data"). Each helper has a count form (GROUP BY, for speed) and a detail form (the rows, for
// --detail and the record lists) that share the same WHERE and bucket SQL, so a figure and its
// record list can never disagree.
//
// Counted periods: caseload_periods rows not deleted, with an intake date, not ending before
// they start (the record writer refuses those), of clients that are neither deleted nor merged
// into another client. A client is in at most one period at a time (the writer refuses a new
// intake while a period is open), so counting periods counts clients. Records dated after
// as_of are treated as not yet happened: callers clip dates to as_of.
//
// Speed (100,000 clients): the `p` CTE reads caseload_periods only, through the covering
// indexes of migration 0002; the few excluded clients come from a partial index.
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../store/schema.js';
import { inCaseloadSql } from '../model/caseload.js';
import type { Store } from '../journal/store.js';
import { minDate } from '../model/calendar.js';
import type { Filters, Resolved } from './params.js';

export interface Hit {
  /** caseload_periods.id or employers.id. */
  id: string;
  /** The client's or employer's ref. */
  ref: string;
}
export type FigureKind = 'period' | 'employer';
export interface Figure {
  label: string;
  kind: FigureKind;
  hits: Hit[];
  /** The day the figure is about, when it differs from the report's as_of (half-year sections). */
  day?: string;
}

export function byRef(a: Hit, b: Hit): number {
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Hits in ref order; lists that already are (most, at scale) are not sorted again. */
export function sortedByRef(hits: Hit[]): Hit[] {
  for (let i = 1; i < hits.length; i++) if (byRef(hits[i - 1]!, hits[i]!) > 0) return [...hits].sort(byRef);
  return hits;
}

/**
 * Collects the records behind each figure (by path, e.g. "months.2.outflow") in detail mode.
 * `only` narrows the work to one figure (reports.records): queries for other figures run in
 * their fast count form.
 */
export class Trace {
  readonly figures = new Map<string, Figure>();
  constructor(
    readonly detail: boolean,
    readonly only?: string,
  ) {}

  /** Whether figures under this path prefix need their records. */
  wants(prefix = ''): boolean {
    if (!this.detail) return false;
    if (this.only === undefined || prefix === '') return true;
    return this.only === prefix || this.only.startsWith(`${prefix}.`) || prefix.startsWith(`${this.only}.`);
  }

  add(path: string, label: string, kind: FigureKind, hits: Hit[], day?: string): void {
    if (!this.wants(path)) return;
    // Sorted by ref, so merged lists (totals, subtotals) read like the others.
    this.figures.set(path, { label, kind, hits: sortedByRef(hits), day });
  }

  /** A nested trace whose figure paths get a prefix (half-year sections). */
  prefixed(prefix: string, labelPrefix: string): Trace {
    const child = new Trace(this.detail, this.only);
    child.wants = (p = '') => this.wants(p ? `${prefix}.${p}` : prefix);
    child.add = (path, label, kind, hits, day) =>
      this.add(`${prefix}.${path}`, `${labelPrefix}: ${label}`, kind, hits, day);
    return child;
  }
}

export interface Scope {
  as_of: string;
  filters: Filters;
  /** Results of identical queries within one run (the half-year sections share some). */
  memo?: Map<string, unknown>;
}

export function scopeOf(p: Resolved): Scope {
  return { as_of: p.as_of, filters: p.filters, memo: p.memo };
}

type Params = Record<string, string | number>;

/** The `p` CTE: counted periods, narrowed by the report's filters. */
export function periodCte(f: Filters): { sql: string; params: Params } {
  // raw SQL: the report engine: WHERE and bucket fragments from the report definitions over the p CTE (bench: reports)
  const where = [
    'cp.deleted = 0',
    'cp.intake_date IS NOT NULL',
    '(cp.exit_date IS NULL OR cp.exit_date >= cp.intake_date)',
    'cp.client_id IS NOT NULL',
    // Same WHERE as the partial index clients_not_counted (migration 0002), so it is used.
    'cp.client_id NOT IN (SELECT id FROM clients WHERE deleted <> 0 OR merged_into IS NOT NULL)',
  ];
  const params: Params = {};
  if (f.account_manager) {
    where.push('cp.account_manager = @f_manager');
    params.f_manager = f.account_manager;
  }
  if (typeof f.referrer === 'string') {
    where.push('cp.referrer = @f_referrer');
    params.f_referrer = f.referrer;
  } else if (f.referrer?.length) {
    where.push(`cp.referrer IN (${f.referrer.map((_, i) => `@f_referrer_${i}`).join(', ')})`);
    f.referrer.forEach((code, i) => (params[`f_referrer_${i}`] = code));
  }
  if (f.target_group) {
    // Lists are stored as sorted JSON arrays of codes, so the quoted code is an exact match.
    // raw SQL: the report engine's filter on the p CTE, as above
    where.push('cp.client_id IN (SELECT id FROM clients WHERE instr(target_groups, @f_group) > 0)');
    params.f_group = JSON.stringify(f.target_group);
  }
  // birth_date is looked up only by the queries that use it (age at exit).
  // raw SQL: the p CTE every report query starts from (covering indexes of migration 0002)
  const sql = `WITH p AS (
    SELECT cp.id AS pid, cp.client_id AS cid,
           (SELECT c.birth_date FROM clients c WHERE c.id = cp.client_id) AS birth_date,
           cp.intake_date AS intake_date, cp.exit_date AS exit_date, cp.exit_reason AS exit_reason,
           cp.referrer AS referrer, cp.account_manager AS account_manager
    FROM caseload_periods cp
    WHERE ${where.join(' AND ')})`;
  return { sql, params };
}

/** SQL: the period view p is in the caseload at the end of day @name (db/model/caseload.ts). */
export function inCaseloadOnParam(name: string): string {
  return inCaseloadSql('p', `@${name}`);
}

/**
 * Client refs by client id for detail rows. Many rows: one scan of all refs (a per-row lookup
 * costs a B-tree search each, ten times slower at 100,000 clients); few rows: just those.
 */
export function refsOf(store: Store, cids: string[], memo?: Scope['memo']): Map<string, string> {
  const all = memo?.get('refs:all') as Map<string, string> | undefined;
  if (all) return all;
  // raw SQL: hot path measured at 100,000 clients: all refs as arrays (.raw), no row objects
  const rows = (
    cids.length > 2000
      ? store.db.prepare('SELECT id, ref FROM clients').raw().all()
      : store.db
          .prepare('SELECT id, ref FROM clients WHERE id IN (SELECT value FROM json_each(?))')
          .raw()
          .all(JSON.stringify([...new Set(cids)]))
  ) as [string, string | null][];
  const refs = new Map(rows.map(([id, ref]) => [id, ref ?? '']));
  if (cids.length > 2000) memo?.set('refs:all', refs);
  return refs;
}

/** The last contact with employer e on or before `day` (the employer-follow-up report's rule). */
export function lastContact(eb: ExpressionBuilder<DB & { e: DB['employers'] }, 'e'>, day: string) {
  return eb
    .selectFrom('contacts as ct')
    .select((ct) => ct.fn.max('ct.date').as('d'))
    .whereRef('ct.employer_id', '=', 'e.id')
    .where('ct.deleted', '=', 0)
    .where('ct.date', '<=', day);
}

export interface Bucket {
  count: number;
  hits: Hit[];
}

export const EMPTY: Bucket = Object.freeze({ count: 0, hits: [] }) as Bucket;

/**
 * Periods matching `where`, grouped by the SQL expression `bucket` (use 'NULL' for one group).
 * Detail mode returns the hits too.
 */
export function grouped(
  store: Store,
  scope: Scope,
  where: string,
  bucket: string,
  params: Params,
  detail: boolean,
): Map<string | null, Bucket> {
  const cte = periodCte(scope.filters);
  const all = { ...cte.params, ...params };
  const key = `${detail}\u0000${where}\u0000${bucket}\u0000${JSON.stringify(all)}`;
  const known = scope.memo?.get(key) as Map<string | null, Bucket> | undefined;
  if (known) return known;
  const out = new Map<string | null, Bucket>();
  scope.memo?.set(key, out);
  if (!detail) {
    // raw SQL: the report engine: count per bucket over the p CTE, fragments from the report definitions
    const rows = store.db
      .prepare(`${cte.sql} SELECT ${bucket} AS b, count(*) AS n FROM p WHERE ${where} GROUP BY b`)
      .all(all) as { b: string | null; n: number }[];
    for (const r of rows) out.set(r.b, { count: r.n, hits: [] });
    return out;
  }
  // raw SQL: the report engine: the rows behind each bucket, as arrays (.raw), for --detail
  const rows = store.db
    .prepare(`${cte.sql} SELECT ${bucket} AS b, p.pid AS id, p.cid AS cid FROM p WHERE ${where}`)
    .raw()
    .all(all) as [string | null, string, string][];
  const refs = refsOf(
    store,
    rows.map((r) => r[2]),
    scope.memo,
  );
  for (const [b, id, cid] of rows) {
    let g = out.get(b);
    if (!g) out.set(b, (g = { count: 0, hits: [] }));
    g.count++;
    g.hits.push({ id, ref: refs.get(cid) ?? '' });
  }
  return out;
}

/** Periods with their intake (or exit) date in [from, to], to clipped to as_of, grouped by `bucket`. */
export function events(
  store: Store,
  scope: Scope,
  column: 'intake_date' | 'exit_date',
  from: string,
  to: string,
  bucket: string,
  detail: boolean,
  extraWhere = '1',
  extraParams: Params = {},
): Map<string | null, Bucket> {
  const end = minDate(to, scope.as_of);
  if (end < from) return new Map();
  return grouped(
    store,
    scope,
    `p.${column} BETWEEN @ev_from AND @ev_to AND (${extraWhere})`,
    bucket,
    { ev_from: from, ev_to: end, ...extraParams },
    detail,
  );
}

/** The caseload at the end of a day (clipped to as_of), grouped by `bucket`. */
export function caseloadOn(
  store: Store,
  scope: Scope,
  day: string,
  bucket: string,
  detail: boolean,
): Map<string | null, Bucket> {
  return grouped(store, scope, inCaseloadOnParam('on_day'), bucket, { on_day: minDate(day, scope.as_of) }, detail);
}
