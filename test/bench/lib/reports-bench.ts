// Timing of every report on a store (`npm run bench` and the 100,000-client check of issue 5):
// the median of a few runs per report, as wall-clock time and as this process's CPU time (on a
// shared, busy machine the CPU time is what the report costs; wall time includes waiting).
import type { ReportParams } from '../../../db/model/reports.js';
import type { Store } from '../../../db/journal/store.js';
import { REPORTS } from '../../../db/reports/registry.js';
import { runReport } from '../../../db/reports/run.js';

export interface BenchResult {
  name: string;
  wallMs: number;
  cpuMs: number;
  detailWallMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function measure(fn: () => void, runs: number): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: Math.round(median(walls)), cpu: Math.round(median(cpus)) };
}

export function benchReports(store: Store, params: ReportParams = {}, runs = 3, detail = true): BenchResult[] {
  return Object.keys(REPORTS).map((name) => {
    const plain = measure(() => runReport(store, name, { ...params }), runs);
    const withRefs = detail ? measure(() => runReport(store, name, { ...params, detail: true }), 1) : { wall: NaN };
    return { name, wallMs: plain.wall, cpuMs: plain.cpu, detailWallMs: withRefs.wall };
  });
}
