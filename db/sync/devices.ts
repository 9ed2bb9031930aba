// The team's devices as this laptop knows them: each device.json is authenticated (sealed with
// the team key, signed by the key it names) and its public key is pinned on first sight, so a
// team member cannot later replace another laptop's key and sign changes in its name.
import { BadFile } from './container.js';
import { isoNow, type SyncContext } from './context.js';
import { deviceFile, devicesDir, isDeviceId, listDir, relOf, statOrNull } from './layout.js';
import { clearProblem, recordProblem } from './problems.js';
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
      pin(ctx, d.device, d.publicKey, d.info);
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

export function publicKeyOf(ctx: SyncContext): (device: string) => string | null {
  const q = ctx.store.stmt('SELECT public_key FROM sync_devices WHERE device = ?');
  return (device) => (q.get(device) as { public_key: string } | undefined)?.public_key ?? null;
}

export function knownDevices(ctx: Pick<SyncContext, 'store'>): KnownDevice[] {
  return ctx.store.stmt('SELECT * FROM sync_devices ORDER BY device').all() as KnownDevice[];
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
