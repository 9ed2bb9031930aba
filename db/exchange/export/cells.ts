// One cell of an export: takes a column's source (or fixed value), checks it, maps our code to
// the target's code and formats it the way the target wants (dates dd-mm-jjjj, Ja/Nee, comma
// decimals). Returns the text and, when the value cannot be delivered, a Dutch problem that
// never quotes personal data (messages end up in terminals and CI logs).
import iconv from 'iconv-lite';
import { isValidBsn, normalizeBsn } from '../../model/bsn.js';
import { EMAIL_RE, PHONE_RE, isValidKvk, normalizePostcode } from '../../model/checks.js';
import { formatDateNl } from '../../model/calendar.js';
import type { Column } from './profile-schema.js';

export interface Cell {
  value: string;
  problem: string | null;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function checkValue(check: NonNullable<Column['check']>, v: string): string | null {
  switch (check) {
    case 'bsn':
      return isValidBsn(v) ? null : 'ongeldig BSN (voldoet niet aan de elfproef)';
    case 'kvk':
      return isValidKvk(v) ? null : 'ongeldig KvK-nummer (verwacht 8 cijfers)';
    case 'postcode':
      return normalizePostcode(v) ? null : 'ongeldige postcode (verwacht 1234 AB)';
    case 'email':
      return EMAIL_RE.test(v) ? null : 'ongeldig e-mailadres';
    case 'phone':
      return PHONE_RE.test(v) ? null : 'ongeldig telefoonnummer';
  }
}

function formatOne(format: Column['format'], v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nee';
  switch (format) {
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDateNl(String(v)) : String(v);
    case 'integer':
      return Number.isFinite(Number(v)) ? String(Math.round(Number(v))) : String(v);
    case 'decimal':
      return Number.isFinite(Number(v)) ? String(Number(v)).replace('.', ',') : String(v);
    case 'yes-no':
      return v === 1 || v === '1' || v === 'true' ? 'Ja' : v === 0 || v === '0' || v === 'false' ? 'Nee' : String(v);
    default:
      return String(v);
  }
}

export function formatCell(column: Column, values: Record<string, unknown>): Cell {
  let raw: unknown = column.constant !== undefined ? column.constant : column.source ? values[column.source] : null;
  if (isEmpty(raw)) return { value: '', problem: column.required ? 'is verplicht maar leeg' : null };
  if (column.check === 'bsn' && typeof raw === 'string') raw = normalizeBsn(raw) ?? raw;
  if (column.check) {
    const bad = checkValue(column.check, String(raw));
    if (bad) return { value: '', problem: bad };
  }
  const items = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const out: string[] = [];
  for (const item of items) {
    if (!column.map) {
      out.push(formatOne(column.format, item));
      continue;
    }
    const key = String(item);
    if (Object.hasOwn(column.map, key)) {
      const mapped = column.map[key]!;
      if (mapped !== '')
        out.push(
          column.format === 'date' || column.format === 'integer' || column.format === 'decimal'
            ? formatOne(column.format, mapped)
            : mapped,
        );
      continue;
    }
    const unmapped = column.unmapped ?? 'problem';
    if (unmapped === 'keep') out.push(formatOne(column.format, item));
    else if (unmapped === 'problem') return { value: '', problem: `code '${key}' heeft geen vertaling in dit profiel` };
  }
  const value = out.join(', ');
  if (value === '' && column.required) return { value, problem: 'is verplicht maar leeg' };
  if (column.maxLength && value.length > column.maxLength) {
    return { value, problem: `is te lang (${value.length} tekens, maximaal ${column.maxLength})` };
  }
  return { value, problem: null };
}

/** Characters Windows-1252 cannot hold would silently become '?': report them instead. */
export function fitsWindows1252(value: string): boolean {
  return iconv.decode(iconv.encode(value, 'win1252'), 'win1252') === value;
}
