// One export batch (EXPORTS.md 2): validate first, then write the data files and manifest.json
// into a hidden temp folder and rename it into place, so a reader of the (shared) export folder
// never sees half a batch. The deliveries are recorded in the same SQLite transaction as the
// rename: when the rename fails nothing counts as delivered, and a crash after it can at worst
// deliver a record twice, never lose one.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { AppError } from '../../model/errors.js';
import { audit } from '../../store/audit.js';
import type { Store } from '../../journal/store.js';
import { PRIVATE_DIR, mkdirPrivate, openPrivate } from '../../store/private-files.js';
import { fileBytes } from './files.js';
import { dutchDay } from '../../model/calendar.js';
import { planTarget, type PlannedRecord } from './plan.js';
import { planSummary, type SummaryRow } from './summary.js';
import { TARGET_LABELS, type ExportKind, type ExportProblem, type Target } from '../../model/export-profiles.js';

export const TARGET_FOLDERS: Record<Target, string> = { wbs: 'wbs', gws: 'gws4all', vum: 'vum' };

export interface ExportOptions {
  target: Target;
  user: string;
  /** Folder the batch folder is written into. */
  outDir: string;
  /** Every record, not only new or changed ones. */
  all?: boolean;
  /** Write the valid records and leave the ones with problems queued. */
  validOnly?: boolean;
  now?: Date;
  /** Progress per record kind (the CLI shows it on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface BatchFile {
  name: string;
  kind: ExportKind;
  profile: { id: string; version: number; name: string } | null;
  records: number;
  bytes: number;
  sha256: string;
}

export interface ExportResult {
  target: Target;
  status: 'written' | 'nothing' | 'refused';
  message: string;
  /** Problems that blocked the batch (refused) or held records back (valid-only). */
  problems: ExportProblem[];
  batch: {
    name: string;
    dir: string;
    files: BatchFile[];
    counts: { records: number; new: number; changed: number; unchanged: number; heldBack: number };
  } | null;
}

/** The folder for a batch in the shared export folder: one subfolder per target. */
export function sharedOutDir(shared: string, target: Target): string {
  refuseSyncFolder(shared);
  return join(shared, TARGET_FOLDERS[target]);
}

