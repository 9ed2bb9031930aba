// Keyset-paged lists of placements and activities (per client, per employer, or running on a day)
// and of contacts (per client or employer): newest first on (date, id), one query per page with
// the names joined in. Start dates and contact dates are required, so rows without one (a partial
// row from sync) are left out rather than breaking the keyset order.
import type { Store } from '../journal/store.js';
import { displayName } from '../model/person.js';
import { decodeCursor, page } from '../records/paging.js';

interface ListInput {
  limit: number;
  after: string | null;
}

function keyset(
  where: string[],
  params: Record<string, unknown>,
  dateCol: string,
  idCol: string,
  after: string | null,
): void {
  const key = decodeCursor(after, 2);
  if (!key) return;
  where.push(`(${dateCol}, ${idCol}) < (@kDate, @kId)`);
  params.kDate = key[0];
  params.kId = key[1];
}

const activeOn = (alias: string) =>
  `${alias}.start_date <= @activeOn AND (${alias}.end_date IS NULL OR ${alias}.end_date >= @activeOn)`;

export function listPlacements(
  store: Store,
  input: ListInput & { clientId: string | null; employerId: string | null; activeOn: string | null },
  asOf: string,
) {
  const where = ['p.deleted = 0', 'p.start_date IS NOT NULL'];
  const params: Record<string, unknown> = {};
  if (input.clientId) {
    where.push('p.client_id = @clientId');
    params.clientId = input.clientId;
  }
  if (input.employerId) {
    where.push('p.employer_id = @employerId');
    params.employerId = input.employerId;
  }
  if (input.activeOn) {
    where.push(activeOn('p'));
    params.activeOn = input.activeOn;
  }
  keyset(where, params, 'p.start_date', 'p.id', input.after);
  const rows = store
    .stmt(
      `SELECT p.*, c.ref AS client_ref, c.first_name, c.initials, c.name_prefix, c.last_name, e.name AS employer_name, v.title AS vacancy_title
           FROM placements p LEFT JOIN clients c ON c.id = p.client_id LEFT JOIN employers e ON e.id = p.employer_id LEFT JOIN vacancies v ON v.id = p.vacancy_id
           WHERE ${where.join(' AND ')} ORDER BY p.start_date DESC, p.id DESC LIMIT @limit`,
    )
    .all({ ...params, limit: input.limit + 1 }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [(r.start_date as string) ?? '', r.id as string]);
  return {
    next: p.next,
    items: p.items.map((r) => ({
      id: r.id as string,
      ref: (r.ref as string) ?? '',
      kind: (r.kind as string) ?? null,
      start_date: (r.start_date as string) ?? null,
      end_date: (r.end_date as string) ?? null,
      hours_per_week: (r.hours_per_week as number) ?? null,
      wage_subsidy: r.wage_subsidy === 1,
      job_coach: (r.job_coach as string) ?? null,
      wage_value: (r.wage_value as number) ?? null,
      clientId: (r.client_id as string) ?? null,
      clientRef: (r.client_ref as string) ?? null,
      client: displayName(r),
      employerId: (r.employer_id as string) ?? null,
      employer: (r.employer_name as string) ?? null,
      vacancyId: (r.vacancy_id as string) ?? null,
      vacancy: (r.vacancy_title as string) ?? null,
      active:
        Boolean(r.start_date) && (r.start_date as string) <= asOf && (!r.end_date || (r.end_date as string) >= asOf),
    })),
  };
}

export function listActivities(
  store: Store,
  input: ListInput & { clientId: string | null; kind: string | null; activeOn: string | null },
  asOf: string,
) {
  const where = ['a.deleted = 0', 'a.start_date IS NOT NULL'];
  const params: Record<string, unknown> = {};
  if (input.clientId) {
    where.push('a.client_id = @clientId');
    params.clientId = input.clientId;
  }
  if (input.kind) {
    where.push('a.kind = @kind');
    params.kind = input.kind;
  }
  if (input.activeOn) {
    where.push(activeOn('a'));
    params.activeOn = input.activeOn;
  }
  keyset(where, params, 'a.start_date', 'a.id', input.after);
  const rows = store
    .stmt(
      `SELECT a.*, c.ref AS client_ref, c.first_name, c.initials, c.name_prefix, c.last_name
           FROM activities a LEFT JOIN clients c ON c.id = a.client_id
           WHERE ${where.join(' AND ')} ORDER BY a.start_date DESC, a.id DESC LIMIT @limit`,
    )
    .all({ ...params, limit: input.limit + 1 }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [(r.start_date as string) ?? '', r.id as string]);
  return {
    next: p.next,
    items: p.items.map((r) => ({
      id: r.id as string,
      ref: (r.ref as string) ?? '',
      kind: (r.kind as string) ?? null,
      provider: (r.provider as string) ?? null,
      start_date: (r.start_date as string) ?? null,
      end_date: (r.end_date as string) ?? null,
      outcome: (r.outcome as string) ?? null,
      clientId: (r.client_id as string) ?? null,
      clientRef: (r.client_ref as string) ?? null,
      client: displayName(r),
      active:
        Boolean(r.start_date) && (r.start_date as string) <= asOf && (!r.end_date || (r.end_date as string) >= asOf),
    })),
  };
}

export function listContacts(store: Store, input: ListInput & { clientId?: string; employerId?: string }) {
  const where = [
    'k.deleted = 0',
    'k.date IS NOT NULL',
    input.clientId ? 'k.client_id = @party' : 'k.employer_id = @party',
  ];
  const params: Record<string, unknown> = { party: input.clientId ?? input.employerId };
  keyset(where, params, 'k.date', 'k.id', input.after);
  const rows = store
    .stmt(`SELECT k.* FROM contacts k WHERE ${where.join(' AND ')} ORDER BY k.date DESC, k.id DESC LIMIT @limit`)
    .all({ ...params, limit: input.limit + 1 }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [(r.date as string) ?? '', r.id as string]);
  return {
    next: p.next,
    items: p.items.map((r) => ({
      id: r.id as string,
      ref: (r.ref as string) ?? '',
      date: (r.date as string) ?? '',
      kind: (r.kind as string) ?? null,
      summary: (r.summary as string) ?? null,
      follow_up_date: (r.follow_up_date as string) ?? null,
      follow_up_done: (r.follow_up_done as string) ?? null,
      by: (r.by as string) ?? null,
      purpose: (r.purpose as string) ?? null,
      placementId: (r.placement_id as string) ?? null,
      clientId: (r.client_id as string) ?? null,
      employerId: (r.employer_id as string) ?? null,
    })),
  };
}
