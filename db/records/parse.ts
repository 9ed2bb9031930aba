// Parses raw input (form strings, CSV cells, JSON values) of one record into stored values,
// collecting every field error instead of stopping at the first.
import { AppError } from '../model/errors.js';
import { DUMP_KIND, RECORDS, parseField, type RecordKind } from '../model/records.js';
import type { RecordValues } from './upsert.js';

export interface FieldError {
  field: string;
  message: string;
}

export interface ParseOptions {
  /** Empty strings leave a field as it is (CSV/XLSX, forms on update) instead of clearing it. */
  emptyMeansKeep: boolean;
}

export function parseRecord(
  kind: RecordKind,
  raw: Record<string, unknown>,
  opts: ParseOptions,
): { values: RecordValues; errors: FieldError[] } {
  const defs = RECORDS[kind];
  const values: RecordValues = {};
  const errors: FieldError[] = [];
  for (const [name, rawValue] of Object.entries(raw)) {
    // Dump lines carry the record kind in `kind` and a record's own kind in `<record>_kind`.
    if (name === 'kind' && rawValue === DUMP_KIND[kind]) continue;
    const field = name === `${DUMP_KIND[kind]}_kind` ? 'kind' : name;
    const def = defs[field];
    if (!def) {
      if (field === 'periods') continue;
      errors.push({ field, message: 'onbekend veld' });
      continue;
    }
    if (rawValue === undefined) continue;
    if (opts.emptyMeansKeep && (rawValue === '' || (typeof rawValue === 'string' && rawValue.trim() === ''))) continue;
    const r = parseField(def, rawValue);
    if (r.ok) values[field] = r.value;
    else errors.push({ field, message: r.message });
  }
  return { values, errors };
}

/** Throws one AppError carrying all field errors (the first one names the field). */
export function throwFieldErrors(errors: FieldError[]): void {
  if (!errors.length) return;
  const first = errors[0]!;
  throw new AppError('invalid_input', first.message, first.field, { errors });
}
