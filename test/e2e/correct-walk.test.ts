// Correcting daily work in Chromium through the web shell, as an account manager would (issue 13):
// the client's phone and matching profile are edited and the client's ranked vacancies change
// (order, score and explanation) and the change history names the changed fields (contact data
// masked); a running vierwekenprogramma gets an end date and a result and the activation figure on
// Rapportages drops by one (the peildatum typed as dd-mm-jjjj, then short as ddmm); a vacancy and
// an employer's contact person are edited and the changes show on their pages. axe-core on every
// form and screen reached.
// The data is registered through the contract before the shell starts; dates are relative to the
// Dutch day (the renderer has no injectable clock in the browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, startHarness, validBsn, type Harness } from './harness.js';
import { createApi } from '../../db/api/dispatch.js';
import { addDays, dutchDay, formatDateNl } from '../../db/model/calendar.js';

const nl = formatDateNl;
const today = (): string => dutchDay(Date.now());
const daysAgo = (n: number): string => addDays(today(), -n);

describe('correcting daily work in the browser', () => {
  let h: Harness;
  const ids = { client: '', other: '', employer: '', forklift: '', cleaning: '' };

  beforeAll(async () => {
    h = await startHarness({
      prepare: async (store) => {
        const api = createApi(store);
        /** The id of what a call registered; a refused call stops the test with its Dutch message. */
        const ok = (r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): { id: string } => {
          if (!r.ok) throw new Error(r.error.message);
          return r.value as { id: string };
        };
        ids.client = ok(
          await api.call('clients.create', {
            first_name: 'Sanne',
            last_name: 'Visser',
            bsn: validBsn('60000015'),
            postcode: '8302 AB',
            city: 'Emmeloord',
            phone: '0527-111111',
            intake_date: nl(daysAgo(200)),
            referrer: 'uwv',
            account_manager: 'Anna de Jong',
          }),
        ).id;
        ids.other = ok(
          await api.call('clients.create', {
            first_name: 'Kees',
            last_name: 'Mulder',
            bsn: validBsn('60000022'),
            postcode: '8302 AB',
            city: 'Emmeloord',
            intake_date: nl(daysAgo(150)),
            referrer: 'uwv',
            account_manager: 'Anna de Jong',
          }),
        ).id;
        ok(
          await api.call('activities.create', {
            clientId: ids.client,
            fields: { kind: 'intake_programme', provider: 'Werkcorporatie', start_date: nl(daysAgo(20)) },
          }),
        );
        ok(
          await api.call('activities.create', {
            clientId: ids.other,
            fields: { kind: 'work_experience', provider: 'Werkcorporatie', start_date: nl(daysAgo(30)) },
          }),
        );
        ids.employer = ok(
          await api.call('employers.create', {
            name: 'Transport Noordoost',
            kvk: '12345678',
            postcode: '8302 AB',
            city: 'Emmeloord',
          }),
        ).id;
        ok(
          await api.call('employers.saveContactPerson', {
            employerId: ids.employer,
            name: 'Joke de Vries',
            role: 'Planner',
            phone: '0527-222222',
          }),
        );
        ids.forklift = ok(
          await api.call('vacancies.create', {
            employerId: ids.employer,
            fields: {
              title: 'Heftruckchauffeur',
              hours_per_week: 38,
              education_level: 'mbo2',
              driving_licence: ['B'],
              opened_date: nl(daysAgo(10)),
              postcode: '8302 AB',
              city: 'Emmeloord',
            },
          }),
        ).id;
        ids.cleaning = ok(
          await api.call('vacancies.create', {
            employerId: ids.employer,
            fields: {
              title: 'Medewerker schoonmaak',
              hours_per_week: 20,
              opened_date: nl(daysAgo(10)),
              postcode: '8302 AB',
              city: 'Emmeloord',
            },
          }),
        ).id;
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The client's ranked vacancies: titles best first, and one vacancy's score and explanation. */
  async function ranked(): Promise<{ titles: string[]; forkliftScore: string; forkliftWhy: string }> {
    const p = h.page;
    const region = p.getByRole('region', { name: 'Passende vacatures' });
    const rows = region.getByRole('row');
    await rows.nth(2).waitFor();
    const titles = await region.locator('tbody tr td:nth-child(2) a').allTextContents();
    const forklift = region.getByRole('row', { name: /Heftruckchauffeur/ });
    return {
      titles,
      forkliftScore: (await forklift.getByRole('cell').first().textContent()) ?? '',
      forkliftWhy: (await forklift.getByRole('cell').nth(2).textContent()) ?? '',
    };
  }

  it("edits the client's phone and matching profile and sees the ranked vacancies change", async () => {
    const p = h.page;
    await p.goto(h.base + `#/klanten/${ids.client}`);
    await p.getByRole('heading', { name: /Sanne Visser/, level: 1 }).waitFor();
    const before = await ranked();
    // Without a profile the vacancy asking for a licence, mbo 2 and 38 hours trails.
    expect(before.titles).toEqual(['Medewerker schoonmaak', 'Heftruckchauffeur']);
    expect(before.forkliftScore).toBe('60');
    expect(before.forkliftWhy).toContain('Geen gewenste beroepen vastgelegd');
    expect(before.forkliftWhy).toContain('Rijbewijs B ontbreekt');
    expect(await axe(p)).toEqual([]);

    await p.getByRole('link', { name: 'Klantgegevens wijzigen' }).click();
    await p.getByRole('heading', { name: 'Klantgegevens wijzigen', level: 1 }).waitFor();
    expect(await p.getByLabel('Telefoon', { exact: true }).inputValue()).toBe('0527-111111');
    await p.getByLabel('Telefoon', { exact: true }).fill('06-12345678');
    await p.getByLabel('Gewenste beroepen').fill('Heftruckchauffeur; Magazijnmedewerker');
    await p.getByLabel('Opleidingsniveau').selectOption({ label: 'Mbo 2' });
    await p.getByLabel('Beschikbare uren').fill('38');
    await p.getByLabel('Rijbewijs').fill('B');
    expect(await axe(p)).toEqual([]);
    await p.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await p.getByText('De klantgegevens zijn bijgewerkt.').waitFor();

    const contact = p.getByRole('region', { name: 'Contact en adres' });
    await contact.getByText('06-12345678').waitFor();
    const profile = p.getByRole('region', { name: 'Werkprofiel (voor het matchen)' });
    await profile.getByText('Heftruckchauffeur, Magazijnmedewerker').waitFor();
    await profile.getByText('Mbo 2').waitFor();

    // Now the forklift vacancy fits on every count and ranks first.
    await expect.poll(async () => (await ranked()).titles[0], { timeout: 30_000 }).toBe('Heftruckchauffeur');
    const after = await ranked();
    expect(after.titles).toEqual(['Heftruckchauffeur', 'Medewerker schoonmaak']);
    expect(after.forkliftScore).toBe('100');
    expect(after.forkliftWhy).toContain("Gewenst beroep 'Heftruckchauffeur' past bij de functie 'Heftruckchauffeur'");
    expect(after.forkliftWhy).toContain('Heeft rijbewijs B');
    expect(after.forkliftWhy).toContain('Beschikbaar 38 uur, gevraagd 38 uur');
    expect(await axe(p)).toEqual([]);

    // The change history says in words what changed; contact data stays masked there.
    await p.getByRole('button', { name: 'Toon wijzigingen' }).click();
    const history = p.getByRole('region', { name: 'Wijzigingshistorie' });
    const wish = history.getByRole('row', { name: /Gewenste beroepen/ });
    await wish.getByRole('cell', { name: 'Heftruckchauffeur, Magazijnmedewerker' }).waitFor();
    await history
      .getByRole('row', { name: /Opleidingsniveau/ })
      .getByRole('cell', { name: 'Mbo 2' })
      .waitFor();
    // The phone: once at registration, once now.
    expect(await history.getByRole('row', { name: /Telefoon/ }).count()).toBe(2);
    expect(await history.innerText()).not.toContain('06-12345678');
    expect(await axe(p)).toEqual([]);
  });

  /**
   * Opens Activering on Rapportages with the peildatum typed as given (today, full or short) and
   * gives a reader of its figures, to poll: a result cached from before may show first.
   */
  async function openActivation(typed: string): Promise<() => Promise<{ active: string; percent: string }>> {
    const p = h.page;
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await p.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor();
    await p.getByRole('navigation', { name: 'Rapportages' }).getByRole('link', { name: 'Activering' }).click();
    await p.getByLabel('Peildatum', { exact: true }).fill(typed);
    await p.getByRole('button', { name: 'Rapportage maken' }).click();
    await p
      .getByText(`Peildatum ${nl(today())}`)
      .first()
      .waitFor();
    const table = p.getByRole('table').first();
    const value = async (label: string) =>
      (await table.getByRole('row').filter({ hasText: label }).getByRole('cell').nth(1).textContent()) ?? '';
    await table.getByRole('row').filter({ hasText: 'Actief in activiteit of plaatsing' }).waitFor();
    return async () => ({
      active: await value('Actief in activiteit of plaatsing'),
      percent: await value('Percentage actief'),
    });
  }

  it('ends the vierwekenprogramma with a result and sees activation drop on Rapportages', async () => {
    const p = h.page;
    // Both clients in the caseload are in a running activity.
    await expect.poll(await openActivation(nl(today()))).toEqual({ active: '2', percent: '100' });
    expect(await axe(p)).toEqual([]);

    await p.goto(h.base + `#/klanten/${ids.client}`);
    await p.getByRole('heading', { name: /Sanne Visser/, level: 1 }).waitFor();
    const activities = p.getByRole('region', { name: 'Activiteiten' });
    await activities.getByRole('button', { name: `Vierwekenprogramma van ${nl(daysAgo(20))} wijzigen` }).click();
    const form = p.getByRole('form', { name: 'Activiteit wijzigen: Vierwekenprogramma' });
    await form.getByLabel('Einddatum').fill(nl(daysAgo(1)));
    await form.getByLabel('Resultaat').fill('Afgerond, klaar voor werk');
    expect(await axe(p)).toEqual([]);
    await form.getByRole('button', { name: 'Activiteit opslaan' }).click();
    await p.getByText('De activiteit is bijgewerkt.').waitFor();
    const row = activities.getByRole('row', { name: /Vierwekenprogramma/ });
    await row.getByRole('cell', { name: nl(daysAgo(1)), exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Afgerond, klaar voor werk' }).waitFor();
    expect(await row.getByText('lopend').count()).toBe(0);
    expect(await axe(p)).toEqual([]);

    // The peildatum typed short (ddmm: this year) gives the same day.
    // One fewer active: the ended vierwekenprogramma no longer counts.
    await expect
      .poll(await openActivation(nl(today()).slice(0, 5).replace('-', '')))
      .toEqual({ active: '1', percent: '50' });
    expect(await axe(p)).toEqual([]);
  });

  it('edits a vacancy and sees the change on its page', async () => {
    const p = h.page;
    await p.goto(h.base + `#/vacatures/${ids.forklift}`);
    await p.getByRole('heading', { name: /Heftruckchauffeur/, level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Vacature wijzigen' }).click();
    const form = p.getByRole('form', { name: 'Vacature wijzigen' });
    await form.getByLabel(/^Functie/).fill('Heftruckchauffeur magazijn');
    await form.getByLabel('Uren per week', { exact: true }).fill('32,5');
    expect(await axe(p)).toEqual([]);
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await p.getByText('De vacature is bijgewerkt.').waitFor();
    await p.getByRole('heading', { name: /Heftruckchauffeur magazijn/, level: 1 }).waitFor();
    const facts = p.getByRole('region', { name: 'Vacature', exact: true });
    await facts.getByText('32,5', { exact: true }).waitFor();
    expect(await axe(p)).toEqual([]);
  });

  it("edits an employer's contact person and sees it on the employer's page", async () => {
    const p = h.page;
    await p.goto(h.base + `#/werkgevers/${ids.employer}`);
    await p.getByRole('heading', { name: /Transport Noordoost/, level: 1 }).waitFor();
    const persons = p.getByRole('region', { name: 'Contactpersonen' });
    await persons.getByRole('button', { name: 'Joke de Vries wijzigen' }).click();
    const form = p.getByRole('form', { name: 'Joke de Vries wijzigen' });
    await form.getByLabel(/^Naam/).fill('Joke de Vries-Bos');
    await form.getByLabel('Telefoon').fill('06-87654321');
    expect(await axe(p)).toEqual([]);
    await form.getByRole('button', { name: 'Contactpersoon opslaan' }).click();
    await p.getByText('De contactpersoon is opgeslagen.').waitFor();
    const row = persons.getByRole('row', { name: /Joke de Vries-Bos/ });
    await row.getByRole('cell', { name: '06-87654321' }).waitFor();
    expect(await persons.getByRole('cell', { name: '0527-222222' }).count()).toBe(0);
    expect(await axe(p)).toEqual([]);
  });
});
