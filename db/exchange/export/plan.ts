// The plan of a delivery to one target: for every record of every kind the target receives,
// its cells (profile targets) or JSON document (VUM), every problem that blocks it, and whether
// it is new, changed since its last delivery (with the changed columns) or unchanged. The batch
// writer, the Export screen and the entry assistant all read this one plan.
import type { EntityName } from '../../model/entities.js';
import type { Store } from '../../journal/store.js';
import { fitsWindows1252, formatCell } from './cells.js';
import { Deliveries, changedColumns, fingerprint, type Fingerprint } from './deliveries.js';
import { profilesFor } from './profiles.js';
import type { ExportKind, ExportProblem, Profile, Target } from './profile-schema.js';
import { readSources, type SourceRecord } from './sources.js';
import { buildVumDocument, VUM_FILES } from './vum.js';

export type RecordStatus = 'new' | 'changed' | 'unchanged';

export interface PlannedRecord {
  kind: ExportKind;
  entity: EntityName;
  id: string;
  ref: string;
  label: string;
  owner: string | null;
  status: RecordStatus;
  /** Column ids (profiles) or top-level keys (VUM) that differ from the last delivery (status changed). */
  changed: string[];
  cells: Record<string, string>;
  doc: Record<string, unknown> | null;
  fp: Fingerprint;
  problems: ExportProblem[];
  targetId: string | null;
  deliveredAt: string | null;
}

export interface PlanPart {
  kind: ExportKind;
  /** The profile used (WBS, GWS4all); null for VUM's fixed format. */
  profile: Profile | null;
  fileName: string;
  records: PlannedRecord[];
}

export interface Plan {
  target: Target;
  parts: PlanPart[];
  deliveries: Deliveries;
}

export interface PlanOptions {
  /** Reference day (ISO) for "in the caseload now" (VUM jobseekers). */
  today: string;
  /** Keep unchanged records in the plan (for --all and the entry panel); else they are dropped. */
  keepUnchanged?: boolean;
  /** Only these kinds (default: every kind the target receives). */
  kinds?: ExportKind[];
  /** Only this record. */
  recordId?: string;
  /** Called after each record kind is planned (progress of long exports). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The target's own ids are shown and written but left out of the fingerprint: learning the
 * GWS client number after entry is not a change that has to be delivered again.
 */
const targetIdColumns = new WeakMap<Profile, Set<string>>();
export function hashedCells(profile: Profile | null, cells: Record<string, string>): Record<string, string> {
  if (!profile) return cells;
  let ids = targetIdColumns.get(profile);
  if (!ids) {
    ids = new Set(
      profile.columns.filter((c) => c.source === 'target_id' || c.source?.endsWith('.target_id')).map((c) => c.id),
    );
    targetIdColumns.set(profile, ids);
  }
  if (!ids.size) return cells;
  const out: Record<string, string> = {};
  for (const k in cells) if (!ids.has(k)) out[k] = cells[k]!;
  return out;
}

function neededSources(profile: Profile): Set<string> {
  return new Set(profile.columns.flatMap((c) => (c.source ? [c.source] : [])));
}

const columnOrder = new WeakMap<Profile, Map<string, number>>();

function plannedFrom(
  src: SourceRecord,
  deliveries: Deliveries,
  profile: Profile | null,
  cells: Record<string, string>,
  doc: Record<string, unknown> | null,
  problems: ExportProblem[],
): PlannedRecord {
  const fp = fingerprint(src.id, hashedCells(profile, cells));
  const delivered = deliveries.get(src.entity, src.id);
  // Changed columns in the target's screen order, as the person updating the target reads them.
  let order = profile ? columnOrder.get(profile) : undefined;
  if (!order) {
    order = new Map((profile?.columns ?? []).map((c, i) => [c.id, i]));
    if (profile) columnOrder.set(profile, order);
  }
  const status: RecordStatus = !delivered ? 'new' : delivered.hash === fp.hash ? 'unchanged' : 'changed';
  const changed =
    status === 'changed' ? changedColumns(delivered, fp).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) : [];
  return {
    kind: src.kind,
    entity: src.entity,
    id: src.id,
    ref: src.ref,
    label: src.label,
    owner: src.owner,
    status,
    changed,
    cells,
    doc,
    fp,
    problems,
    targetId: delivered?.target_id ?? null,
    deliveredAt: delivered?.delivered_at ?? null,
  };
}

/** Cells and problems of one record under a profile. */
export function cellsFor(
  profile: Profile,
  src: SourceRecord,
): { cells: Record<string, string>; problems: ExportProblem[] } {
  const cells: Record<string, string> = {};
  const problems: ExportProblem[] = [];
  for (const column of profile.columns) {
    const cell = formatCell(column, src.values);
    let problem = cell.problem;
    if (
      !problem &&
      profile.file.format === 'csv' &&
      profile.file.encoding === 'windows-1252' &&
      !fitsWindows1252(cell.value)
    ) {
      problem = 'bevat tekens die niet in Windows-1252 passen';
    }
    cells[column.id] = cell.value;
    if (problem)
      problems.push({
        kind: src.kind,
        id: src.id,
        ref: src.ref,
        column: column.id,
        label: column.label,
        message: problem,
      });
  }
  return { cells, problems };
}

export function planTarget(store: Store, target: Target, opts: PlanOptions): Plan {
  const deliveries = new Deliveries(store, target);
  const parts: PlanPart[] = [];
  const wanted = (kind: ExportKind) => !opts.kinds || opts.kinds.includes(kind);
  const keep = (r: PlannedRecord) => opts.keepUnchanged || r.status !== 'unchanged';
  const sources = (kind: ExportKind, profile?: Profile) =>
    readSources(
      store,
      kind,
      deliveries.targetId,
      opts.today,
      opts.recordId,
      profile ? neededSources(profile) : undefined,
    );
  if (target === 'vum') {
    for (const file of VUM_FILES) {
      if (!wanted(file.kind)) continue;
      const records: PlannedRecord[] = [];
      for (const src of sources(file.kind)) {
        const { doc, problems } = buildVumDocument(file.kind, src);
        const cells = Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, JSON.stringify(v)]));
        const r = plannedFrom(src, deliveries, null, cells, doc, problems);
        if (keep(r)) records.push(r);
      }
      parts.push({ kind: file.kind, profile: null, fileName: file.name, records });
      opts.onProgress?.(parts.length, VUM_FILES.length);
    }
    return { target, parts, deliveries };
  }
  const profiles = profilesFor(store, target).filter((p) => wanted(p.kind));
  for (const profile of profiles) {
    const records: PlannedRecord[] = [];
    for (const src of sources(profile.kind, profile)) {
      const { cells, problems } = cellsFor(profile, src);
      const r = plannedFrom(src, deliveries, profile, cells, null, problems);
      if (keep(r)) records.push(r);
    }
    parts.push({ kind: profile.kind, profile, fileName: `${profile.file.name}.${profile.file.format}`, records });
    opts.onProgress?.(parts.length, profiles.length);
  }
  return { target, parts, deliveries };
}
