// The team's devices as this laptop knows them: each device.json is authenticated (sealed with
// the team key, signed by the key it names) and its public key is pinned on first sight, so a
// team member cannot later replace another laptop's key and sign changes in its name.
// Pinned is not yet trusted: after a laptop was removed (keys.ts) only the members of the key
// change, and laptops that proved the new key in their device.json, may author changes; the
// removed laptop's own segments count only as far as the remover had them.
import { BadFile, type FileHeader } from './container.js';
import { isoNow, type SyncContext } from './context.js';
import { deviceFile, devicesDir, isDeviceId, listDir, relOf, statOrNull } from './layout.js';
import { clearProblem, recordProblem } from './problems.js';
import { isTrusted, loadDeviceKeys, loadTrust, noteDeviceKeys } from './keys.js';
import { readDeviceFile, type DeviceInfo } from './team.js';

export interface KnownDevice {
  device: string;
  public_key: string;
  name: string | null;
  app_version: string | null;
  updated: number | null;
  seen: string | null;
  first_seen: string;
}

export function refreshDevices(ctx: SyncContext): void {
  const dir = devicesDir(ctx.root);
  for (const name of listDir(dir)) {
    if (!isDeviceId(name)) continue;
    const path = deviceFile(ctx.root, name);
    const st = statOrNull(path);
    if (!st) continue;
    const rel = relOf(ctx.root, path);
    try {
      const d = readDeviceFile(path, ctx.id);
      if (d.device !== name) throw new BadFile('content', 'device.json staat in de map van een ander apparaat');
      const known = ctx.store.stmt('SELECT public_key FROM sync_devices WHERE device = ?').get(d.device) as
        { public_key: string } | undefined;
      if (known && known.public_key !== d.publicKey) {
        throw new BadFile(
          'signature',
          'device.json noemt een andere sleutel dan eerder: genegeerd (vervalst of opnieuw geïnstalleerd?)',
        );
      }
      if (d.device === ctx.id.device && d.publicKey !== ctx.id.publicKey) continue;
      if (loadTrust(ctx.store).revoked[d.device]) {
        clearProblem(ctx, rel); // a removed laptop: its device.json says nothing any more
        continue;
      }
      pin(ctx, d.device, d.publicKey, d.info);
      noteDeviceKeys(ctx.store, d.device, d.boxKey, d.keyEpoch);
      clearProblem(ctx, rel);
    } catch (e) {
      if (!(e instanceof BadFile)) throw e;
      recordProblem(ctx, rel, e.kind, e.message, st.size);
    }
  }
}

export function pin(ctx: SyncContext, device: string, publicKey: string, info: DeviceInfo | null): void {
  ctx.store
    .stmt(
      `INSERT INTO sync_devices(device, public_key, name, app_version, updated, seen, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(device) DO UPDATE SET name = coalesce(excluded.name, name), app_version = coalesce(excluded.app_version, app_version),
         updated = max(coalesce(excluded.updated, 0), coalesce(updated, 0)), seen = coalesce(excluded.seen, seen)`,
    )
    .run(
      device,
      publicKey,
      info?.name ?? null,
      info?.appVersion ?? null,
      info?.updated ?? null,
      info ? JSON.stringify(info.seen) : null,
      isoNow(ctx),
    );
}

/**
 * The key a file's signature must verify with: the pinned key of a trusted device. A removed
 * laptop's key counts only for its segments the remover listed (`hash` of the whole file);
 * anything else of it is refused. An untrusted, unremoved device is 'unknown' (waited for).
 */
export function publicKeyOf(ctx: SyncContext, hash?: string): (device: string, header?: FileHeader) => string | null {
  const q = ctx.store.stmt('SELECT public_key FROM sync_devices WHERE device = ?');
  const trust = loadTrust(ctx.store);
  const keys = loadDeviceKeys(ctx.store);
  return (device, header) => {
    const revoked = trust.revoked[device];
    if (revoked) {
      const listed =
        header?.kind === 'segment' &&
        hash !== undefined &&
        revoked.segments.includes(`${header.epoch}.${header.seq}.${hash}`);
      if (listed) return revoked.publicKey;
      throw new BadFile(
        'revoked',
        `van een laptop die uit het team is verwijderd (${revoked.name || device}): genegeerd`,
      );
    }
    const pub = (q.get(device) as { public_key: string } | undefined)?.public_key ?? null;
    return pub && isTrusted(trust, keys, device, pub) ? pub : null;
  };
}

export function knownDevices(ctx: Pick<SyncContext, 'store'>): KnownDevice[] {
  return ctx.store.stmt('SELECT * FROM sync_devices ORDER BY device').all() as KnownDevice[];
}

/** Devices whose word counts here (seen vectors for gaps and compaction). */
export function trustedDevices(ctx: Pick<SyncContext, 'store'>): KnownDevice[] {
  const trust = loadTrust(ctx.store);
  const keys = loadDeviceKeys(ctx.store);
  return knownDevices(ctx).filter((d) => isTrusted(trust, keys, d.device, d.public_key));
}

/** "Seen up to" per `<device>.<epoch>`: the highest seq with every lower seq present here. */
export function seenVector(ctx: Pick<SyncContext, 'store'>): Record<string, number> {
  const out: Record<string, number> = {};
  let key = '';
  let expect = 1;
  for (const r of ctx.store
    .stmt('SELECT DISTINCT device, epoch, seq FROM sync_ingested ORDER BY device, epoch, seq')
    .all() as { device: string; epoch: number; seq: number }[]) {
    const k = `${r.device}.${r.epoch}`;
    if (k !== key) {
      key = k;
      expect = 1;
    }
    if (r.seq === expect) {
      out[k] = r.seq;
      expect++;
    }
  }
  return out;
}
