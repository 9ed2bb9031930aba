// Hybrid logical clock (as in Actual Budget's crdt package): physical milliseconds plus a
// counter plus the device id, encoded so that string order is clock order and ties between
// devices are broken by device id. Format: 15-digit ms, '-', 4 hex counter, '-', device id.

export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export interface HlcParts {
  millis: number;
  counter: number;
  device: string;
}

export function encodeHlc({ millis, counter, device }: HlcParts): string {
  return `${String(millis).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${device}`;
}

let last: { hlc: string; parts: HlcParts } | null = null;

export function decodeHlc(hlc: string): HlcParts {
  // The fields of one write share a clock: checking a segment or snapshot decodes it once per write.
  if (last?.hlc === hlc) return { ...last.parts };
  const m = /^(\d{15})-([0-9a-f]{4})-([0-9a-z]+)$/.exec(hlc);
  if (!m) throw new Error(`Ongeldige klokwaarde: ${hlc}`);
  const parts = { millis: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
  last = { hlc, parts };
  return { ...parts };
}

export class Clock {
  private millis = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    last: string | null,
    private readonly now: () => number = Date.now,
  ) {
    if (last) {
      const p = decodeHlc(last);
      this.millis = p.millis;
      this.counter = p.counter;
    }
  }

  /** A new timestamp for a local event, strictly greater than every one seen so far. */
  tick(): string {
    const phys = this.now();
    if (phys > this.millis) {
      this.millis = phys;
      this.counter = 0;
    } else {
      this.counter++;
      if (this.counter > 0xffff) {
        this.millis++;
        this.counter = 0;
      }
    }
    return encodeHlc({ millis: this.millis, counter: this.counter, device: this.device });
  }

  /**
   * Merges a remote timestamp so later local events sort after it. A remote clock more than
   * MAX_DRIFT_MS ahead of local time is refused (returns false) and does not move this clock:
   * one laptop with a wrong date must not poison everyone (SYNC.md, Clocks).
   */
  receive(remote: string): boolean {
    const r = decodeHlc(remote);
    if (r.millis - this.now() > MAX_DRIFT_MS) return false;
    if (r.millis > this.millis || (r.millis === this.millis && r.counter > this.counter)) {
      this.millis = r.millis;
      this.counter = r.counter;
    }
    return true;
  }

  current(): string {
    return encodeHlc({ millis: this.millis, counter: this.counter, device: this.device });
  }

  /** Wall-clock time of this clock's source (injected in tests), for code that must agree with it. */
  wallTime(): number {
    return this.now();
  }

  /** True when a remote timestamp is more than MAX_DRIFT_MS ahead of local time (it would be refused). */
  isTooFarAhead(remote: string): boolean {
    return decodeHlc(remote).millis - this.now() > MAX_DRIFT_MS;
  }
}

/** Wall-clock time of a journal clock value (15-digit ms prefix) as ISO date-time. */
export function hlcTime(hlc: string): string {
  return new Date(Number(hlc.slice(0, 15))).toISOString();
}
