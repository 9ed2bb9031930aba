// Export of 10,000 vacancies (the VUM target) into a folder, on a fresh database with demo
// employers and vacancies: the export records its deliveries, so it never runs on the cached
// demo database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { loadDemo } from '../../../db/demo/generate.js';
import { runExport } from '../../../db/exchange/export/batch.js';
import { timed } from '../lib/measure.js';

export async function exportVacancies(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const vacancies = Number(args.vacancies);
  const dir = mkdtempSync(join(tmpdir(), 'caseload-bench-export-'));
  try {
    const store = Store.open(join(dir, 'export.sqlite'), { deviceName: 'bench' });
    loadDemo(store, { clients: 500, seed: 5, vacancies, employers: Math.ceil(vacancies / 10), contactsPerClient: 0 });
    const { ms, value } = await timed(() =>
      runExport(store, { target: 'vum', user: 'bench', outDir: join(dir, 'out'), all: true, validOnly: true }),
    );
    store.close();
    return {
      ms,
      vacancies,
      status: value.status,
      message: value.message,
      records: value.batch?.counts.records ?? 0,
      problems: value.problems.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
