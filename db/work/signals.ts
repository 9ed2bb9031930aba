// Signals on Mijn werk (issue 13): what is about to need attention, per client, each with the
// day it is about and a link to the client's dossier (the renderer shows no ids).
// - no_contact: a client in the caseload without a contact in the last N weeks (default 3, the
//   seed's "every two to three weeks"; 2.7, 4.4), counted from intake for new clients;
// - activity_ending / placement_ending: an activity or placement ending within 2 weeks;
// - subsidy_review: a running placement with loonkostensubsidie whose wage value was last
//   assessed (a loonwaardemeting activity, else the placement's start) a year ago or more, or will
//   be within 2 weeks: the subsidy is re-assessed yearly;
// - register_check: a doelgroepregister status checked more than a year ago (or never);
// - nazorg_due: a planned nazorg contact (purpose nazorg) due within a week and not done.
// Mine: the client's period is mine (db/work/mywork.ts); for placements and nazorg the client's
// last period, as nazorg follows an exit to work.
import { sql } from 'kysely';
import type { Store } from '../journal/store.js';
import { displayName } from '../model/person.js';
import { SIGNAL_KINDS, type SignalKind } from '../model/signals.js';
import { addDays, addYears } from '../model/calendar.js';
import { inCaseload } from '../records/in-caseload.js';
import { idList } from '../records/id-list.js';
import { minePeriod, myClientIds, type MyWorkInput } from './mywork.js';

/** Ending "within two weeks": today up to and including 14 days ahead. */
export const ENDING_DAYS = 14;
export const DEFAULT_NO_CONTACT_WEEKS = 3;

export interface Signal {
  kind: SignalKind;
  client: { id: string; ref: string; name: string };
  /** The day the signal is about (last contact, end date, due date); null: never contacted. */
  date: string | null;
  /** A code or name that says which record (activity kind code, employer name). */
  about: string | null;
}

const LIVE = sql.lit(0);

