// Buitengewone werkgevers need regular follow-up (DOMAIN.md, seed 4.4): one rule for Mijn werk,
// the employer list and the employer-follow-up report (CONTRACTS.md). Pure.
import { daysBetween } from './calendar.js';

/** Days after the last contact before a buitengewone werkgever is overdue for a call. */
export const FOLLOW_UP_DAYS = 90;

/** Overdue on `asOf`: never contacted, or the last contact more than `interval` days before. */
export function followUpOverdue(lastContact: string | null, asOf: string, interval = FOLLOW_UP_DAYS): boolean {
  return !lastContact || daysBetween(lastContact, asOf) > interval;
}
