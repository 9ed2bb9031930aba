// The four work lists sorted on any of their columns and filtered on account manager, target
// group and status (db/model/lists.ts), in the query: keyset paged on (sort key, id), so page 2
// continues where page 1 ended whatever the order, and the export reads the same query without a
// page limit. The screens' default order and text search stay with their own fast paths
// (clients.ts, employers.ts, db/work/vacancies.ts, db/work/lists.ts); this module takes over once
// a column is sorted or a filter is chosen, and for every export.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../journal/store.js';
import { addDays } from '../model/calendar.js';
import { FOLLOW_UP_DAYS } from '../model/employers.js';
import { LIST_COLUMNS, type ListName, type ListView, type SortDir } from '../model/lists.js';
import { AppError } from '../model/errors.js';
import { decodeCursor, page } from '../records/paging.js';
import { inCaseload } from '../records/in-caseload.js';
import { placementItem } from './lists.js';
import { ftsQuery, toListItem } from '../search/clients.js';
import { employerItem } from '../search/employers.js';
import { vacancyItem } from './vacancies.js';

export interface ListRequest {
  view: ListView;
  query: string;
  asOf: string;
  limit: number;
  after: string | null;
}

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);
const text = (col: string) => sql<string>`lower(coalesce(${sql.ref(col)}, ''))`;
const date = (col: string) => sql<string>`coalesce(${sql.ref(col)}, '')`;
const num = (col: string) => sql<number>`coalesce(${sql.ref(col)}, -1)`;

/** The sort key and the keyset condition of a page. */
function order(key: RawBuilder<unknown>, id: string, dir: SortDir, after: string | null) {
  const cursor = decodeCursor(after, 2);
  const where = cursor
    ? dir === 'asc'
      ? sql<SqlBool>`(${key}, ${sql.ref(id)}) > (${cursor[0]}, ${cursor[1]})`
      : sql<SqlBool>`(${key}, ${sql.ref(id)}) < (${cursor[0]}, ${cursor[1]})`
    : null;
  return { key, where };
}

function sortColumn(list: ListName, view: ListView, fallback: string): string {
  const col = view.sort ?? fallback;
  if (!(col in LIST_COLUMNS[list])) throw new AppError('invalid_input', `onbekende kolom: ${col}`, 'sort');
  return col;
}

const keyOf = (r: { sort_key: unknown; id: string }) => [r.sort_key as string | number, r.id];

// ---- Shared fragments ------------------------------------------------------------------------

/** The client's current period (the latest intake) joined as `pp` to the client `c`. */
// raw SQL: a correlated "latest period" subquery in the join condition, as db/search/clients.ts
const CURRENT_PERIOD = sql<SqlBool>`pp.id = (SELECT q.id FROM caseload_periods q WHERE q.client_id = c.id
  AND q.deleted = 0 ORDER BY q.intake_date DESC LIMIT 1)`;

