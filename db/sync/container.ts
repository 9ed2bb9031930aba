// The file format of segments (.cjl) and snapshots (.csnap): nothing readable but the header.
//   'CLS1' | u32 header length | header JSON | nonce(12) | AES-256-GCM ciphertext | tag(16) | signature(64)
// The header (format, team, device, epoch, seq, count, ...) is the associated data of the
// encryption, so it cannot be swapped onto another body; the Ed25519 signature of the device
// covers the SHA-256 of everything before it. The body is deflate-compressed before encryption.
// Segments are handled in memory; snapshots (hundreds of MB) are streamed.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes, type KeyObject } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { NONCE_BYTES, SIGNATURE_BYTES, TAG_BYTES, seal, sha256, signDigest, unseal, verifyDigest } from './crypto.js';
import { renameWithRetry, tempNameFor } from './layout.js';

export const MAGIC = Buffer.from('CLS1', 'latin1');
export const FORMAT = 1;
const MAX_HEADER = 1 << 20;
const MAX_SEGMENT_BODY = 512 << 20;
/** Stream chunk size for snapshots: large chunks keep system calls few on files of hundreds of MB. */
const CHUNK = 1 << 20;

export interface FileHeader {
  format: number;
  kind: 'segment' | 'snapshot';
  team: string;
  device: string;
  epoch: number;
  seq: number;
  /** Field changes in a segment; journal entries in a snapshot. */
  count: number;
  /** ms since epoch on the writer's clock. */
  created: number;
  [extra: string]: unknown;
}

/** Why a file could not be used; all kinds are retried, then quarantined (db/sync/ingest.ts). */
export type BadKind =
  | 'truncated'
  | 'unparsable'
  | 'foreign'
  | 'unknown_device'
  | 'unknown_key'
  | 'revoked'
  | 'too_big'
  | 'signature'
  | 'decrypt'
  | 'content'
  | 'future';

export class BadFile extends Error {
  constructor(
    readonly kind: BadKind,
    message: string,
  ) {
    super(message);
    this.name = 'BadFile';
  }
}

/** Size limits of files read from the shared folder, checked on the open handle before reading. */
export const LIMITS = {
  /** A segment holds at most 50,000 changes (publish.ts) and is compressed: 64 MiB is ample. */
  segment: 64 << 20,
  /** Its decompressed payload (the publisher keeps it under 48 MiB). */
  segmentBody: 96 << 20,
  deviceFile: 1 << 20,
  teamFile: 1 << 20,
  /** A key change (keys/e-N.json) lists the removed laptops' segments: a few MiB at most. */
  keyFile: 32 << 20,
  /** A snapshot is streamed to a private temp file; 4 GiB compressed, 16 GiB decompressed. */
  snapshot: 4 * 1024 ** 3,
  snapshotBody: 16 * 1024 ** 3,
} as const;

/**
 * Reads a whole small file through one handle: the size is checked on that handle (fstat) before
 * a byte is read, and exactly that many bytes are read, so a file growing or swapped meanwhile
 * cannot make us read more. Returns null when the file is gone.
 */
export function readBounded(path: string, max: number, what: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > max) throw new BadFile('too_big', `${what} is te groot (${size} bytes, maximaal ${max}): genegeerd`);
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function prefixOf(header: FileHeader): Buffer {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(h.length);
  return Buffer.concat([MAGIC, len, h]);
}

/** Parses the header from the first bytes of a file (not yet authenticated). */
export function parseHeader(head: Buffer, fileSize: number): { header: FileHeader; prefixLength: number } {
  if (head.length < 8) throw new BadFile('truncated', 'bestand is (nog) onvolledig');
  if (!head.subarray(0, 4).equals(MAGIC)) throw new BadFile('unparsable', 'geen Caseload-syncbestand');
  const len = head.readUInt32BE(4);
  if (len > MAX_HEADER) throw new BadFile('unparsable', 'kop is te groot');
  const prefixLength = 8 + len;
  if (head.length < prefixLength || fileSize < prefixLength + NONCE_BYTES + TAG_BYTES + SIGNATURE_BYTES) {
    throw new BadFile('truncated', 'bestand is (nog) onvolledig');
  }
  let header: FileHeader;
  try {
    header = JSON.parse(head.subarray(8, prefixLength).toString('utf8')) as FileHeader;
  } catch {
    throw new BadFile('unparsable', 'kop is geen geldige JSON');
  }
  const ok =
    header &&
    typeof header === 'object' &&
    header.format === FORMAT &&
    (header.kind === 'segment' || header.kind === 'snapshot') &&
    typeof header.team === 'string' &&
    typeof header.device === 'string' &&
    /^[0-9a-f]{16}$/.test(header.device) &&
    Number.isSafeInteger(header.epoch) &&
    header.epoch > 0 &&
    Number.isSafeInteger(header.seq) &&
    header.seq > 0 &&
    Number.isSafeInteger(header.count) &&
    header.count >= 0 &&
    Number.isSafeInteger(header.created);
  if (!ok) throw new BadFile('unparsable', 'kop heeft een onbekende vorm of versie');
  return { header, prefixLength };
}

export interface Keys {
  team: string;
  encKey: Buffer;
}

/** Looks up the pinned public key of a device (null while its device.json is unknown). */
export type PublicKeyOf = (device: string) => string | null;

