// Retention purges decided on another laptop, carried out here only when this laptop can justify
// them (db/retention/purge.ts applyPurgeMarkers). A refused marker is listed as a sync problem
// (refs and the reason only, no personal data) for as long as it stands.
import { applyPurgeMarkers } from '../retention/purge.js';
import type { SyncContext } from './context.js';
import { recordProblem } from './problems.js';

export const PURGE_PROBLEM_PREFIX = 'bewaartermijn/';

/** Applies the justified purges; returns how many clients were purged here. */
export function applyArrivedPurges(ctx: SyncContext): number {
  const r = applyPurgeMarkers(ctx.store, 'sync');
  for (const x of r.refused)
    recordProblem(
      ctx,
      `${PURGE_PROBLEM_PREFIX}${x.ref}`,
      'purge_refused',
      `vernietiging van klant ${x.ref} door een andere laptop geweigerd: ${x.reason}; de klant blijft bestaan`,
      0,
    );
  return r.purged;
}
