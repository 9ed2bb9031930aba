// Every record a user can create, they can correct: the edit forms of the client page, the
// employer page, the vacancy page and the placements list, against the real dispatcher. Each
// form refuses wrong input with Dutch messages next to the field (no browser bubbles: noValidate)
// and saves a correction through the contract's update method.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { BridgeProvider } from '../../renderer/data/provider.js';
import { ClientActivities, ContactLog } from '../../renderer/screens/clients/ClientActivities.js';
import { ClientForm } from '../../renderer/screens/clients/ClientForm.js';
import { EmployerDetail } from '../../renderer/screens/employers/EmployerDetail.js';
import { VacancyDetail } from '../../renderer/screens/vacancies/VacancyDetail.js';
import { PlacementsScreen } from '../../renderer/screens/placements/PlacementsScreen.js';
import { setNow } from '../../renderer/clock.js';
import { useRoute } from '../../renderer/stores/route.js';
import type { Bridge } from '../../renderer/bridge.js';
import { realBridge } from './real-bridge.js';

const NOW = Date.parse('2026-06-15T10:00:00Z');
afterEach(() => setNow(null));

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function world() {
  setNow(() => NOW);
  const r = realBridge(undefined, () => NOW);
  const b = r.bridge;
  const client = must(
    await b.call('clients.create', {
      first_name: 'Noor',
      last_name: 'Visser',
      intake_date: '2026-01-05',
      referrer: 'social_team',
      account_manager: 'Anna de Jong',
    }),
  );
  const activity = must(
    await b.call('activities.create', {
      clientId: client.id,
      fields: { kind: 'intake_programme', start_date: '2026-05-04' },
    }),
  );
  const contact = must(
    await b.call('contacts.create', { clientId: client.id, date: '2026-06-01', kind: 'phone', summary: 'Cv nabellen' }),
  );
  const employer = must(await b.call('employers.create', { name: 'Bakkerij De Korenschoof', city: 'Emmeloord' }));
  must(await b.call('employers.saveContactPerson', { employerId: employer.id, name: 'Henk de Vries' }));
  const vacancy = must(
    await b.call('vacancies.create', {
      employerId: employer.id,
      fields: { title: 'Medewerker productie', opened_date: '2026-06-01', hours_per_week: '32' },
    }),
  );
  must(
    await b.call('placements.create', {
      clientId: client.id,
      employerId: employer.id,
      fields: { kind: 'regular', start_date: '2026-06-01', hours_per_week: '24' },
    }),
  );
  return {
    ...r,
    client: client.id,
    activity: activity.id,
    contact: contact.id,
    employer: employer.id,
    vacancy: vacancy.id,
  };
}

function show(bridge: Bridge, ui: ReactNode) {
  return render(<BridgeProvider bridge={bridge}>{ui}</BridgeProvider>);
}

