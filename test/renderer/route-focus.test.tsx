// After every route change the page heading has the focus (a screen reader says where the user
// landed) and the window title names the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../renderer/App.js';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { useApp } from '../../renderer/stores/app.js';
import { useRoute } from '../../renderer/stores/route.js';
import { realBridge } from './real-bridge.js';

afterEach(() => useApp.setState({ firstStartDone: false }));

function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('route change', { timeout: 30_000 }, () => {
  it('takes the address as it is when the app starts listening, also a change it did not hear', async () => {
    useApp.setState({ firstStartDone: true });
    window.location.hash = '#/mijn-werk';
    useRoute.getState().sync();
    // The address changes before the app listens (a link followed while the page was starting):
    // its hashchange event has come and gone.
    const heard = new Promise<void>((resolve) => {
      const on = (e: HashChangeEvent) => {
        if (!e.newURL.endsWith('#/werkgevers')) return;
        window.removeEventListener('hashchange', on);
        resolve();
      };
      window.addEventListener('hashchange', on);
    });
    window.location.hash = '#/werkgevers';
    await heard;
    const { bridge } = realBridge();
    const view = render(
      <BridgeProvider bridge={bridge}>
        <App />
      </BridgeProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Werkgevers' })).toBeInTheDocument();
    view.unmount();
    window.location.hash = '';
  });

  it('moves the focus to the page heading and names the screen in the title', async () => {
    useApp.setState({ firstStartDone: true });
    useRoute.getState().sync();
    const { bridge } = realBridge();
    render(
      <BridgeProvider bridge={bridge}>
        <App />
      </BridgeProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Mijn werk' });
    expect(document.title).toBe('Mijn werk – Caseload');

    go('#/werkgevers');
    const employers = await screen.findByRole('heading', { level: 1, name: 'Werkgevers' });
    await waitFor(() => expect(employers).toHaveFocus());
    expect(employers).toHaveAttribute('tabindex', '-1');
    expect(document.title).toBe('Werkgevers – Caseload');

    // A screen that loads first gets the focus on its heading once it is there.
    go('#/klanten/nieuw');
    const form = await screen.findByRole('heading', { level: 1, name: 'Nieuwe klant registreren' });
    await waitFor(() => expect(form).toHaveFocus());
    expect(document.title).toBe('Klanten – Caseload');
  });
});
