// "Mijn werk", the start screen: what needs doing today, per user.
// - followUps: contacts whose follow-up date has come and that are not handled (follow_up_done).
// - nazorg: the same for contacts planned as nazorg after a placement (purpose 'nazorg').
// - employers: buitengewone werkgevers not contacted in the last 90 days (or never).
// - idleClients: clients in the caseload with no activity and no placement running that day
//   (DOMAIN.md: every client in an activity).
// - referrals: new referrals without intake. Design: a caseload period is opened at referral
//   (its intake_date is the start in the caseload); the intake has happened once the client had a
//   conversation (contact kind 'meeting' or 'visit') or started an activity on or after that
//   date. Until then the period is listed here, oldest first.
//
// - signals: what is about to need attention (db/work/signals.ts).
//
// "Mine" follows the caseload by user (issue 13): clients whose period points to me
// (account_manager_id), or names me while it points to no user yet (data from before migration
// 0011, a name no user had). A client's follow-ups are mine when the client's current or last
// period is mine - not because I wrote the contact - so a colleague's clients who left do not
// show up in my work (a client with no period yet: the follow-ups I wrote). Employer follow-ups: employers with me as fixed contact, or written by me.
// Exceptional employers: me as fixed contact, or none.
import { sql, type Compilable, type Expression, type ExpressionBuilder, type InferResult, type SqlBool } from 'kysely';
import type { Role } from '../model/roles.js';
import type { Store } from '../journal/store.js';
import type { DB } from '../store/schema.js';
import { displayName } from '../model/person.js';
import { addDays, daysBetween, isUnder27 } from '../model/calendar.js';
import { FOLLOW_UP_DAYS } from '../model/employers.js';
import { inCaseload } from '../records/in-caseload.js';
import { idList, inOrderOf } from '../records/id-list.js';
import { signals } from './signals.js';

export interface MyWorkInput {
  asOf: string;
  scope: 'mine' | 'all';
  limit: number;
  me: { user: string; name: string; role: Role };
  /** Signal "no contact in N weeks" (default 3: the seed's "every two to three weeks"). */
  noContactWeeks?: number;
  /** Follow-ups written by me count as mine (only in a database without users). */
  writerIsMine?: boolean;
}

const SECTION_ORDER: Record<Role, string[]> = {
  klantmanager: ['followUps', 'signals', 'referrals', 'nazorg', 'idleClients', 'employers'],
  werkgeversadviseur: ['employers', 'followUps', 'nazorg', 'signals', 'referrals', 'idleClients'],
  trajectmanager: ['idleClients', 'signals', 'followUps', 'referrals', 'nazorg', 'employers'],
  manager: ['referrals', 'idleClients', 'employers', 'followUps', 'nazorg', 'signals'],
  beheerder: ['followUps', 'nazorg', 'employers', 'idleClients', 'referrals', 'signals'],
};

interface Section<T> {
  items: T[];
  total: number;
}

/** `deleted = 0` as a literal, as the partial indexes say it (a bound 0 would not match them). */
const LIVE = sql.lit(0);

/**
 * One section: the ids of every match in display order (one pass, so the total is their number),
 * then the details of the first `limit` only - a long backlog costs an id each, not a row each.
 */
function section<T>(
  store: Store,
  input: MyWorkInput,
  ids: Compilable<{ id: string }>,
  detail: (ids: string[]) => T[],
): Section<T> {
  const all = store.all(ids).map((r) => r.id);
  return { items: all.length ? detail(all.slice(0, input.limit)) : [], total: all.length };
}

const who = (input: MyWorkInput) => [input.me.name, input.me.user];

type PeriodEb<A extends string> = ExpressionBuilder<DB & Record<A, DB['caseload_periods']>, A>;

/**
 * The period (alias p or x) is mine: it points to me, or names me while it points to no user.
 * As an IN list of two indexed look-ups (caseload_periods_manager_id, caseload_periods_manager),
 * so a caseload is read by its manager, not by scanning periods.
 */
