// The matches pipeline of a vacancy: voorgesteld (proposed) -> gesprek (interview) -> aangenomen
// (hired) or afgewezen (rejected). "Aangenomen" is reached only by starting a placement
// (db/work/placements.ts), so a hire always has its placement; a rejected match may be proposed again.
import { sql } from 'kysely';
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { hashRef } from '../records/refs.js';
import type { Store } from '../journal/store.js';
import { liveRow } from '../records/forms.js';
import { loadClient, loadVacancy, type MatchStatus } from './candidates.js';
import { displayName } from '../model/person.js';

export type { MatchStatus };
import { scoreMatch } from './score.js';
import { v7 as uuidv7 } from 'uuid';

export const MATCH_STATUSES: readonly MatchStatus[] = ['proposed', 'interview', 'hired', 'rejected'];

const NEXT: Record<MatchStatus, MatchStatus[]> = {
  proposed: ['interview', 'rejected'],
  interview: ['proposed', 'rejected'],
  rejected: ['proposed'],
  hired: [],
};

export function isOpenOn(v: Record<string, unknown>, on: string): boolean {
  return (v.opened_date as string) <= on && (!v.closed_date || (v.closed_date as string) > on);
}

export function proposeMatch(
  store: Store,
  w: Writer,
  input: { vacancyId: string; clientId: string; note?: string | null },
  today: string,
): { id: string; score: number } {
  const vacancy = loadVacancy(store, input.vacancyId);
  if (!isOpenOn(vacancy.row, today)) throw new AppError('invalid_input', 'Deze vacature is niet open.', 'vacancyId');
  const client = loadClient(store, input.clientId, today);
  const existing = store.first(
    store.kysely
      .selectFrom('matches')
      .select(['id', 'status'])
      .where('client_id', '=', input.clientId)
      .where('vacancy_id', '=', input.vacancyId)
      .where('deleted', '=', sql.lit(0)),
  );
  if (existing) {
    throw new AppError('duplicate', 'Deze klant is al voorgedragen voor deze vacature.', 'clientId', {
      id: existing.id,
      status: existing.status,
    });
  }
  const { score } = scoreMatch(client, vacancy);
  const id = w.create('match', {
    ref: hashRef('match', [uuidv7()]),
    client_id: input.clientId,
    vacancy_id: input.vacancyId,
    status: 'proposed',
    status_date: today,
    score,
    note: input.note ?? null,
  });
  return { id, score };
}

export function moveMatch(
  store: Store,
  w: Writer,
  input: { id: string; status: MatchStatus; note?: string | null; date: string },
): string[] {
  const row = liveRow(store, 'match', input.id);
  const from = row.status as MatchStatus;
  if (from === input.status) return [];
  if (input.status === 'hired') {
    throw new AppError('use_placement', 'Start een plaatsing om de kandidaat aan te nemen.', 'status');
  }
  if (!NEXT[from]?.includes(input.status)) {
    throw new AppError(
      'invalid_input',
      from === 'hired'
        ? 'Deze kandidaat is al aangenomen; beëindig zo nodig de plaatsing.'
        : 'Deze stap is niet mogelijk.',
      'status',
    );
  }
  return w.update('match', input.id, {
    status: input.status,
    status_date: input.date,
    ...(input.note !== undefined ? { note: input.note } : {}),
  });
}

export interface PipelineItem {
  id: string;
  ref: string;
  clientId: string;
  vacancyId: string;
  client: string;
  clientRef: string;
  vacancy: string;
  vacancyRef: string;
  employer: string | null;
  status: MatchStatus;
  status_date: string | null;
  score: number | null;
  note: string | null;
}

/** Matches of a vacancy (its pipeline) or of a client, in one query. */
export function listMatches(store: Store, by: { vacancyId?: string; clientId?: string }): PipelineItem[] {
  const rows = store.all(
    store.kysely
      .selectFrom('matches as m')
      .leftJoin('clients as c', 'c.id', 'm.client_id')
      .leftJoin('vacancies as v', 'v.id', 'm.vacancy_id')
      .leftJoin('employers as e', 'e.id', 'v.employer_id')
      .selectAll('m')
      .select([
        'c.ref as client_ref',
        'c.first_name',
        'c.initials',
        'c.name_prefix',
        'c.last_name',
        'v.title',
        'v.ref as vacancy_ref',
        'e.name as employer',
      ])
      .where(by.vacancyId ? 'm.vacancy_id' : 'm.client_id', '=', by.vacancyId ?? by.clientId ?? null)
      .where('m.deleted', '=', sql.lit(0))
      .orderBy('m.score', 'desc')
      .orderBy('m.id')
      // A match is saved with its client, vacancy and status (proposeMatch).
      .$narrowType<{ client_id: string; vacancy_id: string; status: MatchStatus }>(),
  );
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref ?? '',
    clientId: r.client_id,
    vacancyId: r.vacancy_id,
    client: displayName(r),
    clientRef: r.client_ref ?? '',
    vacancy: r.title ?? '',
    vacancyRef: r.vacancy_ref ?? '',
    employer: r.employer ?? null,
    status: r.status,
    status_date: r.status_date ?? null,
    score: r.score ?? null,
    note: r.note ?? null,
  }));
}
