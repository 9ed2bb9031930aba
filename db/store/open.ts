// Opens the local SQLite store: WAL, foreign keys, busy timeout, migrations, the laptop's device
// identity, the one clock (`now`, `today`) and a Kysely instance for typed queries, executed
// synchronously through `all`/`first` with statements prepared once per SQL text, so no handler
// holds an async transaction open. Journaled writes are the journal layer's (db/journal/store.ts).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { migrate } from './migrations/index.js';
import type { DB } from './schema.js';
import { dutchDay } from '../model/calendar.js';
import { mkdirPrivate, prepareDatabaseFile } from './private-files.js';

export interface OpenOptions {
  /** Name of this laptop, stored on first open. */
  deviceName?: string;
  /** Clock source, injectable for tests (ms since epoch). */
  now?: () => number;
  /**
   * Path of the better_sqlite3.node to load instead of node_modules' own build. The Electron
   * main passes its Electron-ABI build here (node_modules stays on Node's ABI for the tests and
   * the CLI); absent = better-sqlite3's default binding.
   */
  nativeBinding?: string;
}

export class StoreBase {
  readonly db: Database.Database;
  readonly kysely: Kysely<DB>;
  readonly device: string;
  /** The binding this store was opened with; other connections (snapshots, backups) use the same. */
  readonly nativeBinding: string | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly clockSource: () => number;

  protected constructor(
    readonly file: string,
    opts: OpenOptions,
  ) {
    if (file !== ':memory:') {
      mkdirPrivate(dirname(file));
      prepareDatabaseFile(file);
    }
    this.nativeBinding = opts.nativeBinding;
    this.db = new Database(file, { nativeBinding: opts.nativeBinding });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    let device = this.getMeta('device_id');
    if (!device) {
      device = randomBytes(8).toString('hex');
      this.setMeta('device_id', device);
      this.setMeta('device_name', opts.deviceName ?? 'laptop');
    } else if (opts.deviceName) {
      this.setMeta('device_name', opts.deviceName);
    }
    this.device = device;
    this.clockSource = opts.now ?? Date.now;
    this.kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: this.db }) });
  }

  /** The one clock: ms since the epoch (injected in tests through `OpenOptions.now`). */
  now(): number {
    return this.clockSource();
  }

  /** Today: the Europe/Amsterdam calendar day of `now()` (db/model/calendar.ts). */
  today(): string {
    return dutchDay(this.now());
  }

  getMeta(key: string): string | null {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  /** A prepared statement, cached per SQL text (hot paths prepare once per store). */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs a typed Kysely query synchronously (the statement is prepared once per SQL text). */
  all<R>(q: Compilable<R>): R[] {
    const c = q.compile();
    return this.stmt(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(q: Compilable<R>): R | undefined {
    const c = q.compile();
    return this.stmt(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  /** Runs a typed Kysely statement that changes rows (local bookkeeping tables only). */
  run(q: Compilable<unknown>): { changes: number } {
    const c = q.compile();
    return this.stmt(c.sql).run(...(c.parameters as unknown[]));
  }

  close(): void {
    this.db.close();
  }
}
