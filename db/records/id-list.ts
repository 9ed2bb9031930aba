// A page of ids as one bound value: `x.id IN (SELECT value FROM json_each(?))` is one statement
// (prepared once) however many ids the page has, where `IN (?, ?, ...)` is a new one per length.
import { sql, type RawBuilder } from 'kysely';

export function idList(ids: readonly string[]): RawBuilder<string> {
  // raw SQL: json_each (a table-valued function) has no Kysely form
  return sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** Rows in the order of `ids` (a query by idList returns them in table order). */
export function inOrderOf<T>(ids: readonly string[], rows: T[], id: (row: T) => string): T[] {
  const at = new Map(ids.map((x, i) => [x, i]));
  return rows.sort((a, b) => at.get(id(a))! - at.get(id(b))!);
}
