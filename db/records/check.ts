// `caseload check`: SQLite integrity, journal consistency (db/journal/verify.ts), links between
// records that sync cannot enforce as foreign keys, and the audit log's hash chain.
import { sql } from 'kysely';
import { ENTITIES, ENTITY_NAMES, type EntityName, type FieldSpec } from '../model/entities.js';
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
  const db = store.kysely;
  for (const entity of ENTITY_NAMES) {
    const spec = ENTITIES[entity];
    for (const [field, f] of Object.entries(spec.fields) as [string, FieldSpec][]) {
      if (f.type !== 'ref') continue;
      const target = ENTITIES[f.to as keyof typeof ENTITIES].table;
      const link = sql.ref<string>(`t.${field}`);
      // The tables vary with the loop; every entity table has these columns.
      const rows = (table: string) => sql<{ id: string; ref: string | null; deleted: number }>`${sql.table(table)}`;
      const broken = store.all(
        db
          .selectFrom(rows(spec.table).as('t'))
          .select('t.ref')
          .where('t.deleted', '=', 0)
          .where(link, 'is not', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom(rows(target).as('x'))
                  .select(sql<number>`1`.as('one'))
                  .where('x.id', '=', link),
              ),
            ),
          )
          .limit(20),
      );
      for (const { ref } of broken)
        problems.push({ area: 'links', message: `${entity} ${ref}: ${field} verwijst naar een onbekend record` });
    }
  }
  // Refs are unique in the team (db/records/refs.ts): two live records under one number mean a
  // collision that sync has not resolved, or data written around the journal.
  for (const entity of ENTITY_NAMES) {
    const dups = store.all(
      db
        .selectFrom(ENTITIES[entity].table)
        .select((eb) => ['ref', eb.fn.countAll<number>().as('n')])
        .where('deleted', '=', 0)
        .where('ref', 'is not', null)
        .groupBy('ref')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .orderBy('ref')
        .limit(20),
    );
    for (const d of dups)
      problems.push({ area: 'refs', message: `${entity} ${d.ref}: ${d.n} records met hetzelfde nummer` });
  }
  // One person, one client: a BSN on two live clients that are not merged (db/sync/merge.ts).
  // The message names the refs only, never the BSN.
  const sameBsn = store.all(
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('clients')
          .select(['bsn', 'ref'])
          .where('deleted', '=', 0)
          .where('merged_into', 'is', null)
          .where('bsn', 'is not', null)
          .orderBy('ref')
          .as('c'),
      )
      .select(sql<string>`group_concat(${sql.ref('c.ref')}, ', ')`.as('refs'))
      .groupBy('c.bsn')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(20),
  );
  for (const { refs } of sameBsn) problems.push({ area: 'bsn', message: `klanten ${refs}: hetzelfde BSN` });
  const audit = verifyAuditChain(store);
  if (audit !== null) problems.push({ area: 'audit', message: `auditlog onderbroken bij regel ${audit}` });
  const counts: Record<string, number> = {};
  const count = (table: (typeof ENTITIES)[EntityName]['table'] | 'journal', live: boolean) =>
    store.first(
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(live, (q) => q.where(sql.ref('deleted'), '=', 0)),
    )!.n;
  for (const entity of ENTITY_NAMES) counts[ENTITIES[entity].table] = count(ENTITIES[entity].table, true);
  counts.journal = count('journal', false);
  return { problems, counts };
}
