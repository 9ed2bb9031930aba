// The change history of one record, read from the journal: who (user), what (field, old -> new),
// when (the clock's wall time) and which laptop (device). Values the caller's role may not see
// are masked (db/work/access.ts); the PIN hash never shows. Newest first, keyset on (hlc, seq).
import type { Role } from '../model/roles.js';
import type { EntityName } from '../model/entities.js';
import type { Store } from '../journal/store.js';
import { maskedValue } from '../model/access.js';
import { decodeCursor, page } from '../records/paging.js';
import { hlcTime } from '../journal/hlc.js';
import { namer } from '../records/names.js';
import { fieldLabel } from './labels.js';

export interface HistoryEntry {
  seq: number;
  hlc: string;
  at: string;
  user: string;
  userName: string | null;
  device: string;
  deviceName: string | null;
  field: string;
  label: string;
  old: unknown;
  new: unknown;
}

interface JournalRow {
  seq: number;
  field: string;
  value: string | null;
  hlc: string;
  device: string;
  user: string;
}

/** Every change of one record with its previous value, oldest first. */
export function changesOf(
  store: Store,
  entity: EntityName,
  id: string,
  role: Role,
  names = namer(store),
): HistoryEntry[] {
  const rows = store
    .stmt(
      'SELECT seq, field, value, hlc, device, user FROM journal WHERE entity = ? AND row_id = ? ORDER BY field, hlc, seq',
    )
    .all(entity, id) as JournalRow[];
  const out: HistoryEntry[] = [];
  let prev: JournalRow | null = null;
  for (const r of rows) {
    const before = prev && prev.field === r.field ? prev.value : null;
    const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
    out.push({
      seq: r.seq,
      hlc: r.hlc,
      at: hlcTime(r.hlc),
      user: r.user,
      userName: names.user(r.user),
      device: r.device,
      deviceName: names.device(r.device),
      field: r.field,
      label: fieldLabel(entity, r.field),
      old: maskedValue(entity, r.field, parse(before), role),
      new: maskedValue(entity, r.field, parse(r.value), role),
    });
    prev = r;
  }
  return out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq));
}

export function history(store: Store, entity: EntityName, id: string, role: Role, limit: number, after: string | null) {
  const names = namer(store);
  // A client's history includes the registrations merged into it (db/sync/merge.ts).
  const merged =
    entity === 'client' ? (store.stmt('SELECT id FROM clients WHERE merged_into = ?').pluck().all(id) as string[]) : [];
  const all = [id, ...merged]
    .flatMap((row) => changesOf(store, entity, row, role, names))
    .sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : b.seq - a.seq));
  const key = decodeCursor(after, 2) as [string, number] | null;
  const rest = key ? all.filter((e) => e.hlc < key[0] || (e.hlc === key[0] && e.seq < key[1])) : all;
  return page(rest.slice(0, limit + 1), limit, (e) => [e.hlc, e.seq]);
}
