// Dutch display formats: dates dd-mm-jjjj, numbers with a decimal comma.
export { formatDateNl } from '../db/model/calendar.js';

const nf = new Intl.NumberFormat('nl-NL');
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : nf.format(n);
}
