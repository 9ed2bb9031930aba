// Keyset-paged lists of placements and activities (per client, per employer, or running on a day)
// and of contacts (per client or employer): newest first on (date, id), one query per page with
// the names joined in. Start dates and contact dates are required, so rows without one (a partial
// row from sync) are left out rather than breaking the keyset order.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../journal/store.js';
import { displayName, type NameParts } from '../model/person.js';
import { decodeCursor, page } from '../records/paging.js';

interface ListInput {
  limit: number;
  after: string | null;
}

/** `(date, id) < cursor`: rows after the cursor in newest-first order; null without a cursor. */
function keyset(date: string, id: string, after: string | null): RawBuilder<SqlBool> | null {
  const key = decodeCursor(after, 2);
  return key ? sql<SqlBool>`(${sql.ref(date)}, ${sql.ref(id)}) < (${key[0]}, ${key[1]})` : null;
}

/** Running on `day`: started on or before it, not ended before it. */
const activeOn = (alias: 'p' | 'a', day: string) =>
  sql<SqlBool>`${sql.ref(`${alias}.start_date`)} <= ${day} AND (${sql.ref(`${alias}.end_date`)} IS NULL OR ${sql.ref(`${alias}.end_date`)} >= ${day})`;

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

type Maybe<T> = T | null | undefined;

/** A placement row with its client's name parts, employer name and vacancy title, as the lists read it. */
export interface PlacementRow extends NameParts {
  id: string;
  ref: Maybe<string>;
  kind: Maybe<string>;
  start_date: Maybe<string>;
  end_date: Maybe<string>;
  hours_per_week: Maybe<number>;
  wage_subsidy: Maybe<number>;
  job_coach: Maybe<string>;
  wage_value: Maybe<number>;
  end_reason: Maybe<string>;
  client_id: Maybe<string>;
  client_ref: Maybe<string>;
  employer_id: Maybe<string>;
  employer_name: Maybe<string>;
  vacancy_id: Maybe<string>;
  vacancy_title: Maybe<string>;
}

/** One placement as the lists give it (Plaatsingen, the client's and employer's pages, the sorted views). */
export function placementItem(r: PlacementRow, active: boolean) {
  return {
    id: r.id,
    ref: r.ref ?? '',
    kind: r.kind ?? null,
    start_date: r.start_date ?? null,
    end_date: r.end_date ?? null,
    hours_per_week: r.hours_per_week ?? null,
    wage_subsidy: r.wage_subsidy === 1,
    job_coach: r.job_coach ?? null,
    wage_value: r.wage_value ?? null,
    end_reason: r.end_reason ?? null,
    clientId: r.client_id ?? null,
    clientRef: r.client_ref ?? null,
    client: displayName(r),
    employerId: r.employer_id ?? null,
    employer: r.employer_name ?? null,
    vacancyId: r.vacancy_id ?? null,
    vacancy: r.vacancy_title ?? null,
    active,
  };
}

export function listPlacements(
  store: Store,
  input: ListInput & { clientId: string | null; employerId: string | null; activeOn: string | null },
  asOf: string,
) {
  const after = keyset('p.start_date', 'p.id', input.after);
  const rows = store.all(
    store.kysely
      .selectFrom('placements as p')
      .leftJoin('clients as c', 'c.id', 'p.client_id')
      .leftJoin('employers as e', 'e.id', 'p.employer_id')
      .leftJoin('vacancies as v', 'v.id', 'p.vacancy_id')
      .selectAll('p')
      .select([
        'c.ref as client_ref',
        'c.first_name',
        'c.initials',
        'c.name_prefix',
        'c.last_name',
        'e.name as employer_name',
        'v.title as vacancy_title',
      ])
      .where('p.deleted', '=', LIVE)
      .where('p.start_date', 'is not', null)
      .$if(input.clientId !== null, (q) => q.where('p.client_id', '=', input.clientId))
      .$if(input.employerId !== null, (q) => q.where('p.employer_id', '=', input.employerId))
      .$if(input.activeOn !== null, (q) => q.where(activeOn('p', input.activeOn!)))
      .$if(after !== null, (q) => q.where(after!))
      .orderBy('p.start_date', 'desc')
      .orderBy('p.id', 'desc')
      .limit(input.limit + 1),
  );
  const p = page(rows, input.limit, (r) => [r.start_date ?? '', r.id]);
  return {
    next: p.next,
    items: p.items.map((r) =>
      placementItem(r, !!r.start_date && r.start_date <= asOf && (!r.end_date || r.end_date >= asOf)),
    ),
  };
}

export function listActivities(
  store: Store,
  input: ListInput & { clientId: string | null; kind: string | null; activeOn: string | null },
  asOf: string,
) {
  const after = keyset('a.start_date', 'a.id', input.after);
  const rows = store.all(
    store.kysely
      .selectFrom('activities as a')
      .leftJoin('clients as c', 'c.id', 'a.client_id')
      .selectAll('a')
      .select(['c.ref as client_ref', 'c.first_name', 'c.initials', 'c.name_prefix', 'c.last_name'])
      .where('a.deleted', '=', LIVE)
      .where('a.start_date', 'is not', null)
      .$if(input.clientId !== null, (q) => q.where('a.client_id', '=', input.clientId))
      .$if(input.kind !== null, (q) => q.where('a.kind', '=', input.kind))
      .$if(input.activeOn !== null, (q) => q.where(activeOn('a', input.activeOn!)))
      .$if(after !== null, (q) => q.where(after!))
      .orderBy('a.start_date', 'desc')
      .orderBy('a.id', 'desc')
      .limit(input.limit + 1),
  );
  const p = page(rows, input.limit, (r) => [r.start_date ?? '', r.id]);
  return {
    next: p.next,
    items: p.items.map((r) => ({
      id: r.id,
      ref: r.ref ?? '',
      kind: r.kind ?? null,
      provider: r.provider ?? null,
      start_date: r.start_date ?? null,
      end_date: r.end_date ?? null,
      outcome: r.outcome ?? null,
      clientId: r.client_id ?? null,
      clientRef: r.client_ref ?? null,
      client: displayName(r),
      active: !!r.start_date && r.start_date <= asOf && (!r.end_date || r.end_date >= asOf),
    })),
  };
}

export function listContacts(store: Store, input: ListInput & { clientId?: string; employerId?: string }) {
  const after = keyset('k.date', 'k.id', input.after);
  const party = input.clientId ?? input.employerId ?? null;
  const rows = store.all(
    store.kysely
      .selectFrom('contacts as k')
      .selectAll('k')
      .where('k.deleted', '=', LIVE)
      .where('k.date', 'is not', null)
      .where(input.clientId ? 'k.client_id' : 'k.employer_id', '=', party)
      .$if(after !== null, (q) => q.where(after!))
      .orderBy('k.date', 'desc')
      .orderBy('k.id', 'desc')
      .limit(input.limit + 1),
  );
  const p = page(rows, input.limit, (r) => [r.date ?? '', r.id]);
  return {
    next: p.next,
    items: p.items.map((r) => ({
      id: r.id,
      ref: r.ref ?? '',
      date: r.date ?? '',
      kind: r.kind ?? null,
      summary: r.summary ?? null,
      follow_up_date: r.follow_up_date ?? null,
      follow_up_done: r.follow_up_done ?? null,
      by: r.by ?? null,
      purpose: r.purpose ?? null,
      placementId: r.placement_id ?? null,
      clientId: r.client_id ?? null,
      employerId: r.employer_id ?? null,
    })),
  };
}
