// PINs and passwords of app users: scrypt (node:crypto) with a random salt per user, stored as
// `scrypt$N$r$p$salt$hash` (base64) so the cost can be raised later without breaking old hashes.
// Verification compares in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../model/errors.js';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEYLEN, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** A PIN has at least 5 digits; a password at least 8 characters. */
export function checkPinStrength(pin: string): void {
  const digitsOnly = /^\d+$/.test(pin);
  if (digitsOnly ? pin.length < 5 : pin.length < 8) {
    throw new AppError(
      'invalid_input',
      'Kies een PIN van minstens 5 cijfers of een wachtwoord van minstens 8 tekens.',
      'pin',
    );
  }
  if (digitsOnly && /^(\d)\1+$/.test(pin))
    throw new AppError('invalid_input', 'Een PIN van één herhaald cijfer is te makkelijk te raden.', 'pin');
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