/** The client `c` belongs to a target group (target_groups is a sorted JSON list). */
// raw SQL: json_each over the list column has no Kysely form
const inTargetGroup = (group: string) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(c.target_groups) WHERE value = ${group})`;

/** Rows of `kind` whose search document matches the full-text query (FTS5). */
// raw SQL: FTS5 MATCH over the search index of db/search
const ftsHit = (col: 'c.id' | 'e.id', kind: 'client' | 'employer', fts: string) =>
  sql<SqlBool>`${sql.ref(col)} IN (SELECT d.row_id FROM search_fts f JOIN search_doc d ON d.doc = f.rowid
    WHERE search_fts MATCH ${fts} AND d.kind = ${kind})`;

/** The employer `e`'s last contact on or before a day. */
// raw SQL: a correlated aggregate used as a column, a filter and a sort key alike
const lastContactOf = (asOf: string) => sql<string | null>`(SELECT max(k.date) FROM contacts k
  WHERE k.employer_id = e.id AND k.deleted = 0 AND k.date <= ${asOf})`;

// ---- Klanten -------------------------------------------------------------------------------

function clientStatus(today: string) {
  return sql<string>`CASE WHEN ${inCaseload('pp', today)} THEN 'in'
    WHEN pp.exit_date IS NOT NULL AND pp.exit_date <= ${today} THEN 'out' ELSE 'none' END`;
}

function clientsFiltered(store: Store, r: ListRequest) {
  const { view } = r;
  const fts = r.query.trim() ? ftsQuery(r.query) : null;
  const bsn = /^\d{8,9}$/.test(r.query.trim()) ? r.query.trim().padStart(9, '0') : null;
  return store.kysely
    .selectFrom('clients as c')
    .leftJoin('caseload_periods as pp', (j) => j.on(CURRENT_PERIOD))
    .where('c.deleted', '=', LIVE)
    .where('c.merged_into', 'is', null)
    .$if(bsn !== null, (q) => q.where('c.bsn', '=', bsn))
    .$if(bsn === null && fts !== null, (q) => q.where(ftsHit('c.id', 'client', fts!)))
    .$if(view.accountManager !== null, (q) => q.where('pp.account_manager', '=', view.accountManager))
    .$if(view.targetGroup !== null, (q) => q.where(inTargetGroup(view.targetGroup!)))
    .$if(view.status !== null, (q) => q.where(sql<SqlBool>`${clientStatus(r.asOf)} = ${view.status}`));
}

const CLIENT_SORT: Record<string, RawBuilder<unknown>> = {
  name: sql`lower(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, c.initials, ''))`,
  ref: text('c.ref'),
  birth_date: date('c.birth_date'),
  city: text('c.city'),
  account_manager: text('pp.account_manager'),
  intake_date: date('pp.intake_date'),
  exit_date: date('pp.exit_date'),
  target_groups: text('c.target_groups'),
};

export function listClients(store: Store, r: ListRequest) {
  const col = sortColumn('clients', r.view, 'name');
  const o = order(col === 'status' ? clientStatus(r.asOf) : CLIENT_SORT[col]!, 'c.id', r.view.dir, r.after);
  const base = clientsFiltered(store, r);
  const total = Number(store.first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  const rows = store.all(
    base
      .selectAll('c')
      .select(['pp.intake_date', 'pp.exit_date', 'pp.account_manager', o.key.as('sort_key')])
      .$if(o.where !== null, (q) => q.where(o.where!))
      .orderBy(o.key, r.view.dir)
      .orderBy('c.id', r.view.dir)
      .limit(r.limit + 1),
  );
  const p = page(rows, r.limit, keyOf);
  return {
    total,
    next: p.next,
    rows: p.items.map((row) => ({
      item: toListItem(row as Record<string, unknown>, r.asOf),
      targetGroups: row.target_groups ? (JSON.parse(row.target_groups) as string[]) : [],
    })),
  };
}

// ---- Werkgevers ----------------------------------------------------------------------------

function employersFiltered(store: Store, r: ListRequest) {
  const { view } = r;
  const fts = r.query.trim() ? ftsQuery(r.query) : null;
  const kvk = /^\d{8}$/.test(r.query.trim()) ? r.query.trim() : null;
  const exceptional = sql<SqlBool>`(e.exceptional_since IS NOT NULL AND e.exceptional_since <= ${r.asOf})`;
  const lastContact = lastContactOf(r.asOf);
  const overdueFrom = addDays(r.asOf, -FOLLOW_UP_DAYS);
  return store.kysely
    .selectFrom('employers as e')
    .where('e.deleted', '=', LIVE)
    .$if(kvk !== null, (q) => q.where('e.kvk', '=', kvk))
    .$if(kvk === null && fts !== null, (q) => q.where(ftsHit('e.id', 'employer', fts!)))
    .$if(view.accountManager !== null, (q) => q.where('e.account_manager', '=', view.accountManager))
    .$if(view.status === 'exceptional', (q) => q.where(exceptional))
    .$if(view.status === 'overdue', (q) =>
      q.where(exceptional).where(sql<SqlBool>`coalesce(${lastContact}, '') < ${overdueFrom}`),
    );
}

export function listEmployers(store: Store, r: ListRequest) {
  const col = sortColumn('employers', r.view, 'name');
  const lastContact = lastContactOf(r.asOf);
  // raw SQL: a correlated count used as a column and a sort key
  const openVacancies = sql<number>`(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.id
    AND v.deleted = 0 AND (v.closed_date IS NULL OR v.closed_date > ${r.asOf}))`;
  const sorts: Record<string, RawBuilder<unknown>> = {
    name: text('e.name'),
    ref: text('e.ref'),
    kvk: text('e.kvk'),
    city: text('e.city'),
    sector: text('e.sector'),
    account_manager: text('e.account_manager'),
    exceptional_since: date('e.exceptional_since'),
    last_contact: sql`coalesce(${lastContact}, '')`,
    open_vacancies: openVacancies,
  };
  const o = order(sorts[col]!, 'e.id', r.view.dir, r.after);
  const base = employersFiltered(store, r);
  const total = Number(store.first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  const rows = store.all(
    base
      .selectAll('e')
      .select([lastContact.as('last_contact'), openVacancies.as('open_vacancies'), o.key.as('sort_key')])
      .$if(o.where !== null, (q) => q.where(o.where!))
      .orderBy(o.key, r.view.dir)
      .orderBy('e.id', r.view.dir)
      .limit(r.limit + 1),
  );
  const p = page(rows, r.limit, keyOf);
  return { total, next: p.next, rows: p.items.map((row) => employerItem(row as Record<string, unknown>, r.asOf)) };
}

// ---- Vacatures -----------------------------------------------------------------------------

function vacancyStatusSql(asOf: string) {
  return sql<string>`CASE WHEN v.closed_date IS NULL OR v.closed_date > ${asOf} THEN 'open'
    WHEN v.close_reason = 'filled' THEN 'filled' ELSE 'withdrawn' END`;
}

export function listVacanciesView(
  store: Store,
  r: ListRequest & { employerId?: string | null; banenafspraak?: boolean | null },
) {
  const { view } = r;
  const col = sortColumn('vacancies', view, 'opened_date');
  const dir = view.sort ? view.dir : 'desc';
  // raw SQL: correlated counts used as columns and sort keys (as db/work/vacancies.ts counts them)
  const proposed = sql<number>`(SELECT count(*) FROM matches m WHERE m.vacancy_id = v.id AND m.deleted = 0
    AND m.status IN ('proposed', 'interview'))`;
  // raw SQL: see above
  const placed = sql<number>`(SELECT count(*) FROM placements p WHERE p.vacancy_id = v.id AND p.deleted = 0)`;
  const sorts: Record<string, RawBuilder<unknown>> = {
    title: text('v.title'),
    ref: text('v.ref'),
    employer: text('e.name'),
    city: sql`lower(coalesce(v.city, e.city, ''))`,
    hours_per_week: num('v.hours_per_week'),
    positions: num('v.positions'),
    opened_date: date('v.opened_date'),
    closing_date: date('v.closing_date'),
    status: vacancyStatusSql(r.asOf),
    banenafspraak: num('v.banenafspraak'),
    proposed,
    placed,
  };
  const o = order(sorts[col]!, 'v.id', dir, r.after);
  const q = r.query.trim().toLowerCase();
  const base = store.kysely
    .selectFrom('vacancies as v')
    .leftJoin('employers as e', 'e.id', 'v.employer_id')
    .where('v.deleted', '=', LIVE)
    .$if(!!r.employerId, (b) => b.where('v.employer_id', '=', r.employerId!))
    .$if(r.banenafspraak === true || view.targetGroup === 'banenafspraak', (b) =>
      b.where(sql<SqlBool>`v.banenafspraak = 1`),
    )
    .$if(r.banenafspraak === false, (b) => b.where(sql<SqlBool>`coalesce(v.banenafspraak, 0) = 0`))
    .$if(view.accountManager !== null, (b) => b.where('e.account_manager', '=', view.accountManager))
    .$if(view.status !== null, (b) => b.where(sql<SqlBool>`${vacancyStatusSql(r.asOf)} = ${view.status}`))
    .$if(q !== '', (b) =>
      b.where(
        sql<SqlBool>`(instr(lower(coalesce(v.title, '')), ${q}) > 0 OR instr(lower(coalesce(e.name, '')), ${q}) > 0
          OR lower(coalesce(v.ref, '')) = ${q})`,
      ),
    );
  const rows = store.all(
    base
      .selectAll('v')
      .select([
        'e.name as employer_name',
        'e.city as employer_city',
        proposed.as('n_active'),
        placed.as('n_placed'),
        o.key.as('sort_key'),
      ])
      .$if(o.where !== null, (b) => b.where(o.where!))
      .orderBy(o.key, dir)
      .orderBy('v.id', dir)
      .limit(r.limit + 1),
  );
  const p = page(rows, r.limit, keyOf);
  return { next: p.next, rows: p.items.map((row) => vacancyItem(row as Record<string, unknown>, r.asOf)) };
}

// ---- Plaatsingen ---------------------------------------------------------------------------

/** A placement's status on a day: future (starts later), running, ended (last day before it). */
function placementStatusSql(asOf: string) {
  return sql<string>`CASE WHEN p.start_date > ${asOf} THEN 'future'
    WHEN p.end_date IS NOT NULL AND p.end_date < ${asOf} THEN 'ended' ELSE 'running' END`;
}

export function placementStatus(p: { start_date: string | null; end_date: string | null }, asOf: string) {
  if (p.start_date && p.start_date > asOf) return 'future';
  if (p.end_date && p.end_date < asOf) return 'ended';
  return 'running';
}

export function listPlacementsView(
  store: Store,
  r: ListRequest & { clientId?: string | null; employerId?: string | null },
) {
  const { view } = r;
  const col = sortColumn('placements', view, 'start_date');
  const dir = view.sort ? view.dir : 'desc';
  const sorts: Record<string, RawBuilder<unknown>> = {
    client: sql`lower(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, c.initials, ''))`,
    ref: text('p.ref'),
    employer: text('e.name'),
    vacancy: text('v.title'),
    kind: text('p.kind'),
    start_date: date('p.start_date'),
    end_date: date('p.end_date'),
    hours_per_week: num('p.hours_per_week'),
    job_coach: text('p.job_coach'),
    status: placementStatusSql(r.asOf),
  };
  const o = order(sorts[col]!, 'p.id', dir, r.after);
  const status = view.status;
  const rows = store.all(
    store.kysely
      .selectFrom('placements as p')
      .leftJoin('clients as c', 'c.id', 'p.client_id')
      .leftJoin('employers as e', 'e.id', 'p.employer_id')
      .leftJoin('vacancies as v', 'v.id', 'p.vacancy_id')
      .leftJoin('caseload_periods as pp', (j) => j.on(CURRENT_PERIOD))
      .selectAll('p')
      .select([
        'c.ref as client_ref',
        'c.first_name',
        'c.initials',
        'c.name_prefix',
        'c.last_name',
        'e.name as employer_name',
        'v.title as vacancy_title',
        o.key.as('sort_key'),
      ])
      .where('p.deleted', '=', LIVE)
      .where('p.start_date', 'is not', null)
      .$if(!!r.clientId, (q) => q.where('p.client_id', '=', r.clientId!))
      .$if(!!r.employerId, (q) => q.where('p.employer_id', '=', r.employerId!))
      .$if(status === 'current', (q) => q.where(sql<SqlBool>`(p.end_date IS NULL OR p.end_date >= ${r.asOf})`))
      .$if(status !== null && status !== 'current', (q) =>
        q.where(sql<SqlBool>`${placementStatusSql(r.asOf)} = ${status}`),
      )
      .$if(view.accountManager !== null, (q) => q.where('pp.account_manager', '=', view.accountManager))
      .$if(view.targetGroup !== null, (q) => q.where(inTargetGroup(view.targetGroup!)))
      .$if(o.where !== null, (q) => q.where(o.where!))
      .orderBy(o.key, dir)
      .orderBy('p.id', dir)
      .limit(r.limit + 1),
  );
  const p = page(rows, r.limit, keyOf);
  return {
    next: p.next,
    rows: p.items.map((row) => placementItem(row, placementStatus(row, r.asOf) === 'running')),
  };
}
