// Calendar arithmetic on ISO dates (YYYY-MM-DD) for report periods: months, half years, day
// counts. UTC throughout, so no daylight-saving day is ever 23 or 25 hours long.
const DAY = 86_400_000;

function ms(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  return new Date(ms(iso) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((ms(b) - ms(a)) / DAY);
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Calendar months ("YYYY-MM") touched by [from, to]. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** First and last day of the half year (January-June or July-December) containing a date. */
export function halfYearOf(iso: string): { from: string; to: string } {
  const y = yearOf(iso);
  return Number(iso.slice(5, 7)) <= 6
    ? { from: `${y}-01-01`, to: `${y}-06-30` }
    : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** The last half year that has ended on or before a date. */
export function lastCompletedHalfYear(iso: string): { from: string; to: string } {
  const current = halfYearOf(iso);
  return current.to === iso ? current : halfYearOf(addDays(current.from, -1));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2016-03" -> "maart 2016". */
export function monthNameNl(month: string): string {
  return `${MONTHS_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2016-03-01" -> "1 maart 2016" (cover pages and titles). */
export function longDateNl(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_NL[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
