// Ranked lists: candidates for a vacancy and vacancies for a client. Loads every profile in one
// query each (no query per row), scores in memory (db/matching/score.ts) and pages by
// (score desc, ref) with a keyset cursor. 30,000 clients in the caseload score in well under a second.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/schema.js';
import { inCaseload } from '../records/in-caseload.js';
import { idList } from '../records/id-list.js';
import { displayName } from '../model/person.js';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { decodeCursor, page, type CursorKey } from '../records/paging.js';
import { scoreMatch, scoreOnly, type ClientProfile, type MatchScore, type VacancyProfile } from './score.js';

export type MatchStatus = 'proposed' | 'interview' | 'hired' | 'rejected';

const list = (v: unknown): string[] => (v ? (JSON.parse(String(v)) as string[]) : []);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What scoring reads of a client; names and other personal details are read for the shown page only. */
const PROFILE_COLS = [
  'c.id',
  'c.ref',
  'c.postcode',
  'c.education_level',
  'c.work_thinking_level',
  'c.hours_available',
  'c.occupations_wanted',
  'c.driving_licence',
  'c.transport',
  'c.max_travel_km',
] as const;
const NAME_COLS = ['c.first_name', 'c.initials', 'c.name_prefix', 'c.last_name', 'c.birth_date', 'c.city'] as const;

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

/** A placement of client c runs on asOf (for EXISTS). */
const placedOn = (db: Kysely<DB>, asOf: string) =>
  db
    .selectFrom('placements as pl')
    .select(sql.lit(1).as('one'))
    .where('pl.client_id', '=', sql.ref<string>('c.id'))
    .where('pl.deleted', '=', LIVE)
    .where('pl.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('pl.end_date', 'is', null), eb('pl.end_date', '>=', asOf)]));

function clientProfile(r: Record<string, unknown>, inCaseload: boolean): ClientProfile {
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    postcode: (r.postcode as string) ?? null,
    education_level: (r.education_level as string) ?? null,
    work_thinking_level: (r.work_thinking_level as string) ?? null,
    hours_available: numOrNull(r.hours_available),
    occupations_wanted: list(r.occupations_wanted),
    driving_licence: list(r.driving_licence),
    transport: list(r.transport),
    max_travel_km: numOrNull(r.max_travel_km),
    inCaseload,
    placed: r.placed === 1,
  };
}

export function vacancyProfile(r: Record<string, unknown>): VacancyProfile {
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    title: (r.title as string) ?? '',
    occupation_code: (r.occupation_code as string) ?? null,
    education_level: (r.education_level as string) ?? null,
    work_thinking_level: (r.work_thinking_level as string) ?? null,
    hours_per_week: numOrNull(r.hours_per_week),
    hours_min: numOrNull(r.hours_min),
    driving_licence: list(r.driving_licence),
    postcode: (r.postcode as string) ?? (r.employer_postcode as string) ?? null,
  };
}

export function loadVacancy(
  store: Store,
  id: string,
): VacancyProfile & { employer_name: string | null; row: Record<string, unknown> } {
  const row = store.first(
    store.kysely
      .selectFrom('vacancies as v')
      .leftJoin('employers as e', 'e.id', 'v.employer_id')
      .selectAll('v')
      .select(['e.postcode as employer_postcode', 'e.name as employer_name'])
      .where('v.id', '=', id)
      .where('v.deleted', '=', LIVE),
  );
  if (!row) throw new AppError('not_found', 'Vacature niet gevonden', 'vacancyId');
  return { ...vacancyProfile(row), employer_name: row.employer_name ?? null, row };
}

export function loadClient(store: Store, id: string, asOf: string): ClientProfile & { name: string } {
  const db = store.kysely;
  const row = store.first(
    db
      .selectFrom('clients as c')
      .select((eb) => [
        ...PROFILE_COLS,
        ...NAME_COLS,
        eb.exists(placedOn(db, asOf)).as('placed'),
        eb
          .exists(
            db
              .selectFrom('caseload_periods as p')
              .select(sql.lit(1).as('one'))
              .where('p.client_id', '=', sql.ref<string>('c.id'))
              .where('p.deleted', '=', LIVE)
              .where(inCaseload('p', asOf)),
          )
          .as('in_caseload'),
      ])
      .where('c.id', '=', id)
      .where('c.deleted', '=', LIVE),
  );
  if (!row) throw new AppError('not_found', 'Klant niet gevonden', 'clientId');
  return { ...clientProfile(row, row.in_caseload === 1), name: displayName(row) };
}

export interface Candidate extends MatchScore {
  clientId: string;
  ref: string;
  name: string;
  city: string | null;
  birth_date: string | null;
  account_manager: string | null;
  placed: boolean;
  /** Status of this client's match for the vacancy, when proposed already. */
  matchStatus: MatchStatus | null;
}

export interface RankInput {
  asOf: string;
  limit: number;
  after: string | null;
  includePlaced: boolean;
}

/**
 * Ranks by total score (then ref) and explains only the page: scoring thousands of profiles
 * without building their explanations keeps a ranking fast and light on memory.
 */
