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
// "Mine" = follow-ups recorded by me or on my clients/employers; clients whose current period
// names me as account manager; exceptional employers with me as fixed contact or with none.
// Names are matched on the user's display name or ref, as periods and contacts store names.
import { inCaseloadSql } from '../model/caseload.js';
import type { Role } from '../model/roles.js';
import type { Store } from '../journal/store.js';
import { displayName } from '../model/person.js';
import { addDays, daysBetween, isUnder27 } from '../model/calendar.js';
import { FOLLOW_UP_DAYS } from './employers.js';

export interface MyWorkInput {
  asOf: string;
  scope: 'mine' | 'all';
  limit: number;
  me: { user: string; name: string; role: Role };
}

const SECTION_ORDER: Record<Role, string[]> = {
  klantmanager: ['followUps', 'referrals', 'nazorg', 'idleClients', 'employers'],
  werkgeversadviseur: ['employers', 'followUps', 'nazorg', 'referrals', 'idleClients'],
  trajectmanager: ['idleClients', 'followUps', 'referrals', 'nazorg', 'employers'],
  manager: ['referrals', 'idleClients', 'employers', 'followUps', 'nazorg'],
  beheerder: ['followUps', 'nazorg', 'employers', 'idleClients', 'referrals'],
};

interface Section<T> {
  items: T[];
  total: number;
}

/**
 * One section: the ids of every match in display order (one pass, so the total is their number),
 * then the details of the first `limit` only - a long backlog costs an id each, not a row each.
 */
function section<T>(
  store: Store,
  input: MyWorkInput,
  from: string,
  order: string,
  detail: (ids: string[]) => T[],
): Section<T> {
  const ids = store
    .stmt(`SELECT x.id ${from} ORDER BY ${order}`)
    .pluck()
    .all({ asOf: input.asOf, name: input.me.name, user: input.me.user }) as string[];
  return { items: ids.length ? detail(ids.slice(0, input.limit)) : [], total: ids.length };
}

/** Rows by id in the order of `ids` (one query for the whole page). */
function byIds(
  store: Store,
  sql: string,
  ids: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const rows = store.stmt(sql).all({ ids: JSON.stringify(ids), ...extra }) as Record<string, unknown>[];
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => at.get(a.id as string)! - at.get(b.id as string)!);
}

const MY_CLIENTS = `SELECT p.client_id FROM caseload_periods p WHERE p.account_manager IN (@name, @user) AND p.deleted = 0 AND ${inCaseloadSql('p', '@asOf')}`;
const MY_EMPLOYERS = `SELECT e.id FROM employers e WHERE e.account_manager IN (@name, @user)`;

function followUps(store: Store, input: MyWorkInput, nazorg: boolean) {
  // Mine: recorded by me, or about a client in my caseload or an employer I am the contact for.
  // The IN lists are built once per query, not per contact.
  const mine =
    input.scope === 'mine'
      ? `AND (x."by" IN (@name, @user) OR x.client_id IN (${MY_CLIENTS}) OR x.employer_id IN (${MY_EMPLOYERS}))`
      : '';
  // The partial index contacts_open_follow_up holds only unhandled follow-ups, in due order.
  const from = `FROM contacts x WHERE x.follow_up_done IS NULL AND x.follow_up_date IS NOT NULL AND x.deleted = 0 AND x.follow_up_date <= @asOf
    AND ${nazorg ? "x.purpose = 'nazorg'" : "coalesce(x.purpose, '') != 'nazorg'"} ${mine}`;
  return section(store, input, from, 'x.follow_up_date, x.id', (ids) =>
    byIds(
      store,
      `SELECT k.id, k.date, k.kind, k.summary, k.follow_up_date, k."by", k.placement_id,
         c.id AS client_id, c.ref AS client_ref, c.first_name, c.initials, c.name_prefix, c.last_name,
         e.id AS employer_id, e.ref AS employer_ref, e.name AS employer_name, pe.name AS placement_employer
       FROM contacts k
       LEFT JOIN clients c ON c.id = k.client_id
       LEFT JOIN employers e ON e.id = k.employer_id
       LEFT JOIN placements pl ON pl.id = k.placement_id
       LEFT JOIN employers pe ON pe.id = pl.employer_id
       WHERE k.id IN (SELECT value FROM json_each(@ids))`,
      ids,
    ).map((r) => ({
      contactId: r.id as string,
      date: r.date as string,
      kind: (r.kind as string) ?? null,
      summary: (r.summary as string) ?? null,
      follow_up_date: r.follow_up_date as string,
      daysOverdue: daysBetween(r.follow_up_date as string, input.asOf),
      by: (r.by as string) ?? null,
      client: r.client_id
        ? { id: r.client_id as string, ref: (r.client_ref as string) ?? '', name: displayName(r) }
        : null,
      employer: r.employer_id
        ? {
            id: r.employer_id as string,
            ref: (r.employer_ref as string) ?? '',
            name: (r.employer_name as string) ?? '',
          }
        : null,
      placementId: (r.placement_id as string) ?? null,
      placementEmployer: (r.placement_employer as string) ?? null,
    })),
  );
}

