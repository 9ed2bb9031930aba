// 0012: why a placement ended (issue 13): a code (db/model/codes.ts placement_end_reason) next to
// the end date, appended as the placement's last field.
import type { Migration } from './index.js';

export const m0012: Migration = {
  name: '0012-placement-end-reason',
  up: `
    ALTER TABLE placements ADD COLUMN end_reason TEXT;
  `,
};
