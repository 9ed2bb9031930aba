// The retention list: clients whose re-integration file may be destroyed. Rule (DOMAIN.md,
// Selectielijst gemeenten 2020 procestype 8, to be confirmed by the archivist): 10 years after
// the end of the last caseload period. A client is listed from the 10th anniversary of the exit
// date of their last period (the exit date is the first day out) when no period is open; a client
// who never had a period counts from the day they were registered. Keyset on (that date, id).
import type { Store } from '../journal/store.js';
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

const ELIGIBLE_SQL = `
  SELECT c.id, c.ref, c.first_name, c.initials, c.name_prefix, c.last_name, c.created,
    max(p.exit_date) AS last_exit,
    coalesce(max(p.exit_date), c.created) AS basis,
    (SELECT p2.exit_reason FROM caseload_periods p2 WHERE p2.client_id = c.id AND p2.deleted = 0 ORDER BY p2.exit_date DESC LIMIT 1) AS exit_reason
  FROM clients c LEFT JOIN caseload_periods p ON p.client_id = c.id AND p.deleted = 0
  WHERE c.deleted = 0 AND c.merged_into IS NULL %WHERE%
  GROUP BY c.id
  HAVING sum(p.id IS NOT NULL AND p.exit_date IS NULL) = 0 AND basis IS NOT NULL AND basis <= @cutoff %HAVING%
  ORDER BY basis, c.id`;

function toItem(r: Record<string, unknown>): RetentionItem {
  return {
    id: r.id as string,
    ref: (r.ref as string) ?? '',
    name: displayName(r),
    lastExit: (r.last_exit as string) ?? null,
    exitReason: (r.exit_reason as string) ?? null,
    destroyFrom: addYears(r.basis as string, RETENTION_YEARS),
  };
}

export function retentionList(store: Store, input: { asOf: string; limit: number; after: string | null }) {
  const key = decodeCursor(input.after, 2);
  const sql =
    ELIGIBLE_SQL.replace('%WHERE%', '').replace('%HAVING%', key ? 'AND (basis, c.id) > (@kBasis, @kId)' : '') +
    ' LIMIT @limit';
  const rows = store.stmt(sql).all({
    cutoff: addYears(input.asOf, -RETENTION_YEARS),
    limit: input.limit + 1,
    ...(key ? { kBasis: key[0], kId: key[1] } : {}),
  }) as Record<string, unknown>[];
  const p = page(rows, input.limit, (r) => [r.basis as string, r.id as string]);
  return { items: p.items.map(toItem), next: p.next };
}

/** Which of these clients are past retention on asOf (the purge re-checks before it deletes). */
export function eligibleIds(store: Store, ids: string[], asOf: string): Set<string> {
  if (!ids.length) return new Set();
  const sql = ELIGIBLE_SQL.replace('%WHERE%', `AND c.id IN (${ids.map(() => '?').join(',')})`).replace('%HAVING%', '');
  const named = sql.replace('@cutoff', '?');
  const rows = store.db.prepare(named).all(...ids, addYears(asOf, -RETENTION_YEARS)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
