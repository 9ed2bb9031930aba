// "In the caseload on day D" for Kysely queries: the one SQL form of db/model/caseload.ts (the
// model stays free of Kysely, so the renderer can import it), with the day as a bound value or a
// column of the query.
import { sql, type Expression, type RawBuilder } from 'kysely';
import { inCaseloadSql } from '../model/caseload.js';

const DAY = '\u0000day\u0000';
// raw SQL: the model's text of the rule, split where the day goes (columns of `alias` only)
const PARTS = (alias: string) =>
  inCaseloadSql(alias, DAY)
    .split(DAY)
    .map((part) => sql.raw(part));

/** The period alias `alias` is in the caseload at the end of `day` (a value or an expression). */
export function inCaseload(alias: string, day: string | Expression<string | null>): RawBuilder<boolean> {
  return sql<boolean>`${sql.join(PARTS(alias), sql`${day}`)}`;
}
