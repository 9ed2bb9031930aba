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
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { NONCE_BYTES, SIGNATURE_BYTES, TAG_BYTES, seal, sha256, signDigest, unseal, verifyDigest } from './crypto.js';
import { renameWithRetry, tempNameFor } from './layout.js';

export const MAGIC = Buffer.from('CLS1', 'latin1');
export const FORMAT = 1;
/**
 * Snapshots whose image holds only the journal and sync bookkeeping (restored by rows): its
 * packed rows (3, written since the lean journal); one change per row (2) and page images (1)
 * are still read.
 */
export const SNAPSHOT_FORMAT = 3;
const SNAPSHOT_FORMATS: unknown[] = [FORMAT, 2, SNAPSHOT_FORMAT];
const MAX_HEADER = 1 << 20;
/** Segment names carry 8 digits; nothing in a header or a vector may go beyond that. */
export const MAX_SEQ = 99_999_999;
export const MAX_EPOCH = 999_999_999;
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
  /** Which team key encrypts the body (1 before any key change; db/sync/keys.ts). */
  keyEpoch?: number;
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
  const within = (v: unknown, min: number, max: number) =>
    Number.isSafeInteger(v) && Number(v) >= min && Number(v) <= max;
  const ok =
    header &&
    typeof header === 'object' &&
    (header.kind === 'segment'
      ? header.format === FORMAT
      : header.kind === 'snapshot' && SNAPSHOT_FORMATS.includes(header.format)) &&
    typeof header.team === 'string' &&
    typeof header.device === 'string' &&
    /^[0-9a-f]{16}$/.test(header.device) &&
    within(header.epoch, 1, MAX_EPOCH) &&
    within(header.seq, 1, MAX_SEQ) &&
    within(header.count, 0, 1e9) &&
    within(header.created, 0, 1e15) &&
    (header.keyEpoch === undefined || within(header.keyEpoch, 1, 1e6));
  if (!ok) throw new BadFile('unparsable', 'kop heeft een onbekende vorm of versie');
  return { header, prefixLength };
}

export interface Keys {
  team: string;
  /** The file key of the current key epoch (what new files are encrypted with). */
  encKey: Buffer;
  /** The current key epoch (written into new headers). */
  keyEpoch?: number;
  /** File keys of every epoch this laptop holds; absent = only encKey (epoch 1). */
  keyFor?: (epoch: number) => Buffer | null;
}

/** The file key a header names; BadFile 'unknown_key' while this laptop does not have it (yet). */
export function fileKeyOf(header: FileHeader, keys: Keys): Buffer {
  const epoch = header.keyEpoch ?? 1;
  const key = keys.keyFor ? keys.keyFor(epoch) : epoch === (keys.keyEpoch ?? 1) ? keys.encKey : null;
  if (!key) throw new BadFile('unknown_key', `versleuteld met teamsleutel ${epoch}, die deze laptop (nog) niet heeft`);
  return key;
}

/** Looks up the pinned public key of a device (null while its device.json is unknown). */
export type PublicKeyOf = (device: string, header?: FileHeader) => string | null;

function checkTeamAndKey(header: FileHeader, keys: Keys, publicKeyOf: PublicKeyOf): string {
  if (header.team !== keys.team) throw new BadFile('foreign', 'bestand hoort bij een ander team');
  const pub = publicKeyOf(header.device, header);
  if (!pub) throw new BadFile('unknown_device', `apparaat ${header.device} is (nog) onbekend`);
  return pub;
}

export function encodeSegment(header: FileHeader, plaintext: Buffer, keys: Keys, signer: KeyObject): Buffer {
  if (keys.keyEpoch && keys.keyEpoch > 1) header = { ...header, keyEpoch: keys.keyEpoch };
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
  const key = fileKeyOf(header, keys);
  let packed: Buffer;
  try {
    packed = unseal(key, body.subarray(prefixLength), body.subarray(0, prefixLength));
  } catch {
    throw new BadFile('decrypt', 'ontsleutelen mislukt');
  }
  try {
    return { header, plaintext: inflateRawSync(packed, { maxOutputLength: LIMITS.segmentBody }) };
  } catch {
    throw new BadFile('content', 'uitpakken mislukt (beschadigd of groter dan toegestaan)');
  }
}

/**
 * Reads a segment file through one handle: size checked on the handle first, then the header
 * (refused early when it is no segment of this team), then the rest. The bytes returned are the
 * bytes that are verified and decrypted: the file is never read twice.
 */
