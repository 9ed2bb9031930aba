// Sync apply throughput and snapshot bootstrap. The full path (segments from the shared folder:
// read, verify, decrypt, decode, apply, conflicts) is measured by the sync module's own bench
// helper (test/bench/lib/sync-bench.ts). Also measured here: the journal core of applying remote field
// changes (Writer.applyChange) against the raw baseline of inserting the same (packed) journal
// rows and updating the same columns with prepared statements.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Store } from '../../../db/journal/store.js';
import { Clock } from '../../../db/journal/hlc.js';
import { toColumn, type FieldChange } from '../../../db/journal/write.js';
import { fieldSpec } from '../../../db/model/entities.js';
import { RunPacker } from '../../../db/model/journal-format.js';
import { benchSnapshotBootstrap, benchSyncApply } from '../lib/sync-bench.js';
import { timed } from '../lib/measure.js';

const BATCH = 5000;

/** Field changes of a remote laptop: new contacts, each with the fields an account manager fills in. */
function remoteChanges(n: number): FieldChange[] {
  const clock = new Clock('remote0000000001', null);
  const out: FieldChange[] = [];
  for (let i = 0; out.length < n; i++) {
    const row = uuidv7();
    // One write of one record: one clock for its fields (db/journal/write.ts).
    const hlc = clock.tick();
    const fields: Record<string, string | null> = {
      ref: `C-R${i}`,
      client_id: uuidv7(),
      date: '2025-06-01',
      kind: 'phone',
      summary: 'Telefonisch contact over activiteit.',
      follow_up_date: i % 3 ? null : '2025-06-15',
      by: 'M. Visser',
    };
    for (const [field, value] of Object.entries(fields)) {
      if (value === null) continue;
      out.push({
        entity: 'contact',
        row_id: row,
        field,
        value,
        hlc,
        base_hlc: null,
        device: 'remote0000000001',
        user: 'm.visser',
      });
    }
  }
  return out.slice(0, n);
}

export async function syncCore(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const n = Number(args.changes);
  const changes = remoteChanges(n);
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-sync-'));
  try {
    const store = Store.open(join(dir, 'apply.sqlite'), { deviceName: 'bench' });
    const project = await timed(() => {
      for (let i = 0; i < changes.length; i += BATCH) {
        store.write('sync', (w) => {
          for (const c of changes.slice(i, i + BATCH)) w.applyChange(c);
        });
      }
    });
    store.close();
    // Raw: the same journal rows and column updates, nothing else (no clock checks).
    const rawStore = Store.open(join(dir, 'raw.sqlite'), { deviceName: 'raw' });
    rawStore.close();
    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const ins = db.prepare(
      'INSERT INTO journal(entity, row_id, hlc, user, fields, clocks, bases, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const packer = new RunPacker((p) => ins.run(p.entity, p.row_id, p.hlc, p.user, p.fields, p.clocks, p.bases, 0));
    const row = db.prepare('INSERT INTO contacts(id) VALUES (?) ON CONFLICT(id) DO NOTHING');
    const upd = new Map<string, Database.Statement>();
    const raw = await timed(() => {
      for (let i = 0; i < changes.length; i += BATCH) {
        db.transaction(() => {
          for (const c of changes.slice(i, i + BATCH)) {
            packer.push(c);
            row.run(c.row_id);
            let u = upd.get(c.field);
            if (!u) upd.set(c.field, (u = db.prepare(`UPDATE contacts SET "${c.field}" = ? WHERE id = ?`)));
            u.run(toColumn(fieldSpec('contact', c.field)!, c.value), c.row_id);
          }
          packer.flush();
        })();
      }
    });
    db.close();
    return {
      changes: n,
      ms: project.ms,
      perSec: n / (project.ms / 1000),
      perCpuSec: n / (project.cpuMs / 1000),
      rawMs: raw.ms,
      rawPerSec: n / (raw.ms / 1000),
      rawPerCpuSec: n / (raw.cpuMs / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sync module's own measurements: apply from the folder, and bootstrap from a snapshot. */
export async function syncFull(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const apply = await benchSyncApply({ changes: Number(args.changes) });
  const bootstrap = await benchSnapshotBootstrap({
    clients: Number(args.bootstrapClients),
    sourceDb: args.bootstrapDb ? String(args.bootstrapDb) : undefined,
  });
  return { apply, bootstrap };
}
