// Timing helpers for the bench: wall time with performance.now(), warm-up runs, percentiles,
// and the process's peak resident memory.

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export interface Latency {
  p50: number;
  p95: number;
  n: number;
}

export function latency(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

/** Runs fn `warmup` times unmeasured, then `runs` times measured; returns the durations in ms. */
export async function sample(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Wall time and this process's CPU time (user + system) of fn, in ms. On a busy shared machine
 * the CPU time is closer to what an idle laptop would see than the wall time. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
