// A light summary of a target's plan (status, changed columns, problems per record, without
// the cells) for the queue and the Export screen's overview. It is kept per store and target
// until the data change: every local write and every change applied by sync adds a journal
// row, so the journal's last seq (a cheap rowid lookup) is the cache key. Clicking through the
// queue then costs no re-planning.
import type { Store } from '../../journal/store.js';
import { planTarget } from './plan.js';
import type { ExportKind, ExportProblem, Target } from '../../model/export-profiles.js';

export interface SummaryRow {
  kind: ExportKind;
  id: string;
  ref: string;
  label: string;
  owner: string | null;
  status: 'new' | 'changed' | 'unchanged';
  /** Labels of the changed columns (status changed). */
  changed: string[];
  problems: ExportProblem[];
  targetId: string | null;
}

export interface SummaryPart {
  kind: ExportKind;
  fileName: string;
  profile: { id: string; version: number; name: string } | null;
  rows: SummaryRow[];
}

const cache = new WeakMap<Store, Map<Target, { key: string; parts: SummaryPart[] }>>();

export function planSummary(store: Store, target: Target, today: string): SummaryPart[] {
  const last = store.first(store.kysely.selectFrom('journal').select((eb) => eb.fn.max('seq').as('seq')))?.seq;
  const key = `${String(last ?? null)}|${today}`;
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const hit = perStore.get(target);
  if (hit?.key === key) return hit.parts;
  const plan = planTarget(store, target, { today, keepUnchanged: true });
  const parts = plan.parts.map((part) => {
    const labels = new Map((part.profile?.columns ?? []).map((c) => [c.id, c.label]));
    return {
      kind: part.kind,
      fileName: part.fileName,
      profile: part.profile ? { id: part.profile.id, version: part.profile.version, name: part.profile.name } : null,
      rows: part.records.map((r) => ({
        kind: r.kind,
        id: r.id,
        ref: r.ref,
        label: r.label,
        owner: r.owner,
        status: r.status,
        changed: r.changed.map((c) => labels.get(c) ?? c),
        problems: r.problems,
        targetId: r.targetId,
      })),
    };
  });
  perStore.set(target, { key, parts });
  return parts;
}
