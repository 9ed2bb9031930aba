// `caseload check`: SQLite integrity, journal consistency (db/journal/verify.ts), links between
// records that sync cannot enforce as foreign keys, and the audit log's hash chain.
import { ENTITIES, ENTITY_NAMES, type FieldSpec } from '../model/entities.js';
import { verifyJournal } from '../journal/verify.js';
import type { Store } from '../journal/store.js';
import { verifyAuditChain } from '../store/audit.js';

export interface CheckProblem {
  area: 'sqlite' | 'journal' | 'links' | 'refs' | 'bsn' | 'audit';
  message: string;
}

export function checkStore(store: Store): { problems: CheckProblem[]; counts: Record<string, number> } {
  const problems: CheckProblem[] = [];
  const integrity = store.db.pragma('integrity_check') as { integrity_check: string }[];
  for (const r of integrity)
    if (r.integrity_check !== 'ok') problems.push({ area: 'sqlite', message: r.integrity_check });
  for (const r of store.db.pragma('foreign_key_check') as { table: string; rowid: number }[]) {
    problems.push({ area: 'sqlite', message: `verwijzing ontbreekt in ${r.table} (rij ${r.rowid})` });
  }
  for (const m of verifyJournal(store)) {
    problems.push({ area: 'journal', message: `${m.entity} ${m.id} ${m.field}: ${m.problem}` });
  }
  for (const entity of ENTITY_NAMES) {
    const spec = ENTITIES[entity];
    for (const [field, f] of Object.entries(spec.fields) as [string, FieldSpec][]) {
      if (f.type !== 'ref') continue;
      const target = ENTITIES[f.to as keyof typeof ENTITIES].table;
      const broken = store.db
        .prepare(
          `SELECT t.ref FROM ${spec.table} t WHERE t.deleted = 0 AND t.${field} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE x.id = t.${field}) LIMIT 20`,
        )
        .pluck()
        .all() as string[];
      for (const ref of broken)
        problems.push({ area: 'links', message: `${entity} ${ref}: ${field} verwijst naar een onbekend record` });
    }
  }
  // Refs are unique in the team (db/records/refs.ts): two live records under one number mean a
  // collision that sync has not resolved, or data written around the journal.
  for (const entity of ENTITY_NAMES) {
    const dups = store.db
      .prepare(
        `SELECT ref, count(*) AS n FROM ${ENTITIES[entity].table} WHERE deleted = 0 AND ref IS NOT NULL
         GROUP BY ref HAVING count(*) > 1 ORDER BY ref LIMIT 20`,
      )
      .all() as { ref: string; n: number }[];
    for (const d of dups)
      problems.push({ area: 'refs', message: `${entity} ${d.ref}: ${d.n} records met hetzelfde nummer` });
  }
  // One person, one client: a BSN on two live clients that are not merged (db/sync/merge.ts).
  // The message names the refs only, never the BSN.
  const sameBsn = store.db
    .prepare(
      `SELECT group_concat(ref, ', ') FROM (SELECT bsn, ref FROM clients WHERE deleted = 0 AND merged_into IS NULL
       AND bsn IS NOT NULL ORDER BY ref) GROUP BY bsn HAVING count(*) > 1 LIMIT 20`,
    )
    .pluck()
    .all() as string[];
  for (const refs of sameBsn) problems.push({ area: 'bsn', message: `klanten ${refs}: hetzelfde BSN` });
  const audit = verifyAuditChain(store);
  if (audit !== null) problems.push({ area: 'audit', message: `auditlog onderbroken bij regel ${audit}` });
  const counts: Record<string, number> = {};
  for (const entity of ENTITY_NAMES) {
    counts[ENTITIES[entity].table] = store.db
      .prepare(`SELECT count(*) FROM ${ENTITIES[entity].table} WHERE deleted = 0`)
      .pluck()
      .get() as number;
  }
  counts.journal = store.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
  return { problems, counts };
}
