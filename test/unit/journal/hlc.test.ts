import { describe, expect, it } from 'vitest';
import { Clock, MAX_DRIFT_MS, decodeHlc } from '../../../db/journal/hlc.js';

describe('hybrid logical clock', () => {
  it('ticks strictly upward even when the wall clock stands still or goes back', () => {
    let now = 1_000_000;
    const c = new Clock('aaaa', null, () => now);
    const a = c.tick();
    const b = c.tick();
    now -= 5000;
    const d = c.tick();
    expect(a < b && b < d).toBe(true);
    expect(decodeHlc(d).millis).toBe(1_000_000);
  });

  it('orders events after a remote clock it has received', () => {
    const c = new Clock('aaaa', null, () => 1000);
    const remote = new Clock('bbbb', null, () => 5000).tick();
    expect(c.receive(remote)).toBe(true);
    expect(c.tick() > remote).toBe(true);
  });

  it('refuses a remote clock more than a day ahead and does not move', () => {
    const now = Date.UTC(2026, 0, 1);
    const c = new Clock('aaaa', null, () => now);
    const before = c.tick();
    const far = new Clock('bbbb', null, () => now + MAX_DRIFT_MS + 60_000).tick();
    expect(c.receive(far)).toBe(false);
    expect(c.current()).toBe(before);
  });

  it('breaks ties between devices by device id', () => {
    const a = new Clock('aaaa', null, () => 42).tick();
    const b = new Clock('bbbb', null, () => 42).tick();
    expect(a < b).toBe(true);
  });
});