describe('edit forms', { timeout: 30_000 }, () => {
  it('ends an activity with an end date and a result, in Dutch when the date is wrong', async () => {
    const w = await world();
    show(w.bridge, <ClientActivities clientId={w.client} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Vierwekenprogramma van 04-05-2026 wijzigen' }));
    const form = screen.getByRole('form', { name: 'Activiteit wijzigen: Vierwekenprogramma' });
    await user.clear(within(form).getByLabelText('Startdatum *'));
    await user.type(within(form).getByLabelText('Einddatum'), '31-02');
    await user.click(within(form).getByRole('button', { name: 'Activiteit opslaan' }));
    expect(await within(form).findByText('Vul Startdatum in.')).toBeInTheDocument();
    expect(within(form).getByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('Controleer de gemarkeerde velden.');
    await user.type(within(form).getByLabelText('Startdatum *'), '0405');
    await user.clear(within(form).getByLabelText('Einddatum'));
    await user.type(within(form).getByLabelText('Einddatum'), '2905');
    await user.type(within(form).getByLabelText('Resultaat'), 'Afgerond, solliciteert zelf');
    await user.click(within(form).getByRole('button', { name: 'Activiteit opslaan' }));
    expect(await screen.findByText('De activiteit is bijgewerkt.')).toBeInTheDocument();
    const row = w.store.db.prepare('SELECT end_date, outcome FROM activities WHERE id = ?').get(w.activity);
    expect(row).toEqual({ end_date: '2026-05-29', outcome: 'Afgerond, solliciteert zelf' });
    await waitFor(() => expect(screen.queryByText('lopend')).not.toBeInTheDocument());
  });

  it('corrects a contact, refusing a follow-up date that does not exist', async () => {
    const w = await world();
    show(w.bridge, <ContactLog party={{ clientId: w.client }} idPrefix="client" />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /^Telefo.* van 01-06-2026 wijzigen$/ }));
    const form = screen.getByRole('form', { name: 'Contact wijzigen' });
    await user.type(within(form).getByLabelText('Vervolg op'), '32-06-2026');
    await user.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    expect(await within(form).findByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Vervolg op'));
    await user.type(within(form).getByLabelText('Vervolg op'), '22-06-26');
    await user.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    expect(await screen.findByText('Het contact is bijgewerkt.')).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT follow_up_date FROM contacts WHERE id = ?').pluck().get(w.contact)).toBe(
      '2026-06-22',
    );
  });

  it('corrects an employer and a contact person, with Dutch messages for KvK, postcode and e-mail', async () => {
    const w = await world();
    show(w.bridge, <EmployerDetail id={w.employer} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Werkgever wijzigen' }));
    const form = screen.getByRole('form', { name: 'Werkgever wijzigen' });
    await user.type(within(form).getByLabelText('KvK-nummer'), '1234');
    await user.type(within(form).getByLabelText('Postcode'), '8302');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await within(form).findByText('Een KvK-nummer heeft precies 8 cijfers.')).toBeInTheDocument();
    expect(within(form).getByText('Vul een postcode in als 1234 AB.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('KvK-nummer'), '5678');
    await user.type(within(form).getByLabelText('Postcode'), ' AB');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('De werkgever is bijgewerkt.')).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT kvk FROM employers WHERE id = ?').pluck().get(w.employer)).toBe('12345678');

    await user.click(screen.getByRole('button', { name: 'Henk de Vries wijzigen' }));
    const person = screen.getByRole('form', { name: 'Henk de Vries wijzigen' });
    await user.type(within(person).getByLabelText('E-mail'), 'henk@');
    await user.clear(within(person).getByLabelText('Naam *'));
    await user.click(within(person).getByRole('button', { name: 'Contactpersoon opslaan' }));
    expect(await within(person).findByText('Vul Naam in.')).toBeInTheDocument();
    expect(within(person).getByText('Vul een geldig e-mailadres in.')).toBeInTheDocument();
    await user.type(within(person).getByLabelText('Naam *'), 'Henk de Vries');
    await user.type(within(person).getByLabelText('E-mail'), 'korenschoof.nl');
    await user.click(within(person).getByRole('button', { name: 'Contactpersoon opslaan' }));
    await waitFor(() =>
      expect(w.store.db.prepare('SELECT email FROM contact_persons').pluck().get()).toBe('henk@korenschoof.nl'),
    );
  });

  it('corrects a vacancy: hours with a decimal comma, Dutch message for words', async () => {
    const w = await world();
    show(w.bridge, <VacancyDetail id={w.vacancy} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Vacature wijzigen' }));
    const form = screen.getByRole('form', { name: 'Vacature wijzigen' });
    const hours = within(form).getByLabelText('Uren per week');
    expect(hours).toHaveValue('32');
    await user.clear(hours);
    await user.type(hours, 'veel');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await within(form).findByText('Vul een getal in, bijvoorbeeld 32,5.')).toBeInTheDocument();
    await user.clear(hours);
    await user.type(hours, '32,5');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('De vacature is bijgewerkt.')).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT hours_per_week FROM vacancies WHERE id = ?').pluck().get(w.vacancy)).toBe(32.5);
  });

  it('ends a placement, in Dutch when the end date is wrong', async () => {
    const w = await world();
    show(w.bridge, <PlacementsScreen />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Plaatsing van Noor Visser wijzigen' }));
    const form = screen.getByRole('form', { name: 'Plaatsing van Noor Visser wijzigen' });
    await user.type(within(form).getByLabelText('Einddatum'), '1-13-2026');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await within(form).findByText('Vul een geldige datum in als dd-mm-jjjj.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Einddatum'));
    await user.type(within(form).getByLabelText('Einddatum'), '30-06-2026');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('De plaatsing is bijgewerkt.')).toBeInTheDocument();
    expect(w.store.db.prepare('SELECT end_date FROM placements').pluck().get()).toBe('2026-06-30');
  });

  it("corrects a client's phone and matching profile, in Dutch when the phone is wrong", async () => {
    const w = await world();
    const client = must(await w.bridge.call('clients.get', { id: w.client }));
    show(w.bridge, <ClientForm client={client} />);
    const user = userEvent.setup({ delay: null });
    expect(screen.getByRole('heading', { name: 'Klantgegevens wijzigen' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Telefoon'), 'bel maar');
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('Vul een geldig telefoonnummer in.')).toBeInTheDocument();
    expect(screen.getByLabelText('Telefoon')).toHaveFocus();
    await user.clear(screen.getByLabelText('Telefoon'));
    await user.type(screen.getByLabelText('Telefoon'), '0527-123456');
    await user.type(screen.getByLabelText('Gewenste beroepen'), 'Bakker; Productiemedewerker');
    await user.type(screen.getByLabelText('Beschikbare uren'), '32,5');
    await user.click(screen.getByLabelText('Banenafspraak'));
    await user.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(useRoute.getState().route.rest).toEqual([w.client, 'bijgewerkt']));
    const row = w.store.db
      .prepare('SELECT phone, occupations_wanted, hours_available, target_groups, last_name FROM clients WHERE id = ?')
      .get(w.client) as Record<string, unknown>;
    expect(row.phone).toBe('0527-123456');
    expect(JSON.parse(String(row.occupations_wanted))).toEqual(['Bakker', 'Productiemedewerker']);
    expect(row.hours_available).toBe(32.5);
    expect(JSON.parse(String(row.target_groups))).toEqual(['banenafspraak']);
    expect(row.last_name).toBe('Visser');
  });
});
