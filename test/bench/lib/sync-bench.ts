// Measurements for `npm run bench` (test/bench/scenarios/sync.ts calls these): the full apply
// path of segments from the folder (read, verify, decrypt, decode, apply through the journal,
// conflict checks, ingest records) in field changes per second, and bootstrapping a new laptop
// from a snapshot of a demo caseload. Targets (SYNC.md): >= 20,000 changes/s; 50,000 clients < 10 s.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { loadDemo } from '../../../db/demo/generate.js';
import { Store } from '../../../db/journal/store.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { runRound, setupSync } from '../../../db/sync/round.js';
import { openTeam } from '../../../db/sync/identity.js';
import { publishSnapshot } from '../../../db/sync/snapshot.js';
import { readTeamFile } from '../../../db/sync/team.js';
import { rootOf } from '../../../db/sync/layout.js';

const PASS = 'bench-wachtwoord';

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'caseload-sync-bench-'));
}

/** A remote laptop's day of work: new clients with their fields, then edits to a fifth of them. */
function typeWork(store: Store, changes: number): void {
  const ids: string[] = [];
  let made = 0;
  let i = 0;
  while (made < changes * 0.8) {
    store.write('bench', (w) => {
      for (let k = 0; k < 500 && made < changes * 0.8; k++, i++) {
        const id = uuidv7();
        ids.push(id);
        made += w.update(
          'client',
          id,
          {
            ref: `K-B${i}`,
            bsn: null,
            first_name: `Voornaam${i}`,
            last_name: `Achternaam${i % 977}`,
            birth_date: '1980-01-01',
            gender: i % 2 ? 'v' : 'm',
            phone: `06-${String(10_000_000 + i)}`,
            email: `p${i}@voorbeeld.nl`,
            street: 'Dorpsstraat',
            house_number: String(i % 200),
            postcode: '8300 AA',
            city: 'Emmeloord',
            education_level: 'mbo2',
            hours_available: 24,
            driving_licence: ['B'],
            target_groups: i % 5 ? [] : ['banenafspraak'],
            created: '2026-01-01',
          },
          true,
        ).length;
      }
    });
  }
  for (let k = 0; made < changes; k++) {
    store.write('bench', (w) => {
      for (let n = 0; n < 500 && made < changes; n++, k++)
        made += w.update('client', ids[k % ids.length]!, { city: `Plaats ${k}` }).length;
    });
  }
}

/** CPU time of this process (user + system), in ms: on a busy machine closer to what an idle laptop sees than wall time. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return Math.round((c.user + c.system) / 1000);
}

export async function benchSyncApply(opts: { changes: number }): Promise<{
  changes: number;
  ms: number;
  perSec: number;
  cpuMs: number;
  perCpuSec: number;
  segments: number;
}> {
  const dir = temp();
  try {
    const source = Store.open(join(dir, 'source.sqlite'), { deviceName: 'bron' });
    await setupSync(source, { folder: dir, mode: 'create', passphrase: PASS, keyStore: new MemoryKeyStore() });
    typeWork(source, opts.changes);
    const keys = new MemoryKeyStore();
    await runRound(source, { folder: dir, keyStore: keys, passphrase: async () => PASS });
    const target = Store.open(join(dir, 'target.sqlite'), { deviceName: 'doel' });
    await setupSync(target, { folder: dir, mode: 'join', passphrase: PASS, keyStore: keys });
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await runRound(target, { folder: dir, keyStore: keys });
    const ms = performance.now() - t;
    const cpu = cpuMs(c);
    source.close();
    target.close();
    const n = r.ingested.changes;
    return {
      changes: n,
      ms: Math.round(ms),
      perSec: Math.round(n / (ms / 1000)),
      cpuMs: cpu,
      perCpuSec: Math.round(n / (cpu / 1000)),
      segments: r.ingested.segments,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bootstrap of a new laptop from a snapshot of `clients` demo clients (or of the store in
 * `sourceDb`, copied first). Measures the new laptop's first round, which restores the snapshot.
 */
export async function benchSnapshotBootstrap(opts: { clients: number; sourceDb?: string }): Promise<{
  clients: number;
  ms: number;
  cpuMs: number;
  snapshotMs: number;
  snapshotBytes: number;
  journal: number;
}> {
  const dir = temp();
  try {
    const srcFile = join(dir, 'source.sqlite');
    let source: Store;
    if (opts.sourceDb) {
      const orig = Store.open(opts.sourceDb);
      orig.db.prepare('VACUUM INTO ?').run(srcFile);
      orig.close();
      source = Store.open(srcFile, { deviceName: 'bron' });
    } else {
      source = Store.open(srcFile, { deviceName: 'bron' });
      loadDemo(source, { clients: opts.clients, seed: 7, today: '2026-06-30' });
    }
    const keys = new MemoryKeyStore();
    await setupSync(source, { folder: dir, mode: 'create', passphrase: PASS, keyStore: keys });
    const team = readTeamFile(rootOf(dir))!;
    const id = await openTeam(source, rootOf(dir), team, keys);
    const ts = performance.now();
    const rel = await publishSnapshot({
      store: source,
      root: rootOf(dir),
      id,
      progress: () => {},
      appVersion: 'bench',
    });
    const snapshotMs = performance.now() - ts;
    const snapshotBytes = statSync(join(rootOf(dir), rel)).size;
    const clients = source.db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
    const journal = source.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    source.close();
    const target = Store.open(join(dir, 'target.sqlite'), { deviceName: 'nieuw' });
    await setupSync(target, { folder: dir, mode: 'join', passphrase: PASS, keyStore: keys });
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await runRound(target, { folder: dir, keyStore: keys });
    const ms = performance.now() - t;
    const cpu = cpuMs(c);
    const got = target.db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
    target.close();
    if (!r.bootstrapped || got !== clients) throw new Error(`bootstrap failed: ${got} of ${clients} clients`);
    return { clients, ms: Math.round(ms), cpuMs: cpu, snapshotMs: Math.round(snapshotMs), snapshotBytes, journal };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
