// The Reports screen's typed settings as report parameters: Dutch dates and numbers, several
// referrers (ticked boxes, kept comma-joined while typing), the explanations of the qualitative
// agreements, and the "Stand van registratie op" moment (a date and an optional time).
import type { ReportParamName, ReportParams } from '../../../db/model/reports.js';
import { EXPLAINED_AGREEMENTS } from '../../../db/model/settings.js';
import { formatDateNl } from '../../../db/model/calendar.js';
import { parseTypedDate, parseTypedNumber } from '../../../db/model/forms.js';
import { today } from '../../clock.js';
import { T } from '../../i18n/reports.js';

export type FieldKind = 'date' | 'number' | 'text' | 'target_group' | 'referrer';

export const FIELDS: { key: ReportParamName; label: string; kind: FieldKind }[] = [
  { key: 'from', label: T.from, kind: 'date' },
  { key: 'to', label: T.to, kind: 'date' },
  { key: 'as_of', label: T.asOf, kind: 'date' },
  { key: 'target_percent', label: T.targetPercent, kind: 'number' },
  { key: 'norm', label: T.norm, kind: 'number' },
  { key: 'interval_days', label: T.intervalDays, kind: 'number' },
  { key: 'account_manager', label: T.accountManager, kind: 'text' },
  { key: 'target_group', label: T.targetGroup, kind: 'target_group' },
  { key: 'referrer', label: T.referrer, kind: 'referrer' },
];

export const KNOWN_DATE = 'known_on_date';
export const KNOWN_TIME = 'known_on_time';
export const explanationKey = (code: string) => `explanation_${code}`;

/** The typed settings as report parameters, or the Dutch message of each field that is wrong. */
export function toParams(
  form: Record<string, string>,
  allowed: string[],
): { params: ReportParams; errors: Record<string, string> } {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = form[f.key]?.trim();
    if (!v || !allowed.includes(f.key)) continue;
    if (f.kind === 'date') {
      const iso = parseTypedDate(v, today());
      if (iso) out[f.key] = iso;
      else errors[f.key] = T.badDate;
    } else if (f.kind === 'number') {
      const n = parseTypedNumber(v);
      if (n === null) errors[f.key] = T.badNumber;
      else out[f.key] = n;
    } else if (f.kind === 'referrer') {
      const codes = v.split(',').filter(Boolean);
      out[f.key] = codes.length === 1 ? codes[0] : codes;
    } else out[f.key] = v;
  }
  if (allowed.includes('explanations')) {
    const explanations: Record<string, string> = {};
    for (const c of EXPLAINED_AGREEMENTS) {
      const text = form[explanationKey(c)]?.trim();
      if (text) explanations[c] = text;
    }
    if (Object.keys(explanations).length) out.explanations = explanations;
  }
  return { params: out as ReportParams, errors };
}

/** "30-06-2026" + "17:30" as a moment for asKnownOn ("2026-06-30T17:30"; a date alone: the end of that day). */
export function toKnownOn(form: Record<string, string>): {
  asKnownOn?: string;
  shown?: string;
  errors: Record<string, string>;
} {
  const date = form[KNOWN_DATE]?.trim() ?? '';
  const time = form[KNOWN_TIME]?.trim() ?? '';
  if (!date && !time) return { errors: {} };
  if (!date) return { errors: { [KNOWN_DATE]: T.timeWithoutDate } };
  const iso = parseTypedDate(date, today());
  const errors: Record<string, string> = {};
  if (!iso) errors[KNOWN_DATE] = T.badDate;
  let hhmm: string | null = null;
  if (time) {
    const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(time);
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) hhmm = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    else errors[KNOWN_TIME] = T.badTime;
  }
  if (!iso || Object.keys(errors).length) return { errors };
  return {
    asKnownOn: hhmm ? `${iso}T${hhmm}` : iso,
    shown: `${formatDateNl(iso)} ${hhmm ?? '23:59'}`,
    errors,
  };
}
