// The team's laptops and removing one (CONTRACTS.md `team devices` / `team remove-device`, the
// Synchronisatie screen). Removing starts a new key epoch (keys.ts): a new random team key,
// wrapped for every remaining laptop and under a new passphrase, the removed laptop's signing key
// revoked in the signed key change, team.json rewritten, this laptop on the new key at once.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../model/errors.js';
import { audit } from '../store/audit.js';
import type { Store } from '../journal/store.js';
import { FORMAT } from './container.js';
import { META, isoNow, nowOf, type SyncContext } from './context.js';
import { newScryptParams, seal } from './crypto.js';
import { knownDevices, pin, refreshDevices, seenVector, trustedDevices } from './devices.js';
import { identityOf, openTeam } from './identity.js';
import {
  adopt,
  latestKeyEpoch,
  loadDeviceKeys,
  loadTrust,
  sealPrevKey,
  wrapKeyFor,
  writeKeyChange,
  type KeyChangeBody,
} from './keys.js';
import type { KeyStore, PassphraseSource } from './keystore.js';
import { rootOf, teamFile, writeBufferAtomic } from './layout.js';
import {
  checkNewPassphrase,
  keyCheckOf,
  passphraseKey,
  readTeamFile,
  wrapAad,
  writeDeviceFile,
  type TeamFile,
} from './team.js';

export interface TeamDevice {
  device: string;
  name: string | null;
  /** Last sign of life (its device.json or newest segment), ISO; null when never. */
  lastSeen: string | null;
  removed: boolean;
  self: boolean;
}

/** The team's laptops as this laptop knows them, the removed ones included. */
export function teamDevices(store: Store): TeamDevice[] {
  const trust = loadTrust(store);
  const last = new Map(
    (
      store.db.prepare('SELECT device, max(created) AS last FROM sync_ingested GROUP BY device').all() as {
        device: string;
        last: number;
      }[]
    ).map((r) => [r.device, r.last]),
  );
  const out = new Map<string, TeamDevice>();
  for (const d of knownDevices({ store })) {
    const self = d.device === store.device;
    const at = Math.max(d.updated ?? 0, last.get(d.device) ?? 0);
    out.set(d.device, {
      device: d.device,
      name: self ? (store.getMeta('device_name') ?? d.name) : (d.name ?? trust.revoked[d.device]?.name ?? null),
      lastSeen: self ? store.getMeta(META.lastRun) : at ? new Date(at).toISOString() : null,
      removed: Boolean(trust.revoked[d.device]),
      self,
    });
  }
  for (const [device, r] of Object.entries(trust.revoked)) {
    if (!out.has(device))
      out.set(device, { device, name: r.name || null, lastSeen: null, removed: true, self: device === store.device });
  }
  return [...out.values()].sort(
    (a, b) => Number(a.removed) - Number(b.removed) || (a.name ?? a.device).localeCompare(b.name ?? b.device, 'nl'),
  );
}

export interface TeamOptions {
  /** Defaults to the folder chosen at setup. */
  folder?: string;
  keyStore: KeyStore;
  passphrase?: PassphraseSource;
  appVersion?: string;
}

/** A sync context for team work outside a round (listing with fresh device files, removing). */
async function teamContext(store: Store, opts: TeamOptions): Promise<{ ctx: SyncContext; team: TeamFile }> {
  const folder = opts.folder ? resolve(opts.folder) : store.getMeta(META.folder);
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory())
    throw new AppError(
      'sync_not_set_up',
      'Synchronisatie is nog niet ingesteld of de gedeelde map is niet bereikbaar.',
      'folder',
    );
  const root = rootOf(folder);
  const team = readTeamFile(root);
  if (!team) throw new AppError('sync_no_team', `Geen team gevonden in ${folder}.`, 'folder');
  if (store.getMeta(META.team) !== team.team)
    throw new AppError('sync_other_team', 'De gedeelde map hoort bij een ander team dan deze laptop.', 'folder');
  const id = await openTeam(store, root, team, opts.keyStore, opts.passphrase);
  const ctx: SyncContext = { store, root, id, progress: () => {}, appVersion: opts.appVersion ?? 'dev' };
  pin(ctx, id.device, id.publicKey, null);
  refreshDevices(ctx);
  return { ctx, team };
}

/** The laptops after reading the folder's device files (falls back to what is known here when locked). */
export async function listTeamDevices(store: Store, opts: TeamOptions): Promise<TeamDevice[]> {
  try {
    await teamContext(store, opts);
  } catch (e) {
    if (!(e instanceof AppError) || !['sync_locked', 'sync_not_set_up'].includes(e.code)) throw e;
  }
  return teamDevices(store);
}

export interface RemoveResult {
  removed: { device: string; name: string | null };
  keyEpoch: number;
  /** Remaining laptops that could not get the new key automatically (an older version): they type the new passphrase. */
  needPassphrase: string[];
}

