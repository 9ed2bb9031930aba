// Team keys over time, and who is in the team. Removing a laptop (remove.ts) starts a new key
// epoch: a new random team key, wrapped (1) under a new passphrase for laptops that join later
// and (2) for each remaining laptop under an X25519 key only that laptop holds, so the others
// carry on without typing anything. The change is written as keys/e-<epoch>.json:
//   { body: "<JSON text>", macPrev, macNew, signature }
// body: team, epoch, who made it, the members (device -> signing key), the wraps, the removed
// laptops (cumulative, with the segments of theirs that count), the previous key sealed under
// the new one (so a holder of the new key can read older files), the passphrase wrap and a key
// check. macPrev (HMAC with the previous key) lets the members follow it; macNew (HMAC with the
// new key) lets a laptop that joins with the new passphrase trust it; the signature names the
// laptop that made it. A removed laptop has neither the new key nor a wrap: it can read nothing
// written afterwards, and what it signs afterwards is refused (devices.ts, ingest.ts).
//
// On this laptop: the keys of every epoch, its Ed25519 signing key and X25519 wrapping key are
// kept in meta `sync_keyring`, sealed under the current team key (which the key store keeps).
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { BadFile, FORMAT, LIMITS, readBounded } from './container.js';
import {
  privateKeyFromDer,
  privateKeyToDer,
  newDeviceKeys,
  seal,
  sha256,
  signDigest,
  subkey,
  unseal,
  verifyDigest,
} from './crypto.js';
import type { KeyStore, PassphraseSource } from './keystore.js';
import type { SyncContext } from './context.js';
import { recordProblem } from './problems.js';
import { listDir, writeBufferAtomic } from './layout.js';
import { checkKdf, keyCheckOf, passphraseKey, WRONG_PASSPHRASE, wrapAad, type TeamFile } from './team.js';

export const keysDir = (root: string) => join(root, 'keys');
export const keyChangeFile = (root: string, epoch: number) => join(keysDir(root), `e-${epoch}.json`);
const MAX_KEY_EPOCH = 1_000_000;

/** A laptop taken out of the team, and the segments it wrote before that still count. */
export interface RevokedDevice {
  publicKey: string;
  name: string;
  at: number;
  by: string;
  /** `${epoch}.${seq}.${sha256 hex}` of its segments the remover had applied. */
  segments: string[];
}

export interface KeyChangeBody {
  format: number;
  team: string;
  epoch: number;
  created: number;
  by: string;
  byKey: string;
  /** device -> Ed25519 public key of every laptop that stays. */
  members: Record<string, string>;
  /** device -> the new key wrapped for it (X25519 ephemeral key + sealed key). */
  wraps: Record<string, { epk: string; box: string }>;
  revoked: Record<string, RevokedDevice>;
  /** The previous team key sealed under the new one, and its key check (laptops holding it find their place). */
  prevKey: string;
  prevKeyCheck: string;
  passphrase: { kdf: TeamFile['kdf']; wrappedKey: string };
  keyCheck: string;
}

interface KeyChangeFile {
  body: string;
  macPrev: string;
  macNew: string;
  signature: string;
}

/** Who counts as a member here: read every round, changed only by an accepted key change. */
export interface TrustState {
  epoch: number;
  members: Record<string, string> | null;
  revoked: Record<string, RevokedDevice>;
}

const TRUST_META = 'sync_trust';
const RING_META = 'sync_keyring';
const RING_EPOCH_META = 'sync_key_epoch';
/** device -> { box: X25519 public key, epoch: highest key epoch of its accepted device.json } */
const DEVICE_KEYS_META = 'sync_device_keys';

export function loadTrust(store: Store): TrustState {
  const raw = store.getMeta(TRUST_META);
  return raw ? (JSON.parse(raw) as TrustState) : { epoch: 1, members: null, revoked: {} };
}

export interface DeviceKeyInfo {
  box: string | null;
  epoch: number;
}

export function loadDeviceKeys(store: Store): Record<string, DeviceKeyInfo> {
  const raw = store.getMeta(DEVICE_KEYS_META);
  return raw ? (JSON.parse(raw) as Record<string, DeviceKeyInfo>) : {};
}

