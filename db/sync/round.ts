// A sync round and team setup: the order of the steps and nothing else. A round reads the
// folder first (bootstrap from a snapshot when this laptop is new, then every new segment),
// runs the same-person merge, then publishes this laptop's changes (the merge's included),
// optionally a snapshot, compacts its own old files and finally rewrites its device.json.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { compactOwnFiles } from './compact.js';
import { META, isoNow, nowOf, type ProgressFn, type SyncContext } from './context.js';
import { pin, refreshDevices, seenVector } from './devices.js';
import { ingestSegments, type IngestResult } from './ingest.js';
import type { KeyStore, PassphraseSource } from './keystore.js';
import { deviceDir, deviceFile, rootOf } from './layout.js';
import { mergeSamePerson } from './merge.js';
import { publishOwn } from './publish.js';
import { bootstrapFromSnapshot, fillGaps, publishSnapshot } from './snapshot.js';
import { createTeam, readTeamFile, writeDeviceFile, type DeviceInfo, type TeamFile } from './team.js';
import { gapCheck } from './gaps.js';
import { resolveRefCollisions } from '../records/refs.js';
import { openTeam } from './identity.js';
import { applyArrivedPurges } from './purges.js';

export interface SetupOptions {
  folder: string;
  mode: 'create' | 'join';
  passphrase: string;
  deviceName?: string;
  keyStore: KeyStore;
  appVersion?: string;
}

function checkFolder(folder: string): string {
  const abs = resolve(folder);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new AppError('invalid_input', `De map ${abs} bestaat niet of is geen map.`, 'folder');
  return abs;
}

/** Creates a team in the folder or joins the one there. A wrong passphrase changes nothing. */
export async function setupSync(
  store: Store,
  opts: SetupOptions,
): Promise<{ team: string; device: string; created: boolean }> {
  const folder = checkFolder(opts.folder);
  const root = rootOf(folder);
  const current = store.getMeta(META.team);
  let team: TeamFile;
  let key: Buffer | null = null;
  if (opts.mode === 'create') {
    if (current)
      throw new AppError(
        'sync_other_team',
        'Deze laptop hoort al bij een team; een nieuw team maken kan alleen met een nieuwe database.',
      );
    if (readTeamFile(root))
      throw new AppError('sync_team_exists', 'Deze map heeft al een team: kies "Aansluiten" met het teamwachtwoord.');
    mkdirSync(root, { recursive: true });
    ({ team, key } = createTeam(root, opts.passphrase, nowOf({ store })));
  } else {
    const found = readTeamFile(root);
    if (!found)
      throw new AppError(
        'sync_no_team',
        'Geen team gevonden in deze map: laat eerst één laptop een team maken (of wacht tot de map is bijgewerkt).',
        'folder',
      );
    team = found;
    if (current && current !== team.team)
      throw new AppError('sync_other_team', 'Deze laptop hoort al bij een ander team.');
  }
  if (key) await opts.keyStore.save(team.team, key);
  // Joining: the passphrase opens the newest team key (keys.ts); a wrong one changes nothing.
  const id = await openTeam(store, root, team, opts.keyStore, undefined, key ? undefined : opts.passphrase);
  store.db.transaction(() => {
    store.setMeta(META.team, team.team);
    store.setMeta(META.folder, folder);
    if (opts.deviceName) store.setMeta('device_name', opts.deviceName);
  })();
  mkdirSync(deviceDir(root, store.device), { recursive: true });
  writeDeviceFile(root, id, {
    name: store.getMeta('device_name') ?? '',
    appVersion: opts.appVersion ?? 'dev',
    updated: nowOf({ store }),
    seen: {},
  });
  return { team: team.team, device: store.device, created: opts.mode === 'create' };
}

const ANNOUNCE_EVERY_MS = 60 * 60 * 1000;

/**
 * Rewrites device.json when what it says changed, and otherwise once an hour (last activity):
 * a round every few seconds must not make the sync client upload a file every few seconds.
 */
