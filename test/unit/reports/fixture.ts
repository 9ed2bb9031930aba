// Report fixtures built through the real import path: the test writes CSV files the way an
// IT-employee would and imports them with importFile into a real SQLite file in a temp dir.
import { expect } from 'vitest';
import { importFile } from '../../../db/exchange/import.js';
import type { RecordKind } from '../../../db/model/records.js';
import type { Store } from '../../../db/journal/store.js';
import { tempDir, tempStore, writeFile } from '../helpers.js';

export interface PeriodSpec {
  intake: string;
  exit?: string;
  reason?: string;
  referrer?: string;
  manager?: string;
}
export interface ClientSpec {
  ref: string;
  birth_date?: string;
  target_groups?: string[];
  periods: PeriodSpec[];
}

function csv(rows: Record<string, string | undefined>[]): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [headers.join(';'), ...rows.map((r) => headers.map((h) => r[h] ?? '').join(';'))];
  return lines.join('\n') + '\n';
}

/** Imports rows of one kind from a CSV file; fails the test with the import's problems. */
export async function importCsv(
  store: Store,
  kind: RecordKind,
  rows: Record<string, string | undefined>[],
): Promise<void> {
  if (!rows.length) return;
  const file = writeFile(tempDir(), `${kind}.csv`, csv(rows));
  const r = await importFile(store, 'test', { file, kind });
  expect(r.problems, JSON.stringify(r.problems.slice(0, 3))).toEqual([]);
}

/**
 * Clients with their caseload periods. A client with several periods gets one CSV row per
 * period, in order: the exit closes a period, a later intake opens the next (CONTRACTS.md).
 */
export async function importClients(store: Store, clients: ClientSpec[]): Promise<void> {
  const rows: Record<string, string | undefined>[] = [];
  for (const c of clients) {
    c.periods.forEach((p, i) => {
      rows.push({
        ref: c.ref,
        last_name: `Proef${c.ref}`,
        birth_date: i === 0 ? c.birth_date : undefined,
        target_groups: i === 0 && c.target_groups ? c.target_groups.join('|') : undefined,
        intake_date: p.intake,
        referrer: p.referrer ?? 'social_team',
        account_manager: p.manager ?? 'A. Jansen',
        exit_date: p.exit,
        exit_reason: p.reason ?? (p.exit ? 'other' : undefined),
      });
    });
  }
  await importCsv(store, 'clients', rows);
}

export async function storeWith(clients: ClientSpec[]): Promise<Store> {
  const store = tempStore();
  await importClients(store, clients);
  return store;
}
