// Every management report on the demo database, timed by the reports' own bench helper
// (test/bench/lib/reports-bench.ts: median of a few runs as wall and CPU time, and once with the records
// behind every figure). Then the same reports as known on a moment (issue 14): on a copy of the
// database, 100 late exits are entered after the moment; each report as known then is timed
// against the live one.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { asKnown, knownAt } from '../../../db/journal/knowledge.js';
import { REPORTS } from '../../../db/reports/registry.js';
import { runReport } from '../../../db/reports/run.js';
import { benchReports, measure } from '../lib/reports-bench.js';

export async function reports(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const store = Store.open(String(args.db));
  // One unmeasured pass warms the page cache like a manager's second click would.
  benchReports(store, {}, 1, false);
  const timings = benchReports(store, {}, 3);
  store.close();
  return { timings, asKnown: asKnownTimings(String(args.db)) };
}

export function asKnownTimings(
  db: string,
): { name: string; liveMs: number; asKnownMs: number; liveCpuMs: number; asKnownCpuMs: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-asknown-'));
  try {
    const file = join(dir, 'copy.sqlite');
    copyFileSync(db, file);
    let now = Date.now();
    const store = Store.open(file, { now: () => now });
    const moment = now;
    now += 60_000;
    const open = store.db
      .prepare('SELECT id FROM caseload_periods WHERE exit_date IS NULL AND deleted = 0 ORDER BY id LIMIT 100')
      .pluck()
      .all() as string[];
    store.write('bench', (w) => {
      for (const id of open) w.update('period', id, { exit_date: store.today(), exit_reason: 'work_regular' });
    });
    const k = knownAt(store, moment);
    const out = Object.keys(REPORTS).map((name) => {
      runReport(store, name);
      // Interleaved, so a change in the machine's load hits both alike; medians of 5.
      const live: { wall: number; cpu: number }[] = [];
      const known: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < 5; i++) {
        live.push(measure(() => runReport(store, name), 1));
        known.push(measure(() => asKnown(store, k, () => runReport(store, name)), 1));
      }
      const med = (xs: { wall: number; cpu: number }[], key: 'wall' | 'cpu') =>
        xs.map((x) => x[key]).sort((a, b) => a - b)[2]!;
      return {
        name,
        liveMs: med(live, 'wall'),
        asKnownMs: med(known, 'wall'),
        liveCpuMs: med(live, 'cpu'),
        asKnownCpuMs: med(known, 'cpu'),
      };
    });
    store.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
