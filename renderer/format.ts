// Dutch display formats: dates dd-mm-jjjj, numbers with a decimal comma, code labels.
import { formatDateNl } from '../db/model/calendar.js';
import { CODE_LISTS, type CodeListName } from '../db/model/codes.js';
import { today } from './clock.js';

export { formatDateNl };

const nf = new Intl.NumberFormat('nl-NL');
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : nf.format(n);
}

/** Dutch label of a code, '' for none. */
export function codeLabel(list: CodeListName, code: string | null | undefined): string {
  if (!code) return '';
  return (CODE_LISTS[list] as Record<string, string>)[code] ?? code;
}

/** Today as dd-mm-jjjj (the default of date fields). */
export const todayNl = (): string => formatDateNl(today());
