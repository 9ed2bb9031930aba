// Beheer > Back-ups in jsdom through the real dispatcher and a real SQLite file: a backup on
// request, the preview of what a backup holds (date, clients, employers, vacancies), and a restore
// that only happens after the explicit confirmation. Other roles are refused by the contract.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BackupPanel } from '../../renderer/screens/admin/BackupPanel.js';
import { BridgeProvider } from '../../renderer/data/provider.js';
import type { Bridge } from '../../renderer/bridge.js';
import { createApi } from '../../db/api/dispatch.js';
import type { Session } from '../../db/model/roles.js';
import { Store } from '../../db/journal/store.js';
import { pendingRestoreFile } from '../../db/backup/restore.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.db.open && s.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function setup(session: Session = { user: 'beheer', name: 'Beheerder', role: 'beheerder' }) {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-backup-ui-'));
  dirs.push(dir);
  const store = Store.open(join(dir, 'caseload.sqlite'), { deviceName: 'Laptop Emmeloord' });
  stores.push(store);
  const api = createApi(store, session);
  const calls: string[] = [];
  const bridge: Bridge = {
    call: (method, input) => {
      calls.push(method);
      return api.call(method, input) as never;
    },
    on: (event, cb) => api.on(event, cb),
  };
  render(
    <BridgeProvider bridge={bridge}>
      <BackupPanel />
    </BridgeProvider>,
  );
  return { store, api, calls };
}

describe('Back-ups in Beheer', () => {
  it('makes a backup, shows what one holds and restores it only after confirmation', async () => {
    const user = userEvent.setup();
    const { store, calls } = setup();
    store.write('t', (w) => {
      w.create('client', { ref: 'K1', last_name: 'Jansen' });
      w.create('client', { ref: 'K2', last_name: 'de Vries' });
      w.create('employer', { ref: 'W1', name: 'Bakkerij De Korenaar' });
    });

    expect(await screen.findByRole('heading', { name: 'Back-ups' })).toBeInTheDocument();
    expect(screen.getByText(/maakt elke dag een back-up/)).toBeInTheDocument();
    expect(await screen.findByText('Er zijn nog geen back-ups.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nu een back-up maken' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Back-up gemaakt \(/);
    const row = (await screen.findByText('handmatig')).closest('tr')!;
    expect(row).toHaveTextContent('MB');

    store.write('t', (w) => w.create('client', { ref: 'K3', last_name: 'Bakker' }));
    await user.click(within(row).getByRole('button', { name: /^Back-up van .* bekijken$/ }));
    const preview = (await screen.findByRole('heading', { name: 'Back-up terugzetten' })).closest('section')!;
    const fact = (label: string) => within(preview).getByText(label).nextElementSibling;
    expect(fact('Klanten')).toHaveTextContent('2');
    expect(fact('Werkgevers')).toHaveTextContent('1');
    expect(fact('Vacatures')).toHaveTextContent('0');
    expect(fact('Gemaakt op laptop')).toHaveTextContent('Laptop Emmeloord');
    expect(within(preview).getByText(/^Back-up van \d{2}-\d{2}-\d{4} \d{2}:\d{2}:$/)).toBeInTheDocument();
    expect(within(preview).getByText(/vervangt alle gegevens op deze laptop/)).toBeInTheDocument();

    // Without the confirmation nothing happens.
    await user.click(within(preview).getByRole('button', { name: 'Back-up terugzetten' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bevestig eerst');
    expect(calls).not.toContain('backup.restore');
    expect(existsSync(pendingRestoreFile(store.file))).toBe(false);

    await user.click(within(preview).getByLabelText(/Ik begrijp dat de gegevens op deze laptop worden vervangen/));
    await user.click(within(preview).getByRole('button', { name: 'Back-up terugzetten' }));
    expect(await screen.findByRole('status')).toHaveTextContent('De back-up wordt teruggezet. Caseload start opnieuw');
    expect(calls.filter((c) => c === 'backup.restore')).toHaveLength(1);
    expect(existsSync(pendingRestoreFile(store.file))).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Back-up terugzetten' })).not.toBeInTheDocument();
  });

  it('can be cancelled after the preview', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByRole('button', { name: 'Nu een back-up maken' }));
    await user.click(await screen.findByRole('button', { name: /^Back-up van .* bekijken$/ }));
    await user.click(await screen.findByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('heading', { name: 'Back-up terugzetten' })).not.toBeInTheDocument();
  });

  it('shows the contract’s refusal to anyone but a beheerder', async () => {
    setup({ user: 'km', name: 'Klantmanager', role: 'klantmanager' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Uw rol mag deze actie niet uitvoeren.');
    expect(screen.queryByRole('button', { name: 'Nu een back-up maken' })).not.toBeInTheDocument();
  });
});
