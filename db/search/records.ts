// `caseload search` and any "find this person or company" box: the engines behind the client
// list and the employer list (one search, not a second one), clients first.
import type { Store } from '../journal/store.js';
import { searchClientPage } from './clients.js';
import { searchEmployers } from './employers.js';

export interface SearchHit {
  type: 'client' | 'employer';
  id: string;
  ref: string;
  name: string;
  city: string | null;
  bsn_masked?: string | null;
  birth_date?: string | null;
  kvk?: string | null;
}

export function searchRecords(store: Store, query: string, limit: number): SearchHit[] {
  const clients: SearchHit[] = searchClientPage(store, { query, limit, after: null, onlyCaseload: false }).items.map(
    (c) => ({
      type: 'client',
      id: c.id,
      ref: c.ref,
      name: c.name,
      city: c.city,
      bsn_masked: c.bsnMasked,
      birth_date: c.birth_date,
    }),
  );
  const left = limit - clients.length;
  if (left <= 0) return clients;
  const employers = searchEmployers(
    store,
    { query, exceptionalOnly: false, accountManager: null, limit: left, after: null },
    store.today(),
  ).items.map((e): SearchHit => ({ type: 'employer', id: e.id, ref: e.ref, name: e.name, city: e.city, kvk: e.kvk }));
  return [...clients, ...employers];
}
