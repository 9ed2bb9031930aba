// Refs are the records' stable, human-readable keys (CONTRACTS.md). When a record comes without
// one, clients and employers get the next number of their series (K000001, W000001); the other
// kinds get a short hash of their natural key, so importing the same file twice upserts instead
// of duplicating.
import { createHash } from 'node:crypto';
import { ENTITIES, type EntityName } from '../model/entities.js';
import type { Store } from '../store/open.js';

export function nextSeriesRef(store: Store, entity: EntityName): string {
  const prefix = ENTITIES[entity].refPrefix;
  const key = `ref_series_${entity}`;
  let n = Number(store.getMeta(key) ?? '0');
  const exists = store.stmt(`SELECT 1 FROM ${ENTITIES[entity].table} WHERE ref = ?`);
  let ref: string;
  do {
    n++;
    ref = `${prefix}${String(n).padStart(6, '0')}`;
  } while (exists.get(ref) !== undefined);
  store.setMeta(key, String(n));
  return ref;
}

export function hashRef(entity: EntityName, naturalKey: (string | number | null | undefined)[]): string {
  const h = createHash('sha256')
    .update(naturalKey.map((x) => String(x ?? '')).join('\u001f'))
    .digest('hex');
  return `${ENTITIES[entity].refPrefix}-${h.slice(0, 10)}`;
}
