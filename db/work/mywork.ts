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
import type { Role } from '../api/define.js';
import type { Store } from '../store/open.js';
import { displayName } from '../matching/candidates.js';
import { addDays, daysBetween, isUnder27 } from './dates.js';
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

function counted<T>(rows: T[], limit: number): { items: T[]; total: number } {
  return { items: rows.slice(0, limit), total: rows.length };
}

function followUps(store: Store, input: MyWorkInput, nazorg: boolean) {
  const mine = input.scope === 'mine'
    ? `AND (k."by" IN (@name, @user) OR cp.account_manager IN (@name, @user) OR e.account_manager IN (@name, @user))`
    : '';
  // The partial index contacts_open_follow_up holds only unhandled follow-ups, so this stays small.
  const rows = store
    .stmt(
      `SELECT k.id, k.date, k.kind, k.summary, k.follow_up_date, k."by", k.placement_id,
         c.id AS client_id, c.ref AS client_ref, c.first_name, c.initials, c.name_prefix, c.last_name,
         e.id AS employer_id, e.ref AS employer_ref, e.name AS employer_name, pe.name AS placement_employer
       FROM contacts k
       LEFT JOIN clients c ON c.id = k.client_id
       LEFT JOIN caseload_periods cp ON cp.id = (SELECT p.id FROM caseload_periods p WHERE p.client_id = k.client_id AND p.deleted = 0
                                                 ORDER BY p.intake_date DESC LIMIT 1)
       LEFT JOIN employers e ON e.id = k.employer_id
       LEFT JOIN placements pl ON pl.id = k.placement_id
       LEFT JOIN employers pe ON pe.id = pl.employer_id
       WHERE k.follow_up_done IS NULL AND k.follow_up_date IS NOT NULL AND k.deleted = 0 AND k.follow_up_date <= @asOf
         AND ${nazorg ? "k.purpose = 'nazorg'" : "coalesce(k.purpose, '') != 'nazorg'"} ${mine}
       ORDER BY k.follow_up_date, k.id`,
    )
    .all({ asOf: input.asOf, name: input.me.name, user: input.me.user }) as Record<string, unknown>[];
  return counted(
    rows.map((r) => ({
      contactId: r.id as string, date: r.date as string, kind: (r.kind as string) ?? null, summary: (r.summary as string) ?? null,
      follow_up_date: r.follow_up_date as string, daysOverdue: daysBetween(r.follow_up_date as string, input.asOf), by: (r.by as string) ?? null,
      client: r.client_id ? { id: r.client_id as string, ref: (r.client_ref as string) ?? '', name: displayName(r) } : null,
      employer: r.employer_id
        ? { id: r.employer_id as string, ref: (r.employer_ref as string) ?? '', name: (r.employer_name as string) ?? '' }
        : null,
      placementId: (r.placement_id as string) ?? null, placementEmployer: (r.placement_employer as string) ?? null,
    })),
    input.limit,
  );
}

function employers(store: Store, input: MyWorkInput) {
  const mine = input.scope === 'mine' ? 'AND (e.account_manager IS NULL OR e.account_manager IN (@name, @user))' : '';
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
      id: r.id as string, ref: (r.ref as string) ?? '', name: (r.name as string) ?? '', exceptional_since: r.exceptional_since as string,
      account_manager: (r.account_manager as string) ?? null, last_contact: (r.last_contact as string) ?? null,
      daysSince: r.last_contact ? daysBetween(r.last_contact as string, input.asOf) : null,
    }))
    // Never contacted first, then the longest silence.
    .sort((a, b) => (a.last_contact ?? '') < (b.last_contact ?? '') ? -1 : (a.last_contact ?? '') > (b.last_contact ?? '') ? 1 : a.name.localeCompare(b.name, 'nl'));
  return counted(due, input.limit);
}

const IN_CASELOAD = `p.deleted = 0 AND p.intake_date <= @asOf AND (p.exit_date IS NULL OR p.exit_date > @asOf)`;

function idleClients(store: Store, input: MyWorkInput) {
  const mine = input.scope === 'mine' ? 'AND p.account_manager IN (@name, @user)' : '';
  const rows = store
    .stmt(
      `SELECT c.id, c.ref, c.first_name, c.initials, c.name_prefix, c.last_name, c.birth_date, p.intake_date, p.account_manager,
         (SELECT max(a.end_date) FROM activities a WHERE a.client_id = c.id AND a.deleted = 0 AND a.end_date < @asOf) AS last_activity_end
       FROM caseload_periods p JOIN clients c ON c.id = p.client_id AND c.deleted = 0 AND c.merged_into IS NULL
       WHERE ${IN_CASELOAD} ${mine}
         AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.client_id = c.id AND a.deleted = 0 AND a.start_date <= @asOf AND (a.end_date IS NULL OR a.end_date >= @asOf))
         AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.client_id = c.id AND pl.deleted = 0 AND pl.start_date <= @asOf AND (pl.end_date IS NULL OR pl.end_date >= @asOf))
       ORDER BY p.intake_date, c.id`,
    )
    .all({ asOf: input.asOf, name: input.me.name, user: input.me.user }) as Record<string, unknown>[];
  return counted(
    rows.map((r) => ({
      id: r.id as string, ref: (r.ref as string) ?? '', name: displayName(r), intake_date: r.intake_date as string,
      account_manager: (r.account_manager as string) ?? null, last_activity_end: (r.last_activity_end as string) ?? null,
      under27: isUnder27(r.birth_date as string | null, input.asOf),
    })),
    input.limit,
  );
}

function referrals(store: Store, input: MyWorkInput) {
  const mine = input.scope === 'mine' ? 'AND p.account_manager IN (@name, @user)' : '';
  const rows = store
    .stmt(
      `SELECT c.id, c.ref, c.first_name, c.initials, c.name_prefix, c.last_name, c.birth_date, p.id AS period_id, p.intake_date, p.referrer, p.account_manager
       FROM caseload_periods p JOIN clients c ON c.id = p.client_id AND c.deleted = 0 AND c.merged_into IS NULL
       WHERE ${IN_CASELOAD} ${mine}
         AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.client_id = c.id AND k.deleted = 0 AND k.kind IN ('meeting', 'visit')
                         AND k.date >= p.intake_date AND k.date <= @asOf AND coalesce(k.purpose, '') != 'nazorg')
         AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.client_id = c.id AND a.deleted = 0 AND a.start_date >= p.intake_date AND a.start_date <= @asOf)
       ORDER BY p.intake_date, c.id`,
    )
    .all({ asOf: input.asOf, name: input.me.name, user: input.me.user }) as Record<string, unknown>[];
  return counted(
    rows.map((r) => ({
      id: r.id as string, ref: (r.ref as string) ?? '', name: displayName(r), periodId: r.period_id as string,
      intake_date: r.intake_date as string, referrer: (r.referrer as string) ?? null, account_manager: (r.account_manager as string) ?? null,
      daysWaiting: daysBetween(r.intake_date as string, input.asOf), under27: isUnder27(r.birth_date as string | null, input.asOf),
    })),
    input.limit,
  );
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
