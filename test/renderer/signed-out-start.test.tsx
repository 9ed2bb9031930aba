// Signed out, the app asks for who is there and shows the sign-in screen: no screen behind it
// calls the contract, so the audit log gets no refusals from a mere start.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from '../../renderer/App.js';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { realBridge } from './real-bridge.js';

describe('a signed-out start', () => {
  it('calls only the public methods and leaves no refusal in the audit log', async () => {
    const { bridge, store, calls } = realBridge(null);
    render(
      <BridgeProvider bridge={bridge}>
        <App />
      </BridgeProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Aanmelden bij Caseload' })).toBeInTheDocument();
    expect(calls.every((m) => m === 'app.info' || m === 'session.users')).toBe(true);
    expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE result = 'refused'").pluck().get()).toBe(0);
  });
});