export function minePeriod<A extends 'p' | 'x'>(alias: A, input: MyWorkInput) {
  return (eb: PeriodEb<A>): Expression<SqlBool> => {
    // sql.ref: one condition for either alias (the sections use x, the sub-queries p).
    const e = eb as unknown as PeriodEb<'p'>;
    return e(sql.ref<string>(`${alias}.id`), 'in', (q) =>
      q
        .selectFrom('caseload_periods as m')
        .select('m.id')
        .where('m.account_manager_id', '=', input.me.user)
        .where('m.deleted', '=', LIVE)
        .unionAll(
          q
            .selectFrom('caseload_periods as n')
            .select('n.id')
            .where('n.account_manager', 'in', who(input))
            .where('n.account_manager_id', 'is', null),
        ),
    );
  };
}

/** Ids of the clients whose current or last period is mine (also after they left: nazorg). */
export function myClientIds(store: Store, input: MyWorkInput) {
  return store.kysely
    .selectFrom('caseload_periods as p')
    .select('p.client_id')
    .where('p.deleted', '=', LIVE)
    .where(minePeriod('p', input))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('caseload_periods as q')
            .select(sql.lit(1).as('one'))
            .whereRef('q.client_id', '=', 'p.client_id')
            .where('q.deleted', '=', LIVE)
            .whereRef('q.intake_date', '>', 'p.intake_date'),
        ),
      ),
    );
}

function followUps(store: Store, input: MyWorkInput, nazorg: boolean) {
  const db = store.kysely;
  // Mine: about a client whose current or last period is mine, or an employer I am the contact
  // for or wrote. The IN lists are built once per query, not per contact.
  const myClients = myClientIds(store, input);
  const myEmployers = db.selectFrom('employers as e').select('e.id').where('e.account_manager', 'in', who(input));
  // The partial index contacts_open_follow_up holds only unhandled follow-ups, in due order, with
  // every column tested below (migration 0015): the rows are never read.
  const ids = db
    .selectFrom('contacts as x')
    .select('x.id')
    .where('x.follow_up_done', 'is', null)
    .where('x.follow_up_date', 'is not', null)
    .where('x.deleted', '=', LIVE)
    .where('x.follow_up_date', '<=', input.asOf)
    .where((eb) =>
      nazorg
        ? eb('x.purpose', '=', sql.lit('nazorg'))
        : eb(eb.fn.coalesce('x.purpose', sql.lit('')), '!=', sql.lit('nazorg')),
    )
    .$if(input.scope === 'mine', (q) =>
      q.where((eb) =>
        eb.or([
          eb('x.client_id', 'in', myClients),
          ...(input.writerIsMine ? [eb('x.by', 'in', who(input))] : []),
          // A client in nobody's caseload yet (no period): the follow-ups its writer recorded.
          eb.and([
            eb('x.by', 'in', who(input)),
            eb('x.client_id', 'not in', (q) =>
              q
                .selectFrom('caseload_periods as np')
                .select('np.client_id')
                .where('np.deleted', '=', LIVE)
                .where('np.client_id', 'is not', null)
                .$narrowType<{ client_id: string }>(),
            ),
          ]),
          eb('x.employer_id', 'in', myEmployers),
          eb.and([eb('x.employer_id', 'is not', null), eb('x.by', 'in', who(input))]),
        ]),
      ),
    )
    .orderBy('x.follow_up_date')
    .orderBy('x.id');
  return section(store, input, ids, (page) =>
    inOrderOf(
      page,
      store.all(
        db
          .selectFrom('contacts as k')
          .leftJoin('clients as c', 'c.id', 'k.client_id')
          .leftJoin('employers as e', 'e.id', 'k.employer_id')
          .leftJoin('placements as pl', 'pl.id', 'k.placement_id')
          .leftJoin('employers as pe', 'pe.id', 'pl.employer_id')
          .select([
            'k.id',
            'k.date',
            'k.kind',
            'k.summary',
            'k.follow_up_date',
            'k.by',
            'k.placement_id',
            'c.id as client_id',
            'c.ref as client_ref',
            'c.first_name',
            'c.initials',
            'c.name_prefix',
            'c.last_name',
            'e.id as employer_id',
            'e.ref as employer_ref',
            'e.name as employer_name',
            'pe.name as placement_employer',
          ])
          .where('k.id', 'in', idList(page))
          // Every listed contact has a follow-up date (the section's condition).
          .$narrowType<{ date: string; follow_up_date: string }>(),
      ),
      (r) => r.id,
    ).map((r) => ({
      contactId: r.id,
      date: r.date,
      kind: r.kind ?? null,
      summary: r.summary ?? null,
      follow_up_date: r.follow_up_date,
      daysOverdue: daysBetween(r.follow_up_date, input.asOf),
      by: r.by ?? null,
      client: r.client_id ? { id: r.client_id, ref: r.client_ref ?? '', name: displayName(r) } : null,
      employer: r.employer_id
        ? {
            id: r.employer_id,
            ref: r.employer_ref ?? '',
            name: r.employer_name ?? '',
          }
        : null,
      placementId: r.placement_id ?? null,
      placementEmployer: r.placement_employer ?? null,
    })),
  );
}

