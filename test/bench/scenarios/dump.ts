// `caseload dump` of the whole demo database to a file, against the raw baseline: every live
// row of the same tables read in ref order and written as JSON lines (no links, no periods).
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { dumpLines } from '../../../db/records/read.js';
import { timed } from '../lib/measure.js';

const TABLES = ['activities', 'clients', 'contacts', 'employers', 'placements', 'vacancies'];

function writeLines(file: string, lines: Iterable<string>): number {
  const fd = openSync(file, 'w');
  let buf = '';
  let n = 0;
  for (const line of lines) {
    buf += line + '\n';
    n++;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  return n;
}

export async function dump(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-dump-'));
  try {
    const store = Store.open(String(args.db));
    const out = join(dir, 'dump.jsonl');
    const { ms, cpuMs, value: lines } = await timed(() => writeLines(out, dumpLines(store)));
    const bytes = statSync(out).size;
    const rawOut = join(dir, 'raw.jsonl');
    const raw = await timed(() =>
      writeLines(
        rawOut,
        (function* () {
          for (const t of TABLES) {
            for (const row of store.db.prepare(`SELECT * FROM ${t} WHERE deleted = 0 ORDER BY ref, id`).iterate())
              yield JSON.stringify(row);
          }
        })(),
      ),
    );
    store.close();
    return { ms, cpuMs, lines, bytes, rawMs: raw.ms, rawCpuMs: raw.cpuMs, rawLines: raw.value };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
