// How a report period is named in titles: exactly one calendar quarter is "1e kwartaal 2026",
// exactly one half year "eerste halfjaar 2026" (the seed: quarterly reports in 2015, half-yearly
// from 2016); any other period has no name and is shown by its dates.
import { monthEnd, yearOf } from '../model/calendar.js';

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];

/** "1e kwartaal 2026" when [from, to] is exactly one calendar quarter, else null. */
export function quarterName(from: string, to: string): string | null {
  const q = QUARTER_STARTS.indexOf(from.slice(5));
  if (q < 0 || yearOf(to) !== yearOf(from)) return null;
  const lastMonth = `${yearOf(from)}-${String(q * 3 + 3).padStart(2, '0')}-01`;
  return to === monthEnd(lastMonth) ? `${q + 1}e kwartaal ${yearOf(from)}` : null;
}

/** "eerste halfjaar 2026" / "tweede halfjaar 2026" when [from, to] is exactly one, else null. */
export function halfYearName(from: string, to: string): string | null {
  const y = yearOf(from);
  if (from === `${y}-01-01` && to === `${y}-06-30`) return `eerste halfjaar ${y}`;
  if (from === `${y}-07-01` && to === `${y}-12-31`) return `tweede halfjaar ${y}`;
  return null;
}

/** The name of the period, when it is a quarter or a half year. */
export function periodName(from: string, to: string): string | null {
  return quarterName(from, to) ?? halfYearName(from, to);
}