export function signals(store: Store, input: MyWorkInput): { items: Signal[]; total: number } {
  const db = store.kysely;
  const asOf = input.asOf;
  const mine = input.scope === 'mine';
  const soon = addDays(asOf, ENDING_DAYS);
  const weeks = input.noContactWeeks ?? DEFAULT_NO_CONTACT_WEEKS;
  const since = addDays(asOf, -7 * weeks);
  const found: { kind: SignalKind; clientId: string; date: string | null; about: string | null }[] = [];

  // Clients in the caseload on asOf (mine or all), not removed or merged.
  const caseload = db
    .selectFrom('caseload_periods as x')
    .select('x.client_id')
    .where('x.deleted', '=', LIVE)
    .where(inCaseload('x', asOf))
    .$if(mine, (q) => q.where(minePeriod('x', input)));
  // Clients of mine, including those who left (nazorg, placements after an exit to work).
  const clientsOfMine = myClientIds(store, input);

  for (const r of store.all(
    db
      .selectFrom('caseload_periods as x')
      .select((eb) => [
        'x.client_id',
        eb
          .selectFrom('contacts as k')
          .select((k) => k.fn.max('k.date').as('d'))
          .whereRef('k.client_id', '=', 'x.client_id')
          .where('k.deleted', '=', LIVE)
          .where('k.date', '<=', asOf)
          .as('last_contact'),
      ])
      .where('x.deleted', '=', LIVE)
      .where(inCaseload('x', asOf))
      .where('x.intake_date', '<=', since)
      .$if(mine, (q) => q.where(minePeriod('x', input))),
  )) {
    if (!r.last_contact || r.last_contact < since)
      found.push({ kind: 'no_contact', clientId: r.client_id!, date: r.last_contact ?? null, about: null });
  }

  for (const r of store.all(
    db
      .selectFrom('activities as a')
      .select(['a.client_id', 'a.end_date', 'a.kind'])
      .where('a.deleted', '=', LIVE)
      .where('a.end_date', '>=', asOf)
      .where('a.end_date', '<=', soon)
      .where('a.start_date', '<=', asOf)
      .where('a.client_id', 'in', caseload)
      .$narrowType<{ client_id: string; end_date: string }>(),
  ))
    found.push({ kind: 'activity_ending', clientId: r.client_id, date: r.end_date, about: r.kind ?? null });

  const placements = db
    .selectFrom('placements as pl')
    .leftJoin('employers as e', 'e.id', 'pl.employer_id')
    .where('pl.deleted', '=', LIVE)
    .where('pl.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('pl.end_date', 'is', null), eb('pl.end_date', '>=', asOf)]))
    .$if(mine, (q) => q.where('pl.client_id', 'in', clientsOfMine));
  for (const r of store.all(
    placements
      .select(['pl.client_id', 'pl.end_date', 'e.name'])
      .where('pl.end_date', '<=', soon)
      .$narrowType<{ client_id: string; end_date: string }>(),
  ))
    found.push({ kind: 'placement_ending', clientId: r.client_id, date: r.end_date, about: r.name ?? null });

  for (const r of store.all(
    placements
      .select((eb) => [
        'pl.client_id',
        'pl.start_date',
        'e.name',
        eb
          .selectFrom('activities as w')
          .select((w) => w.fn.max('w.start_date').as('d'))
          .whereRef('w.client_id', '=', 'pl.client_id')
          .where('w.deleted', '=', LIVE)
          .where('w.kind', '=', sql.lit('wage_value_assessment'))
          .where('w.start_date', '<=', asOf)
          .as('assessed'),
      ])
      .where('pl.wage_subsidy', '=', sql.lit(1))
      .$narrowType<{ client_id: string; start_date: string }>(),
  )) {
    const last = r.assessed && r.assessed > r.start_date ? r.assessed : r.start_date;
    const due = addYears(last, 1);
    if (due <= soon) found.push({ kind: 'subsidy_review', clientId: r.client_id, date: due, about: r.name ?? null });
  }

  for (const r of store.all(
    db
      .selectFrom('clients as c')
      .select(['c.id', 'c.banenafspraak_checked'])
      .where('c.deleted', '=', LIVE)
      .where('c.banenafspraak_status', 'is not', null)
      .where((eb) =>
        eb.or([eb('c.banenafspraak_checked', 'is', null), eb('c.banenafspraak_checked', '<', addYears(asOf, -1))]),
      )
      .where('c.id', 'in', caseload),
  ))
    found.push({ kind: 'register_check', clientId: r.id, date: r.banenafspraak_checked ?? null, about: null });

  for (const r of store.all(
    db
      .selectFrom('contacts as k')
      .select(['k.client_id', 'k.follow_up_date'])
      .where('k.deleted', '=', LIVE)
      .where('k.purpose', '=', sql.lit('nazorg'))
      .where('k.follow_up_done', 'is', null)
      .where('k.follow_up_date', 'is not', null)
      .where('k.follow_up_date', '<=', addDays(asOf, 7))
      .where('k.client_id', 'is not', null)
      .$if(mine, (q) => q.where('k.client_id', 'in', clientsOfMine))
      .$narrowType<{ client_id: string; follow_up_date: string }>(),
  ))
    found.push({ kind: 'nazorg_due', clientId: r.client_id, date: r.follow_up_date, about: null });

  // Never contacted first, then by day; one kind order within a day.
  found.sort(
    (a, b) =>
      (a.date ?? '').localeCompare(b.date ?? '') ||
      SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind) ||
      a.clientId.localeCompare(b.clientId),
  );
  const page = found.slice(0, input.limit);
  const clients = new Map(
    page.length
      ? store
          .all(
            db
              .selectFrom('clients')
              .select(['id', 'ref', 'first_name', 'initials', 'name_prefix', 'last_name'])
              .where('id', 'in', idList([...new Set(page.map((s) => s.clientId))]))
              .where('deleted', '=', LIVE)
              .where('merged_into', 'is', null),
          )
          .map((c) => [c.id, { id: c.id, ref: c.ref ?? '', name: displayName(c) }])
      : [],
  );
  return {
    items: page
      .filter((s) => clients.has(s.clientId))
      .map((s) => ({ kind: s.kind, client: clients.get(s.clientId)!, date: s.date, about: s.about })),
    total: found.length,
  };
}
