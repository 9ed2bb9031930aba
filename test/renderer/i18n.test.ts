// Every Dutch string lives in renderer/i18n/nl.ts: a key used in code must exist (typecheck and
// this test), and a key nobody uses must go.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nl } from '../../renderer/i18n/nl.js';
import { METHOD_NAMES } from '../../db/api/contract.js';

const ROOT = resolve(import.meta.dirname, '../../renderer');

function keysOf(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(n) ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('Dutch strings', () => {
  const all = keysOf(nl).map((k) => k.replace(/_(one|other)$/, ''));
  const code = sources(ROOT).join('\n');
  const methods = new Set<string>(METHOD_NAMES);
  // Keys passed around as values (zod messages, tables of keys) count too: any quoted string
  // that starts with a top-level group of nl.ts.
  const literal = new Set(
    [
      ...code.matchAll(/\bt\(\s*'([\w.]+)'/g),
      ...code.matchAll(new RegExp(`'((?:${Object.keys(nl).join('|')})\\.[\\w.]+)'`, 'g')),
    ]
      .map((m) => m[1]!)
      .filter((k) => !methods.has(k)),
  );
  const prefixes = [...code.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)].map((m) => m[1]!);

  it('has every key the code uses', () => {
    const known = new Set(all);
    expect([...literal].filter((k) => !known.has(k) && !all.some((a) => a.startsWith(`${k}.`)))).toEqual([]);
  });

  it('has no keys the code never uses', () => {
    expect(all.filter((k) => !literal.has(k) && !prefixes.some((p) => k.startsWith(p)))).toEqual([]);
  });
});
