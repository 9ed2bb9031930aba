// Opens the local SQLite store: WAL, foreign keys, busy timeout, migrations, device identity,
// the hybrid logical clock, and a Kysely instance for typed queries (executed synchronously
// through `all`/`first`, so handlers never hold an async transaction open).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { migrate } from './migrations/index.js';
import { Clock } from '../journal/hlc.js';
import type { DB } from './schema.js';
import { CODE_LISTS } from '../model/codes.js';
import { Writer } from '../journal/write.js';
import { mkdirPrivate, prepareDatabaseFile } from './private-files.js';

export interface OpenOptions {
  /** Name of this laptop, stored on first open. */
  deviceName?: string;
  /** Clock source, injectable for tests (ms since epoch). */
  now?: () => number;
}

export class Store {
  readonly db: Database.Database;
  readonly kysely: Kysely<DB>;
  readonly device: string;
  readonly clock: Clock;
  private writer: Writer | null = null;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly file: string,
    opts: OpenOptions,
  ) {
    if (file !== ':memory:') {
      mkdirPrivate(dirname(file));
      prepareDatabaseFile(file);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.seedCodeLists();
    let device = this.getMeta('device_id');
    if (!device) {
      device = randomBytes(8).toString('hex');
      this.setMeta('device_id', device);
      this.setMeta('device_name', opts.deviceName ?? 'laptop');
    } else if (opts.deviceName) {
      this.setMeta('device_name', opts.deviceName);
    }
    this.device = device;
    // The clock's last value is kept in meta by every write (no index on journal.hlc needed).
    this.clock = new Clock(device, this.getMeta('hlc'), opts.now);
    this.kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: this.db }) });
  }

  static open(file: string, opts: OpenOptions = {}): Store {
    return new Store(file, opts);
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

  /** Runs a typed Kysely query synchronously. */
  all<R>(q: Compilable<R>): R[] {
    const c = q.compile();
    return this.db.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(q: Compilable<R>): R | undefined {
    const c = q.compile();
    return this.db.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  /**
   * The only way to change synced data: `fn` gets a Writer that records every field change in
   * the journal, all in one SQLite transaction (nothing is half-written when fn throws).
   */
  write<T>(user: string, fn: (w: Writer) => T): T {
    this.writer ??= new Writer(this);
    const w = this.writer;
    return this.db.transaction(() => {
      const result = w.as(user, () => fn(w));
      this.setMeta('hlc', this.clock.current());
      return result;
    })();
  }

  close(): void {
    this.db.close();
  }

  private seedCodeLists(): void {
    const has = this.db.prepare('SELECT count(*) AS n FROM code_lists').get() as { n: number };
    if (has.n > 0) return;
    const ins = this.db.prepare('INSERT INTO code_lists(list, code, label, sort) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const [list, codes] of Object.entries(CODE_LISTS)) {
        Object.entries(codes).forEach(([code, label], i) => ins.run(list, code, label, i));
      }
    })();
  }
}
