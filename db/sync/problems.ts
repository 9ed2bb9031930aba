// Files in the shared folder that could not be used. A file may still be arriving, so a failure
// is first only noted and retried; after QUARANTINE_TRIES failures spread over at least
// QUARANTINE_AFTER_MS it is quarantined: shown as a warning, retried only when it changes or once
// a day. A segment whose clock is too far ahead is quarantined at once and retried every round
// (it becomes usable when local time catches up). Nothing of a bad file is ever applied.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BadKind } from './container.js';
import { isoNow, nowOf, type SyncContext } from './context.js';

export const QUARANTINE_TRIES = 5;
export const QUARANTINE_AFTER_MS = 60 * 60 * 1000;
const RETRY_QUARANTINED_MS = 24 * 60 * 60 * 1000;

export interface Problem {
  path: string;
  kind: BadKind | string;
  message: string;
  first_seen: string;
  last_try: string;
  tries: number;
  size: number;
  quarantined: number;
}

export function getProblem(ctx: SyncContext, path: string): Problem | undefined {
  return ctx.store.stmt('SELECT * FROM sync_problems WHERE path = ?').get(path) as Problem | undefined;
}

/** Whether a known bad file is worth another try this round. */
export function shouldRetry(ctx: SyncContext, p: Problem | undefined, size: number): boolean {
  // Waiting for time to pass, or for the sender's device.json to arrive: worth a look every round.
  if (!p || !p.quarantined || p.kind === 'future' || p.kind === 'unknown_device') return true;
  return p.size !== size || nowOf(ctx) - Date.parse(p.last_try) > RETRY_QUARANTINED_MS;
}

export function recordProblem(
  ctx: SyncContext,
  path: string,
  kind: BadKind | string,
  message: string,
  size: number,
): void {
  const now = isoNow(ctx);
  const prev = getProblem(ctx, path);
  const tries = (prev?.tries ?? 0) + 1;
  const firstSeen = prev?.first_seen ?? now;
  const quarantined =
    kind === 'future' ||
    (tries >= QUARANTINE_TRIES && nowOf(ctx) - Date.parse(firstSeen) >= QUARANTINE_AFTER_MS) ||
    prev?.quarantined === 1
      ? 1
      : 0;
  ctx.store
    .stmt(
      `INSERT INTO sync_problems(path, kind, message, first_seen, last_try, tries, size, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, message = excluded.message, last_try = excluded.last_try,
         tries = excluded.tries, size = excluded.size, quarantined = excluded.quarantined`,
    )
    .run(path, kind, message, firstSeen, now, tries, size, quarantined);
}

export function clearProblem(ctx: SyncContext, path: string): void {
  ctx.store.stmt('DELETE FROM sync_problems WHERE path = ?').run(path);
}

/**
 * Forgets problems of files that are gone from the folder (a temp file renamed, a copy removed).
 * A refused purge (`bewaartermijn/<ref>`, purges.ts) stays listed while the client exists.
 */
export function clearVanished(ctx: SyncContext): void {
  for (const p of ctx.store.db.prepare('SELECT path FROM sync_problems').pluck().all() as string[]) {
    if (p.startsWith('bewaartermijn/')) {
      const ref = p.slice('bewaartermijn/'.length);
      if (ctx.store.stmt('SELECT 1 FROM clients WHERE ref = ?').get(ref) === undefined) clearProblem(ctx, p);
    } else if (!existsSync(join(ctx.root, p))) clearProblem(ctx, p);
  }
}