function resolveDevice(ctx: SyncContext, which: string): { device: string; name: string | null; publicKey: string } {
  const trust = loadTrust(ctx.store);
  const all = knownDevices(ctx);
  const q = which.trim().toLowerCase();
  let hits = all.filter((d) => d.device === q);
  if (!hits.length) hits = all.filter((d) => (d.name ?? '').trim().toLowerCase() === q);
  if (!hits.length && trust.revoked[q]) throw new AppError('invalid_input', 'Deze laptop is al verwijderd.', 'device');
  if (!hits.length) throw new AppError('not_found', `Geen laptop '${which}' in het team.`, 'device');
  if (hits.length > 1)
    throw new AppError('invalid_input', `Meerdere laptops heten '${which}': kies er een met zijn id.`, 'device');
  const d = hits[0]!;
  if (d.device === ctx.store.device)
    throw new AppError('invalid_input', 'Deze laptop kan zichzelf niet uit het team verwijderen.', 'device');
  if (trust.revoked[d.device]) throw new AppError('invalid_input', 'Deze laptop is al verwijderd.', 'device');
  return { device: d.device, name: d.name, publicKey: d.public_key };
}

/**
 * Removes a laptop from the team: new key epoch, its signing key revoked, the new key wrapped for
 * every remaining laptop and under `newPassphrase` (for laptops that join later or could not get
 * a wrap). The key change is written before team.json, so the others can follow even if writing
 * team.json fails; this laptop moves to the new key at once.
 */
export async function removeDevice(
  store: Store,
  opts: TeamOptions & { device: string; newPassphrase: string; actor: string },
): Promise<RemoveResult> {
  checkNewPassphrase(opts.newPassphrase, 'newPassphrase');
  const { ctx, team } = await teamContext(store, opts);
  const { id } = ctx;
  const ring = (id as ReturnType<typeof identityOf>).unlocked.ring;
  if (latestKeyEpoch(ctx.root, id.keyEpoch) !== id.keyEpoch)
    throw new AppError('sync_busy', 'Er is net een andere sleutelwissel: synchroniseer eerst en probeer het opnieuw.');
  const target = resolveDevice(ctx, opts.device);
  const trust = loadTrust(store);
  const boxes = loadDeviceKeys(store);
  const epoch = id.keyEpoch + 1;
  const prev = ring.keys.get(id.keyEpoch)!;
  const next = randomBytes(32);

  const members: Record<string, string> = {};
  const wraps: KeyChangeBody['wraps'] = {};
  const needPassphrase: string[] = [];
  for (const d of trustedDevices(ctx)) {
    if (d.device === target.device) continue;
    members[d.device] = d.public_key;
    const box = d.device === id.device ? id.boxKey : boxes[d.device]?.box;
    if (box) wraps[d.device] = wrapKeyFor(team.team, epoch, d.device, box, next);
    else needPassphrase.push(d.name || d.device);
  }
  const segments = (
    store.db
      .prepare("SELECT epoch, seq, hash FROM sync_ingested WHERE device = ? AND hash != ''")
      .all(target.device) as {
      epoch: number;
      seq: number;
      hash: string;
    }[]
  ).map((r) => `${r.epoch}.${r.seq}.${r.hash}`);
  const kdf = { name: 'scrypt' as const, ...newScryptParams() };
  const wrappedKey = seal(passphraseKey(opts.newPassphrase, kdf), next, wrapAad(team.team)).toString('base64');
  const body: KeyChangeBody = {
    format: FORMAT,
    team: team.team,
    epoch,
    created: nowOf(ctx),
    by: id.device,
    byKey: id.publicKey,
    members,
    wraps,
    revoked: {
      ...trust.revoked,
      [target.device]: {
        publicKey: target.publicKey,
        name: target.name ?? '',
        at: nowOf(ctx),
        by: id.device,
        segments,
      },
    },
    prevKey: sealPrevKey(team.team, epoch, next, prev),
    prevKeyCheck: keyCheckOf(prev, team.team),
    passphrase: { kdf, wrappedKey },
    keyCheck: keyCheckOf(next, team.team),
  };
  if (!writeKeyChange(ctx.root, body, prev, next, id.signer))
    throw new AppError('sync_busy', 'Er is net een andere sleutelwissel: synchroniseer eerst en probeer het opnieuw.');
  const newTeam: TeamFile = { ...team, kdf, wrappedKey, keyCheck: body.keyCheck, keyEpoch: epoch };
  writeBufferAtomic(teamFile(ctx.root), Buffer.from(JSON.stringify(newTeam, null, 2) + '\n'));
  ring.keys.set(epoch, next);
  ring.epoch = epoch;
  const newTrust = { epoch, members, revoked: body.revoked };
  await adopt(store, team.team, opts.keyStore, ring, newTrust);
  // This laptop's device.json under the new key at once (its proof of membership for joiners).
  const newId = identityOf(store, team.team, { ring, trust: newTrust });
  writeDeviceFile(ctx.root, newId, {
    name: store.getMeta('device_name') ?? '',
    appVersion: ctx.appVersion,
    updated: nowOf(ctx),
    seen: seenVector(ctx),
  });
  store.setMeta('sync_announced_at', '0');
  audit(
    store,
    {
      actor: opts.actor,
      action: 'sync.remove_device',
      object: `${target.name ?? ''} (${target.device}); teamsleutel ${epoch}`,
      result: 'ok',
    },
    isoNow(ctx),
  );
  return { removed: { device: target.device, name: target.name }, keyEpoch: epoch, needPassphrase };
}
