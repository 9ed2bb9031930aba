// The set-based queries every report is made of, over caseload periods (CONTRACTS.md "Report
// data"). Each helper has a count form (GROUP BY / sum, for speed) and a detail form (the rows,
// for --detail and the record lists) that share the same WHERE and bucket SQL, so a figure and
// its record list can never disagree.
//
// Counted periods: caseload_periods rows not deleted, with an intake date, of clients that are
// neither deleted nor merged into another client. A client is in at most one period at a time
// (the record writer refuses a new intake while a period is open), so counting periods counts
// clients. Records dated after as_of are treated as not yet happened: dates are clipped to as_of.
import type { Store } from '../store/open.js';
import { minDate } from './dates.js';
import type { Filters } from './params.js';

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

/** Collects the records behind each figure (by path, e.g. "months.2.outflow") in detail mode. */
export class Trace {
  readonly figures = new Map<string, Figure>();
  constructor(readonly detail: boolean) {}

  add(path: string, label: string, kind: FigureKind, hits: Hit[], day?: string): void {
    if (!this.detail) return;
    // Sorted by ref, so merged lists (totals, subtotals) read like the others.
    const sorted = [...hits].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.figures.set(path, { label, kind, hits: sorted, day });
  }

  /** A nested trace whose figure paths get a prefix (half-year sections). */
  prefixed(prefix: string, labelPrefix: string): Trace {
    const child = new Trace(this.detail);
    child.add = (path, label, kind, hits, day) => this.add(`${prefix}.${path}`, `${labelPrefix}: ${label}`, kind, hits, day);
    return child;
  }
}

export interface Scope {
  as_of: string;
  filters: Filters;
}

type Params = Record<string, string | number>;

/** The `p` CTE: counted periods with their client's ref, narrowed by the report's filters. */
export function periodCte(f: Filters): { sql: string; params: Params } {
  const where = ['cp.deleted = 0', 'c.deleted = 0', 'c.merged_into IS NULL', 'cp.intake_date IS NOT NULL'];
  const params: Params = {};
  if (f.account_manager) {
    where.push('cp.account_manager = @f_manager');
    params.f_manager = f.account_manager;
  }
  if (f.referrer) {
    where.push('cp.referrer = @f_referrer');
    params.f_referrer = f.referrer;
  }
  if (f.target_group) {
    // Lists are stored as sorted JSON arrays of codes, so the quoted code is an exact match.
    where.push('instr(c.target_groups, @f_group) > 0');
    params.f_group = JSON.stringify(f.target_group);
  }
  const sql = `WITH p AS (
    SELECT cp.id AS pid, cp.client_id AS cid, c.ref AS ref, c.birth_date AS birth_date,
           cp.intake_date AS intake_date, cp.exit_date AS exit_date, cp.exit_reason AS exit_reason,
           cp.referrer AS referrer, cp.account_manager AS account_manager
    FROM caseload_periods cp JOIN clients c ON c.id = cp.client_id
    WHERE ${where.join(' AND ')})`;
  return { sql, params };
}

/** SQL: the period is in the caseload at the end of day @name (the exit date is the first day out). */
export function inCaseloadSql(name: string): string {
  return `(p.intake_date <= @${name} AND (p.exit_date IS NULL OR p.exit_date > @${name}))`;
}

export interface Bucket {
  count: number;
  hits: Hit[];
}

function emptyBucket(): Bucket {
  return { count: 0, hits: [] };
}

/**
 * Periods matching `where`, grouped by the SQL expression `bucket` (use 'NULL' for one group).
 * Detail mode returns the hits too, ordered by ref.
 */
export function grouped(
  store: Store, scope: Scope, where: string, bucket: string, params: Params, detail: boolean,
): Map<string | null, Bucket> {
  const cte = periodCte(scope.filters);
  const all = { ...cte.params, ...params };
  const out = new Map<string | null, Bucket>();
  if (!detail) {
    const rows = store.db
      .prepare(`${cte.sql} SELECT ${bucket} AS b, count(*) AS n FROM p WHERE ${where} GROUP BY b`)
      .all(all) as { b: string | null; n: number }[];
    for (const r of rows) out.set(r.b, { count: r.n, hits: [] });
    return out;
  }
  const rows = store.db
    .prepare(`${cte.sql} SELECT ${bucket} AS b, p.pid AS id, p.ref AS ref FROM p WHERE ${where} ORDER BY p.ref, p.pid`)
    .all(all) as { b: string | null; id: string; ref: string }[];
  for (const r of rows) {
    let g = out.get(r.b);
    if (!g) out.set(r.b, (g = emptyBucket()));
    g.count++;
    g.hits.push({ id: r.id, ref: r.ref });
  }
  return out;
}

/** Periods with their intake (or exit) date in [from, to], to clipped to as_of, grouped by `bucket`. */
export function events(
  store: Store, scope: Scope, column: 'intake_date' | 'exit_date', from: string, to: string,
  bucket: string, detail: boolean, extraWhere = '1', extraParams: Params = {},
): Map<string | null, Bucket> {
  const end = minDate(to, scope.as_of);
  if (end < from) return new Map();
  return grouped(store, scope, `p.${column} BETWEEN @ev_from AND @ev_to AND (${extraWhere})`, bucket, { ev_from: from, ev_to: end, ...extraParams }, detail);
}

/** The caseload at the end of a day (clipped to as_of), grouped by `bucket`. */
export function caseloadOn(store: Store, scope: Scope, day: string, bucket: string, detail: boolean): Map<string | null, Bucket> {
  return grouped(store, scope, inCaseloadSql('on_day'), bucket, { on_day: minDate(day, scope.as_of) }, detail);
}

/** The caseload at the end of each of several days, in one pass over the periods. */
export function caseloadOnDays(store: Store, scope: Scope, days: string[], detail: boolean): Bucket[] {
  const cte = periodCte(scope.filters);
  const params: Params = { ...cte.params };
  days.forEach((d, i) => (params[`d${i}`] = minDate(d, scope.as_of)));
  const flags = days.map((_, i) => `${inCaseloadSql(`d${i}`)} AS f${i}`).join(', ');
  const first = 'd0';
  const last = `d${days.length - 1}`;
  // Only periods that overlap [first day, last day] can be in the caseload on any of them.
  const overlap = `p.intake_date <= @${last} AND (p.exit_date IS NULL OR p.exit_date > @${first})`;
  if (!detail) {
    const sums = days.map((_, i) => `coalesce(sum(${inCaseloadSql(`d${i}`)}), 0) AS f${i}`).join(', ');
    const row = store.db.prepare(`${cte.sql} SELECT ${sums} FROM p WHERE ${overlap}`).get(params) as Record<string, number>;
    return days.map((_, i) => ({ count: row[`f${i}`]!, hits: [] }));
  }
  const out = days.map(emptyBucket);
  const rows = store.db
    .prepare(`${cte.sql} SELECT p.pid AS id, p.ref AS ref, ${flags} FROM p WHERE ${overlap} ORDER BY p.ref, p.pid`)
    .all(params) as Record<string, string | number>[];
  for (const r of rows) {
    days.forEach((_, i) => {
      if (r[`f${i}`]) {
        out[i]!.count++;
        out[i]!.hits.push({ id: r.id as string, ref: r.ref as string });
      }
    });
  }
  return out;
}
