// The change history of one record, read from the journal: who (user), what (field, old -> new),
// when (the clock's wall time) and which laptop (device). Values the caller's role may not see
// are masked (db/model/access.ts); the PIN hash never shows. Newest first, keyset on (hlc, seq, field).
import type { Role } from '../model/roles.js';
import { fieldSpec, type EntityName } from '../model/entities.js';
import type { Store } from '../journal/store.js';
import { maskedValue } from '../model/access.js';
import { decodeCursor, page } from '../records/paging.js';
import { hlcTime } from '../journal/hlc.js';
import { rowChanges } from '../journal/entries.js';
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

/** Every change of one record with its previous value, oldest first. */
export function changesOf(
  store: Store,
  entity: EntityName,
  id: string,
  role: Role,
  names = namer(store),
): HistoryEntry[] {
  const rows = rowChanges(store, entity, id).sort((a, b) =>
    a.field < b.field ? -1 : a.field > b.field ? 1 : a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq,
  );
  const out: HistoryEntry[] = [];
  let prev: (typeof rows)[number] | null = null;
  // A field that points to a user shows the user's name, never the id.
  const shown = (field: string, v: unknown) =>
    typeof v === 'string' && fieldSpec(entity, field)?.to === 'user' ? (names.user(v) ?? '(onbekende gebruiker)') : v;
  for (const r of rows) {
    const before = shown(r.field, prev && prev.field === r.field ? prev.value : null);
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
      old: maskedValue(entity, r.field, before, role),
      new: maskedValue(entity, r.field, shown(r.field, r.value), role),
    });
    prev = r;
  }
  return out.sort(byClock);
}

/** Clock order; one write's fields share clock and journal row, so the field decides between them. */
function byClock(a: HistoryEntry, b: HistoryEntry): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0);
}

export function history(store: Store, entity: EntityName, id: string, role: Role, limit: number, after: string | null) {
  const names = namer(store);
  // A client's history includes the registrations merged into it (db/sync/merge.ts).
  const merged =
    entity === 'client'
      ? store.all(store.kysely.selectFrom('clients').select('id').where('merged_into', '=', id)).map((r) => r.id)
      : [];
  const all = [id, ...merged]
    .flatMap((row) => changesOf(store, entity, row, role, names))
    .sort((a, b) => byClock(b, a));
  // Keyset on (clock, journal row, field): the fields of one write share the first two.
  const key = decodeCursor(after, 3) as [string, number, string] | null;
  const rest = key
    ? all.filter((e) => byClock(e, { hlc: key[0], seq: key[1], field: key[2] } as HistoryEntry) < 0)
    : all;
  return page(rest.slice(0, limit + 1), limit, (e) => [e.hlc, e.seq, e.field]);
}
