// Hostile snapshots for the snapshot tests: an image signed as a snapshot of a team member's that
// claims to cover more than any other (so it is tried first), and a new laptop that sees it.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeStreamedFile, type FileHeader } from '../../../db/sync/container.js';
import { openTeam } from '../../../db/sync/identity.js';
import { rootOf, snapshotPath } from '../../../db/sync/layout.js';
import { readTeamFile } from '../../../db/sync/team.js';
import type { Cloud, Laptop } from './harness.js';

/**
 * Signs `image` as a snapshot of B's that claims to cover more than any other (tried first);
 * `miscount`: its header claims that many journal rows more than the image has.
 */
export async function publishAs(B: Laptop, image: string, seq: number, format: number, miscount = 0): Promise<string> {
  const root = rootOf(B.folder);
  const team = readTeamFile(root)!;
  const id = await openTeam(B.store, root, team, B.keys);
  const img = new Database(image, { readonly: true });
  const count = img.prepare('SELECT count(*) FROM journal').pluck().get() as number;
  img.close();
  const header: FileHeader = {
    format,
    kind: 'snapshot',
    team: team.team,
    device: B.device,
    epoch: 1,
    seq,
    count: count + miscount,
    created: Date.UTC(2026, 11, 1, 10),
    schema: 1,
    maxHlc: B.store.clock.current(),
    vector: { [`${B.device}.1`]: { upTo: 1000 + seq, extra: [] } },
  };
  const target = snapshotPath(root, 1, B.device, seq);
  await writeStreamedFile(target, header, image, id, id.signer);
  return target;
}

/** A new laptop that sees B's folder (with every snapshot in it) and joins. */
export async function newLaptop(cloud: Cloud, A: Laptop, B: Laptop): Promise<Laptop> {
  const N = cloud.laptop(`n${cloud.laptops.length}`);
  cloud.teamOwner = A;
  cloud.propagate();
  const from = join(rootOf(B.folder), 'snapshots', '1');
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(rootOf(N.folder), 'snapshots', '1', f));
  await N.join();
  return N;
}
