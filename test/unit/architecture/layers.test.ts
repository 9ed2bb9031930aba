// The layers of docs/architecture.md, as rules that fail `npm test`: the lint allowlist fires on
// an import that breaks it, and no folder of db/ imports another that imports it back.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

async function layerErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(code, { filePath: join(REPO, file) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/element-types').map((m) => m.message);
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** db/ folder -> the db/ folders its files import (relative imports only). */
function folderGraph(): Map<string, Set<string>> {
  const db = join(REPO, 'db');
  const graph = new Map<string, Set<string>>();
  for (const file of tsFiles(db)) {
    const from = relative(db, file).split('/')[0]!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(db, resolve(dirname(file), m[1]!));
      const to = target.split('/')[0]!;
      if (!target.startsWith('..') && to !== from && !to.includes('.')) graph.get(from)!.add(to);
    }
  }
  return graph;
}

describe('the layers', () => {
  it('fail lint on an import against the allowlist, and pass the allowed ones', async () => {
    expect(
      await layerErrors('db/model/probe.ts', "import { Writer } from '../journal/write.js';\nvoid Writer;\n"),
    ).toEqual(['model may not import journal (layers: docs/architecture.md)']);
    expect(
      await layerErrors('db/records/probe.ts', "import { createApi } from '../api/dispatch.js';\nvoid createApi;\n"),
    ).toEqual(['records may not import door (layers: docs/architecture.md)']);
    expect(
      await layerErrors('db/cli/probe.ts', "import { importFile } from '../exchange/import.js';\nvoid importFile;\n"),
    ).toEqual(['cli may not import domain (layers: docs/architecture.md)']);
    expect(
      await layerErrors('renderer/probe.ts', "import { Store } from '../db/journal/store.js';\nvoid Store;\n"),
    ).toContain('renderer may not import journal (layers: docs/architecture.md)');
    expect(
      await layerErrors('db/work/probe.ts', "import { resolveRef } from '../records/refs.js';\nvoid resolveRef;\n"),
    ).toEqual([]);
    expect(
      await layerErrors('electron/probe.ts', "import { createApi } from '../db/api/dispatch.js';\nvoid createApi;\n"),
    ).toEqual([]);
  });

  it('has no folder of db/ that imports another that imports it back, directly or through others', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(10);
    const cycles: string[] = [];
    // Depth-first search for a back edge; the path on the stack is the cycle.
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (n: string) => {
      state.set(n, 'open');
      stack.push(n);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m].join(' -> '));
        else if (!state.has(m)) visit(m);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
    expect(cycles).toEqual([]);
  });
});
