// This laptop's identity in the team for one round: the team keys it holds (keys.ts), its
// signing and wrapping keys, and who it trusts. Made at the start of every round and by setup.
import { createPublicKey } from 'node:crypto';
import type { Store } from '../journal/store.js';
import { subkey } from './crypto.js';
import type { KeyStore, PassphraseSource } from './keystore.js';
import { boxPublic, unlockKeys, type Unlocked } from './keys.js';
import type { Identity, TeamFile } from './team.js';

export interface RoundIdentity extends Identity {
  unlocked: Unlocked;
}

export function identityOf(store: Store, team: string, u: Unlocked): RoundIdentity {
  const fileKeys = new Map([...u.ring.keys].map(([e, k]) => [e, subkey(k, 'files')]));
  return {
    team,
    encKey: fileKeys.get(u.ring.epoch)!,
    keyEpoch: u.ring.epoch,
    keyFor: (e) => fileKeys.get(e) ?? null,
    device: store.device,
    signer: u.ring.sign,
    publicKey: createPublicKey(u.ring.sign).export({ format: 'jwk' }).x!,
    boxKey: boxPublic(u.ring.box),
    unlocked: u,
  };
}

/**
 * Unlocks the team on this laptop (key store, else the passphrase; `typed` when a person just
 * typed it at setup), follows key changes, and returns the identity for a round.
 */
export async function openTeam(
  store: Store,
  root: string,
  team: TeamFile,
  keyStore: KeyStore,
  passphrase?: PassphraseSource,
  typed?: string,
): Promise<RoundIdentity> {
  return identityOf(store, team.team, await unlockKeys(store, root, team, keyStore, passphrase, typed));
}
