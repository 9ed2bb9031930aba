// docs/architecture.md, Queries: outside db/journal, db/sync, db/search and db/store, SQL is
// written with Kysely over the typed DB. Raw SQL there - a prepared statement, a statement in a
// string, a whole subquery inside Kysely's `sql` tag, or `sql.raw` - says why on the line before
// its statement, in a `// raw SQL: <reason>` comment. This test scans the source, so the rule
// stays true.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

/** Folders whose SQL is their own business (hot paths, FTS5, the journal's statements). */
const OWN_SQL = ['journal', 'sync', 'search', 'store'];

const REASON = /\/\/ raw SQL: \S/;
const STATEMENT = /\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|VACUUM|WITH \w+ AS)\b/;
const FRAGMENT = /\b(FROM|WHERE|JOIN|ORDER BY|GROUP BY|IS NULL|IS NOT NULL|EXISTS)\b/;

interface Finding {
  line: number;
  what: string;
}

/**
 * Raw SQL in TypeScript source: `.prepare(`/`.stmt(` calls, `sql.raw(`, string and template
 * literals with SQL in them (outside comments), and `sql` tagged templates holding a whole
 * SELECT. A small `sql` expression inside a Kysely query (sql`coalesce(${x}, '')`) is fine.
 */
function rawSql(source: string): Finding[] {
  const found: Finding[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  const push = (at: number, what: string) => found.push({ line: at, what });
  while (i < n) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const startLine = line;
      const tagged = ch === '`' && /\bsql(<[^`]*>)?\s*$/.test(source.slice(Math.max(0, i - 60), i));
      let j = i + 1;
      let depth = 0;
      while (j < n) {
        const c = source[j]!;
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (c === '\n') line++;
        if (ch === '`' && c === '$' && source[j + 1] === '{') {
          depth++;
          j += 2;
          continue;
        }
        if (depth > 0 && c === '{') depth++;
        else if (depth > 0 && c === '}') depth--;
        else if (depth === 0 && c === ch) break;
        j++;
      }
      const text = source.slice(i + 1, j);
      if (tagged) {
        if (/\bSELECT\b/i.test(text)) push(startLine, 'a subquery in sql``');
      } else if (STATEMENT.test(text) || FRAGMENT.test(text)) {
        push(startLine, `SQL in a string: ${text.slice(0, 60).replace(/\s+/g, ' ')}`);
      }
      i = j + 1;
    } else {
      const rest = source.slice(i, i + 10);
      if (/^\.(prepare|stmt)\(/.test(rest)) push(line, rest.startsWith('.prepare') ? '.prepare(' : '.stmt(');
      else if (rest.startsWith('sql.raw(')) push(line, 'sql.raw(');
      i++;
    }
  }
  return found;
}

/** The findings without a `// raw SQL:` comment right above their statement. */
function unexplained(source: string): Finding[] {
  const lines = source.split('\n');
  return rawSql(source).filter((f) => {
    // Walk up through the lines of the same statement (at most 10) to the comment above it.
    for (let l = f.line - 1, steps = 0; l >= 1 && steps < 10; l--, steps++) {
      const text = lines[l - 1]!.trim();
      if (REASON.test(text)) return false;
      if (text.startsWith('//')) continue;
      if (text === '' || /[;{}]$/.test(text)) return true;
    }
    return true;
  });
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('raw SQL outside journal, sync, search and store', () => {
  it('finds prepared statements, SQL strings, sql.raw and subqueries in sql``, but not comments or small expressions', () => {
    const src = [
      '// SELECT in a comment is prose',
      "const a = store.stmt('SELECT id FROM clients WHERE id = ?').get(id);",
      'const b = db.prepare(query);',
      "const c = 'x.deleted = 0 AND x.date IS NOT NULL';",
      'const d = sql`coalesce(${x}, 0)`;',
      'const e = sql<string>`(SELECT value FROM json_each(${ids}))`;',
      'const f = sql.raw(bucket);',
      "const g = 'Werkgever niet gevonden';",
      'const h = `${label} gewijzigd`;',
    ].join('\n');
    expect(rawSql(src).map((f) => f.line)).toEqual([2, 2, 3, 4, 6, 7]);
  });

  it('accepts raw SQL with a reason on the line before its statement, and only then', () => {
    const explained = [
      'function f() {',
      '  // raw SQL: VACUUM INTO has no Kysely form',
      '  db.prepare(',
      "    'VACUUM INTO ?',",
      '  ).run(tmp);',
      '}',
    ].join('\n');
    expect(unexplained(explained)).toEqual([]);
    const bare = ['function f() {', '  const x = 1;', "  db.prepare('VACUUM INTO ?').run(tmp);", '}'].join('\n');
    expect(unexplained(bare).map((f) => f.line)).toEqual([3, 3]);
    const tooFar = ['// raw SQL: a reason', 'const x = 1;', "db.prepare('VACUUM INTO ?').run(tmp);"].join('\n');
    expect(unexplained(tooFar)).toHaveLength(2);
  });

  it('has a reason for every raw statement in db/', () => {
    const db = join(REPO, 'db');
    const problems: string[] = [];
    for (const file of tsFiles(db)) {
      const rel = relative(REPO, file);
      if (OWN_SQL.includes(rel.split('/')[1]!)) continue;
      for (const f of unexplained(readFileSync(file, 'utf8'))) problems.push(`${rel}:${f.line} ${f.what}`);
    }
    expect(problems).toEqual([]);
  });
});
