// Maatregelen in the client's dossier and SROI obligations on the employer's page, against the
// real dispatcher: register, end, correct, with Dutch messages next to the field for wrong input.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { ClientMeasures } from '../../renderer/screens/clients/ClientMeasures.js';
import { EmployerDetail } from '../../renderer/screens/employers/EmployerDetail.js';
import { setNow } from '../../renderer/clock.js';
import type { Bridge } from '../../renderer/bridge.js';
import type { Role } from '../../db/model/roles.js';
import { realBridge } from './real-bridge.js';

const NOW = Date.parse('2026-06-15T10:00:00Z');
afterEach(() => setNow(null));

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function bridgeAs(role: Role) {
  setNow(() => NOW);
  return realBridge({ user: 'u1', name: 'Anna de Jong', role }, () => NOW);
}

function show(bridge: Bridge, ui: ReactNode) {
  return render(<BridgeProvider bridge={bridge}>{ui}</BridgeProvider>);
}

describe('measures in the dossier', { timeout: 30_000 }, () => {
  it('registers a measure with Dutch messages for missing and wrong input, then ends it keeping its reason', async () => {
    const w = bridgeAs('klantmanager');
    const client = must(
      await w.bridge.call('clients.create', {
        last_name: 'Visser',
        intake_date: '2026-01-05',
        referrer: 'social_team',
        account_manager: 'Anna de Jong',
      }),
    );
    show(w.bridge, <ClientMeasures clientId={client.id} />);
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('Geen maatregelen vastgelegd.')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Maatregel vastleggen' }));
    const form = screen.getByRole('form', { name: 'Maatregel vastleggen' });
    await user.click(within(form).getByRole('button', { name: 'Maatregel opslaan' }));
    expect(await within(form).findByText(/^Vul datum in\.$/i)).toBeInTheDocument();
    expect(within(form).getByText(/^Vul soort maatregel in\.$/i)).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/^Datum/), '31-02-2026');
    await user.selectOptions(within(form).getByLabelText(/^Soort maatregel/), 'warning');
    await user.type(within(form).getByLabelText(/^Reden/), 'Afspraak niet nagekomen');
    await user.click(within(form).getByRole('button', { name: 'Maatregel opslaan' }));
    expect(await within(form).findByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^Datum/));
    await user.type(within(form).getByLabelText(/^Datum/), '10-06-2026');
    await user.click(within(form).getByRole('button', { name: 'Maatregel opslaan' }));
    expect(await screen.findByText('De maatregel is vastgelegd.')).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Afspraak niet nagekomen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Maatregel Waarschuwing van 10-06-2026 beëindigen' }));
    const end = screen.getByRole('form', { name: 'Maatregel Waarschuwing van 10-06-2026 beëindigen' });
    await user.click(within(end).getByRole('button', { name: 'Maatregel beëindigen' }));
    expect(await within(end).findByText(/^Vul einddatum in\.$/i)).toBeInTheDocument();
    await user.type(within(end).getByLabelText(/^Einddatum/), '01-06-2026');
    await user.click(within(end).getByRole('button', { name: 'Maatregel beëindigen' }));
    expect(await within(end).findByText(/ligt voor de datum van de maatregel/)).toBeInTheDocument();
    await user.clear(within(end).getByLabelText(/^Einddatum/));
    await user.type(within(end).getByLabelText(/^Einddatum/), '30-06-2026');
    await user.click(within(end).getByRole('button', { name: 'Maatregel beëindigen' }));
    expect(await screen.findByText('De maatregel is beëindigd.')).toBeInTheDocument();
    const row = w.store.db.prepare('SELECT end_date, reason FROM measures').get() as Record<string, unknown>;
    expect(row).toEqual({ end_date: '2026-06-30', reason: 'Afspraak niet nagekomen' });
  });

  it('shows a werkgeversadviseur no buttons to register a measure', async () => {
    const w = bridgeAs('werkgeversadviseur');
    show(w.bridge, <ClientMeasures clientId="unknown" />);
    expect(await screen.findByText('Geen maatregelen vastgelegd.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Maatregel vastleggen' })).toBeNull();
  });
});

describe('SROI obligations on the employer page', { timeout: 30_000 }, () => {
  it('adds one with Dutch messages for a wrong amount and date, then corrects it', async () => {
    const w = bridgeAs('werkgeversadviseur');
    const employer = must(await w.bridge.call('employers.create', { name: 'Bouwbedrijf De Polder' }));
    show(w.bridge, <EmployerDetail id={employer.id} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'SROI-verplichting toevoegen' }));
    const form = screen.getByRole('form', { name: 'SROI-verplichting toevoegen' });
    await user.type(within(form).getByLabelText(/^Contract/), 'Renovatie gemeentehuis');
    await user.type(within(form).getByLabelText(/^Verplichting/), 'veel');
    await user.type(within(form).getByLabelText(/^Begindatum/), '1-13-2026');
    await user.click(within(form).getByRole('button', { name: 'Verplichting opslaan' }));
    expect(await within(form).findByText('Vul een getal in, bijvoorbeeld 32,5.')).toBeInTheDocument();
    expect(within(form).getByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^Verplichting/));
    await user.type(within(form).getByLabelText(/^Verplichting/), '120,5');
    await user.clear(within(form).getByLabelText(/^Begindatum/));
    await user.type(within(form).getByLabelText(/^Begindatum/), '01-01-2026');
    await user.click(within(form).getByRole('button', { name: 'Verplichting opslaan' }));
    expect(await screen.findByText('De SROI-verplichting is vastgelegd.')).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Renovatie gemeentehuis' })).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT amount, unit, start_date FROM sroi_obligations').get()).toEqual({
      amount: 120.5,
      unit: 'hours',
      start_date: '2026-01-01',
    });

    await user.click(screen.getByRole('button', { name: 'SROI-verplichting Renovatie gemeentehuis wijzigen' }));
    const edit = screen.getByRole('form', { name: 'SROI-verplichting Renovatie gemeentehuis wijzigen' });
    await user.type(within(edit).getByLabelText(/^Einddatum/), '31-12-2026');
    await user.click(within(edit).getByRole('button', { name: 'Verplichting opslaan' }));
    expect(await screen.findByText('De SROI-verplichting is bijgewerkt.')).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT amount, end_date FROM sroi_obligations').get()).toEqual({
      amount: 120.5,
      end_date: '2026-12-31',
    });
  });
});
