// The entry assistant (EXPORTS.md 3) for targets without an import: the queue "nog in te voeren
// in WBS / GWS4all" with counts per account manager, the panel for one record (the target's
// fields in its screen order, formatted as it wants them, changed fields marked), and
// "ingevoerd", which stores the delivered hash and the target's own id.
import { AppError } from '../../model/errors.js';
import type { Store } from '../../journal/store.js';
import { planTarget, type PlannedRecord } from './plan.js';
import { planSummary } from './summary.js';
import { dutchDay } from '../../model/calendar.js';
import type { ExportKind, ExportProblem, ProfileTarget, Target } from './profile-schema.js';

export interface QueueItem {
  kind: ExportKind;
  id: string;
  ref: string;
  label: string;
  owner: string | null;
  status: 'new' | 'changed';
  changed: string[];
  problems: number;
  targetId: string | null;
}

export interface QueueOptions {
  kind?: ExportKind;
  owner?: string | null;
  limit: number;
  offset: number;
  today: string;
}

const NO_OWNER = '(geen)';

export function entryQueue(store: Store, target: ProfileTarget, opts: QueueOptions) {
  const byKind: { kind: ExportKind; count: number }[] = [];
  const byOwner = new Map<string, number>();
  const items: QueueItem[] = [];
  for (const part of planSummary(store, target, opts.today)) {
    const waiting = part.rows.filter((r) => r.status !== 'unchanged');
    byKind.push({ kind: part.kind, count: waiting.length });
    for (const r of waiting) {
      const owner = r.owner ?? NO_OWNER;
      if (!opts.kind || opts.kind === part.kind) byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
      if (opts.kind && part.kind !== opts.kind) continue;
      if (opts.owner !== undefined && opts.owner !== null && owner !== opts.owner) continue;
      items.push({
        kind: r.kind,
        id: r.id,
        ref: r.ref,
        label: r.label,
        owner: r.owner,
        status: r.status as 'new' | 'changed',
        changed: r.changed,
        problems: r.problems.length,
        targetId: r.targetId,
      });
    }
  }
  return {
    target,
    total: items.length,
    byKind,
    byOwner: [...byOwner.entries()]
      .map(([owner, count]) => ({ owner, count }))
      .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    items: items.slice(opts.offset, opts.offset + opts.limit),
  };
}

function oneRecord(store: Store, target: ProfileTarget, kind: ExportKind, id: string, today: string) {
  const plan = planTarget(store, target, { today, keepUnchanged: true, kinds: [kind], recordId: id });
  const part = plan.parts[0];
  const record: PlannedRecord | undefined = part?.records[0];
  if (!part?.profile || !record) throw new AppError('not_found', 'Record niet gevonden voor dit doelsysteem', 'id');
  return { plan, part: { ...part, profile: part.profile }, record };
}

export function entryPanel(store: Store, target: ProfileTarget, kind: ExportKind, id: string, today: string) {
  const { part, record } = oneRecord(store, target, kind, id, today);
  const problems = new Map<string, ExportProblem>(record.problems.map((p) => [p.column, p]));
  const changed = new Set(record.status === 'changed' ? record.changed : []);
  return {
    target,
    kind,
    id,
    ref: record.ref,
    label: record.label,
    status: record.status,
    profile: { id: part.profile.id, version: part.profile.version, name: part.profile.name },
    targetIdLabel: part.profile.targetIdLabel ?? null,
    targetId: record.targetId,
    deliveredAt: record.deliveredAt,
    fields: part.profile.columns.map((c) => ({
      id: c.id,
      label: c.label,
      value: record.cells[c.id] ?? '',
      changed: changed.has(c.id),
      problem: problems.get(c.id)?.message ?? null,
      note: c.note ?? null,
    })),
  };
}

/** "Ingevoerd": what the panel shows now counts as delivered, with the target's id when given. */
export function markEntered(
  store: Store,
  user: string,
  target: ProfileTarget,
  kind: ExportKind,
  id: string,
  targetId: string | undefined,
  now: Date,
) {
  const { plan, part, record } = oneRecord(store, target, kind, id, dutchDay(now.getTime()));
  const at = now.toISOString();
  store.write(user, (w) =>
    plan.deliveries.record(w, {
      entity: record.entity,
      recordId: record.id,
      ref: record.ref,
      fp: record.fp,
      at,
      method: 'entry',
      profile: `${part.profile.id}@${part.profile.version}`,
      ...(targetId !== undefined ? { targetId: targetId.trim() || null } : {}),
    }),
  );
  return { deliveredAt: at, targetId: targetId !== undefined ? targetId.trim() || null : record.targetId };
}

/** Where one record stands in every target that receives its kind (for a dossier or a form). */
export function recordStatus(store: Store, kind: ExportKind, id: string, today: string) {
  const targets: Target[] = ['wbs', 'gws', 'vum'];
  return targets.flatMap((target) => {
    const plan = planTarget(store, target, { today, keepUnchanged: true, kinds: [kind], recordId: id });
    const part = plan.parts[0];
    const r = part?.records[0];
    if (!part || !r) return [];
    const labels = new Map((part.profile?.columns ?? []).map((c) => [c.id, c.label]));
    return [
      {
        target,
        status: r.status,
        changed: r.changed.map((c) => labels.get(c) ?? c),
        deliveredAt: r.deliveredAt,
        targetId: r.targetId,
        problems: r.problems.length,
      },
    ];
  });
}
