// Every management report on the demo database, timed by the reports' own bench helper
// (test/bench/lib/reports-bench.ts: median of a few runs as wall and CPU time, and once with the records
// behind every figure).
import { Store } from '../../../db/journal/store.js';
import { benchReports } from '../lib/reports-bench.js';

export async function reports(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const store = Store.open(String(args.db));
  // One unmeasured pass warms the page cache like a manager's second click would.
  benchReports(store, {}, 1, false);
  const timings = benchReports(store, {}, 3);
  store.close();
  return { timings };
}
