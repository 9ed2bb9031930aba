// Ranked lists: candidates for a vacancy and vacancies for a client. Loads every profile in one
// query each (no query per row), scores in memory (db/matching/score.ts) and pages by
// (score desc, ref) with a keyset cursor. 30,000 clients in the caseload score in well under a second.
import { inCaseloadSql } from '../model/caseload.js';
import { displayName } from '../model/person.js';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { decodeCursor, page, type CursorKey } from '../records/paging.js';
import { scoreMatch, scoreOnly, type ClientProfile, type MatchScore, type VacancyProfile } from './score.js';

export type MatchStatus = 'proposed' | 'interview' | 'hired' | 'rejected';

const list = (v: unknown): string[] => (v ? (JSON.parse(String(v)) as string[]) : []);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What scoring reads of a client; names and other personal details are read for the shown page only. */
const PROFILE_COLS = `c.id, c.ref, c.postcode, c.education_level, c.work_thinking_level, c.hours_available, c.occupations_wanted,
  c.driving_licence, c.transport, c.max_travel_km`;
const CLIENT_COLS = `${PROFILE_COLS}, c.first_name, c.initials, c.name_prefix, c.last_name, c.birth_date, c.city`;

/** "In the caseload on D": intake on or before D, no exit or an exit after D (CONTRACTS.md). */
const IN_CASELOAD = `p.deleted = 0 AND ${inCaseloadSql('p', '@asOf')}`;
const PLACED = `EXISTS (SELECT 1 FROM placements pl WHERE pl.client_id = c.id AND pl.deleted = 0
  AND pl.start_date <= @asOf AND (pl.end_date IS NULL OR pl.end_date >= @asOf))`;

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
  const row = store
    .stmt(
      `SELECT v.*, e.postcode AS employer_postcode, e.name AS employer_name FROM vacancies v LEFT JOIN employers e ON e.id = v.employer_id
           WHERE v.id = ? AND v.deleted = 0`,
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('not_found', 'Vacature niet gevonden', 'vacancyId');
  return { ...vacancyProfile(row), employer_name: (row.employer_name as string) ?? null, row };
}

export function loadClient(store: Store, id: string, asOf: string): ClientProfile & { name: string } {
  const row = store
    .stmt(
      `SELECT ${CLIENT_COLS}, ${PLACED} AS placed,
             EXISTS (SELECT 1 FROM caseload_periods p WHERE p.client_id = c.id AND ${IN_CASELOAD}) AS in_caseload
           FROM clients c WHERE c.id = @id AND c.deleted = 0`,
    )
    .get({ id, asOf }) as Record<string, unknown> | undefined;
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
  const rows = store
    .stmt(
      `SELECT ${PROFILE_COLS}, ${PLACED} AS placed, p.account_manager
       FROM caseload_periods p JOIN clients c ON c.id = p.client_id
       WHERE ${IN_CASELOAD} AND c.deleted = 0 AND c.merged_into IS NULL`,
    )
    .all({ asOf: input.asOf }) as Record<string, unknown>[];
  const matched = new Map(
    (
      store.stmt('SELECT client_id, status FROM matches WHERE vacancy_id = ? AND deleted = 0').all(vacancyId) as {
        client_id: string;
        status: MatchStatus;
      }[]
    ).map((m) => [m.client_id, m.status]),
  );
  const all: { score: number; ref: string; profile: ClientProfile; row: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if ((r.placed === 1 && !input.includePlaced) || seen.has(r.id as string)) continue;
    seen.add(r.id as string);
    const profile = clientProfile(r, true);
    all.push({ score: scoreOnly(profile, vacancy), ref: (r.ref as string) ?? '', profile, row: r });
  }
  const ranked = rank(all, input.limit, input.after, (x) => x);
  const shown = new Map(
    (
      store
        .stmt(
          'SELECT id, first_name, initials, name_prefix, last_name, birth_date, city FROM clients WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(ranked.items.map((x) => x.profile.id))) as Record<string, unknown>[]
    ).map((r) => [r.id as string, r]),
  );
  return {
    ...ranked,
    items: ranked.items.map(({ profile, row: r }): Candidate => {
      const d = shown.get(profile.id) ?? {};
      return {
        ...scoreMatch(profile, vacancy),
        clientId: profile.id,
        ref: profile.ref,
        name: displayName(d),
        city: (d.city as string) ?? null,
        birth_date: (d.birth_date as string) ?? null,
        account_manager: (r.account_manager as string) ?? null,
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
  const rows = store
    .stmt(
      `SELECT v.*, e.postcode AS employer_postcode, e.name AS employer_name, e.city AS employer_city, m.status AS match_status
       FROM vacancies v LEFT JOIN employers e ON e.id = v.employer_id
       LEFT JOIN matches m ON m.vacancy_id = v.id AND m.client_id = @clientId AND m.deleted = 0
       WHERE v.deleted = 0 AND v.opened_date <= @asOf AND (v.closed_date IS NULL OR v.closed_date > @asOf)`,
    )
    .all({ asOf: input.asOf, clientId }) as Record<string, unknown>[];
  const all = rows.map((r) => {
    const profile = vacancyProfile(r);
    return { score: scoreOnly(client, profile), ref: (r.ref as string) ?? '', profile, row: r };
  });
  return rank(all, input.limit, input.after, ({ profile, row: r }): VacancyHit => ({
    ...scoreMatch(client, profile),
    vacancyId: r.id as string,
    ref: (r.ref as string) ?? '',
    title: (r.title as string) ?? '',
    employer: (r.employer_name as string) ?? null,
    city: (r.city as string) ?? (r.employer_city as string) ?? null,
    hours_per_week: numOrNull(r.hours_per_week),
    banenafspraak: r.banenafspraak === 1,
    matchStatus: (r.match_status as MatchStatus) ?? null,
  }));
}
