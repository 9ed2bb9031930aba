// Simulated laptops for the sync tests: each has its own SQLite file, its own injected clock
// and its own view of the shared folder (like a OneDrive or Syncthing copy on that laptop). A
// seeded "cloud" carries files between the views with the weather of real sync clients: random
// order, late arrivals, conflict copies, duplicates, half-written files, junk files, offline laptops.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { Store } from '../../../db/journal/store.js';
import { dumpLines } from '../../../db/records/read.js';
import { MemoryKeyStore } from '../../../db/sync/keystore.js';
import { runRound, setupSync, type RoundResult } from '../../../db/sync/round.js';
import type { EntityName } from '../../../db/model/entities.js';
import type { Value, Writer } from '../../../db/journal/write.js';
import { expand, lastSeq, rowsSince } from '../../../db/journal/entries.js';
import { tempDir } from '../helpers.js';
import { rng } from '../../../db/demo/random.js';

export const PASSPHRASE = 'Noordoostpolder-2026!';
export const DAY = 86_400_000;

export function shuffle<T>(xs: T[], r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** An edit a person typed, with the clock it got: it must end up the winner or in the conflicts. */
export interface TypedEdit {
  laptop: string;
  entity: EntityName;
  rowId: string;
  field: string;
  value: Value;
  hlc: string;
}

export class Laptop {
  readonly store: Store;
  readonly keys = new MemoryKeyStore();
  /** Offset of this laptop's clock from the cloud's time (a wrong clock). */
  skew = 0;
  readonly rounds: RoundResult[] = [];

  constructor(
    readonly cloud: Cloud,
    readonly name: string,
  ) {
    this.store = Store.open(join(cloud.base, `${name}.sqlite`), {
      deviceName: `Laptop ${name}`,
      now: () => cloud.now + this.skew,
    });
    mkdirSync(this.folder, { recursive: true });
  }

  get folder(): string {
    return join(this.cloud.base, `view-${this.name}`);
  }

  get device(): string {
    return this.store.device;
  }

  async create(): Promise<void> {
    await setupSync(this.store, { folder: this.folder, mode: 'create', passphrase: PASSPHRASE, keyStore: this.keys });
  }

  async join(): Promise<void> {
    await setupSync(this.store, { folder: this.folder, mode: 'join', passphrase: PASSPHRASE, keyStore: this.keys });
  }

  async sync(opts: { snapshot?: boolean } = {}): Promise<RoundResult> {
    const r = await runRound(this.store, { keyStore: this.keys, snapshot: opts.snapshot });
    this.rounds.push(r);
    return r;
  }

  /** Writes through the journal write layer and records every field change as typed here. */
  type<T>(fn: (w: Writer) => T, user = `user-${this.name}`): T {
    const before = lastSeq(this.store);
    const result = this.store.write(user, fn);
    const rows = [...rowsSince(this.store, before)].flatMap(expand);
    for (const r of rows)
      this.cloud.typed.push({
        laptop: this.name,
        entity: r.entity,
        rowId: r.row_id,
        field: r.field,
        value: r.value,
        hlc: r.hlc,
      });
    return result;
  }

  edit(entity: EntityName, rowId: string, fields: Record<string, Value>): void {
    this.type((w) => w.update(entity, rowId, fields));
  }

  dump(): string {
    return [...dumpLines(this.store)].join('\n');
  }

  idOf(table: string, ref: string): string {
    const id = this.store.db.prepare(`SELECT id FROM ${table} WHERE ref = ? ORDER BY id LIMIT 1`).pluck().get(ref) as
      string | undefined;
    if (!id) throw new Error(`${this.name}: no ${table} ${ref}`);
    return id;
  }
}

export interface Weather {
  /** Share of waiting deliveries that arrive in this pass (0..1]. */
  fraction?: number;
  /** Chance that a delivered segment also lands as a sync-client conflict copy. */
  conflictCopies?: number;
  /** Chance that a segment arrives half-written first (completed in a later pass). */
  truncate?: number;
  /** Drop sync-client junk (temp files, desktop.ini) into the views. */
  junk?: boolean;
}

const COPY_NAMES = [
  (n: string) => n.replace('.cjl', '.sync-conflict-20260302-101500-K7QZ2PD.cjl'),
  (n: string) => n.replace('.cjl', '-LAPTOP-WCNOP07.cjl'),
  (n: string) => n.replace('.cjl', " (Jan Visser's conflicted copy 2026-03-02).cjl"),
  (n: string) => n.replace('.cjl', ' (1).cjl'),
];

/**
 * The shared folder as the laptops see it: files go from their owner's view (the device that
 * wrote them) to every other online view, in seeded random order.
 */
export class Cloud {
  readonly base: string;
  readonly laptops: Laptop[] = [];
  readonly offline = new Set<string>();
  readonly typed: TypedEdit[] = [];
  /** Files delivered only in part, to complete later: target path -> source path. */
  private readonly partial = new Map<string, string>();
  now: number;
  readonly random: () => number;
  copiesMade = 0;
  truncatedMade = 0;
  /** The laptop whose team.json and key changes count (default: the first). */
  teamOwner: Laptop | undefined;

  /** `base`: the folder for the laptops' files (default: a temp folder removed after each test). */
  constructor(seed: number, start: number, base = tempDir()) {
    this.base = base;
    this.random = rng(seed);
    this.now = start;
  }

  laptop(name: string): Laptop {
    const l = new Laptop(this, name);
    this.laptops.push(l);
    return l;
  }

  private owner(rel: string): Laptop | undefined {
    const parts = rel.split(/[\\/]/);
    if (parts[1] === 'team.json') return this.teamOwner ?? this.laptops[0];
    // Key changes (keys/e-N.json) are written once, by the laptop that removed another.
    if (parts[1] === 'keys') return this.teamOwner ?? this.laptops[0];
    if (parts[1] === 'devices') return this.laptops.find((l) => l.device === parts[2]);
    const m = /^s-([0-9a-f]{16})-/.exec(parts[parts.length - 1] ?? '');
    return m ? this.laptops.find((l) => l.device === m[1]) : undefined;
  }

  /** Carries files between the views of online laptops. */
  propagate(w: Weather = {}): void {
    const fraction = w.fraction ?? 1;
    const online = this.laptops.filter((l) => !this.offline.has(l.name));
    // Half-written files from earlier passes are completed first (when both ends are online).
    for (const [target, source] of [...this.partial]) {
      // A half-written file stays half for a while (a slow upload), so laptops do read it.
      if (fraction === 1 || this.random() < fraction / 3) {
        copyFileSync(source, target);
        this.partial.delete(target);
      }
    }
    const jobs: { from: string; to: string; rel: string }[] = [];
    for (const src of online) {
      for (const path of walk(src.folder)) {
        const rel = relative(src.folder, path);
        const name = rel.split(/[\\/]/).pop()!;
        if (name.startsWith('.') || this.owner(rel) !== src) continue;
        for (const dst of online) {
          if (dst === src) continue;
          const target = join(dst.folder, rel);
          if (this.partial.has(target)) continue;
          if (existsSync(target) && readFileSync(target).equals(readFileSync(path))) continue;
          jobs.push({ from: path, to: target, rel });
        }
      }
      // Deletions by the owner (compaction) reach the other views too.
      for (const dst of online) {
        if (dst === src) continue;
        for (const path of walk(join(dst.folder, 'caseload-sync', 'devices', src.device))) {
          const rel = relative(dst.folder, path);
          if (this.owner(rel) === src && !existsSync(join(src.folder, rel)) && !this.partial.has(path)) rmSync(path);
        }
      }
    }
    for (const job of shuffle(jobs, this.random)) {
      if (fraction < 1 && this.random() > fraction) continue;
      mkdirSync(dirname(job.to), { recursive: true });
      const isSegment = job.rel.endsWith('.cjl');
      if (isSegment && w.truncate && this.random() < w.truncate && !existsSync(job.to)) {
        const data = readFileSync(job.from);
        writeFileSync(job.to, data.subarray(0, Math.floor(data.length / 2)));
        this.partial.set(job.to, job.from);
        this.truncatedMade++;
        continue;
      }
      copyFileSync(job.from, job.to);
      if (isSegment && w.conflictCopies && this.random() < w.conflictCopies) {
        const rename = COPY_NAMES[Math.floor(this.random() * COPY_NAMES.length)]!;
        copyFileSync(job.from, join(dirname(job.to), rename(job.to.split(/[\\/]/).pop()!)));
        this.copiesMade++;
      }
    }
    if (w.junk) {
      for (const l of online) {
        const dir = join(l.folder, 'caseload-sync', 'devices');
        if (!existsSync(dir)) continue;
        writeFileSync(join(dir, 'desktop.ini'), '[.ShellClassInfo]\r\n');
        for (const d of readdirSync(dir)) {
          if (!statSync(join(dir, d)).isDirectory()) continue;
          writeFileSync(join(dir, d, '~syncthing~j-1-00000099.cjl.tmp'), 'half');
          writeFileSync(join(dir, d, 'j-1-00000098.cjl.part'), 'partial download');
        }
      }
    }
  }

  /** Every online laptop syncs (in random order), with the cloud passing files in between. */
  async round(w: Weather = {}, minutes = 7): Promise<void> {
    for (const l of shuffle(
      this.laptops.filter((x) => !this.offline.has(x.name)),
      this.random,
    )) {
      await l.sync();
      this.propagate(w);
    }
    this.now += minutes * 60_000;
  }

  /** Full delivery until nothing changes any more. */
  async settle(maxRounds = 6): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      await this.round({}, 1);
      await this.round({}, 1);
      const pending = this.laptops
        .filter((l) => !this.offline.has(l.name))
        .some((l) => l.rounds.at(-1)!.published.changes > 0 || l.rounds.at(-1)!.ingested.segments > 0);
      if (!pending) return;
    }
    throw new Error('the laptops did not settle');
  }

  /** Every file in every view (for the privacy check). */
  allFiles(): string[] {
    return this.laptops.flatMap((l) => walk(l.folder));
  }
}

export function expectSameDumps(laptops: Laptop[]): void {
  const [first, ...rest] = laptops;
  const expected = first!.dump();
  expect(expected.length).toBeGreaterThan(0);
  for (const l of rest) expect(l.dump(), `dump of ${l.name} equals dump of ${first!.name}`).toBe(expected);
}
