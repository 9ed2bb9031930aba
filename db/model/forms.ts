// Form schemas derived from the model: what a typed field accepts, from the field definitions of
// RECORDS (db/model/records.ts), with the same checks the server runs (BSN, postcode, KvK,
// telephone, e-mail, dates, numbers). The renderer validates with these before a call; the server
// checks again. Messages are codes (`required`, `date`, ...): the renderer shows them in Dutch
// (renderer/i18n/nl.ts, form.errors.<code>), so no UI text lives in db/.
import { z } from 'zod';
import { RECORDS, type FieldDef } from './records.js';
import { isValidBsn } from './bsn.js';
import { EMAIL_RE, PHONE_RE, isValidKvk, normalizePostcode } from './checks.js';
import { isIsoDate, parseDate } from './calendar.js';

export const FORM_ERRORS = ['required', 'date', 'bsn', 'postcode', 'kvk', 'phone', 'email', 'number', 'int'] as const;
export type FormError = (typeof FORM_ERRORS)[number];

/** Two-digit years up to ten years ahead are this century, older ones the last (birth dates). */
function fullYear(yy: string, today: string): string {
  if (yy.length === 4) return yy;
  const thisYear = Number(today.slice(0, 4));
  const y = 2000 + Number(yy);
  return String(y > thisYear + 10 ? y - 100 : y);
}

/**
 * A date as people type it, the Dutch way: 15-12-2026, 15-12-26, 15-12 (this year), 15122026,
 * 151226, 1512 (this year), 15/12/2026, 15.12.2026, or ISO 2026-12-15. `today` (ISO) gives the
 * year when it is left out. Returns ISO YYYY-MM-DD, or null when it is no existing day.
 */
export function parseTypedDate(input: string, today: string): string | null {
  const s = input.trim();
  const full = parseDate(s);
  if (full) return full;
  let d: string | undefined, m: string | undefined, y: string | undefined;
  let match = /^(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?$/.exec(s);
  if (match) [, d, m, y] = match;
  else {
    match = /^(\d{2})(\d{2})(\d{2}|\d{4})?$/.exec(s);
    if (match) [, d, m, y] = match;
  }
  if (!d || !m) return null;
  const iso = `${y ? fullYear(y, today) : today.slice(0, 4)}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A number as typed with a decimal comma (32,5) or point; null when it is no number. */
export function parseTypedNumber(input: string): number | null {
  const s = input.trim().replace(/\s/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/**
 * The field definitions forms are made from: the interchange records, plus the parts of a
 * record that are edited on their own (an employer's contact persons).
 */
export const FORM_DEFS = {
  ...RECORDS,
  contact_persons: {
    name: { label: 'Naam', kind: 'text', required: true, max: 100 },
    role: { label: 'Functie', kind: 'text', max: 100 },
    phone: { label: 'Telefoon', kind: 'text', check: 'phone' },
    email: { label: 'E-mail', kind: 'text', check: 'email', max: 254 },
  },
  /** A measure (maatregel) in the client's dossier; the reason is personal data. */
  measures: {
    date: { label: 'Datum', kind: 'date', required: true },
    kind: { label: 'Soort maatregel', kind: 'code', code: 'measure_kind', required: true },
    reason: { label: 'Reden', kind: 'text', max: 2000 },
    end_date: { label: 'Einddatum', kind: 'date' },
  },
  /** An employer's SROI obligation (social return clause of a municipal contract). */
  sroi: {
    contract: { label: 'Contract', kind: 'text', required: true, max: 200 },
    amount: { label: 'Verplichting (omvang)', kind: 'number', required: true },
    unit: { label: 'Eenheid', kind: 'code', code: 'sroi_unit', required: true },
    start_date: { label: 'Begindatum', kind: 'date', required: true },
    end_date: { label: 'Einddatum', kind: 'date' },
  },
  // Correcting or undoing an exit (issue 13): the reason why is required.
  exit_change: {
    exit_date: { label: 'Uitstroomdatum', kind: 'date' },
    exit_reason: { label: 'Reden uitstroom', kind: 'code', code: 'exit_reason' },
    note: { label: 'Reden van de correctie', kind: 'text', required: true, max: 2000 },
  },
  // Handing a client (account_manager_id) or a caseload (from_user_id) to a colleague.
  handover: {
    from_user_id: { label: 'Van klantmanager', kind: 'text', required: true },
    account_manager_id: { label: 'Naar klantmanager', kind: 'text', required: true },
    from_date: { label: 'Met ingang van', kind: 'date', required: true },
    note: { label: 'Toelichting', kind: 'text', max: 2000 },
  },
} satisfies Record<string, Record<string, FieldDef>>;
export type FormKind = keyof typeof FORM_DEFS;

const CHECKS: Record<NonNullable<FieldDef['check']>, (v: string) => boolean> = {
  bsn: isValidBsn,
  postcode: (v) => normalizePostcode(v) !== null,
  kvk: isValidKvk,
  phone: (v) => PHONE_RE.test(v),
  email: (v) => EMAIL_RE.test(v),
};

/** The zod check of one typed field (a string as the form holds it). */
export function fieldSchema(def: FieldDef, today: string, required = def.required ?? false): z.ZodString {
  return z.string().superRefine((raw, ctx) => {
    const v = raw.trim();
    const fail = (message: FormError) => ctx.addIssue({ code: 'custom', message });
    if (v === '') {
      if (required) fail('required');
      return;
    }
    if (def.kind === 'date' && !parseTypedDate(v, today)) fail('date');
    else if (def.kind === 'number' && parseTypedNumber(v) === null) fail('number');
    else if (def.kind === 'int' && !/^\d+$/.test(v)) fail('int');
    else if (def.check && !CHECKS[def.check](v)) fail(def.check);
  });
}

/**
 * The schema of a form over `fields` of a record kind. `required` adds fields a form insists on
 * beyond the model's own required ones (e.g. an end date when ending an activity).
 */
export function formSchema<const F extends string>(
  kind: FormKind,
  fields: readonly F[],
  today: string,
  opts: { required?: readonly F[]; optional?: readonly F[] } = {},
) {
  const defs: Record<string, FieldDef> = FORM_DEFS[kind];
  const shape = Object.fromEntries(
    fields.map((f) => {
      const def = defs[f];
      if (!def) throw new Error(`${kind}.${f} staat niet in RECORDS`);
      const required = opts.optional?.includes(f) ? false : (opts.required?.includes(f) ?? false) || def.required;
      return [f, fieldSchema(def, today, required)];
    }),
  ) as Record<F, z.ZodString>;
  return z.object(shape);
}

/** Typed values -> what the contract takes: dates as ISO, empty text left out or cleared. */
export function formValues<F extends string>(
  kind: FormKind,
  values: Record<F, string>,
  today: string,
  emptyAs: 'omit' | 'clear' = 'omit',
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [f, raw] of Object.entries(values) as [F, string][]) {
    const v = raw.trim();
    if (v === '') {
      if (emptyAs === 'clear') out[f] = '';
      continue;
    }
    out[f] = (FORM_DEFS[kind] as Record<string, FieldDef>)[f]?.kind === 'date' ? (parseTypedDate(v, today) ?? v) : v;
  }
  return out;
}
