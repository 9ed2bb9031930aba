// Which kinds of records each query reads, so a `data.changed` event (which names the kinds that
// changed) refetches only the queries it affects. Read methods not listed read across the
// caseload (Mijn werk, reports, dossier, audit) and refetch on any change.
import type { MethodName } from '../../db/api/contract.js';

export type Kind =
  | 'clients'
  | 'employers'
  | 'vacancies'
  | 'matches'
  | 'placements'
  | 'activities'
  | 'contacts'
  | 'measures'
  | 'users'
  | 'exports'
  | 'sync'
  | 'backups';

const BY_PREFIX: [string, readonly Kind[]][] = [
  ['clients.', ['clients']],
  ['activities.', ['activities', 'clients']],
  ['contacts.', ['contacts', 'clients', 'employers', 'placements']],
  ['placements.', ['placements', 'clients', 'employers', 'vacancies']],
  ['employers.', ['employers', 'contacts', 'vacancies', 'placements']],
  ['vacancies.', ['vacancies', 'employers', 'matches', 'placements', 'clients']],
  ['matches.', ['matches', 'clients', 'vacancies', 'placements']],
  ['matching.', ['matches', 'clients', 'vacancies', 'placements']],
  ['measures.', ['measures']],
  ['users.', ['users']],
  ['session.', ['users']],
  ['sync.', ['sync']],
  ['backup.', ['backups']],
  ['codes.', []],
  ['reports.list', []],
];

/** The kinds a query of `method` depends on; 'all' when any change may alter its answer. */
export function kindsRead(method: MethodName): readonly Kind[] | 'all' {
  return BY_PREFIX.find(([p]) => method.startsWith(p))?.[1] ?? 'all';
}

// Sync conflicts name the entity in the singular (db/model/entities.ts).
const SINGULAR: Record<string, string> = {
  client: 'clients',
  employer: 'employers',
  vacancy: 'vacancies',
  match: 'matches',
  placement: 'placements',
  activity: 'activities',
  contact: 'contacts',
  measure: 'measures',
  user: 'users',
};

/** The kinds an event payload names ('all' for a sync round, an import or a restore). */
export function kindsChanged(payload: unknown): Set<string> | 'all' {
  const kinds = (payload as { kinds?: unknown } | null)?.kinds;
  if (!Array.isArray(kinds)) return 'all';
  const out = new Set(kinds.map((k) => SINGULAR[String(k)] ?? String(k)));
  return out.has('all') ? 'all' : out;
}

/** Whether a query of `method` must refetch after a change of `changed`. */
export function affected(method: MethodName, changed: Set<string> | 'all'): boolean {
  const reads = kindsRead(method);
  if (changed === 'all') return reads.length > 0 || reads === 'all';
  if (reads === 'all') return true;
  return reads.some((k) => changed.has(k));
}
