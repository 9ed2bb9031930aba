// The client list against the real dispatcher and SQLite: search-as-you-type, the rows the
// virtualizer draws, keyboard navigation and loading the next page with the keyset cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { ClientList } from '../../renderer/screens/clients/ClientList.js';
import { useClientSearch } from '../../renderer/stores/clients.js';
import { useRoute } from '../../renderer/stores/route.js';
import { loadDemo } from '../../db/demo/generate.js';
import { realBridge } from './real-bridge.js';

const SEARCH = 'Zoeken op naam, BSN, registratienummer of woonplaats';

// jsdom has no layout engine: give the list's scroll container the size Chromium would give it,
// so the virtualizer draws rows (about 600 / 36 visible plus overscan).
beforeAll(() => {
  for (const prop of ['clientHeight', 'clientWidth'] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'grid' ? (prop === 'clientHeight' ? 600 : 1000) : 0;
      },
    });
  }
});
afterAll(() => {
  // jsdom defines these on Element.prototype; removing the override restores them.
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function setup(clients: number) {
  // The search outlives a render (as in the app, where it is kept); start afresh.
  useClientSearch.setState(useClientSearch.getInitialState());
  const r = realBridge();
  loadDemo(r.store, { clients, seed: 4, today: '2026-06-30' });
  r.store.write('u', (w) =>
    w.create('client', {
      ref: 'K999',
      first_name: 'Zoë',
      last_name: 'Müller',
      bsn: '111222333',
      birth_date: '1990-04-12',
      city: 'Emmeloord',
    }),
  );
  render(
    <BridgeProvider bridge={r.bridge}>
      <ClientList />
    </BridgeProvider>,
  );
  return r;
}

describe('client list', { timeout: 30_000 }, () => {
  it('shows the total, and one row per client with masked BSN, Dutch date and status', async () => {
    setup(120);
    expect(await screen.findByText('121 klanten')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(SEARCH), 'zoe muller');
    expect(await screen.findByText('1 klant')).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'Klantenlijst' });
    expect(grid).toHaveAttribute('aria-rowcount', '2');
    const row = await within(grid).findByRole('row', { name: /Zoë Müller/ });
    const cells = within(row)
      .getAllByRole('gridcell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['Zoë Müller', 'K999', '******333', '12-04-1990', 'Emmeloord', '', 'Geen periode']);
    expect(grid.textContent).not.toContain('111222333');
  });

  it('moves through the rows with the arrow keys and opens the active client with Enter', async () => {
    setup(40);
    await screen.findByText('41 klanten');
    const grid = screen.getByRole('grid', { name: 'Klantenlijst' });
    const rows = () => within(grid).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(rows()[2]).toHaveAttribute('aria-selected', 'true'));
    expect(grid.getAttribute('aria-activedescendant')).toBe(rows()[2]!.id);
    const third = within(rows()[2]!).getByRole('link').getAttribute('href')!.split('/').at(-1)!;
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(useRoute.getState().route).toEqual({ section: 'klanten', rest: [third] });
  });

  it('loads the next page with the keyset cursor when the end of the list comes into view', async () => {
    const { calls } = setup(249);
    await screen.findByText('250 klanten');
    const pages = () => calls.filter((c) => c === 'clients.search').length;
    expect(pages()).toBe(1);
    const grid = screen.getByRole('grid', { name: 'Klantenlijst' });
    // Only the rows in view (plus overscan) are drawn, not the whole page of 100.
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(10));
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60);
    grid.scrollTop = 100 * 36 - 600;
    fireEvent.scroll(grid);
    await waitFor(() => expect(pages()).toBe(2));
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '251'));
    grid.scrollTop = 200 * 36 - 600;
    fireEvent.scroll(grid);
    await waitFor(() => expect(pages()).toBe(3));
    // The last page has no cursor: scrolling to the end asks for nothing more.
    grid.scrollTop = 250 * 36 - 600;
    fireEvent.scroll(grid);
    await new Promise((r) => setTimeout(r, 50));
    expect(pages()).toBe(3);
  });
});
