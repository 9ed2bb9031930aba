// Deterministic randomness for demo data: a seeded generator with the few draws the generator
// needs, and synthetic BSNs that pass the eleven-check.
import { bsnCheckDigit } from '../model/bsn.js';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rand {
  r(): number;
  pick<T>(xs: readonly T[]): T;
  /** An integer from lo to hi inclusive. */
  int(lo: number, hi: number): number;
}

export function rand(seed: number): Rand {
  const r = rng(seed);
  return {
    r,
    pick: (xs) => xs[Math.floor(r() * xs.length)]!,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
  };
}

/**
 * A BSN that passes the eleven-check, unique per n up to 2,000,000 (synthetic: starts with 9,
 * or 8 beyond the first million). The first seven digits are a scrambled n (a bijection), and
 * of the ten possible eighth digits at most one gives check digit 10, so one always fits.
 */
export function syntheticBsn(n: number): string {
  const m = n % 1_000_000;
  const prefix = String((n < 1_000_000 ? 9_000_000 : 8_000_000) + ((m * 7919) % 1_000_000));
  for (let d = 0; d <= 9; d++) {
    const check = bsnCheckDigit(`${prefix}${d}`);
    if (check !== null) return `${prefix}${d}${check}`;
  }
  throw new Error(`no BSN for ${n}`);
}
