// The renderer's one clock: "today" is the Europe/Amsterdam calendar day (db/model/calendar.ts),
// whatever time zone the laptop or the test machine runs in. Tests set the moment with setNow.
import { dutchDay } from '../db/model/calendar.js';

let nowFn: () => number = () => Date.now();

/** Replaces the clock's source (tests); `null` restores the system clock. */
export function setNow(fn: (() => number) | null): void {
  nowFn = fn ?? (() => Date.now());
}

export function now(): number {
  return nowFn();
}

/** Today in the Netherlands as an ISO date (YYYY-MM-DD). */
export function today(): string {
  return dutchDay(nowFn());
}