export function noteDeviceKeys(store: Store, device: string, box: string | null, epoch: number): void {
  const all = loadDeviceKeys(store);
  const prev = all[device];
  const next = { box: box ?? prev?.box ?? null, epoch: Math.max(epoch, prev?.epoch ?? 0) };
  if (prev && prev.box === next.box && prev.epoch === next.epoch) return;
  all[device] = next;
  store.setMeta(DEVICE_KEYS_META, JSON.stringify(all));
}

/**
 * Whether a device may author changes here: not removed, and at a key epoch after a removal
 * either a member of the key change or proven by a device.json sealed with the current key.
 */
export function isTrusted(trust: TrustState, keys: Record<string, DeviceKeyInfo>, device: string, pub: string) {
  if (trust.revoked[device]) return false;
  if (trust.epoch <= 1 || !trust.members) return true;
  return trust.members[device] === pub || (keys[device]?.epoch ?? 0) >= trust.epoch;
}

// ---- X25519 wrapping -------------------------------------------------------------------------

export function newBoxKey(): KeyObject {
  return generateKeyPairSync('x25519').privateKey;
}

export function boxPublic(k: KeyObject): string {
  return createPublicKey(k).export({ format: 'jwk' }).x!;
}

const x25519Public = (x: string) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
const wrapInfo = (team: string, epoch: number, device: string) => `caseload-key-wrap:${team}:${epoch}:${device}`;

function wrapKeyFor(team: string, epoch: number, device: string, devBox: string, key: Buffer) {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: x25519Public(devBox) });
  const epk = eph.publicKey.export({ format: 'jwk' }).x!;
  const kek = Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk + devBox), wrapInfo(team, epoch, device), 32));
  return { epk, box: seal(kek, key, Buffer.from(wrapInfo(team, epoch, device))).toString('base64') };
}

function unwrapKeyFor(team: string, epoch: number, device: string, box: KeyObject, w: { epk: string; box: string }) {
  const shared = diffieHellman({ privateKey: box, publicKey: x25519Public(w.epk) });
  const kek = Buffer.from(
    hkdfSync('sha256', shared, Buffer.from(w.epk + boxPublic(box)), wrapInfo(team, epoch, device), 32),
  );
  return unseal(kek, Buffer.from(w.box, 'base64'), Buffer.from(wrapInfo(team, epoch, device)));
}

// ---- key change files --------------------------------------------------------------------------

const mac = (key: Buffer, body: string) =>
  createHmac('sha256', subkey(key, 'key-change')).update(body).digest('base64');
const chainAad = (team: string, epoch: number) => Buffer.from(`key-chain:${team}:${epoch}`);

