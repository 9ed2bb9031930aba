// The one calendar of Caseload: ISO dates (YYYY-MM-DD) and the Dutch day. "Today" is always the
// Europe/Amsterdam calendar day of a moment from the one injectable clock (Store.now() in db/,
// renderer/clock.ts in the UI): a laptop set to UTC must not think it is yesterday between 00:00
// and 02:00 Dutch time. Date arithmetic runs in UTC, so no day is ever 23 or 25 hours long.
// Pure: db/ and the renderer both use it.

const DAY = 86_400_000;

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Dutch calendar day (Europe/Amsterdam) of a moment in ms since the epoch. */
export function dutchDay(ms: number): string {
  return AMSTERDAM.format(new Date(ms));
}

function ms(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function iso(msSinceEpoch: number): string {
  return new Date(msSinceEpoch).toISOString().slice(0, 10);
}

/** ISO date YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = ms(s);
  return !Number.isNaN(t) && iso(t) === s;
}

/** Accepts YYYY-MM-DD or DD-MM-YYYY (also with / or .), returns ISO or null. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let out: string | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) out = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) out = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return out && isIsoDate(out) ? out : null;
}

/** The first millisecond of a Dutch calendar day (Europe/Amsterdam is UTC+1 or UTC+2). */
export function dutchDayStart(isoDate: string): number {
  for (const offset of [1, 2]) {
    const t = ms(isoDate) - offset * 3_600_000;
    if (dutchDay(t) === isoDate && dutchDay(t - 1) !== isoDate) return t;
  }
  return ms(isoDate) - 3_600_000;
}

/**
 * A moment as the command line and reports take it (CONTRACTS.md `--as-known-on`): a date means
 * the end of that Dutch day (its last millisecond); an ISO date-time with a zone is taken as is.
 * Returns ms since the epoch, or null.
 */
export function parseMoment(input: string): number | null {
  const s = input.trim();
  const day = parseDate(s);
  if (day) return dutchDayStart(addDays(day, 1)) - 1;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m || !isIsoDate(m[1]!)) return null;
  if (m[5]) {
    const t = Date.parse(s.replace(' ', 'T'));
    return Number.isNaN(t) ? null : t;
  }
  // Without a zone: Dutch time (the offset that gives back the same wall clock).
  const wall = ms(m[1]!) + (Number(m[2]) * 60 + Number(m[3])) * 60_000 + Number(m[4] ?? 0) * 1000;
  for (const offset of [2, 1]) {
    const t = wall - offset * 3_600_000;
    if (AMSTERDAM_WALL.format(new Date(t)) === `${m[1]}, ${m[2]}:${m[3]}`) return t;
  }
  return null;
}

const AMSTERDAM_WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Formats an ISO date the Dutch way: dd-mm-jjjj. */
export function formatDateNl(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}

export function addDays(isoDate: string, days: number): string {
  return iso(ms(isoDate) + days * DAY);
}

/** Adds calendar months; the 31st of a shorter month becomes its last day (31-01 + 1 month = 28/29-02). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
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

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function monthStart(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export function monthEnd(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return iso(Date.UTC(y, m, 0));
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
export function halfYearOf(isoDate: string): { from: string; to: string } {
  const y = yearOf(isoDate);
  return Number(isoDate.slice(5, 7)) <= 6
    ? { from: `${y}-01-01`, to: `${y}-06-30` }
    : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** The last half year that has ended on or before a date. */
export function lastCompletedHalfYear(isoDate: string): { from: string; to: string } {
  const current = halfYearOf(isoDate);
  return current.to === isoDate ? current : halfYearOf(addDays(current.from, -1));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Whole years of age on `on` (a birthday counts from that day). */
export function ageOn(birth: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) age--;
  return age;
}

/** DOMAIN.md: youth under 27 is steered back to school, so the app flags them. */
export function isUnder27(birth: string | null | undefined, on: string): boolean {
  return Boolean(birth) && ageOn(birth!, on) < 27;
}

export const MONTHS_NL = [
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
] as const;

/** Dutch month abbreviations as the Taalunie writes them (mrt, not maa). */
export const MONTHS_SHORT_NL = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
] as const;

/** "2016-03" -> "maart 2016". */
export function monthNameNl(month: string): string {
  return `${MONTHS_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2016-03" -> "mrt 2016" (chart axes). */
export function shortMonthNl(month: string): string {
  return `${MONTHS_SHORT_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2016-03-01" -> "1 maart 2016" (cover pages and titles). */
export function longDateNl(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${MONTHS_NL[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment (ISO date-time) as Dutch people read it: dd-mm-jjjj uu:mm, Dutch time. */
export function formatMomentNl(isoMoment: string): string {
  const parts = Object.fromEntries(AMSTERDAM_TIME.formatToParts(new Date(isoMoment)).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}
