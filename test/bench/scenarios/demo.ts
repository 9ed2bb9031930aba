// The demo database the other scenarios read: generated (and timed) when the cache has none.
import Database from 'better-sqlite3';
import { cachedDemo } from '../lib/demo-cache.js';

export async function demo(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const cpu = process.cpuUsage();
  const d = cachedDemo(Number(args.clients), (s) => process.stderr.write(s + '\n'));
  const used = process.cpuUsage(cpu);
  const db = new Database(d.file, { readonly: true });
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const counts = {
    clients: count('SELECT count(*) FROM clients'),
    periods: count('SELECT count(*) FROM caseload_periods'),
    contacts: count('SELECT count(*) FROM contacts'),
    vacancies: count('SELECT count(*) FROM vacancies'),
    journal: count('SELECT max(seq) FROM journal'),
  };
  db.close();
  return {
    file: d.file,
    generatedMs: d.generatedMs,
    earlier: d.earlier,
    cpuMs: d.generatedMs === null ? null : (used.user + used.system) / 1000,
    bytes: d.bytes,
    counts,
  };
}
