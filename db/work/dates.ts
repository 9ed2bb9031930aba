// Calendar facts the daily work needs: today's date in the Netherlands, adding days, months and
// years to ISO dates (YYYY-MM-DD), age on a day. UTC arithmetic, so no daylight-saving surprises.
const DAY = 86_400_000;

/** Today's date in Europe/Amsterdam (the laptop may run in UTC). */
export function todayNl(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Adds calendar months; the 31st of a shorter month becomes its last day (31-01 + 1 month = 28/29-02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
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

/** Wall-clock time of a journal clock value (15-digit ms prefix) as ISO date-time. */
export function hlcTime(hlc: string): string {
  return new Date(Number(hlc.slice(0, 15))).toISOString();
}
