// Which backups to keep: the newest of each of the last 7 days that have a backup, and the newest
// of each of the last 4 ISO weeks that have one (restic's --keep-daily 7 --keep-weekly 4). Days
// and weeks are Europe/Amsterdam calendar days. Pure: the folder is read and pruned elsewhere.
import { dutchDay } from '../model/calendar.js';

export const KEEP = { daily: 7, weekly: 4 } as const;

export interface Dated {
  name: string;
  /** ISO date-time (UTC). */
  createdAt: string;
}

/** The Europe/Amsterdam calendar day of a moment. */
export function dayOf(createdAt: string): string {
  return dutchDay(Date.parse(createdAt));
}

/** ISO 8601 week of a calendar day, as 'YYYY-Www' (the week's year can differ from the day's). */
export function isoWeekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Names to delete so that only the kept backups remain. */
export function planRotation(backups: Dated[], keep: { daily: number; weekly: number } = KEEP): string[] {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
  const kept = new Set<string>();
  const pick = (bucket: (b: Dated) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = bucket(b);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(b.name);
    }
  };
  pick((b) => dayOf(b.createdAt), keep.daily);
  pick((b) => isoWeekOf(dayOf(b.createdAt)), keep.weekly);
  return newestFirst.filter((b) => !kept.has(b.name)).map((b) => b.name);
}