function checkTeamAndKey(header: FileHeader, keys: Keys, publicKeyOf: PublicKeyOf): string {
  if (header.team !== keys.team) throw new BadFile('foreign', 'bestand hoort bij een ander team');
  const pub = publicKeyOf(header.device);
  if (!pub) throw new BadFile('unknown_device', `apparaat ${header.device} is (nog) onbekend`);
  return pub;
}

export function encodeSegment(header: FileHeader, plaintext: Buffer, keys: Keys, signer: KeyObject): Buffer {
  const prefix = prefixOf(header);
  const body = Buffer.concat([prefix, seal(keys.encKey, deflateRawSync(plaintext, { level: 6 }), prefix)]);
  return Buffer.concat([body, signDigest(signer, sha256(body))]);
}

/** Verifies and decrypts a whole segment file; throws BadFile with the reason. */
export function decodeSegment(
  buf: Buffer,
  keys: Keys,
  publicKeyOf: PublicKeyOf,
): { header: FileHeader; plaintext: Buffer } {
  const { header, prefixLength } = parseHeader(buf, buf.length);
  const pub = checkTeamAndKey(header, keys, publicKeyOf);
  const body = buf.subarray(0, buf.length - SIGNATURE_BYTES);
  if (!verifyDigest(pub, sha256(body), buf.subarray(buf.length - SIGNATURE_BYTES))) {
    throw new BadFile('signature', 'handtekening klopt niet (onvolledig of vervalst bestand)');
  }
  let plaintext: Buffer;
  try {
    const packed = unseal(keys.encKey, body.subarray(prefixLength), body.subarray(0, prefixLength));
    plaintext = inflateRawSync(packed, { maxOutputLength: MAX_SEGMENT_BODY });
  } catch {
    throw new BadFile('decrypt', 'ontsleutelen mislukt');
  }
  return { header, plaintext };
}

/** Streams `source` (a file) compressed, encrypted and signed into `target` (atomically). */
export async function writeStreamedFile(
  target: string,
  header: FileHeader,
  source: string,
  keys: Keys,
  signer: KeyObject,
): Promise<void> {
  const prefix = prefixOf(header);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encKey, nonce);
  cipher.setAAD(prefix);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempNameFor(target);
  const hash = createHash('sha256');
  const out = createWriteStream(tmp, { flags: 'wx' });
  const put = (b: Buffer) => {
    hash.update(b);
    return b;
  };
  try {
    out.write(put(prefix));
    out.write(put(nonce));
    await pipeline(
      createReadStream(source, { highWaterMark: CHUNK }),
      createDeflateRaw({ level: 1, chunkSize: CHUNK }),
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          if (out.write(put(cipher.update(chunk)))) cb();
          else out.once('drain', () => cb());
        },
        final(cb) {
          out.write(put(cipher.final()));
          out.write(put(cipher.getAuthTag()));
          out.end(signDigest(signer, hash.digest()), () => cb());
        },
      }),
    );
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existsSync(target)) throw new Error(`${target} bestaat al`);
    renameWithRetry(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Reads a streamed file's header without verifying anything (choosing among snapshots). */
export function peekHeader(path: string): FileHeader {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER + 8));
    readSync(fd, head, 0, head.length, 0);
    return parseHeader(head, size).header;
  } finally {
    closeSync(fd);
  }
}

/**
 * Verifies a streamed file's signature, then decrypts and decompresses it into `dest`. `dest`
 * exists only when everything checked out (GCM tag included); otherwise BadFile is thrown.
 */
export async function readStreamedFile(
  path: string,
  keys: Keys,
  publicKeyOf: PublicKeyOf,
  dest: string,
): Promise<FileHeader> {
  const fd = openSync(path, 'r');
  let size: number;
  let header: FileHeader;
  let prefixLength: number;
  const sig = Buffer.alloc(SIGNATURE_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER + 8));
    readSync(fd, head, 0, head.length, 0);
    ({ header, prefixLength } = parseHeader(head, size));
    readSync(fd, sig, 0, SIGNATURE_BYTES, size - SIGNATURE_BYTES);
    readSync(fd, tag, 0, TAG_BYTES, size - SIGNATURE_BYTES - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const pub = checkTeamAndKey(header, keys, publicKeyOf);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start: 0, end: size - SIGNATURE_BYTES - 1, highWaterMark: CHUNK }))
    hash.update(chunk as Buffer);
  if (!verifyDigest(pub, hash.digest(), sig))
    throw new BadFile('signature', 'handtekening klopt niet (onvolledig of vervalst bestand)');
  const nonce = Buffer.alloc(NONCE_BYTES);
  const nfd = openSync(path, 'r');
  try {
    readSync(nfd, nonce, 0, NONCE_BYTES, prefixLength);
  } finally {
    closeSync(nfd);
  }
  const head = Buffer.alloc(prefixLength);
  const hfd = openSync(path, 'r');
  try {
    readSync(hfd, head, 0, prefixLength, 0);
  } finally {
    closeSync(hfd);
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encKey, nonce);
  decipher.setAAD(head);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(path, {
        start: prefixLength + NONCE_BYTES,
        end: size - SIGNATURE_BYTES - TAG_BYTES - 1,
        highWaterMark: CHUNK,
      }),
      decipher,
      createInflateRaw({ chunkSize: CHUNK }),
      createWriteStream(dest, { highWaterMark: 4 * CHUNK }),
    );
  } catch {
    rmSync(dest, { force: true });
    throw new BadFile('decrypt', 'ontsleutelen mislukt');
  }
  return header;
}