function employers(store: Store, input: MyWorkInput) {
  const db = store.kysely;
  // Buitengewone werkgevers are few (tens to hundreds), so they are read whole and sorted here.
  const rows = store.all(
    db
      .selectFrom('employers as e')
      .select((eb) => [
        'e.id',
        'e.ref',
        'e.name',
        'e.exceptional_since',
        'e.account_manager',
        eb
          .selectFrom('contacts as k')
          .select((k) => k.fn.max('k.date').as('d'))
          .whereRef('k.employer_id', '=', 'e.id')
          .where('k.deleted', '=', LIVE)
          .where('k.date', '<=', input.asOf)
          .as('last_contact'),
      ])
      .where('e.exceptional_since', 'is not', null)
      .where('e.exceptional_since', '<=', input.asOf)
      .where('e.deleted', '=', LIVE)
      .$if(input.scope === 'mine', (q) =>
        q.where((eb) => eb.or([eb('e.account_manager', 'is', null), eb('e.account_manager', 'in', who(input))])),
      )
      .$narrowType<{ exceptional_since: string }>(),
  );
  const cutoff = addDays(input.asOf, -FOLLOW_UP_DAYS);
  const due = rows
    .filter((r) => !r.last_contact || r.last_contact < cutoff)
    .map((r) => ({
      id: r.id,
      ref: r.ref ?? '',
      name: r.name ?? '',
      exceptional_since: r.exceptional_since,
      account_manager: r.account_manager ?? null,
      last_contact: r.last_contact ?? null,
      daysSince: r.last_contact ? daysBetween(r.last_contact, input.asOf) : null,
    }))
    // Never contacted first, then the longest silence.
    .sort((a, b) =>
      (a.last_contact ?? '') < (b.last_contact ?? '')
        ? -1
        : (a.last_contact ?? '') > (b.last_contact ?? '')
          ? 1
          : a.name.localeCompare(b.name, 'nl'),
    );
  return { items: due.slice(0, input.limit), total: due.length };
}

/** A condition on the period x of a section. */
type PeriodCondition = (eb: ExpressionBuilder<DB & { x: DB['caseload_periods'] }, 'x'>) => Expression<SqlBool>;

/** Periods (x) in the caseload on asOf, mine or all, with the clients' names for the page. */
function periodSection<T>(
  store: Store,
  input: MyWorkInput,
  condition: PeriodCondition,
  toItem: (r: PeriodRow) => T,
): Section<T> {
  const db = store.kysely;
  const periods = db
    .selectFrom('caseload_periods as x')
    .where('x.deleted', '=', LIVE)
    .where(inCaseload('x', input.asOf))
    .$if(input.scope === 'mine', (q) => q.where(minePeriod('x', input)))
    // The few removed or merged clients are listed once per query, not probed per period.
    .where('x.client_id', 'not in', (eb) =>
      eb
        .selectFrom('clients as c')
        .select('c.id')
        .where((c) => c.or([c('c.deleted', '<>', LIVE), c('c.merged_into', 'is not', null)])),
    );
  const ids = periods.where(condition).select('x.id').orderBy('x.intake_date').orderBy('x.id');
  return section(store, input, ids, (page) =>
    inOrderOf(page, store.all(periodRows(store, page, input.asOf)), (r) => r.id).map(toItem),
  );
}

