// The matches pipeline of a vacancy: voorgesteld (proposed) -> gesprek (interview) -> aangenomen
// (hired) or afgewezen (rejected). "Aangenomen" is reached only by starting a placement
// (db/work/placements.ts), so a hire always has its placement; a rejected match may be proposed again.
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
  const existing = store
    .stmt('SELECT id, status FROM matches WHERE client_id = ? AND vacancy_id = ? AND deleted = 0')
    .get(input.clientId, input.vacancyId) as { id: string; status: string } | undefined;
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
  const where = by.vacancyId ? 'm.vacancy_id = ?' : 'm.client_id = ?';
  const rows = store
    .stmt(
      `SELECT m.*, c.ref AS client_ref, c.first_name, c.initials, c.name_prefix, c.last_name, v.title, v.ref AS vacancy_ref, e.name AS employer
       FROM matches m LEFT JOIN clients c ON c.id = m.client_id LEFT JOIN vacancies v ON v.id = m.vacancy_id LEFT JOIN employers e ON e.id = v.employer_id
       WHERE ${where} AND m.deleted = 0 ORDER BY m.score DESC, m.id`,
    )
    .all(by.vacancyId ?? by.clientId) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    clientId: r.client_id as string,
    vacancyId: r.vacancy_id as string,
    client: displayName(r),
    clientRef: (r.client_ref as string) ?? '',
    vacancy: (r.title as string) ?? '',
    vacancyRef: (r.vacancy_ref as string) ?? '',
    employer: (r.employer as string) ?? null,
    status: r.status as MatchStatus,
    status_date: (r.status_date as string) ?? null,
    score: (r.score as number) ?? null,
    note: (r.note as string) ?? null,
  }));
}
