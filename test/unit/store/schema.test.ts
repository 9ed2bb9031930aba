// The typed database (db/store/schema.ts) against the migrations: every table and column the
// code queries through Kysely exists with that type and nullability, and nothing else does.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/store/migrations/index.js';
import { expectedColumns } from '../../../db/store/schema.js';

describe('the Kysely schema', () => {
  it('matches a freshly migrated database, table by table and column by column', () => {
    const db = new Database(':memory:');
    migrate(db);
    const actual: Record<string, Record<string, { type: string; nullable: boolean }>> = {};
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const cols = db.prepare(`PRAGMA table_info(${table})`).all() as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      actual[table] = Object.fromEntries(
        cols.map((c) => [c.name, { type: c.type, nullable: c.notnull === 0 && c.pk === 0 }]),
      );
    }
    expect(actual).toEqual(expectedColumns());
  });
});
