// Sign-in passphrases of app users: scrypt (node:crypto) with a random salt per user, stored as
// `scrypt$N$r$p$salt$hash` (base64) so the cost can be raised later without breaking old hashes.
//
// The hashes sync to every laptop of the team (users are team data), so anyone holding the team
// key can guess offline, where no lockout applies. That decides the rules: a passphrase of at
// least 12 characters (no PINs), and scrypt N=2^17, r=8, p=1 (128 MiB, OWASP's current
// minimum for scrypt). Parameters are read from synced data, so they are bounds-checked before
// any derivation: a huge N from a hostile laptop must not exhaust memory. Verification compares
// in constant time. docs/security.md ("Sign-in") has the arithmetic.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../model/errors.js';

export const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEYLEN = 32;
/** scrypt needs 128 * N * r bytes; older hashes (N=2^14) stay verifiable, nothing above 256 MiB. */
const MIN_LOG_N = 14;
const MAX_LOG_N = 18;
const MAX_MEM = 256 * 1024 * 1024;
export const MIN_PASSPHRASE = 12;

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEYLEN, { ...opts, maxmem: MAX_MEM + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Refuses a passphrase an offline guesser would find: too short, or one character repeated. */
export function checkPassphraseStrength(passphrase: string, field = 'pin'): void {
  const chars = [...passphrase.normalize('NFC')];
  if (chars.length < MIN_PASSPHRASE) {
    throw new AppError(
      'invalid_input',
      `Kies een wachtwoord van minstens ${MIN_PASSPHRASE} tekens, bijvoorbeeld een paar woorden achter elkaar.`,
      field,
    );
  }
  if (new Set(chars).size < 4)
    throw new AppError(
      'invalid_input',
      'Dit wachtwoord is te makkelijk te raden: gebruik meer verschillende tekens.',
      field,
    );
}

export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt, KDF);
  return `scrypt$${KDF.N}$${KDF.r}$${KDF.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** The stored form, or null when it is malformed or its parameters are out of bounds. */
export function parseHash(stored: string | null | undefined): Parsed | null {
  if (!stored || stored.length > 400) return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  if (![n, r, p].every((x) => /^[1-9]\d{0,7}$/.test(x))) return null;
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  const logN = Math.log2(N);
  if (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > MAX_LOG_N) return null;
  if (R < 1 || R > 32 || P < 1 || P > 4 || 128 * N * R > MAX_MEM) return null;
  const s = Buffer.from(salt, 'base64');
  const h = Buffer.from(hash, 'base64');
  if (s.length < 16 || s.length > 64 || h.length !== KEYLEN) return null;
  return { N, r: R, p: P, salt: s, hash: h };
}

/** Whether a stored hash was made with weaker parameters than today's (rehash after sign-in). */
export function isOutdated(stored: string): boolean {
  const p = parseHash(stored);
  return !p || p.N < KDF.N || p.r < KDF.r;
}

export async function verifyPassphrase(passphrase: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(passphrase, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.hash);
}
