// The retention list: clients whose re-integration file may be destroyed. Rule (DOMAIN.md,
// Selectielijst gemeenten 2020 procestype 8, to be confirmed by the archivist): 10 years after
// the end of the last caseload period. A client is listed from the 10th anniversary of the exit
// date of their last period (the exit date is the first day out) when no period is open; a client
// who never had a period counts from the day they were registered. Keyset on (that date, id).
import { sql, type InferResult, type Kysely, type SqlBool } from 'kysely';
import type { Store } from '../journal/store.js';
import type { DB } from '../store/schema.js';
import { idList } from '../records/id-list.js';
import { displayName } from '../model/person.js';
import { addYears } from '../model/calendar.js';
import { decodeCursor, page } from '../records/paging.js';

export const RETENTION_YEARS = 10;

export interface RetentionItem {
  id: string;
  ref: string;
  name: string;
  lastExit: string | null;
  exitReason: string | null;
  /** The day from which the file may be destroyed. */
  destroyFrom: string;
}

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

/** Live clients past retention on the day `cutoff` years back stands for, oldest basis first. */
function eligible(db: Kysely<DB>, cutoff: string) {
  return (
    db
      .selectFrom('clients as c')
      .leftJoin('caseload_periods as p', (j) => j.onRef('p.client_id', '=', 'c.id').on('p.deleted', '=', LIVE))
      .select((eb) => [
        'c.id',
        'c.ref',
        'c.first_name',
        'c.initials',
        'c.name_prefix',
        'c.last_name',
        'c.created',
        eb.fn.max('p.exit_date').as('last_exit'),
        eb.fn.coalesce(eb.fn.max('p.exit_date'), 'c.created').as('basis'),
        eb
          .selectFrom('caseload_periods as p2')
          .select('p2.exit_reason')
          .whereRef('p2.client_id', '=', 'c.id')
          .where('p2.deleted', '=', LIVE)
          .orderBy('p2.exit_date', 'desc')
          .limit(1)
          .as('exit_reason'),
      ])
      .where('c.deleted', '=', LIVE)
      .where('c.merged_into', 'is', null)
      .groupBy('c.id')
      // No open period, and a basis (last exit, else registration) on or before the cutoff.
      .having(sql<number>`sum(p.id IS NOT NULL AND p.exit_date IS NULL)`, '=', 0)
      .having(sql.ref<string | null>('basis'), 'is not', null)
      .having(sql.ref<string | null>('basis'), '<=', cutoff)
      .$narrowType<{ basis: string }>()
  );
}

function toItem(r: InferResult<ReturnType<typeof eligible>>[number]): RetentionItem {
  return {
    id: r.id,
    ref: r.ref ?? '',
    name: displayName(r),
    lastExit: r.last_exit ?? null,
    exitReason: r.exit_reason ?? null,
    destroyFrom: addYears(r.basis, RETENTION_YEARS),
  };
}

export function retentionList(store: Store, input: { asOf: string; limit: number; after: string | null }) {
  const key = decodeCursor(input.after, 2);
  const rows = store.all(
    eligible(store.kysely, addYears(input.asOf, -RETENTION_YEARS))
      .$if(key !== null, (q) => q.having(sql<SqlBool>`(basis, c.id) > (${key![0]}, ${key![1]})`))
      .orderBy('basis')
      .orderBy('c.id')
      .limit(input.limit + 1),
  );
  const p = page(rows, input.limit, (r) => [r.basis, r.id]);
  return { items: p.items.map(toItem), next: p.next };
}

/** Which of these clients are past retention on asOf (the purge re-checks before it deletes). */
export function eligibleIds(store: Store, ids: string[], asOf: string): Set<string> {
  if (!ids.length) return new Set();
  const rows = store.all(
    eligible(store.kysely, addYears(asOf, -RETENTION_YEARS))
      .where('c.id', 'in', idList(ids))
      .orderBy('basis')
      .orderBy('c.id'),
  );
  return new Set(rows.map((r) => r.id));
}
