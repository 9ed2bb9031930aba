// The caseload period forms of a client's page (issue 13), against the real dispatcher: handing a
// client to a colleague picked from the users, correcting an exit and undoing it. Each refuses
// wrong input with a Dutch message next to the field and needs a reason for a correction.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { useCall } from '../../renderer/data/hooks.js';
import { PeriodActions } from '../../renderer/screens/clients/PeriodActions.js';
import { CaseloadHandover } from '../../renderer/screens/mywork/CaseloadHandover.js';
import { setNow } from '../../renderer/clock.js';
import { realBridge } from './real-bridge.js';

const NOW = Date.parse('2026-06-15T10:00:00Z');
afterEach(() => setNow(null));

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function Page(props: { id: string }) {
  const { data } = useCall('clients.get', { id: props.id });
  if (!data) return null;
  const latest = data.periods[0] ?? null;
  return (
    <PeriodActions
      clientId={props.id}
      latest={latest}
      accountManager={latest?.account_manager ?? null}
      actions={null}
    />
  );
}

async function world(exited = false) {
  setNow(() => NOW);
  const { bridge } = realBridge(undefined, () => NOW);
  must(await bridge.call('users.create', { display_name: 'Beheer', role: 'beheerder', pin: 'beheer-2026-polder' }));
  must(
    await bridge.call('users.create', {
      display_name: 'Mark Visser',
      role: 'klantmanager',
      pin: 'kotters-op-urk-2026',
    }),
  );
  const client = must(
    await bridge.call('clients.create', {
      first_name: 'Noor',
      last_name: 'Bakker',
      intake_date: '2026-01-05',
      referrer: 'social_team',
      account_manager: 'Beheer',
    }),
  );
  if (exited)
    must(await bridge.call('clients.exit', { clientId: client.id, exit_date: '2026-06-01', exit_reason: 'moved' }));
  render(
    <BridgeProvider bridge={bridge}>
      <Page id={client.id} />
    </BridgeProvider>,
  );
  return { bridge, id: client.id, user: userEvent.setup({ delay: null }) };
}

describe('caseload period forms', { timeout: 60_000 }, () => {
  it('hands a client to a colleague from the users, in Dutch when no colleague or a wrong date is given', async () => {
    const { bridge, id, user } = await world();
    await user.click(await screen.findByRole('button', { name: 'Overdragen' }));
    const form = screen.getByRole('form', { name: 'Overdragen' });
    const date = within(form).getByLabelText(/Met ingang van/);
    await user.clear(date);
    await user.type(date, '31-02-2026');
    await user.click(within(form).getByRole('button', { name: 'Overdragen aan collega' }));
    expect(await within(form).findByText('Vul Naar klantmanager in.')).toBeInTheDocument();
    expect(within(form).getByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    // Only colleagues other than the current account manager are offered.
    const picker = within(form).getByLabelText(/Naar klantmanager/);
    expect(within(picker).queryByRole('option', { name: 'Beheer' })).toBeNull();
    await user.selectOptions(picker, 'Mark Visser');
    await user.clear(date);
    await user.type(date, '01-06-2026');
    await user.type(within(form).getByLabelText(/Toelichting/), 'Verlof');
    await user.click(within(form).getByRole('button', { name: 'Overdragen aan collega' }));
    expect(await screen.findByText('De klant is overgedragen.')).toBeInTheDocument();
    const got = must(await bridge.call('clients.get', { id }));
    expect(got.periods[0]!.account_manager).toBe('Mark Visser');
  });

  it('corrects an exit and undoes it, each only with a reason', async () => {
    const { bridge, id, user } = await world(true);
    // After an exit: no "Uitstroom vastleggen", but correct, undo and re-entry.
    await user.click(await screen.findByRole('button', { name: 'Uitstroom corrigeren' }));
    expect(screen.queryByRole('button', { name: 'Uitstroom vastleggen' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Intake (opnieuw instromen)' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Uitstroom corrigeren' });
    const date = within(form).getByLabelText(/Uitstroomdatum/);
    expect(date).toHaveValue('01-06-2026');
    await user.clear(date);
    await user.type(date, '1006');
    await user.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    expect(await within(form).findByText('Vul Reden van de correctie in.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/Reden van de correctie/), 'Datum verkeerd overgenomen');
    await user.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    expect(await screen.findByText('De uitstroom is gecorrigeerd.')).toBeInTheDocument();
    expect(must(await bridge.call('clients.get', { id })).periods[0]!.exit_date).toBe('2026-06-10');

    await user.click(screen.getByRole('button', { name: 'Uitstroom ongedaan maken' }));
    const undo = screen.getByRole('form', { name: 'Uitstroom ongedaan maken' });
    await user.click(within(undo).getByRole('button', { name: 'Uitstroom ongedaan maken' }));
    expect(await within(undo).findByText('Vul Reden in.')).toBeInTheDocument();
    await user.type(within(undo).getByLabelText(/Reden/), 'Verkeerde klant');
    await user.click(within(undo).getByRole('button', { name: 'Uitstroom ongedaan maken' }));
    expect(await screen.findByText(/De uitstroom is ongedaan gemaakt/)).toBeInTheDocument();
    expect(must(await bridge.call('clients.get', { id })).inCaseload).toBe(true);
    expect(await screen.findByRole('button', { name: 'Uitstroom vastleggen' })).toBeInTheDocument();
  });

  it('hands a whole caseload over, in Dutch when the colleague or the date is missing', async () => {
    setNow(() => NOW);
    const { bridge } = realBridge(undefined, () => NOW);
    must(await bridge.call('users.create', { display_name: 'Beheer', role: 'beheerder', pin: 'beheer-2026-polder' }));
    must(
      await bridge.call('users.create', {
        display_name: 'Mark Visser',
        role: 'klantmanager',
        pin: 'kotters-op-urk-2026',
      }),
    );
    must(
      await bridge.call('clients.create', {
        last_name: 'Bakker',
        intake_date: '2026-01-05',
        referrer: 'social_team',
        account_manager: 'Beheer',
      }),
    );
    render(
      <BridgeProvider bridge={bridge}>
        <CaseloadHandover from="Beheer" />
      </BridgeProvider>,
    );
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Overdracht' });
    expect(within(form).getByLabelText(/Van klantmanager/)).toHaveDisplayValue('Beheer');
    await user.clear(within(form).getByLabelText(/Met ingang van/));
    await user.click(within(form).getByRole('button', { name: 'Caseload overdragen' }));
    expect(await within(form).findByText('Vul Naar klantmanager in.')).toBeInTheDocument();
    expect(within(form).getByText('Vul Met ingang van in.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(/Naar klantmanager/), 'Mark Visser');
    await user.type(within(form).getByLabelText(/Met ingang van/), '01-06-2026');
    await user.click(within(form).getByRole('button', { name: 'Caseload overdragen' }));
    expect(await screen.findByText('1 klant is overgedragen.')).toBeInTheDocument();
  });
});