function employers(store: Store, input: MyWorkInput) {
  const mine = input.scope === 'mine' ? 'AND (e.account_manager IS NULL OR e.account_manager IN (@name, @user))' : '';
  // Buitengewone werkgevers are few (tens to hundreds), so they are read whole and sorted here.
  const rows = store
    .stmt(
      `SELECT e.id, e.ref, e.name, e.exceptional_since, e.account_manager,
         (SELECT max(k.date) FROM contacts k WHERE k.employer_id = e.id AND k.deleted = 0 AND k.date <= @asOf) AS last_contact
       FROM employers e
       WHERE e.exceptional_since IS NOT NULL AND e.exceptional_since <= @asOf AND e.deleted = 0 ${mine}`,
    )
    .all({ asOf: input.asOf, name: input.me.name, user: input.me.user }) as Record<string, unknown>[];
  const cutoff = addDays(input.asOf, -FOLLOW_UP_DAYS);
  const due = rows
    .filter((r) => !r.last_contact || (r.last_contact as string) < cutoff)
    .map((r) => ({
      id: r.id as string,
      ref: (r.ref as string) ?? '',
      name: (r.name as string) ?? '',
      exceptional_since: r.exceptional_since as string,
      account_manager: (r.account_manager as string) ?? null,
      last_contact: (r.last_contact as string) ?? null,
      daysSince: r.last_contact ? daysBetween(r.last_contact as string, input.asOf) : null,
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

const IN_CASELOAD = `x.deleted = 0 AND ${inCaseloadSql('x', '@asOf')}`;
// The few removed or merged clients are listed once per query, not probed per period.
const LIVE_CLIENT = `x.client_id NOT IN (SELECT c.id FROM clients c WHERE c.deleted <> 0 OR c.merged_into IS NOT NULL)`;

/** Periods (x) in the caseload on asOf, mine or all, with the clients' names for the page. */
function periodSection<T>(
  store: Store,
  input: MyWorkInput,
  condition: string,
  toItem: (r: Record<string, unknown>) => T,
): Section<T> {
  const mine = input.scope === 'mine' ? 'AND x.account_manager IN (@name, @user)' : '';
  const from = `FROM caseload_periods x WHERE ${IN_CASELOAD} ${mine} AND ${LIVE_CLIENT} AND ${condition}`;
  return section(store, input, from, 'x.intake_date, x.id', (ids) =>
    byIds(
      store,
      `SELECT x.id, x.intake_date, x.referrer, x.account_manager, c.id AS client_id, c.ref, c.first_name, c.initials, c.name_prefix, c.last_name, c.birth_date,
         (SELECT max(a.end_date) FROM activities a WHERE a.client_id = c.id AND a.deleted = 0 AND a.end_date < @asOf) AS last_activity_end
       FROM caseload_periods x JOIN clients c ON c.id = x.client_id WHERE x.id IN (SELECT value FROM json_each(@ids))`,
      ids,
      { asOf: input.asOf },
    ).map(toItem),
  );
}

const RUNNING = (table: string, alias: string) =>
  `EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${alias}.client_id = x.client_id AND ${alias}.deleted = 0 AND ${alias}.start_date <= @asOf AND (${alias}.end_date IS NULL OR ${alias}.end_date >= @asOf))`;

function idleClients(store: Store, input: MyWorkInput) {
  return periodSection(
    store,
    input,
    `NOT ${RUNNING('activities', 'a')} AND NOT ${RUNNING('placements', 'pl')}`,
    (r) => ({
      id: r.client_id as string,
      ref: (r.ref as string) ?? '',
      name: displayName(r),
      intake_date: r.intake_date as string,
      account_manager: (r.account_manager as string) ?? null,
      last_activity_end: (r.last_activity_end as string) ?? null,
      under27: isUnder27(r.birth_date as string | null, input.asOf),
    }),
  );
}

function referrals(store: Store, input: MyWorkInput) {
  // The activity test first: it reads an index only, and most clients start one soon after intake.
  const noIntake = `NOT EXISTS (SELECT 1 FROM activities a WHERE a.client_id = x.client_id AND a.deleted = 0 AND a.start_date >= x.intake_date AND a.start_date <= @asOf)
    AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.client_id = x.client_id AND k.deleted = 0 AND k.kind IN ('meeting', 'visit')
        AND k.date >= x.intake_date AND k.date <= @asOf AND coalesce(k.purpose, '') != 'nazorg')`;
  return periodSection(store, input, noIntake, (r) => ({
    id: r.client_id as string,
    ref: (r.ref as string) ?? '',
    name: displayName(r),
    periodId: r.id as string,
    intake_date: r.intake_date as string,
    referrer: (r.referrer as string) ?? null,
    account_manager: (r.account_manager as string) ?? null,
    daysWaiting: daysBetween(r.intake_date as string, input.asOf),
    under27: isUnder27(r.birth_date as string | null, input.asOf),
  }));
}

export function myWork(store: Store, input: MyWorkInput) {
  return {
    asOf: input.asOf,
    scope: input.scope,
    sections: SECTION_ORDER[input.me.role],
    followUps: followUps(store, input, false),
    nazorg: followUps(store, input, true),
    employers: employers(store, input),
    idleClients: idleClients(store, input),
    referrals: referrals(store, input),
  };
}
