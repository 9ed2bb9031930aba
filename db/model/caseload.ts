// "In the caseload at the end of day D" (CONTRACTS.md, Report data): a caseload period with
// intake_date <= D and no exit date or an exit date after D (the exit date is the first day
// out). The one definition, in two forms that must agree: for rows in JavaScript and as SQL.
// List, search, dossier, Mijn werk, matching, reports and exports all use it. Pure.

export interface PeriodDates {
  intake_date: string | null;
  exit_date: string | null;
}

export function inCaseloadOn(p: PeriodDates, day: string): boolean {
  return p.intake_date !== null && p.intake_date <= day && (p.exit_date === null || p.exit_date > day);
}

/**
 * The same rule as SQL over a caseload_periods alias (or a view of its dates) and a day
 * expression (a named parameter like `@asOf`, or a column). Callers pass live periods only
 * (`deleted = 0`).
 */
export function inCaseloadSql(alias: string, day: string): string {
  // raw SQL: the one SQL text of the rule (db/records/in-caseload.ts gives it to Kysely)
  return `(${alias}.intake_date <= ${day} AND (${alias}.exit_date IS NULL OR ${alias}.exit_date > ${day}))`;
}