function rank<S extends { score: number; ref: string }, T>(
  all: S[],
  limit: number,
  after: string | null,
  explain: (s: S) => T,
): { items: T[]; next: string | null; total: number } {
  all.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const key = decodeCursor(after, 2) as [number, string] | null;
  const rest = key ? all.filter((x) => x.score < key[0] || (x.score === key[0] && x.ref > key[1])) : all;
  const p = page(rest.slice(0, limit + 1), limit, (x): CursorKey => [x.score, x.ref]);
  return { items: p.items.map(explain), next: p.next, total: all.length };
}

/** Clients in the caseload on asOf, ranked for a vacancy. */
export function candidatesForVacancy(
  store: Store,
  vacancyId: string,
  input: RankInput,
): { items: Candidate[]; next: string | null; total: number } {
  const vacancy = loadVacancy(store, vacancyId);
  // One row per period in the caseload (a client has at most one; duplicates from sync are skipped).
  const db = store.kysely;
  const rows = store.all(
    db
      .selectFrom('caseload_periods as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .select((eb) => [...PROFILE_COLS, eb.exists(placedOn(db, input.asOf)).as('placed'), 'p.account_manager'])
      .where('p.deleted', '=', LIVE)
      .where(inCaseload('p', input.asOf))
      .where('c.deleted', '=', LIVE)
      .where('c.merged_into', 'is', null),
  );
  const matched = new Map(
    store
      .all(
        db
          .selectFrom('matches')
          .select(['client_id', 'status'])
          .where('vacancy_id', '=', vacancyId)
          .where('deleted', '=', LIVE)
          .$narrowType<{ client_id: string; status: MatchStatus }>(),
      )
      .map((m) => [m.client_id, m.status]),
  );
  const all: { score: number; ref: string; profile: ClientProfile; row: (typeof rows)[number] }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if ((r.placed === 1 && !input.includePlaced) || seen.has(r.id)) continue;
    seen.add(r.id);
    const profile = clientProfile(r, true);
    all.push({ score: scoreOnly(profile, vacancy), ref: r.ref ?? '', profile, row: r });
  }
  const ranked = rank(all, input.limit, input.after, (x) => x);
  const shown = new Map(
    store
      .all(
        db
          .selectFrom('clients as c')
          .select(['c.id', ...NAME_COLS])
          .where('c.id', 'in', idList(ranked.items.map((x) => x.profile.id))),
      )
      .map((r) => [r.id, r]),
  );
  return {
    ...ranked,
    items: ranked.items.map(({ profile, row: r }): Candidate => {
      const d = shown.get(profile.id);
      return {
        ...scoreMatch(profile, vacancy),
        clientId: profile.id,
        ref: profile.ref,
        name: displayName(d ?? {}),
        city: d?.city ?? null,
        birth_date: d?.birth_date ?? null,
        account_manager: r.account_manager ?? null,
        placed: r.placed === 1,
        matchStatus: matched.get(profile.id) ?? null,
      };
    }),
  };
}

export interface VacancyHit extends MatchScore {
  vacancyId: string;
  ref: string;
  title: string;
  employer: string | null;
  city: string | null;
  hours_per_week: number | null;
  banenafspraak: boolean;
  matchStatus: MatchStatus | null;
}

/** Vacancies open on asOf, ranked for a client. */
export function vacanciesForClient(
  store: Store,
  clientId: string,
  input: Omit<RankInput, 'includePlaced'>,
): { items: VacancyHit[]; next: string | null; total: number } {
  const client = loadClient(store, clientId, input.asOf);
  const rows = store.all(
    store.kysely
      .selectFrom('vacancies as v')
      .leftJoin('employers as e', 'e.id', 'v.employer_id')
      .leftJoin('matches as m', (j) =>
        j.onRef('m.vacancy_id', '=', 'v.id').on('m.client_id', '=', clientId).on('m.deleted', '=', LIVE),
      )
      .selectAll('v')
      .select([
        'e.postcode as employer_postcode',
        'e.name as employer_name',
        'e.city as employer_city',
        'm.status as match_status',
      ])
      .where('v.deleted', '=', LIVE)
      .where('v.opened_date', '<=', input.asOf)
      .where((eb) => eb.or([eb('v.closed_date', 'is', null), eb('v.closed_date', '>', input.asOf)]))
      .$narrowType<{ match_status: MatchStatus | null }>(),
  );
  const all = rows.map((r) => {
    const profile = vacancyProfile(r);
    return { score: scoreOnly(client, profile), ref: r.ref ?? '', profile, row: r };
  });
  return rank(all, input.limit, input.after, ({ profile, row: r }): VacancyHit => ({
    ...scoreMatch(client, profile),
    vacancyId: r.id,
    ref: r.ref ?? '',
    title: r.title ?? '',
    employer: r.employer_name ?? null,
    city: r.city ?? r.employer_city ?? null,
    hours_per_week: numOrNull(r.hours_per_week),
    banenafspraak: r.banenafspraak === 1,
    matchStatus: r.match_status ?? null,
  }));
}
