// Vacancies: status derived from the dates (open until closed_date; then vervuld when the close
// reason is 'filled', else ingetrokken - a withdrawn or expired vacancy is no longer available
// either way), keyset-paged lists, and the overview of open vacancies for a client that the
// job seekers asked for (seed 4.4: "een periodiek overzicht van alle beschikbare vacatures").
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { fromColumn } from '../journal/write.js';
import { ENTITIES, fieldSpec } from '../model/entities.js';
import type { Store } from '../journal/store.js';
import { vacanciesForClient } from '../matching/candidates.js';
import { displayName } from '../model/person.js';
import { decodeCursor, page } from '../records/paging.js';
import { liveRow } from '../records/forms.js';

export type VacancyStatus = 'open' | 'filled' | 'withdrawn';

export function vacancyStatus(row: { closed_date?: unknown; close_reason?: unknown }, asOf: string): VacancyStatus {
  if (!row.closed_date || (row.closed_date as string) > asOf) return 'open';
  return row.close_reason === 'filled' ? 'filled' : 'withdrawn';
}

const STATUS_SQL: Record<VacancyStatus, string> = {
  open: '(v.closed_date IS NULL OR v.closed_date > @asOf)',
  filled: "(v.closed_date <= @asOf AND v.close_reason = 'filled')",
  withdrawn: "(v.closed_date <= @asOf AND coalesce(v.close_reason, '') != 'filled')",
};

export interface VacancyListInput {
  asOf: string;
  status: VacancyStatus | null;
  employerId: string | null;
  query: string;
  banenafspraak: boolean | null;
  limit: number;
  after: string | null;
}

export function vacancyItem(r: Record<string, unknown>, asOf: string) {
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    title: (r.title as string) ?? '',
    employerId: (r.employer_id as string) ?? null,
    employer: (r.employer_name as string) ?? null,
    city: (r.city as string) ?? (r.employer_city as string) ?? null,
    hours_per_week: (r.hours_per_week as number) ?? null,
    positions: (r.positions as number) ?? null,
    opened_date: (r.opened_date as string) ?? null,
    closed_date: (r.closed_date as string) ?? null,
    closing_date: (r.closing_date as string) ?? null,
    status: vacancyStatus(r, asOf),
    banenafspraak: r.banenafspraak === 1,
    source: (r.source as string) ?? null,
    proposed: (r.n_active as number) ?? 0,
    placed: (r.n_placed as number) ?? 0,
  };
}
export type VacancyItem = ReturnType<typeof vacancyItem>;

const ITEM_SQL = `SELECT v.*, e.name AS employer_name, e.city AS employer_city,
  (SELECT count(*) FROM matches m WHERE m.vacancy_id = v.id AND m.deleted = 0 AND m.status IN ('proposed', 'interview')) AS n_active,
  (SELECT count(*) FROM placements p WHERE p.vacancy_id = v.id AND p.deleted = 0) AS n_placed
  FROM vacancies v LEFT JOIN employers e ON e.id = v.employer_id`;

/** Newest first, keyset on (opened_date, id). */
export function listVacancies(store: Store, input: VacancyListInput): { items: VacancyItem[]; next: string | null } {
  // opened_date is required, so it orders the list by the index vacancies_opened.
  const where = ['v.deleted = 0', 'v.opened_date IS NOT NULL'];
  const params: Record<string, unknown> = { asOf: input.asOf };
  if (input.status) where.push(STATUS_SQL[input.status]);
  if (input.employerId) {
    where.push('v.employer_id = @employerId');
    params.employerId = input.employerId;
  }
  if (input.banenafspraak !== null)
    where.push(input.banenafspraak ? 'v.banenafspraak = 1' : 'coalesce(v.banenafspraak, 0) = 0');
  const q = input.query.trim().toLowerCase();
  if (q) {
    where.push(
      "(instr(lower(coalesce(v.title, '')), @q) > 0 OR instr(lower(coalesce(e.name, '')), @q) > 0 OR lower(coalesce(v.ref, '')) = @q)",
    );
    params.q = q;
  }
  const key = decodeCursor(input.after, 2);
  if (key) {
    where.push('(v.opened_date, v.id) < (@kDate, @kId)');
    params.kDate = key[0];
    params.kId = key[1];
  }
  const rows = store
    .stmt(`${ITEM_SQL} WHERE ${where.join(' AND ')} ORDER BY v.opened_date DESC, v.id DESC LIMIT @limit`)
    .all({ ...params, limit: input.limit + 1 }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [(r.opened_date as string) ?? '', r.id as string]);
  return { items: p.items.map((r) => vacancyItem(r, input.asOf)), next: p.next };
}

/** A vacancy with its fields (as stored, lists as arrays) and its derived status. */
export function getVacancy(store: Store, id: string, asOf: string) {
  const r = store.stmt(`${ITEM_SQL} WHERE v.id = ? AND v.deleted = 0`).get(id) as Record<string, unknown> | undefined;
  if (!r) throw new AppError('not_found', 'Vacature niet gevonden', 'id');
  const record: Record<string, unknown> = { id: r.id, ref: r.ref };
  for (const field of Object.keys(ENTITIES.vacancy.fields))
    record[field] = fromColumn(fieldSpec('vacancy', field)!, r[field]);
  return { ...vacancyItem(r, asOf), record };
}

export function closeVacancy(store: Store, w: Writer, id: string, date: string, reason: string): string[] {
  const row = liveRow(store, 'vacancy', id);
  if (date < (row.opened_date as string)) throw new AppError('invalid_input', 'ligt voor de datum open', 'date');
  return w.update('vacancy', id, { closed_date: date, close_reason: reason });
}

/**
 * The printable overview of open vacancies for a client: every open vacancy (the job seeker wants
 * all of them), best fitting first, with a "past goed" mark from the match score.
 */
export function overviewForClient(store: Store, clientId: string, asOf: string, fitsFrom = 60) {
  const client = liveRow(store, 'client', clientId, 'clientId');
  const period = store
    .stmt(
      'SELECT account_manager FROM caseload_periods WHERE client_id = ? AND deleted = 0 ORDER BY intake_date DESC LIMIT 1',
    )
    .get(clientId) as { account_manager: string | null } | undefined;
  const ranked = vacanciesForClient(store, clientId, { asOf, limit: 500, after: null });
  const ids = ranked.items.map((v) => v.vacancyId);
  const details = new Map<string, Record<string, unknown>>();
  if (ids.length) {
    const rows = store.db
      .prepare(
        `SELECT id, description, closing_date, hours_min, contract_kind FROM vacancies WHERE id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as Record<string, unknown>[];
    for (const r of rows) details.set(r.id as string, r);
  }
  return {
    asOf,
    client: {
      id: clientId,
      ref: (client.ref as string) ?? '',
      name: displayName(client),
      email: (client.email as string) ?? null,
    },
    accountManager: period?.account_manager ?? null,
    total: ranked.total,
    items: ranked.items.map((v) => {
      const d = details.get(v.vacancyId) ?? {};
      return {
        vacancyId: v.vacancyId,
        ref: v.ref,
        title: v.title,
        employer: v.employer,
        city: v.city,
        hours_per_week: v.hours_per_week,
        hours_min: (d.hours_min as number) ?? null,
        contract_kind: (d.contract_kind as string) ?? null,
        closing_date: (d.closing_date as string) ?? null,
        description: (d.description as string) ?? null,
        banenafspraak: v.banenafspraak,
        score: v.score,
        fits: v.score >= fitsFrom,
      };
    }),
  };
}
