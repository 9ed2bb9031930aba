// The cryptography of sync, in one place: passphrase -> key-encryption key (scrypt), the team
// key's subkeys (HKDF), authenticated encryption (AES-256-GCM, random 96-bit nonce per message,
// associated data bound), and device signatures (Ed25519). Only node:crypto, no own primitives.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
  createCipheriv,
  createDecipheriv,
  type KeyObject,
} from 'node:crypto';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export function newScryptParams(): ScryptParams {
  // OWASP's current guidance for scrypt: N=2^17, r=8, p=1 (128 MiB, about half a second here):
  // slow for guessing, fine for a person who types it once per laptop.
  return { N: 1 << 17, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

/**
 * Bounds for parameters read from the shared folder (team.json), checked before anything is
 * allocated: a huge N or r would exhaust memory, a huge p would run for hours. The lower bounds
 * admit teams made by earlier versions (N=2^15).
 */
export const SCRYPT_BOUNDS = { minN: 1 << 15, maxN: 1 << 20, maxR: 16, maxP: 4, maxMem: 256 << 20, maxWork: 1 << 22 };

/** Why these scrypt parameters are refused (Dutch), or null when they are within bounds. */
export function scryptParamsProblem(p: unknown): string | null {
  const q = (p ?? {}) as Partial<ScryptParams>;
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
  const { minN, maxN, maxR, maxP, maxMem, maxWork } = SCRYPT_BOUNDS;
  if (!int(q.N) || !int(q.r) || !int(q.p)) return 'scrypt-parameters ontbreken of zijn geen gehele getallen';
  if ((q.N & (q.N - 1)) !== 0 || q.N < minN || q.N > maxN) return `scrypt N=${q.N} valt buiten 2^15..2^20`;
  if (q.r > maxR || q.p > maxP) return `scrypt r=${q.r}, p=${q.p} te groot`;
  if (128 * q.N * q.r > maxMem) return `scrypt vraagt ${(128 * q.N * q.r) >> 20} MiB geheugen (maximaal 256)`;
  if (q.N * q.r * q.p > maxWork) return 'scrypt-parameters vragen te veel rekenwerk';
  if (typeof q.salt !== 'string' || q.salt.length > 200) return 'scrypt-salt ontbreekt';
  const salt = Buffer.from(q.salt, 'base64');
  if (salt.length < 16 || salt.length > 64) return 'scrypt-salt heeft een onjuiste lengte';
  return null;
}

export function keyFromPassphrase(passphrase: string, params: ScryptParams): Buffer {
  const problem = scryptParamsProblem(params);
  if (problem) throw new RangeError(problem); // callers check first; this is the last line of defence
  const maxmem = 256 * params.N * params.r + (1 << 20);
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem,
  });
}

/** A purpose-bound key from the team key (one for file encryption, one for BSN ids, ...). */
export function subkey(teamKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', teamKey, Buffer.alloc(0), `caseload-sync:${purpose}`, 32));
}

/** nonce | ciphertext | tag */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

/** Opens what `seal` made; throws when the key, the data or the associated data differ. */
export function unseal(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('te kort');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([d.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), d.final()]);
}

export interface DeviceKeys {
  /** Raw 32-byte Ed25519 public key, base64url (as in JWK). */
  publicKey: string;
  privateKey: KeyObject;
}

export function newDeviceKeys(): DeviceKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'jwk' }).x!, privateKey };
}

export function privateKeyToDer(k: KeyObject): Buffer {
  return k.export({ format: 'der', type: 'pkcs8' });
}

export function privateKeyFromDer(der: Buffer): DeviceKeys {
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey).export({ format: 'jwk' }).x! };
}

function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
}

/** Signs the SHA-256 digest of the data (so big files can be hashed as a stream). */
export function signDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  return sign(null, digest, privateKey);
}

export function verifyDigest(publicKey: string, digest: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, digest, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

export function sha256(...parts: Buffer[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}
