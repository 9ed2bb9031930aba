// Import (CONTRACTS.md): upsert records by ref from CSV, XLSX or JSONL, all or nothing. Every
// refused row is reported as FILE:LINE: field: message; when any row is refused the whole
// transaction rolls back, so the database is unchanged.
//
// Account managers are users (issue 13): a client's account_manager name is matched to a user
// (case- and space-insensitively). A name that matches no user is imported with the name only and
// listed as a warning with its lines - not refused: an old Excel list names colleagues who have
// left or have no user yet, and refusing the whole file for that would block the migration. Such
// a period is still found by name (Mijn werk, reports), and it is linked to the user as soon as a
// user of that name is created (db/records/account-managers.ts).
import { AppError } from '../model/errors.js';
import { DUMP_KIND, RECORD_KINDS, headerToField, type RecordKind } from '../model/records.js';
import { parseRecord } from '../records/parse.js';
import { RecordWriter, type RecordValues } from '../records/upsert.js';
import type { Store } from '../journal/store.js';
import { readImportFile, type FileFormat, type RawRow } from './read-file.js';

export interface ImportProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** JSONL lines of another kind than --kind, left alone. */
  skipped: number;
  problems: ImportProblem[];
  /** Account-manager names that match no user, with the lines that name them (imported name only). */
  unknownManagers: UnknownManager[];
}

export interface UnknownManager {
  name: string;
  lines: number[];
}

export interface ImportOptions {
  file: string;
  /** Required for CSV/XLSX; for JSONL each line's `kind` decides when absent. */
  kind?: RecordKind;
  dryRun?: boolean;
  format?: FileFormat;
  /** Shown in problem lines instead of the path (e.g. the uploaded file's name). */
  displayName?: string;
  /** CSV/XLSX column header -> field name (null = ignore the column); headers not in it map by name or label. */
  mapping?: Record<string, string | null>;
  onProgress?: (done: number, total: number) => void;
}

/** Dependency order, so refs in a mixed JSONL file resolve to records earlier in the same run. */
const APPLY_ORDER: RecordKind[] = ['employers', 'clients', 'vacancies', 'placements', 'activities', 'contacts'];
const KIND_BY_DUMP = Object.fromEntries(RECORD_KINDS.map((k) => [DUMP_KIND[k], k])) as Record<string, RecordKind>;

class Rollback extends Error {}

export function isRecordKind(s: string): s is RecordKind {
  return (RECORD_KINDS as string[]).includes(s);
}

