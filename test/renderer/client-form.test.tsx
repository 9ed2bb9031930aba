import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { ClientForm } from '../../renderer/screens/clients/ClientForm.js';
import { useRoute } from '../../renderer/stores/route.js';
import { realBridge } from './real-bridge.js';

function renderForm() {
  const r = realBridge();
  render(
    <BridgeProvider bridge={r.bridge}>
      <ClientForm />
    </BridgeProvider>,
  );
  return r;
}

// Typing through user-event is slow on a busy machine, hence the longer timeout.
describe('Nieuwe klant form', { timeout: 30_000 }, () => {
  it('refuses an invalid BSN with a Dutch message without calling the server', async () => {
    const { calls } = renderForm();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('BSN'), '123456789');
    await user.type(screen.getByLabelText('Achternaam *'), 'Jansen');
    await user.click(screen.getByRole('button', { name: 'Klant registreren' }));
    expect(await screen.findByText('Dit BSN klopt niet (elfproef). Controleer de negen cijfers.')).toBeInTheDocument();
    expect(screen.getByLabelText('BSN')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Controleer de gemarkeerde velden.');
    expect(calls).not.toContain('clients.create');
  });

  it('checks the BSN as soon as nine digits are typed, before the field is left', async () => {
    renderForm();
    const user = userEvent.setup({ delay: null });
    const bsn = screen.getByLabelText('BSN');
    await user.type(bsn, '12345678');
    const message = 'Dit BSN klopt niet (elfproef). Controleer de negen cijfers.';
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    await user.type(bsn, '9');
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(bsn).toHaveFocus();
    await user.clear(bsn);
    await user.type(bsn, '111222333');
    await waitFor(() => expect(bsn).not.toHaveAttribute('aria-invalid'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for the last name and a Dutch date', async () => {
    renderForm();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Geboortedatum'), '31-02-1990');
    await user.click(screen.getByRole('button', { name: 'Klant registreren' }));
    expect(await screen.findByText('Vul Achternaam in.')).toBeInTheDocument();
    expect(screen.getByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
  });

  it("shows the server's field errors next to the field", async () => {
    const { store } = renderForm();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Achternaam *'), 'J'.repeat(120));
    await user.click(screen.getByRole('button', { name: 'Klant registreren' }));
    expect(await screen.findByText('is te lang (maximaal 100 tekens)')).toBeInTheDocument();
    expect(screen.getByLabelText('Achternaam *')).toHaveAttribute('aria-invalid', 'true');
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('registers a client and opens it; a second registration of the BSN is refused with a link to the first', async () => {
    const { bridge, store } = realBridge();
    const user = userEvent.setup({ delay: null });
    const { unmount } = render(
      <BridgeProvider bridge={bridge}>
        <ClientForm />
      </BridgeProvider>,
    );
    await user.type(screen.getByLabelText('BSN'), '111222333');
    await user.type(screen.getByLabelText('Achternaam *'), 'Bakker');
    await user.click(screen.getByRole('button', { name: 'Klant registreren' }));
    await waitFor(() => expect(useRoute.getState().route.rest[1]).toBe('nieuw'));
    const id = useRoute.getState().route.rest[0];
    expect(store.db.prepare('SELECT last_name FROM clients WHERE id = ?').pluck().get(id)).toBe('Bakker');
    expect(store.db.prepare('SELECT count(*) FROM caseload_periods WHERE client_id = ?').pluck().get(id)).toBe(1);
    unmount();
    render(
      <BridgeProvider bridge={bridge}>
        <ClientForm />
      </BridgeProvider>,
    );
    await user.type(screen.getByLabelText('BSN'), '111222333');
    await user.type(screen.getByLabelText('Achternaam *'), 'Backer');
    await user.click(screen.getByRole('button', { name: 'Klant registreren' }));
    expect(await screen.findByText('Dit BSN is al geregistreerd bij een andere klant.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open de klant met dit BSN' })).toHaveAttribute('href', `#/klanten/${id}`);
    // What was typed stays.
    expect(screen.getByLabelText('Achternaam *')).toHaveValue('Backer');
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
  });
});