function periodRows(store: Store, page: string[], asOf: string) {
  return (
    store.kysely
      .selectFrom('caseload_periods as x')
      .innerJoin('clients as c', 'c.id', 'x.client_id')
      .select((eb) => [
        'x.id',
        'x.intake_date',
        'x.referrer',
        'x.account_manager',
        'c.id as client_id',
        'c.ref',
        'c.first_name',
        'c.initials',
        'c.name_prefix',
        'c.last_name',
        'c.birth_date',
        eb
          .selectFrom('activities as a')
          .select((a) => a.fn.max('a.end_date').as('d'))
          .whereRef('a.client_id', '=', 'c.id')
          .where('a.deleted', '=', LIVE)
          .where('a.end_date', '<', asOf)
          .as('last_activity_end'),
      ])
      .where('x.id', 'in', idList(page))
      // Periods in the caseload have an intake date (the section's condition).
      .$narrowType<{ intake_date: string }>()
  );
}
type PeriodRow = InferResult<ReturnType<typeof periodRows>>[number];

function idleClients(store: Store, input: MyWorkInput) {
  const asOf = input.asOf;
  // No activity and no placement running on asOf.
  const idle: PeriodCondition = ({ and, not, exists, selectFrom }) =>
    and([
      not(
        exists(
          selectFrom('activities as a')
            .select(sql.lit(1).as('one'))
            .whereRef('a.client_id', '=', 'x.client_id')
            .where('a.deleted', '=', LIVE)
            .where('a.start_date', '<=', asOf)
            .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', asOf)])),
        ),
      ),
      not(
        exists(
          selectFrom('placements as pl')
            .select(sql.lit(1).as('one'))
            .whereRef('pl.client_id', '=', 'x.client_id')
            .where('pl.deleted', '=', LIVE)
            .where('pl.start_date', '<=', asOf)
            .where((eb) => eb.or([eb('pl.end_date', 'is', null), eb('pl.end_date', '>=', asOf)])),
        ),
      ),
    ]);
  return periodSection(store, input, idle, (r) => ({
    id: r.client_id,
    ref: r.ref ?? '',
    name: displayName(r),
    intake_date: r.intake_date,
    account_manager: r.account_manager ?? null,
    last_activity_end: r.last_activity_end ?? null,
    under27: isUnder27(r.birth_date, input.asOf),
  }));
}

function referrals(store: Store, input: MyWorkInput) {
  // The activity test first: it reads an index only, and most clients start one soon after intake.
  const noIntake: PeriodCondition = ({ and, not, exists, selectFrom }) =>
    and([
      not(
        exists(
          selectFrom('activities as a')
            .select(sql.lit(1).as('one'))
            .whereRef('a.client_id', '=', 'x.client_id')
            .where('a.deleted', '=', LIVE)
            .whereRef('a.start_date', '>=', 'x.intake_date')
            .where('a.start_date', '<=', input.asOf),
        ),
      ),
      not(
        exists(
          selectFrom('contacts as k')
            .select(sql.lit(1).as('one'))
            .whereRef('k.client_id', '=', 'x.client_id')
            .where('k.deleted', '=', LIVE)
            .where('k.kind', 'in', [sql.lit('meeting'), sql.lit('visit')])
            .whereRef('k.date', '>=', 'x.intake_date')
            .where('k.date', '<=', input.asOf)
            .where((eb) => eb(eb.fn.coalesce('k.purpose', sql.lit('')), '!=', sql.lit('nazorg'))),
        ),
      ),
    ]);
  return periodSection(store, input, noIntake, (r) => ({
    id: r.client_id,
    ref: r.ref ?? '',
    name: displayName(r),
    periodId: r.id,
    intake_date: r.intake_date,
    referrer: r.referrer ?? null,
    account_manager: r.account_manager ?? null,
    daysWaiting: daysBetween(r.intake_date, input.asOf),
    under27: isUnder27(r.birth_date, input.asOf),
  }));
}

export function myWork(store: Store, asked: MyWorkInput) {
  // A database without users (run by its creator, db/api/session.ts) has no caseload by user:
  // there the follow-ups I wrote are mine too, as before account managers were users.
  const solo = !store.first(store.kysely.selectFrom('users').select('id').where('deleted', '=', LIVE).limit(1));
  const input: MyWorkInput = { ...asked, writerIsMine: solo };
  return {
    asOf: input.asOf,
    scope: input.scope,
    sections: SECTION_ORDER[input.me.role],
    followUps: followUps(store, input, false),
    nazorg: followUps(store, input, true),
    employers: employers(store, input),
    idleClients: idleClients(store, input),
    referrals: referrals(store, input),
    signals: signals(store, input),
  };
}
