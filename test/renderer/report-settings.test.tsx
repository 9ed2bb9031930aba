// Beheer > Instellingen rapportages in jsdom through the real dispatcher and a real SQLite store:
// the form starts from the seed's wording, refuses an empty name or agreement with a Dutch message
// beside the field (nothing is sent), and saves what a beheerder typed for the whole team.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ReportSettingsPanel } from '../../renderer/screens/admin/ReportSettingsPanel.js';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { DEFAULT_SETTINGS } from '../../db/model/settings.js';
import { readSettings } from '../../db/reports/settings.js';
import { realBridge } from './real-bridge.js';

function setup() {
  const r = realBridge({ user: 'beheer', name: 'Beheerder', role: 'beheerder' });
  render(
    <BridgeProvider bridge={r.bridge}>
      <ReportSettingsPanel />
    </BridgeProvider>,
  );
  return r;
}

describe('the report settings form', () => {
  it('refuses empty fields in Dutch beside each field and sends nothing', async () => {
    const user = userEvent.setup();
    const { calls, store } = setup();
    const municipality = await screen.findByLabelText(/Naam van de gemeente/);
    expect(municipality).toHaveValue(DEFAULT_SETTINGS.municipality_name);
    await user.clear(municipality);
    const d = screen.getByLabelText(/Afspraak d/);
    await user.clear(d);
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));

    expect(municipality).toHaveAttribute('aria-invalid', 'true');
    expect(municipality).toHaveAccessibleDescription('Vul de naam van de gemeente in.');
    expect(d).toHaveAccessibleDescription('Vul de tekst van resultaatafspraak d in.');
    expect(screen.getByRole('alert')).toHaveTextContent('Niet opgeslagen: verbeter de velden met een melding.');
    expect(calls).not.toContain('settings.save');
    expect(readSettings(store)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a name that is too long', async () => {
    const user = userEvent.setup();
    setup();
    const corporation = await screen.findByLabelText(/Naam van de werkcorporatie/);
    await user.clear(corporation);
    await user.click(corporation);
    await user.paste('W'.repeat(201));
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(corporation).toHaveAccessibleDescription('De naam van de werkcorporatie is te lang (hoogstens 200 tekens).');
  });

  it('saves the names and wording a beheerder typed', async () => {
    const user = userEvent.setup();
    const { store } = setup();
    const municipality = await screen.findByLabelText(/Naam van de gemeente/);
    await user.clear(municipality);
    await user.type(municipality, 'Gemeente Urk');
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('De instellingen zijn opgeslagen');
    expect(readSettings(store).municipality_name).toBe('Gemeente Urk');
    expect(readSettings(store).agreements).toEqual(DEFAULT_SETTINGS.agreements);
  });
});
