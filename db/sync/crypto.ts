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
  // 2^15 x 8 x 128 bytes = 32 MiB and about a tenth of a second: slow for guessing, fine for a person.
  return { N: 1 << 15, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function keyFromPassphrase(passphrase: string, params: ScryptParams): Buffer {
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
