// Dutch display formats: dates dd-mm-jjjj, numbers with a decimal comma.
export { formatDateNl } from '../db/model/checks.js';

const nf = new Intl.NumberFormat('nl-NL');
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : nf.format(n);
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
