// Employers: search and list (FTS over name, KvK, place, contact; keyset on name), the employer
// card (contact persons, SROI obligations with what placements realized, vacancies, contact log)
// and the follow-up rule for buitengewone werkgevers (CONTRACTS.md employer-follow-up: overdue
// when never contacted or last contact more than 90 days before the day looked at).
//
// SROI realized, defined: for an obligation in hours, the sum over placements at the employer of
// hours_per_week x (days the placement overlaps the obligation period, both ends inclusive, an
// open end counted up to the earlier of the period's end and the day looked at) / 7; for an
// obligation in placements, the number of placements at the employer that started within the
// period. The placements counted are listed, so the figure can be traced to its records.
import { AppError } from '../model/errors.js';
import { fromColumn } from '../journal/write.js';
import { ENTITIES, fieldSpec } from '../model/entities.js';
import { ftsQuery } from '../search/clients.js';
import type { Store } from '../journal/store.js';
import { displayName } from '../model/person.js';
import { decodeCursor, page } from '../records/paging.js';
import { addDays, daysBetween } from '../model/calendar.js';
import { vacancyItem } from './vacancies.js';

export const FOLLOW_UP_DAYS = 90;

export interface EmployerSearchInput {
  query: string;
  exceptionalOnly: boolean;
  accountManager: string | null;
  limit: number;
  after: string | null;
}

function employerItem(r: Record<string, unknown>, asOf: string) {
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
    followUpOverdue: exceptional && (!last || daysBetween(last, asOf) > FOLLOW_UP_DAYS),
  };
}
export type EmployerItem = ReturnType<typeof employerItem>;

const LAST_CONTACT = `(SELECT max(k.date) FROM contacts k WHERE k.employer_id = e.id AND k.deleted = 0 AND k.date <= @asOf)`;
const OPEN_VACANCIES = `(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.id AND v.deleted = 0 AND (v.closed_date IS NULL OR v.closed_date > @asOf))`;

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

interface SroiRow {
  id: string;
  ref: string | null;
  contract: string | null;
  amount: number | null;
  unit: string | null;
  start_date: string | null;
  end_date: string | null;
}

/** What placements realized towards one SROI obligation (definition in the header). */
export function sroiRealized(store: Store, employerId: string, s: SroiRow, asOf: string) {
  const start = s.start_date ?? '0000-01-01';
  const until = s.end_date && s.end_date < asOf ? s.end_date : asOf;
  const rows = store
    .stmt(
      `SELECT id, ref, start_date, end_date, hours_per_week FROM placements
           WHERE employer_id = ? AND deleted = 0 AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date, id`,
    )
    .all(employerId, until, start) as {
    id: string;
    ref: string;
    start_date: string;
    end_date: string | null;
    hours_per_week: number | null;
  }[];
  let realized = 0;
  const counted: { placementId: string; ref: string; value: number }[] = [];
  for (const p of rows) {
    let value: number;
    if (s.unit === 'placements') {
      if (p.start_date < start) continue;
      value = 1;
    } else {
      const from = p.start_date > start ? p.start_date : start;
      const to = p.end_date && p.end_date < until ? p.end_date : until;
      value = Math.round((((p.hours_per_week ?? 0) * (daysBetween(from, to) + 1)) / 7) * 10) / 10;
    }
    realized += value;
    counted.push({ placementId: p.id, ref: p.ref, value });
  }
  realized = Math.round(realized * 10) / 10;
  return {
    id: s.id,
    ref: s.ref,
    contract: s.contract,
    amount: s.amount,
    unit: s.unit ?? 'hours',
    start_date: s.start_date,
    end_date: s.end_date,
    realized,
    percent: s.amount ? Math.round((realized / s.amount) * 1000) / 10 : null,
    placements: counted,
  };
}

export function getEmployer(store: Store, id: string, asOf: string) {
  const r = store
    .stmt(
      `SELECT e.*, ${LAST_CONTACT} AS last_contact, ${OPEN_VACANCIES} AS open_vacancies FROM employers e WHERE e.id = @id AND e.deleted = 0`,
    )
    .get({ id, asOf }) as Record<string, unknown> | undefined;
  if (!r) throw new AppError('not_found', 'Werkgever niet gevonden', 'id');
  const record: Record<string, unknown> = { id: r.id, ref: r.ref };
  for (const field of Object.keys(ENTITIES.employer.fields))
    record[field] = fromColumn(fieldSpec('employer', field)!, r[field]);
  const contactPersons = store
    .stmt(
      "SELECT id, ref, name, role, phone, email FROM contact_persons WHERE employer_id = ? AND deleted = 0 ORDER BY coalesce(name, ''), id",
    )
    .all(id) as {
    id: string;
    ref: string | null;
    name: string | null;
    role: string | null;
    phone: string | null;
    email: string | null;
  }[];
  const sroi = (
    store
      .stmt('SELECT * FROM sroi_obligations WHERE employer_id = ? AND deleted = 0 ORDER BY start_date, id')
      .all(id) as SroiRow[]
  ).map((s) => sroiRealized(store, id, s, asOf));
  const vacancies = (
    store
      .stmt(
        `SELECT v.*, (SELECT count(*) FROM matches m WHERE m.vacancy_id = v.id AND m.deleted = 0 AND m.status IN ('proposed', 'interview')) AS n_active,
               (SELECT count(*) FROM placements p WHERE p.vacancy_id = v.id AND p.deleted = 0) AS n_placed
             FROM vacancies v WHERE v.employer_id = ? AND v.deleted = 0 ORDER BY v.opened_date DESC, v.id DESC LIMIT 200`,
      )
      .all(id) as Record<string, unknown>[]
  ).map((v) => vacancyItem({ ...v, employer_name: r.name }, asOf));
  const placements = (
    store
      .stmt(
        `SELECT p.id, p.ref, p.kind, p.start_date, p.end_date, p.hours_per_week, c.id AS client_id, c.ref AS client_ref,
               c.first_name, c.initials, c.name_prefix, c.last_name
             FROM placements p LEFT JOIN clients c ON c.id = p.client_id WHERE p.employer_id = ? AND p.deleted = 0
             ORDER BY p.start_date DESC, p.id DESC LIMIT 200`,
      )
      .all(id) as Record<string, unknown>[]
  ).map((p) => ({
    id: p.id as string,
    ref: (p.ref as string) ?? '',
    kind: (p.kind as string) ?? null,
    start_date: (p.start_date as string) ?? null,
    end_date: (p.end_date as string) ?? null,
    hours_per_week: (p.hours_per_week as number) ?? null,
    clientId: (p.client_id as string) ?? null,
    clientRef: (p.client_ref as string) ?? null,
    client: displayName(p),
    active: (p.start_date as string) <= asOf && (!p.end_date || (p.end_date as string) >= asOf),
  }));
  const item = employerItem(r, asOf);
  return {
    ...item,
    record,
    contactPersons,
    sroi,
    vacancies,
    placements,
    nextFollowUp: item.exceptional_since
      ? addDays(item.last_contact ?? asOf, item.last_contact ? FOLLOW_UP_DAYS : 0)
      : null,
  };
}

export function employerByKvk(store: Store, kvk: string): { id: string; ref: string; name: string } | null {
  const row = store
    .stmt('SELECT id, ref, name FROM employers WHERE kvk = ? AND deleted = 0 ORDER BY id LIMIT 1')
    .get(kvk) as { id: string; ref: string; name: string } | undefined;
  return row ?? null;
}
