// The team and this laptop's place in it. team.json holds the team key wrapped by a key from
// the passphrase (scrypt); each device has an Ed25519 signing key whose private half stays in
// the local database, encrypted with a subkey of the team key, and publishes device.json
// (public key in the clear; name, version and "seen up to" vector sealed with the team key).
import { randomBytes, timingSafeEqual, createHmac, type KeyObject } from 'node:crypto';
import { AppError } from '../model/errors.js';
import {
  keyFromPassphrase,
  newScryptParams,
  scryptParamsProblem,
  seal,
  sha256,
  signDigest,
  subkey,
  unseal,
  verifyDigest,
  type ScryptParams,
} from './crypto.js';
import { BadFile, FORMAT, LIMITS, fileKeyOf, readBounded, type FileHeader, type Keys } from './container.js';
import { deviceFile, teamFile, writeBufferAtomic } from './layout.js';

export interface TeamFile {
  format: number;
  team: string;
  created: number;
  kdf: { name: 'scrypt' } & ScryptParams;
  /** The 32-byte team key sealed with the passphrase key (base64 nonce|ciphertext|tag). */
  wrappedKey: string;
  /** HMAC proving a stored team key belongs to this team without the passphrase. */
  keyCheck: string;
  /** Key epoch of wrappedKey: 1 until a laptop is removed (keys.ts). */
  keyEpoch?: number;
}

export const WRONG_PASSPHRASE =
  'Onjuist teamwachtwoord: er is niets toegepast. (Wrong team passphrase: nothing was applied.)';

export const wrapAad = (team: string) => Buffer.from(`caseload-team-key:${FORMAT}:${team}`);
export const keyCheckOf = (key: Buffer, team: string) =>
  createHmac('sha256', subkey(key, 'key-check')).update(team).digest('base64');

export function readTeamFile(root: string): TeamFile | null {
  let buf: Buffer | null;
  try {
    buf = readBounded(teamFile(root), LIMITS.teamFile, 'team.json');
  } catch (e) {
    if (e instanceof BadFile) throw new AppError('sync_team_file', e.message);
    throw e;
  }
  if (!buf) return null;
  const text = buf.toString('utf8');
  let t: TeamFile;
  try {
    t = JSON.parse(text) as TeamFile;
  } catch {
    throw new AppError(
      'sync_team_file',
      'team.json in de gedeelde map is onleesbaar (nog niet volledig gesynchroniseerd?)',
    );
  }
  if (t.format !== FORMAT)
    throw new AppError('sync_team_file', `team.json heeft formaatversie ${t.format}: werk Caseload bij`);
  if (!/^[0-9a-f]{32}$/.test(t.team) || t.kdf?.name !== 'scrypt' || typeof t.wrappedKey !== 'string') {
    throw new AppError('sync_team_file', 'team.json in de gedeelde map heeft een onbekende vorm');
  }
  checkKdf(t.kdf);
  if (t.keyEpoch !== undefined && !(Number.isSafeInteger(t.keyEpoch) && t.keyEpoch >= 1 && t.keyEpoch <= 1e6))
    throw new AppError('sync_team_file', 'team.json in de gedeelde map heeft een onbekende vorm');
  return t;
}

/** Refuses key-derivation parameters from the folder that are out of bounds, before any use. */
export function checkKdf(kdf: unknown): void {
  const problem = scryptParamsProblem(kdf);
  if (problem)
    throw new AppError('sync_team_file', `team.json in de gedeelde map heeft ongeldige sleutelparameters: ${problem}.`);
}

export const MIN_PASSPHRASE = 12;

/** A new team passphrase (team creation, a new key after removing a laptop). */
export function checkNewPassphrase(passphrase: string, field = 'passphrase'): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE)
    throw new AppError('invalid_input', `Het teamwachtwoord moet minstens ${MIN_PASSPHRASE} tekens hebben.`, field);
}

/** Creates team.json with a new random team key; refuses when the folder already has a team. */
export function createTeam(root: string, passphrase: string, now: number): { team: TeamFile; key: Buffer } {
  checkNewPassphrase(passphrase);
  const id = randomBytes(16).toString('hex');
  const key = randomBytes(32);
  const kdf = { name: 'scrypt' as const, ...newScryptParams() };
  const wrappedKey = seal(keyFromPassphrase(passphrase, kdf), key, wrapAad(id)).toString('base64');
  const team: TeamFile = { format: FORMAT, team: id, created: now, kdf, wrappedKey, keyCheck: keyCheckOf(key, id) };
  if (!writeBufferAtomic(teamFile(root), Buffer.from(JSON.stringify(team, null, 2) + '\n'), true)) {
    throw new AppError('sync_team_exists', 'Deze map heeft al een team: kies "Aansluiten" met het teamwachtwoord.');
  }
  return { team, key };
}

/** The key that wraps the team key, from a passphrase (parameters checked first). */
export function passphraseKey(passphrase: string, kdf: TeamFile['kdf']): Buffer {
  checkKdf(kdf);
  return keyFromPassphrase(passphrase, kdf);
}

export function unwrapTeamKey(team: TeamFile, passphrase: string): Buffer {
  try {
    return unseal(passphraseKey(passphrase, team.kdf), Buffer.from(team.wrappedKey, 'base64'), wrapAad(team.team));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('wrong_passphrase', WRONG_PASSPHRASE, 'passphrase');
  }
}