function announce(ctx: SyncContext): void {
  const { store } = ctx;
  const what = JSON.stringify({
    name: store.getMeta('device_name') ?? '',
    appVersion: ctx.appVersion,
    seen: seenVector(ctx),
  });
  const at = Number(store.getMeta('sync_announced_at') ?? 0);
  if (
    what === store.getMeta('sync_announced') &&
    nowOf(ctx) - at < ANNOUNCE_EVERY_MS &&
    existsSync(deviceFile(ctx.root, ctx.id.device))
  )
    return;
  const info = JSON.parse(what) as Omit<DeviceInfo, 'updated'>;
  writeDeviceFile(ctx.root, ctx.id, { ...info, updated: nowOf(ctx) });
  store.setMeta('sync_announced', what);
  store.setMeta('sync_announced_at', String(nowOf(ctx)));
}

export interface RoundOptions {
  /** Defaults to the folder chosen at setup. */
  folder?: string;
  keyStore: KeyStore;
  passphrase?: PassphraseSource;
  snapshot?: boolean;
  progress?: ProgressFn;
  appVersion?: string;
}

export interface RoundResult {
  at: string;
  bootstrapped: boolean;
  /** Segments this laptop missed were gone (compacted): a snapshot was merged in instead. */
  filledGap: boolean;
  ingested: IngestResult;
  merged: number;
  moved: number;
  /** Records whose ref this laptop changed because another record claimed it first (db/records/refs.ts). */
  renumbered: number;
  /** Clients purged here because another laptop's retention purge arrived. */
  purged: number;
  published: { segments: number; changes: number };
  snapshot: string | null;
  compacted: { segments: number; snapshots: number };
}

export async function runRound(store: Store, opts: RoundOptions): Promise<RoundResult> {
  const folder = opts.folder ? checkFolder(opts.folder) : store.getMeta(META.folder);
  if (!folder)
    throw new AppError('sync_not_set_up', 'Synchronisatie is nog niet ingesteld: kies eerst een gedeelde map.');
  const root = rootOf(folder);
  const team = readTeamFile(root);
  if (!team)
    throw new AppError('sync_no_team', `Geen team gevonden in ${folder}: is de gedeelde map bereikbaar?`, 'folder');
  const joined = store.getMeta(META.team);
  if (!joined)
    throw new AppError('sync_not_set_up', 'Deze laptop hoort nog bij geen team: maak een team of sluit aan.');
  if (joined !== team.team)
    throw new AppError('sync_other_team', 'De gedeelde map hoort bij een ander team dan deze laptop.', 'folder');
  const id = await openTeam(store, root, team, opts.keyStore, opts.passphrase);
  const ctx: SyncContext = {
    store,
    root,
    id,
    progress: opts.progress ?? (() => {}),
    appVersion: opts.appVersion ?? 'dev',
  };
  mkdirSync(deviceDir(root, id.device), { recursive: true });
  pin(ctx, id.device, id.publicKey, null);
  refreshDevices(ctx);
  const bootstrapped = await bootstrapFromSnapshot(ctx);
  if (bootstrapped) {
    pin(ctx, id.device, id.publicKey, null);
    refreshDevices(ctx);
  }
  let ingested = ingestSegments(ctx);
  const missing = gapCheck(ctx);
  const filledGap = Boolean(missing && (await fillGaps(ctx, missing)));
  if (filledGap) {
    const more = ingestSegments(ctx);
    ingested = {
      ...more,
      segments: ingested.segments + more.segments,
      changes: ingested.changes + more.changes,
      applied: ingested.applied + more.applied,
      purgeMarkers: ingested.purgeMarkers || more.purgeMarkers,
    };
  }
  // A purge decided on another laptop is carried out here too (db/retention/purge.ts).
  const purged = ingested.purgeMarkers ? applyArrivedPurges(ctx) : 0;
  const merge = mergeSamePerson(store);
  // Two laptops gave out the same number offline: the later claim gets the next free one.
  const renumbered = resolveRefCollisions(store).length;
  const published = publishOwn(ctx);
  const snapshot = opts.snapshot ? await publishSnapshot(ctx) : null;
  const compacted = compactOwnFiles(ctx);
  announce(ctx);
  const result: RoundResult = {
    at: isoNow(ctx),
    bootstrapped,
    filledGap,
    ingested,
    merged: merge.merged,
    moved: merge.moved,
    renumbered,
    purged,
    published,
    snapshot,
    compacted,
  };
  store.setMeta(META.lastRun, result.at);
  store.setMeta(META.lastResult, JSON.stringify(result));
  return result;
}
