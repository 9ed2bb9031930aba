// Contact moments and follow-ups. A contact may carry a follow-up date ("bel terug voor ..."); it
// stays open on "Mijn werk" until `follow_up_done` holds the day it was handled - either by
// marking it done or by recording the next contact with `resolves` pointing at it.
//
// Nazorg after a placement is planned the same way, so one list serves both: three contacts with
// purpose 'nazorg', linked to the client and the placement, dated on the placement's start and
// due (follow_up_date) 1 week, 1 month and 3 months later. They show on "Mijn werk" as nazorg
// instead of as ordinary follow-ups; handling one is marking it done (or a contact resolving it).
import { sql } from 'kysely';
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { hashRef } from '../records/refs.js';
import type { Store } from '../journal/store.js';
import { addDays, addMonths } from '../model/calendar.js';
import { liveRow, parseForm, saveRecord } from '../records/forms.js';

export const NAZORG_STAGES = [
  { stage: '1w', label: 'Nazorg na 1 week', due: (start: string) => addDays(start, 7) },
  { stage: '1m', label: 'Nazorg na 1 maand', due: (start: string) => addMonths(start, 1) },
  { stage: '3m', label: 'Nazorg na 3 maanden', due: (start: string) => addMonths(start, 3) },
] as const;

export interface ContactInput {
  clientId?: string | null;
  employerId?: string | null;
  date: string;
  kind: string;
  summary?: string;
  follow_up_date?: string | null;
  by?: string;
  /** An earlier contact whose follow-up this contact handles. */
  resolves?: string | null;
}

export function markFollowUpDone(store: Store, w: Writer, id: string, date: string): string[] {
  const row = liveRow(store, 'contact', id, 'resolves');
  if (!row.follow_up_date) throw new AppError('invalid_input', 'Dit contactmoment heeft geen vervolgafspraak.', 'id');
  if (date < (row.date as string))
    throw new AppError('invalid_input', 'ligt voor de datum van het contactmoment', 'date');
  return w.update('contact', id, { follow_up_done: date });
}

export function createContact(
  store: Store,
  w: Writer,
  input: ContactInput,
  byDefault: string,
): { id: string; ref: string } {
  if (Boolean(input.clientId) === Boolean(input.employerId)) {
    throw new AppError(
      'invalid_input',
      'Kies een klant of een werkgever (één van beide).',
      input.clientId ? 'employerId' : 'clientId',
    );
  }
  const links: Record<string, string> = {};
  if (input.clientId) links.client_ref = liveRow(store, 'client', input.clientId, 'clientId').ref as string;
  if (input.employerId) links.employer_ref = liveRow(store, 'employer', input.employerId, 'employerId').ref as string;
  const values = parseForm(
    'contacts',
    {
      date: input.date,
      kind: input.kind,
      summary: input.summary,
      follow_up_date: input.follow_up_date ?? undefined,
      by: input.by || byDefault,
      ...links,
    },
    true,
  );
  if (values.follow_up_date && (values.follow_up_date as string) < (values.date as string)) {
    throw new AppError('invalid_input', 'ligt voor de datum van het contactmoment', 'follow_up_date');
  }
  const r = saveRecord(store, w, 'contacts', null, values, {
    client_id: input.clientId ?? null,
    employer_id: input.employerId ?? null,
  });
  if (input.resolves) {
    const earlier = liveRow(store, 'contact', input.resolves, 'resolves');
    const sameParty =
      earlier.client_id === (input.clientId ?? null) && earlier.employer_id === (input.employerId ?? null);
    if (!sameParty)
      throw new AppError('invalid_input', 'Het vervolg hoort bij een andere klant of werkgever.', 'resolves');
    markFollowUpDone(store, w, input.resolves, values.date as string);
  }
  return { id: r.id, ref: r.ref };
}

/** Plans the three nazorg contacts of a new placement. Refs are derived, so planning twice is harmless. */
export function scheduleNazorg(
  w: Writer,
  placement: { id: string; client_id: string; start_date: string },
  by: string,
  employerName: string,
): string[] {
  return NAZORG_STAGES.map(({ stage, label, due }) => {
    const ref = hashRef('contact', [placement.id, 'nazorg', stage]);
    const existing = w.row('contact', ref) ? ref : null;
    const fields = {
      ref,
      client_id: placement.client_id,
      placement_id: placement.id,
      purpose: 'nazorg',
      kind: 'other',
      date: placement.start_date,
      follow_up_date: due(placement.start_date),
      summary: `${label} (plaatsing bij ${employerName})`,
      by,
    };
    // The contact id is the ref itself: deterministic, so two laptops planning the same nazorg converge.
    if (existing) w.update('contact', ref, fields);
    else w.create('contact', fields, ref);
    return ref;
  });
}

/** Moves the open nazorg of a placement when its start date changes; drops it when the placement is removed. */
export function rescheduleNazorg(store: Store, w: Writer, placementId: string, start: string | null): void {
  const open = store.all(
    store.kysely
      .selectFrom('contacts')
      .select('id')
      .where('placement_id', '=', placementId)
      .where('purpose', '=', sql.lit('nazorg'))
      .where('deleted', '=', sql.lit(0))
      .where('follow_up_done', 'is', null),
  );
  for (const { id } of open) {
    const stage = NAZORG_STAGES.find((s) => hashRef('contact', [placementId, 'nazorg', s.stage]) === id);
    if (!start) w.remove('contact', id);
    else if (stage) w.update('contact', id, { date: start, follow_up_date: stage.due(start) });
  }
}
