// The scenarios test/bench/child.ts can run, by name.
import { demo } from './demo.js';
import { importCsv, importRaw, makeCsv } from './import.js';
import { search } from './search.js';
import { reports } from './reports.js';
import { syncCore, syncFull } from './sync.js';
import { dump } from './dump.js';
import { exportVacancies } from './export.js';
import { ui } from './ui.js';

export type Scenario = (args: Record<string, unknown>) => Promise<Record<string, unknown>>;

export const SCENARIOS: Record<string, Scenario> = {
  demo,
  makeCsv,
  importCsv,
  importRaw,
  search,
  reports,
  syncCore,
  syncFull,
  dump,
  exportVacancies,
  ui,
};