export function isTeamKey(team: TeamFile, key: Buffer): boolean {
  const a = Buffer.from(keyCheckOf(key, team.team));
  const b = Buffer.from(team.keyCheck ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Everything a sync round needs to read and write the folder as this device (identity.ts). */
export interface Identity extends Keys {
  team: string;
  /** File key of the current key epoch. */
  encKey: Buffer;
  keyEpoch: number;
  keyFor: (epoch: number) => Buffer | null;
  device: string;
  signer: KeyObject;
  publicKey: string;
  /** X25519 public key others wrap a new team key to (keys.ts). */
  boxKey: string;
}

/** What a device tells the others, sealed in its device.json. */
export interface DeviceInfo {
  name: string;
  appVersion: string;
  /** Last time it finished a sync round (its clock, ms). */
  updated: number;
  /** "Seen up to": per `<device>.<epoch>` the highest seq it has with nothing missing below. */
  seen: Record<string, number>;
}

interface DeviceFileJson {
  format: number;
  team: string;
  device: string;
  publicKey: string;
  /** Key epoch of the sealed info (absent: 1, written by earlier versions). */
  keyEpoch?: number;
  /** X25519 public key for key changes (absent in earlier versions). */
  boxKey?: string;
  info: string;
  signature: string;
}

// Earlier versions sealed and signed without keyEpoch and boxKey; their files still read.
const deviceAad = (f: Pick<DeviceFileJson, 'team' | 'device' | 'publicKey' | 'keyEpoch' | 'boxKey'>) =>
  Buffer.from(
    `device:${FORMAT}:${f.team}:${f.device}:${f.publicKey}` +
      (f.keyEpoch !== undefined || f.boxKey !== undefined ? `:${f.keyEpoch}:${f.boxKey}` : ''),
  );
const deviceDigest = (f: Omit<DeviceFileJson, 'signature'>) =>
  sha256(
    Buffer.from(
      JSON.stringify(
        f.keyEpoch !== undefined || f.boxKey !== undefined
          ? [f.format, f.team, f.device, f.publicKey, f.info, f.keyEpoch, f.boxKey]
          : [f.format, f.team, f.device, f.publicKey, f.info],
      ),
    ),
  );

export function writeDeviceFile(root: string, id: Identity, info: DeviceInfo): void {
  const body: Omit<DeviceFileJson, 'signature'> = {
    format: FORMAT,
    team: id.team,
    device: id.device,
    publicKey: id.publicKey,
    keyEpoch: id.keyEpoch,
    boxKey: id.boxKey,
    info: '',
  };
  body.info = seal(id.encKey, Buffer.from(JSON.stringify(info)), deviceAad(body)).toString('base64');
  const file: DeviceFileJson = { ...body, signature: signDigest(id.signer, deviceDigest(body)).toString('base64') };
  writeBufferAtomic(deviceFile(root, id.device), Buffer.from(JSON.stringify(file, null, 2) + '\n'));
}

/** Reads and authenticates a device.json: sealed with the team key and signed by the key it names. */
export function readDeviceFile(
  path: string,
  id: Keys,
): { device: string; publicKey: string; info: DeviceInfo; keyEpoch: number; boxKey: string | null } {
  const buf = readBounded(path, LIMITS.deviceFile, 'device.json');
  if (!buf) throw new BadFile('truncated', 'device.json is verdwenen');
  let f: DeviceFileJson;
  try {
    f = JSON.parse(buf.toString('utf8')) as DeviceFileJson;
  } catch {
    throw new BadFile('unparsable', 'device.json is onleesbaar');
  }
  if (
    f.format !== FORMAT ||
    typeof f.info !== 'string' ||
    typeof f.publicKey !== 'string' ||
    !/^[0-9a-f]{16}$/.test(f.device ?? '') ||
    (f.keyEpoch !== undefined && !(Number.isSafeInteger(f.keyEpoch) && f.keyEpoch >= 1 && f.keyEpoch <= 1e6)) ||
    (f.boxKey !== undefined && (typeof f.boxKey !== 'string' || f.boxKey.length > 100))
  ) {
    throw new BadFile('unparsable', 'device.json heeft een onbekende vorm');
  }
  if (f.team !== id.team) throw new BadFile('foreign', 'device.json hoort bij een ander team');
  if (!verifyDigest(f.publicKey, deviceDigest(f), Buffer.from(f.signature ?? '', 'base64')))
    throw new BadFile('signature', 'handtekening van device.json klopt niet');
  const keyEpoch = f.keyEpoch ?? 1;
  const key = fileKeyOf({ keyEpoch } as FileHeader, id);
  let info: DeviceInfo;
  try {
    info = JSON.parse(unseal(key, Buffer.from(f.info, 'base64'), deviceAad(f)).toString('utf8')) as DeviceInfo;
  } catch {
    throw new BadFile('decrypt', 'device.json is niet met de teamsleutel gemaakt');
  }
  const okInfo =
    info &&
    typeof info === 'object' &&
    typeof info.name === 'string' &&
    info.name.length <= 200 &&
    typeof info.appVersion === 'string' &&
    info.appVersion.length <= 100 &&
    Number.isSafeInteger(info.updated) &&
    info.seen !== null &&
    typeof info.seen === 'object' &&
    !Array.isArray(info.seen);
  if (!okInfo) throw new BadFile('content', 'device.json heeft een onbekende inhoud');
  return { device: f.device, publicKey: f.publicKey, info, keyEpoch, boxKey: f.boxKey ?? null };
}