/** Readable exports must never land inside the sync folder (SYNC.md: nothing readable there). */
function refuseSyncFolder(dir: string): void {
  const abs = resolve(dir);
  if (abs.split(sep).includes('caseload-sync') || existsSync(join(abs, 'caseload-sync'))) {
    throw new AppError(
      'invalid_input',
      'Exporteer niet naar de synchronisatiemap: daar mag niets leesbaars staan. Kies een aparte exportmap.',
      'out',
    );
  }
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function writeDurably(file: string, bytes: Buffer): void {
  const fd = openPrivate(file); // personal data: owner-only
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function problemLines(problems: ExportProblem[]): string[] {
  return problems.map((p) => `${p.ref}: ${p.label}: ${p.message}`);
}

export async function runExport(store: Store, opts: ExportOptions): Promise<ExportResult> {
  const now = opts.now ?? new Date(store.now());
  const label = TARGET_LABELS[opts.target];
  refuseSyncFolder(opts.outDir);
  const plan = planTarget(store, opts.target, {
    today: dutchDay(now.getTime()),
    keepUnchanged: Boolean(opts.all),
    onProgress: opts.onProgress,
  });
  const problems = plan.parts.flatMap((p) => p.records.flatMap((r) => r.problems));
  const heldBack = new Set(problems.map((p) => p.id));
  const base = { target: opts.target, problems, batch: null };
  if (problems.length && !opts.validOnly) {
    return {
      ...base,
      status: 'refused',
      message: `${heldBack.size} record(s) voor ${label} hebben samen ${problems.length} probleem/problemen; er is niets geschreven. Los ze op, of exporteer alleen de geldige records (--valid-only).`,
    };
  }
  const parts = plan.parts
    .map((part) => ({ part, records: part.records.filter((r) => !heldBack.has(r.id)) }))
    .filter((p) => p.records.length > 0);
  if (!parts.length) {
    const held = heldBack.size ? ` ${heldBack.size} record(s) met problemen blijven in de wachtrij.` : '';
    return {
      ...base,
      status: 'nothing',
      message: `Niets nieuws of gewijzigd voor ${label} sinds de vorige levering: er is niets geschreven.${held}`,
    };
  }

  mkdirPrivate(opts.outDir);
  let name = `${opts.target}-${stamp(now)}-${store.device.slice(0, 6)}`;
  for (let n = 2; existsSync(join(opts.outDir, name)); n++)
    name = `${opts.target}-${stamp(now)}-${store.device.slice(0, 6)}-${n}`;
  const tmp = join(opts.outDir, `.tmp-${name}`);
  const final = join(opts.outDir, name);
  mkdirSync(tmp, { mode: PRIVATE_DIR });
  try {
    const files: BatchFile[] = [];
    for (const { part, records } of parts) {
      const bytes = await fileBytes(part, records);
      writeDurably(join(tmp, part.fileName), bytes);
      files.push({
        name: part.fileName,
        kind: part.kind,
        profile: part.profile ? { id: part.profile.id, version: part.profile.version, name: part.profile.name } : null,
        records: records.length,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
    const delivered: { record: PlannedRecord; file: string }[] = parts.flatMap(({ part, records }) =>
      records.map((record) => ({ record, file: part.fileName })),
    );
    const counts = { records: delivered.length, new: 0, changed: 0, unchanged: 0, heldBack: heldBack.size };
    for (const d of delivered) counts[d.record.status]++;
    const manifest = {
      format: 'caseload-export-batch',
      format_version: 1,
      batch: name,
      target: opts.target,
      created_at: now.toISOString(),
      device: { id: store.device, name: store.getMeta('device_name') },
      user: opts.user,
      mode: opts.all ? 'all' : 'changed',
      valid_only: Boolean(opts.validOnly),
      counts,
      files,
      // Per record only keys and column names: the values (and any personal data) stay in the files.
      records: delivered.map(({ record, file }) => ({
        file,
        kind: record.kind,
        ref: record.ref,
        status: record.status,
        changed: record.changed,
        target_id: record.targetId,
      })),
      held_back: [...heldBack].length
        ? problems.map((p) => ({ kind: p.kind, ref: p.ref, column: p.column, message: p.message }))
        : [],
    };
    writeDurably(join(tmp, 'manifest.json'), Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'));
    const at = now.toISOString();
    store.write(opts.user, (w) => {
      for (const { record, file } of delivered) {
        const part = parts.find((p) => p.part.fileName === file)!.part;
        plan.deliveries.record(w, {
          entity: record.entity,
          recordId: record.id,
          ref: record.ref,
          fp: record.fp,
          at,
          method: 'batch',
          batch: name,
          profile: part.profile ? `${part.profile.id}@${part.profile.version}` : 'vum',
        });
      }
      audit(
        store,
        {
          actor: opts.user,
          action: 'export',
          object: `${opts.target} ${name} (${delivered.length} records)`,
          result: 'ok',
        },
        at,
      );
      renameSync(tmp, final);
    });
    const summary = parts.map(({ part, records }) => `${records.length} ${part.fileName}`).join(', ');
    const held = heldBack.size ? ` ${heldBack.size} record(s) met problemen blijven in de wachtrij.` : '';
    return {
      ...base,
      status: 'written',
      message: `Batch ${basename(final)} voor ${label} geschreven: ${summary}.${held}`,
      batch: { name, dir: final, files, counts },
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Counts per kind for the Export screen, without writing anything. */
export function previewExport(store: Store, target: Target, all: boolean, today: string) {
  return planSummary(store, target, today).map((part) => {
    const count = (status: SummaryRow['status']) => part.rows.filter((r) => r.status === status).length;
    const due = part.rows.filter((r) => all || r.status !== 'unchanged');
    return {
      kind: part.kind,
      fileName: part.fileName,
      profile: part.profile,
      new: count('new'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      due: due.length,
      problems: due.flatMap((r) => r.problems),
    };
  });
}
