// `npm run bench`: Caseload at scale (issue 7), each figure next to a raw better-sqlite3 baseline
// measured in the same run where one applies, with its target. Prints a markdown table (and
// writes it with --out FILE). BENCH_CLIENTS=N runs smaller (default 100,000); the demo database
// is cached between runs (test/bench/lib/demo-cache.ts). Each scenario runs in its own process
// so its peak memory is its own; the scenarios run from an esbuild bundle (like the CLI), so that
// memory is the backend's, not the TypeScript loader's. Not part of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { build, type Plugin } from 'esbuild';
import { REPO } from './lib/demo-cache.js';
import { latency } from './lib/measure.js';
import { buildTable, type Results } from './lib/table.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const ONLY = process.env.BENCH_ONLY?.split(',');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : undefined;

function log(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}

/** Packages the code loads with import() (playwright-core, exceljs) stay lazy and external. */
const lazyPackagesExternal: Plugin = {
  name: 'lazy-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/**
 * The scenarios' bundle, with the bootstrap's worker beside it (db/sync/image-check.ts looks for
 * image-worker.mjs next to the running bundle, as the CLI's and the app's ship it): without it a
 * bootstrap would check its snapshot in its own thread, which no shipped build does.
 */
async function buildChild(): Promise<string> {
  const outdir = join(REPO, 'out/bench');
  await build({
    entryPoints: { child: join(REPO, 'test/bench/child.ts'), 'image-worker': join(REPO, 'db/sync/image-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    plugins: [lazyPackagesExternal],
    logLevel: 'warning',
    absWorkingDir: REPO,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return join(outdir, 'child.mjs');
}

const CHILD = await buildChild();

/** Runs a scenario in a child process and returns its result (with its peak RSS). */
function child(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const needed = name === 'demo' || (name === 'makeCsv' && ONLY?.some((o) => o.startsWith('import')));
  if (ONLY && !ONLY.includes(name) && !needed) return Promise.resolve({ skipped: true });
  log(`${name} ...`);
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CHILD, name, JSON.stringify(args)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return resolve({ error: `exit ${code}: ${out.slice(-500)}` });
      const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, unknown>;
      log(`${name}: ${JSON.stringify(result).slice(0, 400)}`);
      resolve(result);
    });
  });
}

function wall(cmd: string[], runs: number, env: NodeJS.ProcessEnv = {}): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(cmd[0]!, cmd.slice(1), {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')}: exit ${r.status}: ${r.stderr?.toString().slice(0, 300)}`);
    if (i > 0) out.push(performance.now() - t);
  }
  return out;
}

function cliStartup(db: string): Record<string, unknown> {
  if (ONLY && !ONLY.includes('cli')) return { skipped: true };
  log('cli ...');
  const node = process.execPath;
  const bin = join(REPO, 'bin/caseload.mjs');
  const raw =
    `const D=require(${JSON.stringify(join(REPO, 'node_modules/better-sqlite3'))});const d=new D(${JSON.stringify(db)},{readonly:true});` +
    `d.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20").all('"jan"*');`;
  const help = wall([node, bin, '--help'], 5);
  const search = wall([node, bin, '--db', db, 'search', 'jan'], 5);
  const tsxHelp = wall([node, bin, '--help'], 3, { CASELOAD_NO_BUNDLE: '1' });
  const nodeEmpty = wall([node, '-e', ''], 5);
  const rawSearch = wall([node, '-e', raw], 5);
  return {
    help: latency(help),
    search: latency(search),
    tsxHelp: latency(tsxHelp),
    nodeEmpty: latency(nodeEmpty),
    rawSearch: latency(rawSearch),
  };
}

function machine(): Record<string, unknown> {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    node: process.version,
    sqlite,
    load: loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  };
}

const started = performance.now();
const results: Results = { clients: CLIENTS, machine: machine() } as Results;
results.demo = await child('demo', { clients: CLIENTS });
const db = String(results.demo.file);
const csv = await child('makeCsv', { db });
results.importCsv = await child('importCsv', { csv: csv.csv });
results.importRaw = await child('importRaw', { csv: csv.csv });
results.search = await child('search', { db });
results.reports = await child('reports', { db });
results.syncCore = await child('syncCore', { changes: 200_000 });
// Snapshot bootstrap is specified for 50,000 clients: a second cached demo database of that size.
const bootstrapClients = Math.min(50_000, CLIENTS);
const wantSync = !ONLY || ONLY.includes('syncFull');
const bootstrapDb =
  bootstrapClients === CLIENTS || !wantSync ? db : String((await child('demo', { clients: bootstrapClients })).file);
results.syncFull = await child('syncFull', { changes: 200_000, bootstrapClients, bootstrapDb });
results.dump = await child('dump', { db });
results.exportVacancies = await child('exportVacancies', { vacancies: Math.min(10_000, Math.max(100, CLIENTS / 10)) });
results.cli = cliStartup(db);
results.ui = await child('ui', { db });
results.machine.loadAfter = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
results.totalMs = performance.now() - started;

const table = buildTable(results);
writeFileSync(join(String(results.demo.file).replace(/\.sqlite$/, '.results.json')), JSON.stringify(results, null, 2));
if (OUT) writeFileSync(OUT, table + '\n');
process.stdout.write(table + '\n');
log(`done in ${(results.totalMs / 60_000).toFixed(1)} min`);
