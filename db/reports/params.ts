// Report parameters with their defaults (docs/reports.md):
// - to = --to, else --as-of, else today; from = --from, else 1 January of to's year;
// - as_of = --as-of, else to (CONTRACTS.md: "--as-of defaults to --to, then today");
// - half-year: the half year around --from/--to when one is given, else the last half year
//   that ended on or before --as-of (or today).
// Records dated after as_of are treated as not yet happened, so a past as-of date gives the
// figures as they were then.
import { FOLLOW_UP_DAYS } from '../model/employers.js';
import { AppError } from '../model/errors.js';
import { isIsoDate } from '../model/calendar.js';
import { CODE_LISTS } from '../model/codes.js';
import type { ReportParams } from '../model/reports.js';
import { halfYearOf, lastCompletedHalfYear, yearOf } from '../model/calendar.js';
import { EXPLAINED_AGREEMENTS, type ExplainedAgreement, type ReportSettings } from '../model/settings.js';

export interface Filters {
  account_manager?: string;
  target_group?: string;
  /** One code (as given) or several: the output keeps the form it was given in. */
  referrer?: string | string[];
}

export interface Resolved {
  from: string;
  to: string;
  as_of: string;
  detail: boolean;
  target_percent: number;
  norm: number;
  interval_days: number;
  filters: Filters;
  /** The corporation's explanation of the qualitative agreements (half-year). */
  explanations: Partial<Record<ExplainedAgreement, string>>;
  /** The team settings (filled by runReport for the reports that print them). */
  settings?: ReportSettings;
  /** Shared by the sections of one run: identical queries run once (db/reports/query.ts). */
  memo: Map<string, unknown>;
}

export const DEFAULT_TARGET_PERCENT = 25;
export const DEFAULT_NORM = 50;
export const DEFAULT_INTERVAL_DAYS = FOLLOW_UP_DAYS;

function checkDate(field: string, v: string | undefined): void {
  if (v !== undefined && !isIsoDate(v))
    throw new AppError('invalid_input', `'${v}' is geen geldige datum (JJJJ-MM-DD)`, field);
}

function checkCode(field: string, list: keyof typeof CODE_LISTS, given: string | string[] | undefined): void {
  for (const v of given === undefined ? [] : [given].flat())
    if (!Object.hasOwn(CODE_LISTS[list], v)) {
      throw new AppError(
        'invalid_input',
        `onbekende code '${v}' (kies uit ${Object.keys(CODE_LISTS[list]).join(', ')})`,
        field,
      );
    }
}

export function resolveParams(p: ReportParams, opts: { halfYear?: boolean; today: string }): Resolved {
  checkDate('from', p.from);
  checkDate('to', p.to);
  checkDate('as_of', p.as_of);
  checkCode('target_group', 'target_group', p.target_group);
  checkCode('referrer', 'referrer', p.referrer);
  const today = opts.today;
  let from: string;
  let to: string;
  if (opts.halfYear) {
    if (p.from && p.to) [from, to] = [p.from, p.to];
    else if (p.from) [from, to] = [p.from, halfYearOf(p.from).to];
    else if (p.to) [from, to] = [halfYearOf(p.to).from, p.to];
    else ({ from, to } = lastCompletedHalfYear(p.as_of ?? today));
  } else {
    to = p.to ?? p.as_of ?? today;
    from = p.from ?? `${yearOf(to)}-01-01`;
  }
  if (from > to) throw new AppError('invalid_input', `begindatum ${from} ligt na einddatum ${to}`, 'from');
  const filters: Filters = {};
  if (p.account_manager) filters.account_manager = p.account_manager;
  if (p.target_group) filters.target_group = p.target_group;
  if (typeof p.referrer === 'string' && p.referrer) filters.referrer = p.referrer;
  else if (Array.isArray(p.referrer) && p.referrer.length) filters.referrer = [...new Set(p.referrer)].sort();
  const explanations: Partial<Record<ExplainedAgreement, string>> = {};
  for (const c of EXPLAINED_AGREEMENTS) {
    const text = p.explanations?.[c]?.trim();
    if (text) explanations[c] = text;
  }
  return {
    from,
    to,
    as_of: p.as_of ?? to,
    detail: Boolean(p.detail),
    target_percent: p.target_percent ?? DEFAULT_TARGET_PERCENT,
    norm: p.norm ?? DEFAULT_NORM,
    interval_days: p.interval_days ?? DEFAULT_INTERVAL_DAYS,
    filters,
    explanations,
    memo: new Map(),
  };
}