function macOk(key: Buffer, body: string, expected: string): boolean {
  const a = Buffer.from(mac(key, body));
  const b = Buffer.from(typeof expected === 'string' ? expected : '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads keys/e-<epoch>.json (bounded); null when absent. Not yet authenticated. */
export function readKeyChange(root: string, epoch: number): { file: KeyChangeFile; body: KeyChangeBody } | null {
  const buf = readBounded(keyChangeFile(root, epoch), LIMITS.keyFile, `sleutelwissel ${epoch}`);
  if (!buf) return null;
  let file: KeyChangeFile;
  let body: KeyChangeBody;
  try {
    file = JSON.parse(buf.toString('utf8')) as KeyChangeFile;
    body = JSON.parse(file.body) as KeyChangeBody;
  } catch {
    throw new BadFile('unparsable', `sleutelwissel ${epoch} is onleesbaar`);
  }
  const obj = (v: unknown) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
  if (
    body.format !== FORMAT ||
    body.epoch !== epoch ||
    typeof body.by !== 'string' ||
    typeof body.byKey !== 'string' ||
    !obj(body.members) ||
    !obj(body.wraps) ||
    !obj(body.revoked) ||
    typeof body.prevKey !== 'string' ||
    !obj(body.passphrase) ||
    typeof body.keyCheck !== 'string' ||
    typeof body.prevKeyCheck !== 'string' ||
    Object.values(body.revoked).some((r) => !r || typeof r.publicKey !== 'string' || !Array.isArray(r.segments))
  )
    throw new BadFile('unparsable', `sleutelwissel ${epoch} heeft een onbekende vorm`);
  return { file, body };
}

/** The key changes present, as epochs above `from` in a row (stops at the first missing one). */
export function latestKeyEpoch(root: string, from: number): number {
  const present = new Set(
    listDir(keysDir(root))
      .map((n) => /^e-(\d{1,7})\.json$/.exec(n)?.[1])
      .filter(Boolean)
      .map(Number),
  );
  let e = from;
  while (e < MAX_KEY_EPOCH && present.has(e + 1)) e++;
  return e;
}

function verifySignature(file: KeyChangeFile, body: KeyChangeBody): boolean {
  return verifyDigest(
    body.byKey,
    sha256(Buffer.from(file.body), Buffer.from(file.macPrev ?? ''), Buffer.from(file.macNew ?? '')),
    Buffer.from(file.signature ?? '', 'base64'),
  );
}

export function writeKeyChange(root: string, body: KeyChangeBody, prev: Buffer, next: Buffer, signer: KeyObject) {
  const text = JSON.stringify(body);
  const macPrev = mac(prev, text);
  const macNew = mac(next, text);
  const signature = signDigest(signer, sha256(Buffer.from(text), Buffer.from(macPrev), Buffer.from(macNew)));
  const file: KeyChangeFile = { body: text, macPrev, macNew, signature: signature.toString('base64') };
  return writeBufferAtomic(keyChangeFile(root, body.epoch), Buffer.from(JSON.stringify(file, null, 1) + '\n'), true);
}

export function sealPrevKey(team: string, epoch: number, next: Buffer, prev: Buffer): string {
  return seal(subkey(next, 'key-chain'), prev, chainAad(team, epoch)).toString('base64');
}

function openPrevKey(team: string, body: KeyChangeBody, next: Buffer): Buffer {
  return unseal(subkey(next, 'key-chain'), Buffer.from(body.prevKey, 'base64'), chainAad(team, body.epoch));
}

/** Authenticates a key change with the NEW key (a laptop that has only that) and returns the previous key. */
function checkWithNewKey(
  team: string,
  epoch: number,
  root: string,
  key: Buffer,
): { body: KeyChangeBody; prev: Buffer } {
  const kc = readKeyChange(root, epoch);
  if (!kc) throw new AppError('sync_team_file', `Sleutelwissel ${epoch} ontbreekt in de gedeelde map.`);
  const { file, body } = kc;
  if (
    body.team !== team ||
    body.keyCheck !== keyCheckOf(key, team) ||
    !macOk(key, file.body, file.macNew) ||
    !verifySignature(file, body)
  )
    throw new AppError('sync_team_file', `Sleutelwissel ${epoch} in de gedeelde map is niet echt: geweigerd.`);
  try {
    return { body, prev: openPrevKey(team, body, key) };
  } catch {
    throw new AppError('sync_team_file', `Sleutelwissel ${epoch} in de gedeelde map is niet echt: geweigerd.`);
  }
}

// ---- this laptop's key ring -------------------------------------------------------------------

export interface Ring {
  epoch: number;
  keys: Map<number, Buffer>;
  sign: KeyObject;
  box: KeyObject;
}

interface SealedRing {
  epoch: number;
  keys: Record<string, string>;
  sign: string;
  box: string;
}

const ringAad = (team: string, device: string) => Buffer.from(`key-ring:${team}:${device}`);
const legacyAad = (team: string, device: string) => Buffer.from(`device-key:${team}:${device}`);

function saveRing(store: Store, team: string, ring: Ring): void {
  const current = ring.keys.get(ring.epoch)!;
  const data: SealedRing = {
    epoch: ring.epoch,
    keys: Object.fromEntries([...ring.keys].map(([e, k]) => [String(e), k.toString('base64')])),
    sign: privateKeyToDer(ring.sign).toString('base64'),
    box: ring.box.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
  store.setMeta(
    RING_META,
    seal(subkey(current, 'device-key'), Buffer.from(JSON.stringify(data)), ringAad(team, store.device)).toString(
      'base64',
    ),
  );
  store.setMeta(RING_EPOCH_META, String(ring.epoch));
  // New wrapping key or key epoch: device.json is rewritten at the end of this round (round.ts
  // announce), not up to an hour later, so a remover can wrap for this laptop soon.
  store.setMeta('sync_announced_at', '0');
}

/** Opens the ring sealed under `key` (of epoch `epoch`), or makes it on first use. Null when `key` does not open it. */
function openRing(store: Store, team: string, key: Buffer, epoch: number): Ring | null {
  const sealed = store.getMeta(RING_META);
  if (sealed) {
    if (Number(store.getMeta(RING_EPOCH_META) ?? 1) !== epoch) return null;
    let data: SealedRing;
    try {
      data = JSON.parse(
        unseal(subkey(key, 'device-key'), Buffer.from(sealed, 'base64'), ringAad(team, store.device)).toString('utf8'),
      ) as SealedRing;
    } catch {
      return null;
    }
    return {
      epoch: data.epoch,
      keys: new Map(Object.entries(data.keys).map(([e, k]) => [Number(e), Buffer.from(k, 'base64')])),
      sign: privateKeyFromDer(Buffer.from(data.sign, 'base64')).privateKey,
      box: createPrivateKey({ key: Buffer.from(data.box, 'base64'), format: 'der', type: 'pkcs8' }),
    };
  }
  // First use, or a laptop set up by an earlier version (signing key sealed on its own).
  const legacy = store.getMeta('sync_device_key');
  let sign: KeyObject;
  if (legacy) {
    try {
      sign = privateKeyFromDer(
        unseal(subkey(key, 'device-key'), Buffer.from(legacy, 'base64'), legacyAad(team, store.device)),
      ).privateKey;
    } catch {
      return null;
    }
  } else sign = newDeviceKeys().privateKey;
  const ring: Ring = { epoch, keys: new Map([[epoch, key]]), sign, box: newBoxKey() };
  store.db.transaction(() => {
    saveRing(store, team, ring);
    store.db.prepare("DELETE FROM meta WHERE key = 'sync_device_key'").run();
  })();
  return ring;
}

/** The epoch of a team key: the current one in team.json, or an earlier one named by a key change. */
function epochOfKey(root: string, team: TeamFile, key: Buffer): number | null {
  const current = team.keyEpoch ?? 1;
  if (isKeyFor(team.team, key, team.keyCheck)) return current;
  const latest = latestKeyEpoch(root, current);
  for (let e = latest; e >= 2; e--) {
    try {
      const kc = readKeyChange(root, e);
      if (kc && isKeyFor(team.team, key, kc.body.keyCheck)) return e;
      if (kc && isKeyFor(team.team, key, kc.body.prevKeyCheck)) return e - 1;
    } catch {
      /* a bad file names no key */
    }
  }
  return null;
}

function isKeyFor(team: string, key: Buffer, check: string | undefined): boolean {
  const a = Buffer.from(keyCheckOf(key, team));
  const b = Buffer.from(check ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Older keys from a newer one, walking the key changes back (each holds its predecessor sealed). */
function walkBack(root: string, team: string, key: Buffer, from: number, to: number): Map<number, Buffer> {
  const out = new Map<number, Buffer>([[from, key]]);
  let k = key;
  for (let e = from; e > to; e--) {
    k = checkWithNewKey(team, e, root, k).prev;
    out.set(e - 1, k);
  }
  return out;
}

/**
 * Adopts a key epoch on this laptop: key store first (so a crash in between is recovered by
 * walking back from the newer key), then ring and trust in one transaction.
 */
export async function adopt(
  store: Store,
  team: string,
  keyStore: KeyStore,
  ring: Ring,
  trust: TrustState,
): Promise<void> {
  await keyStore.save(team, ring.keys.get(ring.epoch)!);
  store.db.transaction(() => {
    saveRing(store, team, ring);
    store.setMeta(TRUST_META, JSON.stringify(trust));
  })();
}

export function removedError(): AppError {
  return new AppError(
    'sync_removed',
    'Deze laptop is uit het team verwijderd: er wordt niets meer uitgewisseld. Opnieuw aansluiten kan alleen met een nieuwe database en het nieuwe teamwachtwoord.',
  );
}

export interface Unlocked {
  ring: Ring;
  trust: TrustState;
}

/**
 * The team key of this laptop at the newest epoch it can reach: from the key store, else with
 * the passphrase (the current one from team.json or a key change); then every newer key change
 * is followed through the wrap made for this laptop. A removed laptop gets 'sync_removed'.
 */
export async function unlockKeys(
  store: Store,
  root: string,
  team: TeamFile,
  keyStore: KeyStore,
  passphrase?: PassphraseSource,
  typed?: string,
): Promise<Unlocked> {
  let ring: Ring | null = null;
  const kept = typed === undefined ? await keyStore.load(team.team) : null;
  if (kept) {
    const e = epochOfKey(root, team, kept);
    const ringEpoch = Number(store.getMeta(RING_EPOCH_META) ?? 1);
    if (e !== null && e >= ringEpoch) {
      const older = e > ringEpoch ? walkBack(root, team.team, kept, e, ringEpoch) : new Map([[e, kept]]);
      ring = openRing(store, team.team, older.get(ringEpoch)!, ringEpoch);
      if (ring && e > ringEpoch) {
        for (const [k, v] of older) ring.keys.set(k, v);
        ring.epoch = e;
        const body = checkWithNewKey(team.team, e, root, kept).body;
        await adopt(store, team.team, keyStore, ring, { epoch: e, members: body.members, revoked: body.revoked });
      }
    }
  }
  let trust = loadTrust(store);
  if (!ring) {
    // With the passphrase: the newest wrap it opens (team.json, or a key change written after it).
    const p = typed ?? (passphrase ? await passphrase('Teamwachtwoord: ') : null);
    if (!p) {
      throw new AppError(
        'sync_locked',
        'De teamsleutel is niet beschikbaar: geef het teamwachtwoord (CASELOAD_SYNC_PASSPHRASE of via de terminal).',
        'passphrase',
      );
    }
    const { key, epoch } = keyFromTyped(root, team, p);
    const keys = walkBack(root, team.team, key, epoch, 1);
    const ringEpoch = Number(store.getMeta(RING_EPOCH_META) ?? 1);
    ring = keys.has(ringEpoch) ? openRing(store, team.team, keys.get(ringEpoch)!, ringEpoch) : null;
    if (!ring && store.getMeta(RING_META)) {
      // The ring was sealed under a key this passphrase does not reach: keep the signing key's
      // identity impossible to recover rather than silently replacing it.
      throw new AppError('sync_locked', 'De sleutels van deze laptop zijn niet te openen met dit teamwachtwoord.');
    }
    ring ??= openRing(store, team.team, keys.get(epoch)!, epoch)!;
    for (const [k, v] of keys) ring.keys.set(k, v);
    ring.epoch = Math.max(ring.epoch, epoch);
    if (epoch > trust.epoch) {
      const body = checkWithNewKey(team.team, epoch, root, key).body;
      trust = { epoch, members: body.members, revoked: body.revoked };
    }
    await adopt(store, team.team, keyStore, ring, trust);
  }
  trust = loadTrust(store);
  if (trust.revoked[store.device]) throw removedError();
  // Follow key changes made since (the wrap for this laptop, else the passphrase).
  for (let e = ring.epoch + 1; e <= latestKeyEpoch(root, ring.epoch); e++) {
    let next: TrustState | null;
    try {
      next = await followKeyChange(store, root, team.team, ring, trust, e, passphrase);
    } catch (err) {
      // A forged or broken key change (anyone can write the folder) stops nothing: it is
      // listed as a problem and this laptop stays on the key it has.
      if (!(err instanceof BadFile) && !(err instanceof AppError && err.code === 'sync_team_file')) throw err;
      recordProblem(
        { store } as SyncContext,
        `keys/e-${e}.json`,
        err instanceof BadFile ? err.kind : 'signature',
        err.message,
        0,
      );
      break;
    }
    if (!next) break;
    trust = next;
    await adopt(store, team.team, keyStore, ring, trust);
  }
  if (trust.revoked[store.device]) throw removedError();
  return { ring, trust };
}

function keyFromTyped(root: string, team: TeamFile, p: string): { key: Buffer; epoch: number } {
  const current = team.keyEpoch ?? 1;
  const candidates: { epoch: number; kdf: TeamFile['kdf']; wrapped: string }[] = [];
  for (let e = latestKeyEpoch(root, current); e > current; e--) {
    try {
      const kc = readKeyChange(root, e);
      if (kc) candidates.push({ epoch: e, kdf: kc.body.passphrase.kdf, wrapped: kc.body.passphrase.wrappedKey });
    } catch {
      /* unreadable: try the others */
    }
  }
  candidates.push({ epoch: current, kdf: team.kdf, wrapped: team.wrappedKey });
  for (const c of candidates) {
    checkKdf(c.kdf);
    try {
      const key = unseal(passphraseKey(p, c.kdf), Buffer.from(c.wrapped, 'base64'), wrapAad(team.team));
      return { key, epoch: c.epoch };
    } catch {
      /* not this one */
    }
  }
  throw new AppError('wrong_passphrase', WRONG_PASSPHRASE, 'passphrase');
}

/** Accepts key change `epoch` on a laptop that holds the previous key. Returns the new trust. */
async function followKeyChange(
  store: Store,
  root: string,
  team: string,
  ring: Ring,
  trust: TrustState,
  epoch: number,
  passphrase?: PassphraseSource,
): Promise<TrustState | null> {
  const prev = ring.keys.get(epoch - 1)!;
  const kc = readKeyChange(root, epoch);
  if (!kc) return null;
  const { file, body } = kc;
  const fake = () =>
    new AppError('sync_team_file', `Sleutelwissel ${epoch} in de gedeelde map is niet echt: genegeerd.`);
  if (body.team !== team || !macOk(prev, file.body, file.macPrev) || !verifySignature(file, body)) throw fake();
  const pinned = store.stmt('SELECT public_key FROM sync_devices WHERE device = ?').pluck().get(body.by) as
    string | undefined;
  if ((pinned && pinned !== body.byKey) || trust.revoked[body.by]) throw fake();
  // Removals are never undone: a key change must keep every laptop removed before.
  for (const d of Object.keys(trust.revoked)) if (!body.revoked[d]) throw fake();
  if (body.revoked[store.device]) {
    store.setMeta(TRUST_META, JSON.stringify({ ...trust, revoked: body.revoked }));
    throw removedError();
  }
  let key: Buffer | null = null;
  const wrap = body.wraps[store.device];
  if (wrap) {
    try {
      key = unwrapKeyFor(team, epoch, store.device, ring.box, wrap);
    } catch {
      key = null;
    }
  }
  if (!key) {
    const p = passphrase ? await passphrase('Nieuw teamwachtwoord (na het verwijderen van een laptop): ') : null;
    if (!p)
      throw new AppError(
        'sync_locked',
        'Er is een laptop uit het team verwijderd en deze laptop kreeg de nieuwe sleutel niet: voer het nieuwe teamwachtwoord in.',
        'passphrase',
      );
    checkKdf(body.passphrase.kdf);
    try {
      key = unseal(
        passphraseKey(p, body.passphrase.kdf),
        Buffer.from(body.passphrase.wrappedKey, 'base64'),
        wrapAad(team),
      );
    } catch {
      throw new AppError('wrong_passphrase', WRONG_PASSPHRASE, 'passphrase');
    }
  }
  if (!isKeyFor(team, key, body.keyCheck) || !macOk(key, file.body, file.macNew)) throw fake();
  try {
    if (!openPrevKey(team, body, key).equals(prev)) throw fake();
  } catch {
    throw fake();
  }
  ring.keys.set(epoch, key);
  ring.epoch = epoch;
  return { epoch, members: body.members, revoked: body.revoked };
}

export { wrapKeyFor };