export async function importFile(store: Store, user: string, opts: ImportOptions): Promise<ImportResult> {
  const name = opts.displayName ?? opts.file;
  const read = await readImportFile(opts.file, opts.format);
  const problems: ImportProblem[] = read.problems.map((p) => ({ file: name, ...p }));
  const result: ImportResult = {
    ok: false,
    dryRun: Boolean(opts.dryRun),
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    problems,
    unknownManagers: [],
  };
  const unknown = new Map<string, number[]>();

  // Group rows by kind, translating CSV/XLSX headers (field names or Dutch labels).
  const byKind = new Map<RecordKind, RawRow[]>();
  if (read.format === 'jsonl') {
    for (const row of read.rows) {
      const lineKind = typeof row.values.kind === 'string' ? KIND_BY_DUMP[row.values.kind] : undefined;
      const kind = opts.kind ?? lineKind;
      if (!kind) {
        problems.push({
          file: name,
          line: row.line,
          field: 'kind',
          message: 'onbekend soort record (geef --kind of een kind-veld)',
        });
        continue;
      }
      if (opts.kind && lineKind && lineKind !== opts.kind) {
        result.skipped++;
        continue;
      }
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(row);
    }
  } else {
    if (!opts.kind) throw new AppError('usage', 'geef --kind voor CSV- en XLSX-bestanden');
    const mapping = opts.mapping ?? {};
    const mapped = read.headers.map((h) =>
      !h ? null : Object.hasOwn(mapping, h) ? (mapping[h] ?? null) : headerToField(opts.kind!, h),
    );
    read.headers.forEach((h, i) => {
      if (h && !mapped[i] && !Object.hasOwn(mapping, h))
        problems.push({ file: name, line: 1, field: h, message: `onbekende kolom '${h}'` });
    });
    const seen = new Set<string>();
    mapped.forEach((f) => {
      if (f && seen.has(f)) problems.push({ file: name, line: 1, field: f, message: 'kolom komt twee keer voor' });
      if (f) seen.add(f);
    });
    byKind.set(
      opts.kind,
      read.rows.map((r) => byField(r, read.headers, mapped)),
    );
  }
  if (problems.some((p) => p.line === 1 && read.format !== 'jsonl')) return result;
  for (const [kind, rows] of byKind) problems.push(...sameRefTwice(kind, rows, name));
  if (problems.length) return result;

  const total = [...byKind.values()].reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  try {
    store.write(user, (w) => {
      const rw = new RecordWriter(store, w);
      for (const kind of APPLY_ORDER) {
        for (const row of byKind.get(kind) ?? []) {
          applyRow(rw, kind, row, read.format === 'jsonl', name, problems, result, unknown);
          if (++done % 1000 === 0) opts.onProgress?.(done, total);
        }
      }
      if (problems.length || opts.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  opts.onProgress?.(total, total);
  result.unknownManagers = [...unknown]
    .map(([n, lines]) => ({ name: n, lines }))
    .sort((a, b) => a.lines[0]! - b.lines[0]!);
  result.ok = problems.length === 0;
  return result;
}

/** A file line by field name, built when read: the file's lines are not held twice at 100,000 rows. */
function byField(row: RawRow, headers: readonly string[], fields: readonly (string | null)[]): RawRow {
  return {
    line: row.line,
    get values() {
      const src = row.values;
      const values: Record<string, unknown> = {};
      headers.forEach((h, i) => {
        const f = fields[i];
        if (f) values[f] = src[h];
      });
      return values;
    },
  };
}

function applyRow(
  rw: RecordWriter,
  kind: RecordKind,
  row: RawRow,
  jsonl: boolean,
  file: string,
  problems: ImportProblem[],
  result: ImportResult,
  unknown: Map<string, number[]>,
): void {
  const { periods, ...raw } = row.values as Record<string, unknown> & { periods?: unknown };
  const { values, errors } = parseRecord(kind, raw, { emptyMeansKeep: !jsonl });
  if (errors.length) {
    for (const e of errors) problems.push({ file, line: row.line, field: e.field, message: e.message });
    return;
  }
  try {
    // Earlier caseload periods of a dumped client come first, so the current one ends up last.
    if (kind === 'clients' && Array.isArray(periods)) {
      for (const p of periods as Record<string, unknown>[]) {
        const parsed = parseRecord(
          'clients',
          { ...p, ref: raw.ref, bsn: raw.bsn, last_name: raw.last_name },
          { emptyMeansKeep: false },
        );
        if (parsed.errors.length) {
          for (const e of parsed.errors)
            problems.push({ file, line: row.line, field: `periods.${e.field}`, message: e.message });
          return;
        }
        rw.upsert('clients', parsed.values as RecordValues);
      }
    }
    const manager = kind === 'clients' ? (values.account_manager as string | null | undefined) : null;
    // Without users (a database run by its creator alone) every manager is a name: no warning.
    if (manager && rw.hasUsers() && !rw.accountManagerId(manager)) {
      const lines = unknown.get(manager) ?? [];
      lines.push(row.line);
      unknown.set(manager, lines);
    }
    const r = rw.upsert(kind, values);
    if (r.created) result.created++;
    else if (r.changed.length) result.updated++;
    else result.unchanged++;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problems.push({ file, line: row.line, field: e.field ?? '-', message: e.message });
  }
}

/** What tells two records of a kind apart (a person's BSN and name, a placement's client and start). */
const IDENTITY: Record<RecordKind, string[]> = {
  clients: ['bsn', 'birth_date', 'last_name', 'first_name'],
  employers: ['kvk', 'name'],
  vacancies: ['employer_ref', 'title', 'opened_date'],
  placements: ['client_ref', 'employer_ref', 'start_date'],
  activities: ['client_ref', 'kind', 'start_date'],
  contacts: ['client_ref', 'employer_ref', 'date', 'kind'],
};

function identityValue(kind: RecordKind, values: Record<string, unknown>, field: string): string | null {
  const v = field === 'kind' ? (values.kind ?? values[`${DUMP_KIND[kind]}_kind`]) : values[field];
  if (v === undefined || v === null) return null;
  const text = String(v).trim().toLowerCase();
  return text === '' ? null : text;
}

/**
 * A file may carry one record on several lines (a client's earlier caseload periods), but two
 * lines with one ref that name different records - another BSN, another person, another
 * placement - are two records under one number: both lines are refused, nothing is written.
 */
function sameRefTwice(kind: RecordKind, rows: RawRow[], file: string): ImportProblem[] {
  const first = new Map<string, RawRow>();
  const problems: ImportProblem[] = [];
  const reported = new Set<number>();
  for (const row of rows) {
    const ref = typeof row.values.ref === 'string' ? row.values.ref.trim() : '';
    if (!ref) continue;
    const seen = first.get(ref);
    if (!seen) {
      first.set(ref, row);
      continue;
    }
    const differs = IDENTITY[kind].find((f) => {
      const a = identityValue(kind, seen.values, f);
      const b = identityValue(kind, row.values, f);
      return a !== null && b !== null && a !== b;
    });
    if (!differs) continue;
    const message = `'${ref}' staat op regel ${seen.line} en ${row.line} bij verschillende records (${differs} verschilt): één nummer, twee records`;
    if (!reported.has(seen.line)) {
      problems.push({ file, line: seen.line, field: 'ref', message });
      reported.add(seen.line);
    }
    problems.push({ file, line: row.line, field: 'ref', message });
  }
  return problems;
}

export function formatProblem(p: ImportProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}
