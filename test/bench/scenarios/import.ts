// CSV import of N clients (with their current caseload period) into an empty database, against
// the raw baseline: the same file parsed with papaparse and its rows inserted with one prepared
// better-sqlite3 statement in one transaction (no checks, no journal, no search index).
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { existsSync, statSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { readRecords } from '../../../db/records/read.js';
import { RECORDS } from '../../../db/model/records.js';
import { importFile } from '../../../db/exchange/import.js';
import { timed } from '../lib/measure.js';

const FIELDS = Object.keys(RECORDS.clients);

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.join('|') : String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes (once) the clients of the demo database as a semicolon CSV next to it. */
export async function makeCsv(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const db = String(args.db);
  const csv = db.replace(/\.sqlite$/, '.clients.csv');
  if (existsSync(csv)) return { csv };
  const store = Store.open(db);
  const lines = [FIELDS.join(';')];
  for (const rec of readRecords(store, 'clients')) lines.push(FIELDS.map((f) => cell(rec[f])).join(';'));
  store.close();
  writeFileSync(`${csv}.tmp`, lines.join('\n') + '\n');
  renameSync(`${csv}.tmp`, csv);
  return { csv, rows: lines.length - 1 };
}

export async function importCsv(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-import-'));
  try {
    const store = Store.open(join(dir, 'import.sqlite'), { deviceName: 'bench' });
    const { ms, cpuMs, value } = await timed(() =>
      importFile(store, 'bench', { file: String(args.csv), kind: 'clients' }),
    );
    if (!value.ok)
      throw new Error(`import refused ${value.problems.length} rows, first: ${JSON.stringify(value.problems[0])}`);
    const journal = store.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    // The size the data takes, as after a while of use (VACUUM), against the CSV it came from.
    store.db.exec('VACUUM');
    store.close();
    const bytes = statSync(join(dir, 'import.sqlite')).size;
    return { ms, cpuMs, created: value.created, journal, bytes, csvBytes: statSync(String(args.csv)).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function importRaw(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-raw-'));
  try {
    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE clients (id INTEGER PRIMARY KEY, ${FIELDS.map((f) => `"${f}" TEXT`).join(', ')})`);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const parsed = Papa.parse<string[]>(readFileSync(String(args.csv), 'utf8'), {
      delimiter: ';',
      skipEmptyLines: true,
    });
    const rows = parsed.data.slice(1);
    const t1 = performance.now();
    const ins = db.prepare(
      `INSERT INTO clients (${FIELDS.map((f) => `"${f}"`).join(', ')}) VALUES (${FIELDS.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      for (const r of rows) ins.run(...r.map((v) => (v === '' ? null : v)));
    })();
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    db.close();
    return {
      ms: t2 - t0,
      cpuMs: (used.user + used.system) / 1000,
      parseMs: t1 - t0,
      insertMs: t2 - t1,
      rows: rows.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