export function readSegmentFile(path: string, team: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > LIMITS.segment)
      throw new BadFile('too_big', `te groot voor een segment (${size} bytes, maximaal ${LIMITS.segment}): genegeerd`);
    const buf = Buffer.alloc(size);
    const fill = (from: number, to: number) => {
      for (let off = from; off < to;) {
        const n = readSync(fd, buf, off, to - off, off);
        if (n === 0) throw new BadFile('truncated', 'bestand is (nog) onvolledig');
        off += n;
      }
    };
    const headEnd = Math.min(size, 64 << 10);
    fill(0, headEnd);
    if (headEnd >= 8 && buf.readUInt32BE(4) + 8 <= headEnd) {
      const { header } = parseHeader(buf.subarray(0, headEnd), size);
      if (header.team !== team) throw new BadFile('foreign', 'bestand hoort bij een ander team');
    } else parseHeader(buf.subarray(0, headEnd), size); // throws the reason (or the header is big: read on)
    fill(headEnd, size);
    return buf;
  } finally {
    closeSync(fd);
  }
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

/** Reads a streamed file's header without verifying anything (a catalogue of snapshots). */
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

/** Counts bytes going through and stops the stream past a limit (bounded decompression). */
function capped(limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      total += chunk.length;
      if (total > limit) cb(new BadFile('too_big', 'uitgepakt groter dan toegestaan'));
      else cb(null, chunk);
    },
  });
}

/**
 * Verifies a streamed file (snapshot) and decrypts it into `dest` (a private temp file), reading
 * the folder's file through ONE handle in ONE pass: every byte read is hashed for the signature
 * and the ciphertext part is fed to AES-GCM and inflate on its way to `dest`. Nothing of `dest`
 * is used unless, at the end, both the Ed25519 signature over the hash and the GCM tag check
 * out; otherwise `dest` is removed and BadFile is thrown. The header is taken from the same
 * bytes, so the file cannot change between check and use. Decompression is capped.
 */
export async function readStreamedFile(
  path: string,
  keys: Keys,
  publicKeyOf: PublicKeyOf,
  dest: string,
): Promise<FileHeader> {
  const fd = openSync(path, 'r');
  let closed = false;
  try {
    const size = fstatSync(fd).size;
    if (size > LIMITS.snapshot) throw new BadFile('too_big', `te groot (${size} bytes)`);
    const head = Buffer.alloc(Math.min(size, MAX_HEADER + 8));
    readSync(fd, head, 0, head.length, 0);
    const { header, prefixLength } = parseHeader(head, size);
    const pub = checkTeamAndKey(header, keys, publicKeyOf);
    const key = fileKeyOf(header, keys);
    const cipherStart = prefixLength + NONCE_BYTES;
    const tagStart = size - SIGNATURE_BYTES - TAG_BYTES;
    if (tagStart < cipherStart) throw new BadFile('truncated', 'bestand is (nog) onvolledig');
    const tail = Buffer.alloc(SIGNATURE_BYTES + TAG_BYTES);
    readSync(fd, tail, 0, tail.length, tagStart);
    const tag = tail.subarray(0, TAG_BYTES);
    const sig = tail.subarray(TAG_BYTES);
    const hash = createHash('sha256');
    hash.update(head.subarray(0, cipherStart));
    const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(prefixLength, cipherStart));
    decipher.setAAD(head.subarray(0, prefixLength));
    decipher.setAuthTag(tag);
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const out = createWriteStream(dest, { highWaterMark: 4 * CHUNK, mode: 0o600, flags: 'wx' });
    // Deflate of SQLite pages is a few times smaller; a ratio beyond 64 is no real snapshot.
    const limit = Math.min(LIMITS.snapshotBody, Math.max(64 << 20, 64 * size));
    let streamFailed: unknown = null;
    try {
      await pipeline(
        createReadStream('', { fd, start: cipherStart, end: tagStart - 1, highWaterMark: CHUNK, autoClose: false }),
        hashing,
        decipher,
        createInflateRaw({ chunkSize: CHUNK }),
        capped(limit),
        out,
      );
    } catch (e) {
      streamFailed = e;
    }
    hash.update(tag);
    if (!verifyDigest(pub, hash.digest(), sig)) {
      rmSync(dest, { force: true });
      throw new BadFile('signature', 'handtekening klopt niet (onvolledig of vervalst bestand)');
    }
    if (streamFailed) {
      rmSync(dest, { force: true });
      if (streamFailed instanceof BadFile) throw streamFailed;
      throw new BadFile('decrypt', 'ontsleutelen of uitpakken mislukt');
    }
    closeSync(fd);
    closed = true;
    return header;
  } catch (e) {
    rmSync(dest, { force: true });
    throw e;
  } finally {
    if (!closed) closeSync(fd);
  }
}
