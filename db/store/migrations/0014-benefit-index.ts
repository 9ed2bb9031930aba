// 0014: the work target's base (db/reports/work-target.ts) looks up each period's client's benefit
// status only when any client has one; this small partial index answers "any?" without a scan.
import type { Migration } from './index.js';

export const m0014: Migration = {
  name: '0014-benefit-index',
  up: `
    CREATE INDEX clients_benefit_set ON clients(id) WHERE benefit_status IS NOT NULL;
  `,
};
