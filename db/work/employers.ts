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
import { sql, type Selectable } from 'kysely';
import { AppError } from '../model/errors.js';
import type { DB } from '../store/schema.js';
import { compiled } from '../records/compiled.js';
import { fromColumn } from '../journal/write.js';
import { ENTITIES, fieldSpec } from '../model/entities.js';
import type { Store } from '../journal/store.js';
import { displayName } from '../model/person.js';
import { addDays, daysBetween } from '../model/calendar.js';
import { vacancyItem } from './vacancies.js';
import { LAST_CONTACT, OPEN_VACANCIES, employerItem } from '../search/employers.js';
import { FOLLOW_UP_DAYS } from '../model/employers.js';

type SroiRow = Pick<
  Selectable<DB['sroi_obligations']>,
  'id' | 'ref' | 'contract' | 'amount' | 'unit' | 'start_date' | 'end_date'
>;

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

// The card's queries, compiled once (db/records/compiled.ts): an employer card is asked often.
const SROI_PLACEMENTS = compiled((db, employerId: string, until: string, start: string) =>
  db
    .selectFrom('placements')
    .select(['id', 'ref', 'start_date', 'end_date', 'hours_per_week'])
    .where('employer_id', '=', employerId)
    .where('deleted', '=', LIVE)
    .where('start_date', '<=', until)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', start)]))
    .orderBy('start_date')
    .orderBy('id')
    // start_date <= until holds only for a start date; refs are set on every saved record.
    .$narrowType<{ start_date: string; ref: string }>(),
);

const CONTACT_PERSONS = compiled((db, employerId: string) =>
  db
    .selectFrom('contact_persons')
    .select(['id', 'ref', 'name', 'role', 'phone', 'email'])
    .where('employer_id', '=', employerId)
    .where('deleted', '=', LIVE)
    .orderBy(sql`coalesce(name, '')`)
    .orderBy('id'),
);

const SROI = compiled((db, employerId: string) =>
  db
    .selectFrom('sroi_obligations')
    .selectAll()
    .where('employer_id', '=', employerId)
    .where('deleted', '=', LIVE)
    .orderBy('start_date')
    .orderBy('id'),
);

const VACANCIES = compiled((db, employerId: string) =>
  db
    .selectFrom('vacancies as v')
    .selectAll('v')
    .select((eb) => [
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
    ])
    .where('v.employer_id', '=', employerId)
    .where('v.deleted', '=', LIVE)
    .orderBy('v.opened_date', 'desc')
    .orderBy('v.id', 'desc')
    .limit(200),
);

const PLACEMENTS = compiled((db, employerId: string) =>
  db
    .selectFrom('placements as p')
    .leftJoin('clients as c', 'c.id', 'p.client_id')
    .select([
      'p.id',
      'p.ref',
      'p.kind',
      'p.start_date',
      'p.end_date',
      'p.hours_per_week',
      'c.id as client_id',
      'c.ref as client_ref',
      'c.first_name',
      'c.initials',
      'c.name_prefix',
      'c.last_name',
    ])
    .where('p.employer_id', '=', employerId)
    .where('p.deleted', '=', LIVE)
    .orderBy('p.start_date', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200),
);

/** What placements realized towards one SROI obligation (definition in the header). */
export function sroiRealized(store: Store, employerId: string, s: SroiRow, asOf: string) {
  const start = s.start_date ?? '0000-01-01';
  const until = s.end_date && s.end_date < asOf ? s.end_date : asOf;
  const rows = SROI_PLACEMENTS.all(store, employerId, until, start);
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
  // raw SQL: LAST_CONTACT and OPEN_VACANCIES are the employer list's own SQL (db/search), so card and list agree
  const r = store
    .stmt(
      `SELECT e.*, ${LAST_CONTACT} AS last_contact, ${OPEN_VACANCIES} AS open_vacancies FROM employers e WHERE e.id = @id AND e.deleted = 0`,
    )
    .get({ id, asOf }) as Record<string, unknown> | undefined;
  if (!r) throw new AppError('not_found', 'Werkgever niet gevonden', 'id');
  const record: Record<string, unknown> = { id: r.id, ref: r.ref };
  for (const field of Object.keys(ENTITIES.employer.fields))
    record[field] = fromColumn(fieldSpec('employer', field)!, r[field]);
  const contactPersons = CONTACT_PERSONS.all(store, id);
  const sroi = SROI.all(store, id).map((s) => sroiRealized(store, id, s, asOf));
  const vacancies = VACANCIES.all(store, id).map((v) => vacancyItem({ ...v, employer_name: r.name }, asOf));
  const placements = PLACEMENTS.all(store, id).map((p) => ({
    id: p.id,
    ref: p.ref ?? '',
    kind: p.kind ?? null,
    start_date: p.start_date ?? null,
    end_date: p.end_date ?? null,
    hours_per_week: p.hours_per_week ?? null,
    clientId: p.client_id ?? null,
    clientRef: p.client_ref ?? null,
    client: displayName(p),
    active: p.start_date !== null && p.start_date <= asOf && (!p.end_date || p.end_date >= asOf),
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
  const row = store.first(
    store.kysely
      .selectFrom('employers')
      .select(['id', 'ref', 'name'])
      .where('kvk', '=', kvk)
      .where('deleted', '=', LIVE)
      .orderBy('id')
      .limit(1)
      // Saved employers have a ref and a name (the form requires it).
      .$narrowType<{ ref: string; name: string }>(),
  );
  return row ?? null;
}
