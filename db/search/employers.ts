// The employer list and search: full text over name, KvK, place and contact (FTS5), or an exact
// KvK number; keyset paged on (name, id). Each item says whether a buitengewone werkgever is
// overdue for a follow-up (db/model/employers.ts).
import type { Store } from '../journal/store.js';
import { followUpOverdue } from '../model/employers.js';
import { decodeCursor, page } from '../records/paging.js';
import { ftsQuery } from './clients.js';

export interface EmployerSearchInput {
  query: string;
  exceptionalOnly: boolean;
  accountManager: string | null;
  limit: number;
  after: string | null;
}

export function employerItem(r: Record<string, unknown>, asOf: string) {
  const exceptional = Boolean(r.exceptional_since) && (r.exceptional_since as string) <= asOf;
  const last = (r.last_contact as string) ?? null;
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    name: (r.name as string) ?? '',
    kvk: (r.kvk as string) ?? null,
    city: (r.city as string) ?? null,
    sector: (r.sector as string) ?? null,
    account_holder: (r.account_holder as string) ?? null,
    account_manager: (r.account_manager as string) ?? null,
    exceptional_since: (r.exceptional_since as string) ?? null,
    last_contact: last,
    open_vacancies: (r.open_vacancies as number) ?? 0,
    followUpOverdue: exceptional && followUpOverdue(last, asOf),
  };
}
export type EmployerItem = ReturnType<typeof employerItem>;

/** The columns an employer item reads besides the row (a query over `employers e` with @asOf). */
export const LAST_CONTACT = `(SELECT max(k.date) FROM contacts k WHERE k.employer_id = e.id AND k.deleted = 0 AND k.date <= @asOf)`;
export const OPEN_VACANCIES = `(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.id AND v.deleted = 0 AND (v.closed_date IS NULL OR v.closed_date > @asOf))`;

export function searchEmployers(
  store: Store,
  input: EmployerSearchInput,
  asOf: string,
): { items: EmployerItem[]; next: string | null; total: number } {
  const where = ['e.deleted = 0'];
  const params: Record<string, unknown> = { asOf };
  let from = 'employers e';
  const q = input.query.trim();
  if (q) {
    const fts = ftsQuery(q);
    if (/^\d{8}$/.test(q)) {
      where.push('e.kvk = @kvk');
      params.kvk = q;
    } else if (fts) {
      from = `search_fts f JOIN search_doc d ON d.doc = f.rowid AND d.kind = 'employer' JOIN employers e ON e.id = d.row_id`;
      where.push('search_fts MATCH @fts');
      params.fts = fts;
    }
  }
  if (input.exceptionalOnly) where.push('e.exceptional_since IS NOT NULL AND e.exceptional_since <= @asOf');
  if (input.accountManager) {
    where.push('e.account_manager = @am');
    params.am = input.accountManager;
  }
  const total = store
    .stmt(`SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(params) as number;
  const key = decodeCursor(input.after, 2);
  if (key) {
    // The leading >= lets SQLite start the index range at the cursor (a row value alone does not).
    where.push("coalesce(e.name, '') >= @kName AND (coalesce(e.name, ''), e.id) > (@kName, @kId)");
    params.kName = key[0];
    params.kId = key[1];
  }
  const rows = store
    .stmt(
      `SELECT e.*, ${LAST_CONTACT} AS last_contact, ${OPEN_VACANCIES} AS open_vacancies FROM ${from}
           WHERE ${where.join(' AND ')} ORDER BY coalesce(e.name, ''), e.id LIMIT @limit`,
    )
    .all({ ...params, limit: input.limit + 1 }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [(r.name as string) ?? '', r.id as string]);
  return { items: p.items.map((r) => employerItem(r, asOf)), next: p.next, total };
}
