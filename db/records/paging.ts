// Opaque keyset cursors: the last row's sort key, base64url JSON. Lists page with
// `WHERE (key...) > (?...)` instead of OFFSET, so page 1,000 costs what page 1 costs.
import { AppError } from '../model/errors.js';

export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity) return key as CursorKey;
  } catch {
    // fall through
  }
  throw new AppError('invalid_input', 'ongeldige paginaverwijzing', 'after');
}

/** Takes limit+1 rows: the page, and the cursor of its last row when there is more. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { items: T[]; next: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, next: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
