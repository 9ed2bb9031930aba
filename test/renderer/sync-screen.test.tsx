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
import { realBridge } from './real-bridge.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('Synchronisatie screen', () => {
  it('sets up a team, syncs on demand and lets a person pick the value of a conflict', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caseload-sync-ui-'));
    dirs.push(folder);
    const { bridge, store } = realBridge();
    const user = userEvent.setup();
    render(
      <BridgeProvider bridge={bridge}>
        <SyncScreen />
      </BridgeProvider>,
    );

    await user.type(await screen.findByLabelText('Gedeelde map (volledig pad)'), folder);
    await user.click(screen.getByLabelText('Nieuw team maken (eerste laptop)'));
    await user.type(screen.getByLabelText('Teamwachtwoord'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Instellen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('minstens 12 tekens');
    await user.type(screen.getByLabelText('Teamwachtwoord'), 'team wachtwoord 1');
    await user.click(screen.getByRole('button', { name: 'Instellen' }));
    expect(await screen.findByRole('heading', { name: 'Status' })).toBeInTheDocument();

    const id = store.write('jdevries', (w) => w.create('client', { ref: 'K1', last_name: 'Jansen' }));
    // The creator became the team's first user, its beheerder (issue 12): that row waits to be sent.
    expect(screen.getByText('Nog te versturen wijzigingen').nextElementSibling).toHaveTextContent('4');
    await user.click(screen.getByRole('button', { name: 'Nu synchroniseren' }));
    await screen.findByText(/Laatste ronde: 0 wijziging\(en\) ontvangen, 6 verstuurd/);

    // A colleague's laptop changes the same name at the same time.
    const other = Store.open(join(folder, 'other.sqlite'), { deviceName: 'Laptop Anouk' });
    const keys = new MemoryKeyStore();
    await setupSync(other, { folder, mode: 'join', passphrase: 'team wachtwoord 1', keyStore: keys });
    await runRound(other, { keyStore: keys });
    other.write('aanouk', (w) => w.update('client', id, { last_name: 'Janssen' }));
    store.write('jdevries', (w) => w.update('client', id, { last_name: 'Jansens' }));
    await runRound(other, { keyStore: keys });
    other.close();

    await user.click(screen.getByRole('button', { name: 'Nu synchroniseren' }));
    const row = (await screen.findByText('Achternaam')).closest('tr')!;
    expect(within(row).getByText('Klant K1')).toBeInTheDocument();
    expect(row).toHaveTextContent('Jansens');
    expect(row).toHaveTextContent('Janssen');
    expect(row).toHaveTextContent('door aanouk');
    expect(screen.getByText('Laptop Anouk')).toBeInTheDocument();

    // Both edits can fall in the same millisecond; then the device ids (random per laptop)
    // decide the winner. Whichever won, picking the other value must make that one current.
    const winner = store.db.prepare('SELECT last_name FROM clients WHERE id = ?').pluck().get(id) as string;
    expect(['Jansens', 'Janssen']).toContain(winner);
    await user.click(within(row).getByRole('button', { name: /Andere kiezen/ }));
    expect(await screen.findByText('Geen open conflicten.')).toBeInTheDocument();
    expect(store.db.prepare('SELECT last_name FROM clients WHERE id = ?').pluck().get(id)).toBe(
      winner === 'Jansens' ? 'Janssen' : 'Jansens',
    );
  }, 60_000);
});
