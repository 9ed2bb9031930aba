// Removing a laptop on the Synchronisatie screen: a beheerder sees the team's laptops, removes a
// colleague's after confirming with a new passphrase; the list then shows it as removed. Other
// roles see no remove action.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { SyncScreen } from '../../renderer/screens/sync/SyncScreen.js';
import { Store } from '../../db/journal/store.js';
import { MemoryKeyStore } from '../../db/sync/keystore.js';
import { runRound, setupSync } from '../../db/sync/round.js';
import { syncKeyStore } from '../../db/sync/runtime.js';
import { realBridge } from './real-bridge.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function team(store: Store) {
  const folder = mkdtempSync(join(tmpdir(), 'caseload-sync-devices-'));
  dirs.push(folder);
  const keys = syncKeyStore(); // the key store the handlers use, as after setup on the screen
  await setupSync(store, { folder, mode: 'create', passphrase: 'team wachtwoord 2026', keyStore: keys });
  const other = Store.open(join(folder, 'other.sqlite'), { deviceName: 'Laptop Anouk' });
  const otherKeys = new MemoryKeyStore();
  await setupSync(other, { folder, mode: 'join', passphrase: 'team wachtwoord 2026', keyStore: otherKeys });
  await runRound(other, { keyStore: otherKeys });
  other.close();
  await runRound(store, { keyStore: keys });
}

describe('laptops on the Synchronisatie screen', () => {
  it('lets a beheerder remove a colleague laptop with a new passphrase after confirming', async () => {
    const { bridge, store } = realBridge();
    await team(store);
    const user = userEvent.setup();
    render(
      <BridgeProvider bridge={bridge}>
        <SyncScreen />
      </BridgeProvider>,
    );
    const row = (await screen.findByText('Laptop Anouk')).closest('tr')!;
    expect(row).toHaveTextContent('in het team');
    await user.click(within(row).getByRole('button', { name: 'Laptop Anouk verwijderen' }));
    expect(screen.getByRole('heading', { name: 'Laptop Anouk uit het team verwijderen' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nieuw teamwachtwoord'), 'nieuw wachtwoord 2026');
    await user.type(screen.getByLabelText('Herhaal het nieuwe teamwachtwoord'), 'nieuw wachtwoord 2026');
    await user.click(screen.getByRole('button', { name: 'Laptop verwijderen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bevestig eerst');
    await user.click(screen.getByLabelText(/Ik begrijp dat Laptop Anouk definitief uit het team gaat/));
    await user.click(screen.getByRole('button', { name: 'Laptop verwijderen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Laptop Anouk is uit het team verwijderd');
    expect((await screen.findByText('Laptop Anouk')).closest('tr')).toHaveTextContent('verwijderd');
    expect(screen.queryByRole('button', { name: 'Laptop Anouk verwijderen' })).toBeNull();
  }, 60_000);

  it('shows the laptops without a remove action to other roles', async () => {
    const { bridge, store } = realBridge({ user: 'km', name: 'Klantmanager', role: 'klantmanager' });
    await team(store);
    render(
      <BridgeProvider bridge={bridge}>
        <SyncScreen />
      </BridgeProvider>,
    );
    expect(await screen.findByText('Laptop Anouk')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /verwijderen/ })).toBeNull();
  }, 60_000);
});
