// A day of caseload work in Chromium through the web shell: a client in the caseload gets an
// activity; an employer and a vacancy are registered; the client is proposed from the ranked
// candidates, moves to gesprek and is placed (nazorg planned); a contact with a follow-up is
// recorded; the exit needs a reason; and the follow-ups and nazorg show up on Mijn werk, where a
// follow-up is handled. axe-core on every screen reached. Registering a client, refusing an
// invalid BSN and a duplicate BSN opening the existing client are covered in clients.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, screenshot, startHarness, validBsn, type Harness } from './harness.js';
import { loadDemo } from '../../db/demo/generate.js';
import { createApi } from '../../db/api/dispatch.js';
import { addDays, dutchDay, formatDateNl } from '../../db/model/calendar.js';

// The app's day is the Dutch day (db/model/calendar.ts), whatever the machine's time zone.
const nl = formatDateNl;
const daysAgo = (n: number): string => addDays(dutchDay(Date.now()), -n);

describe('daily caseload work in the browser', () => {
  let h: Harness;
  const ids: { client?: string; employer?: string; vacancy?: string } = {};

  beforeAll(async () => {
    h = await startHarness();
    const dialog = h.page.getByRole('dialog', { name: 'Welkom bij Caseload' });
    await dialog.getByRole('button', { name: 'Leeg beginnen' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows an empty Mijn werk without violations', async () => {
    const p = h.page;
    await p.goto(h.base + '#/mijn-werk');
    await p.getByRole('heading', { name: 'Mijn werk', level: 1 }).waitFor();
    await p.getByRole('heading', { name: 'Vervolgafspraken (0)' }).waitFor();
    expect(await axe(p)).toEqual([]);
  });

  it('registers a client in the caseload and adds an activity on the client page', async () => {
    const p = h.page;
    await p.goto(h.base + '#/klanten/nieuw');
    await p.getByLabel('BSN').fill(validBsn('60000006'));
    await p.getByLabel('Voornaam').fill('Sanne');
    await p.getByLabel('Achternaam *').fill('Bakker');
    await p.getByLabel('Postcode').fill('8302 AB');
    await p.getByLabel('Woonplaats').fill('Emmeloord');
    await p.getByLabel('Instroomdatum').fill(nl(daysAgo(120)));
    await p.getByLabel('Verwijzer').selectOption('social_team');
    await p.getByLabel('Klantmanager').fill('Anna de Jong');
    await p.getByRole('button', { name: 'Klant registreren' }).click();
    await p.getByRole('heading', { name: /Sanne Bakker/ }).waitFor();
    ids.client = /#\/klanten\/([^/]+)/.exec(p.url())![1];

    await p.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    const form = p.getByRole('form', { name: 'Activiteit toevoegen' });
    await form.getByRole('button', { name: 'Activiteit opslaan' }).click();
    await form.getByRole('alert').getByText('Controleer de gemarkeerde velden.').waitFor();
    await form.getByText('Vul Soort activiteit in.').waitFor();
    expect(await form.getByLabel('Soort activiteit *').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Soort activiteit *').selectOption('intake_programme');
    await form.getByLabel('Aanbieder').fill('Werkcorporatie');
    await form.getByLabel('Startdatum *').fill(nl(daysAgo(100)));
    await form.getByLabel('Einddatum').fill(nl(daysAgo(72)));
    await form.getByRole('button', { name: 'Activiteit opslaan' }).click();
    await p.getByText('De activiteit is toegevoegd.').waitFor();
    const activities = p.getByRole('region', { name: 'Activiteiten' });
    await activities.getByRole('cell', { name: 'Vierwekenprogramma', exact: true }).waitFor();
    await activities.getByRole('cell', { name: nl(daysAgo(100)), exact: true }).waitFor();
    await p.getByRole('region', { name: 'Dossier' }).getByText('Vierwekenprogramma').first().waitFor();
    expect(await axe(p)).toEqual([]);
    expect(
      h.store.db
        .prepare("SELECT count(*) FROM activities WHERE kind = 'intake_programme' AND deleted = 0")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('registers an employer after the KvK check and a vacancy from its page', async () => {
    const p = h.page;
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkgevers' }).click();
    await p.getByRole('heading', { name: 'Werkgevers', level: 1 }).waitFor();
    expect(await axe(p)).toEqual([]);
    await p.getByRole('link', { name: 'Nieuwe werkgever' }).click();
    await p.getByLabel('Naam *').fill('Bakkerij De Korenschoof');
    await p.getByLabel('KvK-nummer').fill('1234567');
    await p.getByText('Een KvK-nummer heeft precies acht cijfers.').waitFor();
    expect(await axe(p)).toEqual([]);
    await p.getByLabel('KvK-nummer').fill('12345678');
    await p.getByLabel('Plaats', { exact: true }).fill('Emmeloord');
    await p.getByLabel('Buitengewone werkgever sinds').fill(nl(daysAgo(400)));
    await screenshot(p, '10-nieuwe-werkgever');
    await p.getByRole('button', { name: 'Werkgever registreren' }).click();
    await p.getByRole('heading', { name: /Bakkerij De Korenschoof/ }).waitFor();
    await p.getByText('Langer dan 90 dagen geen contact: bel deze werkgever.').waitFor();
    ids.employer = /#\/werkgevers\/([^/]+)/.exec(p.url())![1];
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '11-werkgever');

    await p.getByRole('link', { name: 'Nieuwe vacature' }).click();
    await p.getByRole('heading', { name: 'Nieuwe vacature registreren' }).waitFor();
    // The employer list loads after the heading shows: wait for it to select the employer.
    await expect.poll(() => p.getByLabel('Werkgever *').inputValue(), { timeout: 30_000 }).toBe(ids.employer);
    await p.getByLabel('Functie *').fill('Medewerker productie');
    await p.getByLabel('Uren per week', { exact: true }).fill('32');
    await p.getByLabel('Plaats werkplek').fill('Emmeloord');
    expect(await axe(p)).toEqual([]);
    await p.getByRole('button', { name: 'Vacature registreren' }).click();
    await p.getByRole('heading', { name: /Medewerker productie/ }).waitFor();
    ids.vacancy = /#\/vacatures\/([^/]+)/.exec(p.url())![1];
    expect(h.store.db.prepare('SELECT count(*) FROM vacancies WHERE employer_id = ?').pluck().get(ids.employer)).toBe(
      1,
    );
  });

  it('prints an overview of the open vacancies for the client', async () => {
    const p = h.page;
    await p.goto(h.base + `#/klanten/${ids.client}`);
    const ranked = p.getByRole('region', { name: 'Passende vacatures' });
    await p.getByRole('heading', { name: /Sanne Bakker/ }).waitFor();
    await ranked
      .getByRole('row', { name: /Medewerker productie/ })
      .getByRole('button', { name: 'Voordragen Medewerker productie' })
      .waitFor();
    await p.getByRole('link', { name: 'Overzicht open vacatures' }).click();
    await p.getByRole('heading', { name: 'Overzicht open vacatures' }).waitFor();
    await p.getByText(/Voor Sanne Bakker, stand .*: 1 open vacature, best passend eerst\./).waitFor();
    await p.getByRole('cell', { name: 'Medewerker productie' }).waitFor();
    await p.getByRole('button', { name: 'Afdrukken of opslaan als pdf' }).waitFor();
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '16-overzicht-vacatures');
    await p.goto(h.base + `#/vacatures/${ids.vacancy}`);
    await p.getByRole('heading', { name: /Medewerker productie/ }).waitFor();
  });

  it('ranks the client for the vacancy with an explanation, proposes, moves and places them', async () => {
    const p = h.page;
    const candidates = p.getByRole('region', { name: 'Kandidaten (beste eerst)' });
    const row = candidates.getByRole('row', { name: /Sanne Bakker/ });
    await row.waitFor();
    expect(await row.getByRole('listitem').count()).toBe(6);
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '12-vacature-kandidaten');
    await row.getByRole('button', { name: 'Voordragen Sanne Bakker' }).click();
    await p.getByText('Sanne Bakker is voorgedragen.').waitFor();
    const pipeline = p.getByRole('region', { name: 'Voordrachten' });
    await pipeline.getByRole('cell', { name: 'Voorgedragen' }).waitFor();
    await pipeline.getByRole('button', { name: 'Gesprek Sanne Bakker' }).click();
    await pipeline.getByRole('cell', { name: 'Gesprek' }).waitFor();
    await pipeline.getByRole('button', { name: 'Plaatsen Sanne Bakker' }).click();
    const form = p.getByRole('form', { name: 'Sanne Bakker plaatsen' });
    await form.getByLabel('Soort plaatsing *').selectOption('regular');
    await form.getByLabel('Startdatum *').fill(nl(daysAgo(40)));
    await form.getByLabel('Uren per week').fill('32');
    expect(await axe(p)).toEqual([]);
    await form.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await p.getByText('Sanne Bakker is geplaatst; 3 nazorgcontacten zijn gepland. De vacature is vervuld.').waitFor();
    await p.getByText('Vervuld').first().waitFor();
    const match = h.store.db.prepare('SELECT status FROM matches WHERE vacancy_id = ?').get(ids.vacancy) as {
      status: string;
    };
    expect(match.status).toBe('hired');
    expect(
      h.store.db
        .prepare("SELECT count(*) FROM contacts WHERE purpose = 'nazorg' AND client_id = ?")
        .pluck()
        .get(ids.client),
    ).toBe(3);
    await screenshot(p, '13-vacature-geplaatst');

    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Plaatsingen' }).click();
    await p
      .getByRole('table', { name: 'Plaatsingenlijst' })
      .getByRole('row', { name: /Sanne Bakker.*Bakkerij De Korenschoof/ })
      .waitFor();
    expect(await axe(p)).toEqual([]);
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vacatures' }).click();
    await p.getByLabel('Status').selectOption('filled');
    await p.getByRole('table', { name: 'Vacaturelijst' }).getByRole('link', { name: 'Medewerker productie' }).waitFor();
    expect(await axe(p)).toEqual([]);
  });

  it('records a contact with a follow-up, and an exit only with a reason', async () => {
    const p = h.page;
    await p.goto(h.base + `#/klanten/${ids.client}`);
    await p.getByRole('heading', { name: /Sanne Bakker/ }).waitFor();
    await p
      .getByRole('region', { name: 'Contactmomenten' })
      .getByRole('button', { name: 'Contact vastleggen' })
      .click();
    const contact = p.getByRole('form', { name: 'Contact vastleggen' });
    await contact.getByLabel('Datum *').fill(nl(daysAgo(10)));
    await contact.getByLabel('Soort contact *').selectOption('meeting');
    await contact.getByLabel('Verslag').fill('Gesprek over de eerste weken');
    await contact.getByLabel('Vervolg op').fill(nl(daysAgo(3)));
    await contact.getByRole('button', { name: 'Contact opslaan' }).click();
    await p.getByText('Het contact is vastgelegd.').waitFor();
    await p.getByRole('cell', { name: 'Gesprek over de eerste weken' }).waitFor();

    await p.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    const exit = p.getByRole('form', { name: 'Uitstroom vastleggen' });
    await exit.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await exit.getByText('Vul Reden uitstroom in.').waitFor();
    expect(await exit.getByLabel('Reden uitstroom *').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(p)).toEqual([]);
    await exit.getByLabel('Reden uitstroom *').selectOption('work_regular');
    await exit.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await p.getByText('De uitstroom is vastgelegd.').waitFor();
    await p
      .getByRole('region', { name: 'Caseloadperiodes' })
      .getByRole('cell', { name: 'Niet-gesubsidieerd werk' })
      .waitFor();
    await p.getByRole('button', { name: 'Intake (opnieuw instromen)' }).waitFor();
    const period = h.store.db
      .prepare('SELECT exit_reason FROM caseload_periods WHERE client_id = ?')
      .get(ids.client) as { exit_reason: string };
    expect(period.exit_reason).toBe('work_regular');
    await p.getByRole('button', { name: 'Toon wijzigingen' }).click();
    await p.getByRole('region', { name: 'Wijzigingshistorie' }).getByRole('cell', { name: 'Achternaam' }).waitFor();
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '14-klant-dossier');
  });

  it('shows the follow-up and the due nazorg on Mijn werk, and handles a follow-up there', async () => {
    const p = h.page;
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const follow = p.getByRole('region', { name: /^Vervolgafspraken/ });
    await follow.getByRole('row', { name: /Sanne Bakker.*Gesprek over de eerste weken/ }).waitFor();
    await follow.getByText('3 dagen te laat').waitFor();
    // Started 40 days ago: the 1-week and 1-month nazorg are due, the 3-month one is not yet.
    const nazorg = p.getByRole('region', { name: /^Nazorg na plaatsing/ });
    await p.getByRole('heading', { name: 'Nazorg na plaatsing (2)' }).waitFor();
    await nazorg.getByText(/Nazorg na 1 week/).waitFor();
    await nazorg.getByText(/Nazorg na 1 maand/).waitFor();
    await p.getByRole('heading', { name: 'Buitengewone werkgevers zonder contact in 90 dagen (1)' }).waitFor();
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '15-mijn-werk');

    await follow.getByRole('button', { name: 'Contact vastleggen Sanne Bakker' }).click();
    const form = follow.getByRole('form', { name: 'Contact vastleggen' });
    await form.getByLabel('Verslag').fill('Nagebeld, gaat goed');
    await form.getByRole('button', { name: 'Contact opslaan' }).click();
    await p.getByRole('heading', { name: 'Vervolgafspraken (0)' }).waitFor();
    expect(await axe(p)).toEqual([]);
  });

  it('manages users, refuses the retention list to a beheerder and previews an import with refused rows', async () => {
    const p = h.page;
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await p.getByRole('heading', { name: 'Gebruikers en rollen' }).waitFor();
    const users = p.getByRole('region', { name: 'Gebruikers en rollen' });
    await users.getByLabel('Naam *').fill('Piet Klaassen');
    await users.getByLabel('Rol', { exact: true }).selectOption('klantmanager');
    await users.getByLabel('Wachtwoord (minstens 12 tekens) *').fill('4821-geheim');
    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    // The first user of a database is its beheerder; a passphrase has at least 12 characters.
    await users.getByText(/De eerste gebruiker is de beheerder/).waitFor();
    await users.getByLabel('Rol', { exact: true }).selectOption('beheerder');
    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await users.getByText(/Kies een wachtwoord van minstens 12 tekens/).waitFor();
    await users.getByLabel('Wachtwoord (minstens 12 tekens) *').fill('4821-geheim-piet');
    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await p.getByText('De gebruiker is toegevoegd.').waitFor();
    await users.getByRole('cell', { name: 'Piet Klaassen' }).waitFor();
    await users.getByLabel('Naam *').fill('Marja Hoekstra');
    await users.getByLabel('Rol', { exact: true }).selectOption('manager');
    await users.getByLabel('Wachtwoord (minstens 12 tekens) *').fill('7305-manager-marja');
    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await users.getByRole('cell', { name: 'Marja Hoekstra' }).waitFor();
    // The retention list is the manager's: a beheerder does not see it (the contract's role table).
    expect(await p.getByRole('region', { name: 'Bewaartermijn verstreken' }).count()).toBe(0);

    const csv = 'Naam;KvK-nummer;Plaats\nGarage Noordoost;87654321;Marknesse\nTuincentrum Bloei;123;Ens\n';
    await p.getByLabel('Wat staat er in het bestand?').selectOption('employers');
    await p
      .getByLabel('Bestand (CSV of XLSX)')
      .setInputFiles({ name: 'werkgevers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const refused = p.getByRole('table', { name: 'Geweigerde rijen' });
    await refused.getByRole('row').nth(1).waitFor();
    expect(await refused.getByRole('row').count()).toBe(2);
    expect(await p.getByRole('button', { name: 'Importeren' }).isDisabled()).toBe(true);
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '17-beheer');
    expect(h.store.db.prepare("SELECT count(*) FROM employers WHERE name = 'Garage Noordoost'").pluck().get()).toBe(0);
    const good = 'Naam;KvK-nummer;Plaats\nGarage Noordoost;87654321;Marknesse\nTuincentrum Bloei;87654322;Ens\n';
    await p
      .getByLabel('Bestand (CSV of XLSX)')
      .setInputFiles({ name: 'werkgevers.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await p.getByText('2 rijen gelezen; 0 geweigerd.').waitFor();
    await p.getByRole('button', { name: 'Importeren' }).click();
    await p.getByText('Geïmporteerd: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd.').waitFor();
    expect(
      h.store.db
        .prepare("SELECT count(*) FROM employers WHERE name IN ('Garage Noordoost', 'Tuincentrum Bloei')")
        .pluck()
        .get(),
    ).toBe(2);

    // Switching user on the shared laptop asks for that user's passphrase.
    const sw = p.getByRole('form', { name: 'Gebruiker wisselen' });
    await sw.getByLabel('Gebruiker').selectOption({ label: 'Marja Hoekstra (manager)' });
    await sw.getByLabel('Wachtwoord').fill('4821-geheim-piet');
    await sw.getByRole('button', { name: 'Wisselen' }).click();
    await p.getByText('Onbekende gebruiker of onjuist wachtwoord.').waitFor();
    await sw.getByLabel('Wachtwoord').fill('7305-manager-marja');
    await sw.getByRole('button', { name: 'Wisselen' }).click();
    await p.getByText('U werkt nu als Marja Hoekstra.').waitFor();
    await p.getByRole('banner').getByText('Marja Hoekstra (manager)').waitFor();
    expect(await axe(p)).toEqual([]);
  });

  it('lets a manager purge a client past the retention date, only after confirming', async () => {
    const api = createApi(h.store);
    const old = await api.call('clients.create', {
      first_name: 'Gerrit',
      last_name: 'Oudeman',
      bsn: validBsn('70000007'),
      intake_date: '01-03-2010',
      referrer: 'uwv',
      account_manager: 'Anna de Jong',
    });
    if (!old.ok) throw new Error(old.error.message);
    const oldId = (old.value as { id: string }).id;
    const exit = await api.call('clients.exit', { clientId: oldId, exit_date: '01-02-2014', exit_reason: 'moved' });
    expect(exit.ok).toBe(true);
    const p = h.page;
    await p.reload();
    const retention = p.getByRole('region', { name: 'Bewaartermijn verstreken' });
    const row = retention.getByRole('row', { name: /Gerrit Oudeman/ });
    await row.waitFor();
    expect(await retention.getByRole('row').count()).toBe(2);
    await row.getByRole('checkbox', { name: 'Kies Gerrit Oudeman' }).check();
    await retention.getByRole('button', { name: 'Vernietigen' }).click();
    await retention.getByText('Bevestig eerst dat u de gekozen klanten wilt vernietigen.').waitFor();
    expect(h.store.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(oldId)).toBe(1);
    expect(await axe(p)).toEqual([]);
    await retention.getByLabel(/Ik bevestig dat de gekozen 1 klant/).check();
    await retention.getByRole('button', { name: 'Vernietigen' }).click();
    await retention.getByText('1 klant(en) vernietigd.').waitFor();
    await retention.getByText('Geen klanten met een verstreken bewaartermijn.').waitFor();
    expect(h.store.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(oldId)).toBe(0);
    expect(h.store.db.prepare('SELECT count(*) FROM journal WHERE row_id = ?').pluck().get(oldId)).toBe(0);
    expect(h.store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
  });
});

describe('daily-work screens filled with demo data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ prepare: (store) => void loadDemo(store, { clients: 300, seed: 11 }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has no accessibility violations on Mijn werk, lists and record pages', async () => {
    const p = h.page;
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Mijn werk' }).click();
    await p.getByLabel('Iedereen').check();
    await p.getByRole('heading', { name: /^Vervolgafspraken \([1-9]/ }).waitFor();
    // Long sections open with their first ten items, the rest on request.
    const follow = p.getByRole('region', { name: /^Vervolgafspraken/ });
    const due = Number(/\((\d+)\)/.exec(await follow.getByRole('heading').first().innerText())![1]);
    expect(due).toBeGreaterThan(10);
    expect(await follow.getByRole('row').count()).toBe(1 + 10);
    await follow.getByRole('button', { name: /^Toon alle/ }).click();
    expect(await follow.getByRole('row').count()).toBe(1 + Math.min(due, 100));
    await follow.getByRole('button', { name: 'Toon minder' }).click();
    expect(await axe(p), 'Mijn werk').toEqual([]);
    await screenshot(p, '20-mijn-werk-demo');

    await nav.getByRole('link', { name: 'Werkgevers' }).click();
    const employers = p.getByRole('table', { name: 'Werkgeverslijst' });
    await employers.getByRole('row').nth(1).waitFor();
    expect(await axe(p), 'Werkgevers').toEqual([]);
    await screenshot(p, '21-werkgevers-demo');
    await employers.getByRole('link').first().click();
    await p.getByRole('heading', { name: 'Contactpersonen' }).waitFor();
    expect(await axe(p), 'werkgever').toEqual([]);

    await nav.getByRole('link', { name: 'Vacatures' }).click();
    const vacancies = p.getByRole('table', { name: 'Vacaturelijst' });
    await vacancies.getByRole('row').nth(1).waitFor();
    expect(await axe(p), 'Vacatures').toEqual([]);
    await screenshot(p, '22-vacatures-demo');
    await vacancies.getByRole('link').first().click();
    await p.getByRole('region', { name: 'Kandidaten (beste eerst)' }).getByRole('row').nth(1).waitFor();
    expect(await axe(p), 'vacature').toEqual([]);
    await screenshot(p, '23-vacature-demo');

    await nav.getByRole('link', { name: 'Plaatsingen' }).click();
    await p.getByRole('table', { name: 'Plaatsingenlijst' }).getByRole('row').nth(1).waitFor();
    expect(await axe(p), 'Plaatsingen').toEqual([]);
    await screenshot(p, '24-plaatsingen-demo');

    await nav.getByRole('link', { name: 'Mijn werk' }).click();
    await p.getByLabel('Iedereen').check();
    await p
      .getByRole('region', { name: /^Vervolgafspraken \([1-9]/ })
      .getByRole('link')
      .first()
      .click();
    await p.getByRole('heading', { name: 'Dossier' }).waitFor();
    await p.getByRole('region', { name: 'Dossier' }).getByRole('listitem').first().waitFor();
    expect(await axe(p), 'klant').toEqual([]);
    await screenshot(p, '25-klant-demo');
  });
});
