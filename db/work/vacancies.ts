// Vacancies: status derived from the dates (open until closed_date; then vervuld when the close
// reason is 'filled', else ingetrokken - a withdrawn or expired vacancy is no longer available
// either way), keyset-paged lists, and the overview of open vacancies for a client that the
// job seekers asked for (seed 4.4: "een periodiek overzicht van alle beschikbare vacatures").
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../model/errors.js';
import type { DB } from '../store/schema.js';
import { idList } from '../records/id-list.js';
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

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

/** vacancyStatus as SQL over the vacancy v. */
const STATUS_SQL: Record<VacancyStatus, (asOf: string) => RawBuilder<SqlBool>> = {
  open: (asOf) => sql`(v.closed_date IS NULL OR v.closed_date > ${asOf})`,
  filled: (asOf) => sql`(v.closed_date <= ${asOf} AND v.close_reason = 'filled')`,
  withdrawn: (asOf) => sql`(v.closed_date <= ${asOf} AND coalesce(v.close_reason, '') != 'filled')`,
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

/** Vacancies v with their employer's name and place and how many were proposed and placed. */
function items(db: Kysely<DB>) {
  return db
    .selectFrom('vacancies as v')
    .leftJoin('employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select((eb) => [
      'e.name as employer_name',
      'e.city as employer_city',
      eb
        .selectFrom('matches as m')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('m.vacancy_id', '=', 'v.id')
        .where('m.deleted', '=', LIVE)
        .where('m.status', 'in', [sql.lit('proposed'), sql.lit('interview')])
        .as('n_active'),
      eb
        .selectFrom('placements as p')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('p.vacancy_id', '=', 'v.id')
        .where('p.deleted', '=', LIVE)
        .as('n_placed'),
    ]);
}

/** Newest first, keyset on (opened_date, id). */
export function listVacancies(store: Store, input: VacancyListInput): { items: VacancyItem[]; next: string | null } {
  // opened_date is required, so it orders the list by the index vacancies_opened.
  const q = input.query.trim().toLowerCase();
  const key = decodeCursor(input.after, 2);
  const rows = store.all(
    items(store.kysely)
      .where('v.deleted', '=', LIVE)
      .where('v.opened_date', 'is not', null)
      .$if(input.status !== null, (b) => b.where(STATUS_SQL[input.status!](input.asOf)))
      .$if(input.employerId !== null, (b) => b.where('v.employer_id', '=', input.employerId))
      .$if(input.banenafspraak !== null, (b) =>
        b.where(
          input.banenafspraak ? sql<SqlBool>`v.banenafspraak = 1` : sql<SqlBool>`coalesce(v.banenafspraak, 0) = 0`,
        ),
      )
      .$if(q !== '', (b) =>
        b.where(
          sql<SqlBool>`(instr(lower(coalesce(v.title, '')), ${q}) > 0 OR instr(lower(coalesce(e.name, '')), ${q}) > 0 OR lower(coalesce(v.ref, '')) = ${q})`,
        ),
      )
      .$if(key !== null, (b) => b.where(sql<SqlBool>`(v.opened_date, v.id) < (${key![0]}, ${key![1]})`))
      .orderBy('v.opened_date', 'desc')
      .orderBy('v.id', 'desc')
      .limit(input.limit + 1),
  );
  const p = page(rows, input.limit, (r) => [r.opened_date ?? '', r.id]);
  return { items: p.items.map((r) => vacancyItem(r, input.asOf)), next: p.next };
}

/** A vacancy with its fields (as stored, lists as arrays) and its derived status. */
export function getVacancy(store: Store, id: string, asOf: string) {
  const r: Record<string, unknown> | undefined = store.first(
    items(store.kysely).where('v.id', '=', id).where('v.deleted', '=', LIVE),
  );
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
  const period = store.first(
    store.kysely
      .selectFrom('caseload_periods')
      .select('account_manager')
      .where('client_id', '=', clientId)
      .where('deleted', '=', LIVE)
      .orderBy('intake_date', 'desc')
      .limit(1),
  );
  const ranked = vacanciesForClient(store, clientId, { asOf, limit: 500, after: null });
  const ids = ranked.items.map((v) => v.vacancyId);
  const details = new Map(
    (ids.length
      ? store.all(
          store.kysely
            .selectFrom('vacancies')
            .select(['id', 'description', 'closing_date', 'hours_min', 'contract_kind'])
            .where('id', 'in', idList(ids)),
        )
      : []
    ).map((r) => [r.id, r]),
  );
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
      const d = details.get(v.vacancyId);
      return {
        vacancyId: v.vacancyId,
        ref: v.ref,
        title: v.title,
        employer: v.employer,
        city: v.city,
        hours_per_week: v.hours_per_week,
        hours_min: d?.hours_min ?? null,
        contract_kind: d?.contract_kind ?? null,
        closing_date: d?.closing_date ?? null,
        description: d?.description ?? null,
        banenafspraak: v.banenafspraak,
        score: v.score,
        fits: v.score >= fitsFrom,
      };
    }),
  };
}
