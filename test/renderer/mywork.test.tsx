// Mijn werk against the real dispatcher and an in-memory store: a follow-up that is due shows up
// under Vervolgafspraken with how late it is, and recording the contact from there handles it.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { MyWorkScreen } from '../../renderer/screens/mywork/MyWorkScreen.js';
import { formatDateNl } from '../../renderer/format.js';
import { setNow } from '../../renderer/clock.js';
import { addDays } from '../../db/model/calendar.js';
import { realBridge } from './real-bridge.js';

// 23:30 UTC is 00:30 on 11 March in the Netherlands: the UI and the store must both say 11 March.
const NOW = Date.parse('2026-03-10T23:30:00Z');
const TODAY = '2026-03-11';
const isoDaysAgo = (n: number) => addDays(TODAY, -n);
afterEach(() => setNow(null));

describe('Mijn werk', { timeout: 30_000 }, () => {
  it('lists a due follow-up and handles it by recording the contact', async () => {
    setNow(() => NOW);
    const { bridge } = realBridge(undefined, () => NOW);
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
    await user.type(await screen.findByLabelText('Verslag'), 'Cv ontvangen');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    expect(await screen.findByRole('region', { name: 'Vervolgafspraken (0)' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Het contact is vastgelegd.');
  });
});
