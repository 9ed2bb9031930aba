// Mijn werk against the real dispatcher and an in-memory store: a follow-up that is due shows up
// under Vervolgafspraken with how late it is, and recording the contact from there handles it.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/components/bridge-context.js';
import { MyWorkScreen } from '../../renderer/screens/mywork/MyWorkScreen.js';
import { formatDateNl, todayIso } from '../../renderer/format.js';
import { realBridge } from './real-bridge.js';

function isoDaysAgo(n: number): string {
  const d = new Date(`${todayIso()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

describe('Mijn werk', { timeout: 30_000 }, () => {
  it('lists a due follow-up and handles it by recording the contact', async () => {
    const { bridge } = realBridge();
    const client = await bridge.call('clients.create', { first_name: 'Noor', last_name: 'Visser' });
    if (!client.ok) throw new Error(client.error.message);
    const later = await bridge.call('contacts.create', {
      clientId: client.value.id,
      date: isoDaysAgo(8),
      kind: 'phone',
      summary: 'Cv nabellen',
      follow_up_date: isoDaysAgo(2),
    });
    expect(later.ok).toBe(true);
    await bridge.call('contacts.create', {
      clientId: client.value.id,
      date: isoDaysAgo(1),
      kind: 'phone',
      summary: 'Volgende maand',
      follow_up_date: isoDaysAgo(-30),
    });

    render(
      <BridgeProvider bridge={bridge}>
        <MyWorkScreen />
      </BridgeProvider>,
    );
    const section = await screen.findByRole('region', { name: 'Vervolgafspraken (1)' });
    const row = within(section).getByRole('row', { name: /Noor Visser/ });
    expect(row).toHaveTextContent(formatDateNl(isoDaysAgo(2)));
    expect(row).toHaveTextContent('2 dagen te laat');
    expect(row).toHaveTextContent('Cv nabellen');
    expect(within(section).queryByText('Volgende maand')).toBeNull();

    const user = userEvent.setup({ delay: null });
    await user.click(within(row).getByRole('button', { name: /^Contact vastleggen\s*Noor Visser/ }));
    await user.type(screen.getByLabelText('Verslag'), 'Cv ontvangen');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    expect(await screen.findByRole('region', { name: 'Vervolgafspraken (0)' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Contact .* is vastgelegd/);
  });
});
