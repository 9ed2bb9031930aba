// Placements: starting one from a match hires the candidate (match -> aangenomen), fills the
// vacancy when all its positions are taken (closed_date, close_reason 'filled') and plans the
// nazorg contacts (db/work/contacts.ts). All in the caller's write transaction.
import { sql } from 'kysely';
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import type { Store } from '../journal/store.js';
import { rescheduleNazorg, scheduleNazorg } from './contacts.js';
import { liveRow, parseForm, saveRecord } from '../records/forms.js';

export interface PlacementInput {
  matchId?: string | null;
  clientId?: string | null;
  employerId?: string | null;
  vacancyId?: string | null;
  fields: Record<string, unknown>;
}

export interface PlacementResult {
  id: string;
  ref: string;
  matchId: string | null;
  vacancyClosed: boolean;
  nazorg: string[];
}

export function startPlacement(
  store: Store,
  w: Writer,
  input: PlacementInput,
  by: string,
  today: string,
): PlacementResult {
  let clientId = input.clientId ?? null;
  let vacancyId = input.vacancyId ?? null;
  let matchId = input.matchId ?? null;
  if (matchId) {
    const match = liveRow(store, 'match', matchId, 'matchId');
    if (match.status === 'hired') throw new AppError('invalid_input', 'Deze kandidaat is al aangenomen.', 'matchId');
    if (match.status === 'rejected')
      throw new AppError(
        'invalid_input',
        'Deze voordracht is afgewezen; draag de kandidaat eerst opnieuw voor.',
        'matchId',
      );
    clientId = match.client_id as string;
    vacancyId = match.vacancy_id as string;
  }
  if (!clientId) throw new AppError('invalid_input', 'is verplicht', 'clientId');
  const client = liveRow(store, 'client', clientId, 'clientId');
  const vacancy = vacancyId ? liveRow(store, 'vacancy', vacancyId, 'vacancyId') : null;
  const employerId = (vacancy?.employer_id as string | undefined) ?? input.employerId ?? null;
  if (!employerId) throw new AppError('invalid_input', 'is verplicht', 'employerId');
  if (vacancy && input.employerId && input.employerId !== vacancy.employer_id) {
    throw new AppError('invalid_input', 'hoort niet bij de werkgever van de vacature', 'employerId');
  }
  const employer = liveRow(store, 'employer', employerId, 'employerId');
  const values = parseForm(
    'placements',
    {
      ...input.fields,
      client_ref: client.ref,
      employer_ref: employer.ref,
      ...(vacancy ? { vacancy_ref: vacancy.ref } : {}),
    },
    true,
  );
  if (values.wage_subsidy === undefined) values.wage_subsidy = values.kind === 'subsidized';
  const r = saveRecord(store, w, 'placements', null, values, {
    client_id: clientId,
    employer_id: employerId,
    vacancy_id: vacancyId ?? null,
  });
  const start = values.start_date as string;

  // A placement for a vacancy the client was proposed for hires that match too.
  if (!matchId && vacancyId) {
    const open = store.first(
      store.kysely
        .selectFrom('matches')
        .select('id')
        .where('client_id', '=', clientId)
        .where('vacancy_id', '=', vacancyId)
        .where('deleted', '=', sql.lit(0))
        .where('status', '!=', sql.lit('hired')),
    );
    matchId = open?.id ?? null;
  }
  if (matchId) w.update('match', matchId, { status: 'hired', status_date: today < start ? today : start });

  let vacancyClosed = false;
  if (vacancy && !vacancy.closed_date) {
    const taken = store.first(
      store.kysely
        .selectFrom('placements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('vacancy_id', '=', vacancyId)
        .where('deleted', '=', sql.lit(0)),
    )!.n;
    if (taken >= ((vacancy.positions as number | null) ?? 1)) {
      // Filled on the start date, but never in the future nor before the vacancy opened.
      let closed = today < start ? today : start;
      if (closed < (vacancy.opened_date as string)) closed = vacancy.opened_date as string;
      w.update('vacancy', vacancyId!, { closed_date: closed, close_reason: 'filled' });
      vacancyClosed = true;
    }
  }
  const nazorg = scheduleNazorg(
    w,
    { id: r.id, client_id: clientId, start_date: start },
    by,
    (employer.name as string) ?? '',
  );
  return { id: r.id, ref: r.ref, matchId, vacancyClosed, nazorg };
}

export function updatePlacement(store: Store, w: Writer, id: string, fields: Record<string, unknown>): string[] {
  const before = liveRow(store, 'placement', id);
  const values = parseForm('placements', fields, false);
  for (const k of ['client_ref', 'employer_ref', 'vacancy_ref']) {
    if (values[k] !== undefined)
      throw new AppError('invalid_input', 'kan niet worden gewijzigd; registreer een nieuwe plaatsing', k);
  }
  const r = saveRecord(store, w, 'placements', id, values);
  if (values.start_date && values.start_date !== before.start_date)
    rescheduleNazorg(store, w, id, values.start_date as string);
  return r.changed;
}

/** Removes a placement registered by mistake: its open nazorg goes, and its hired match returns to 'gesprek'. */
export function removePlacement(store: Store, w: Writer, id: string, today: string): void {
  const row = liveRow(store, 'placement', id);
  rescheduleNazorg(store, w, id, null);
  w.remove('placement', id);
  if (row.vacancy_id) {
    const hired = store.first(
      store.kysely
        .selectFrom('matches')
        .select('id')
        .where('client_id', '=', row.client_id as string)
        .where('vacancy_id', '=', row.vacancy_id as string)
        .where('deleted', '=', sql.lit(0))
        .where('status', '=', sql.lit('hired')),
    );
    if (hired) w.update('match', hired.id, { status: 'interview', status_date: today });
  }
}
