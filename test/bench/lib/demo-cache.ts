// The bench's demo database, generated once and cached in a temp folder between runs. The key
// covers what shapes the file: the generator's DEMO_VERSION, the schema (the migrations), the
// size and the seed. Bump DEMO_VERSION when the generator makes different data.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { MIGRATIONS } from '../../../db/store/migrations/index.js';
import { DEMO_VERSION, loadDemo, type DemoResult } from '../../../db/demo/generate.js';

/** The repository root: the nearest folder up with Caseload's package.json (this file also runs bundled from out/bench/). */
function findRepo(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'caseload') return dir;
    if (dirname(dir) === dir) throw new Error(`no Caseload repository above ${from}`);
  }
}
export const REPO = findRepo(import.meta.dirname);
export const SEED = 7;

export function cacheDir(): string {
  const dir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'caseload-bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function cacheKey(clients: number): string {
  const h = createHash('sha256');
  h.update(`demo v${DEMO_VERSION}; ${clients} clients; seed ${SEED}`);
  for (const m of MIGRATIONS) h.update(`${m.name}:${m.up.toString()}`);
  return `v${DEMO_VERSION}-${h.digest('hex').slice(0, 10)}`;
}

export interface CachedDemo {
  file: string;
  /** Generation time in ms, or null when the file came from the cache. */
  generatedMs: number | null;
  /** How long generating the cached file took (kept next to it). */
  earlier: { generatedMs: number; cpuMs: number; load: string } | null;
  result: DemoResult | null;
  bytes: number;
}

/** The cached demo database for `clients`, generated when missing (old versions are removed). */
/** Where the demo database for `clients` is cached under the current key. */
export function demoPath(clients: number): string {
  return join(cacheDir(), `demo-${clients}-${cacheKey(clients)}.sqlite`);
}

export function cachedDemo(clients: number, log: (s: string) => void = () => {}): CachedDemo {
  const dir = cacheDir();
  const file = demoPath(clients);
  if (existsSync(file)) {
    const earlier = existsSync(`${file}.json`)
      ? (JSON.parse(readFileSync(`${file}.json`, 'utf8')) as CachedDemo['earlier'])
      : null;
    return { file, generatedMs: null, earlier, result: null, bytes: statSync(file).size };
  }
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`demo-${clients}-`)) rmSync(join(dir, old), { force: true });
  }
  const tmp = `${file}.tmp-${process.pid}`;
  log(`demo database with ${clients.toLocaleString('en')} clients: generating (cached in ${dir})`);
  const store = Store.open(tmp, { deviceName: 'bench' });
  const t = performance.now();
  const cpu = process.cpuUsage();
  let last = 0;
  const result = loadDemo(store, {
    clients,
    seed: SEED,
    user: 'bench',
    onProgress: (done, total) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} clients`);
      }
    },
  });
  const generatedMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const earlier = {
    generatedMs,
    cpuMs: (used.user + used.system) / 1000,
    load: loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  };
  writeFileSync(`${file}.json`, JSON.stringify(earlier));
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
  renameSync(tmp, file);
  return { file, generatedMs, earlier, result, bytes: statSync(file).size };
}
