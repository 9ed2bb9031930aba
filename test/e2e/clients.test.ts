// The foundation's end-to-end flow in Chromium through the web shell: first start, register a
// client through the form (invalid BSN refused in Dutch), find it by search without diacritics,
// a duplicate BSN is refused with a link to the existing client; axe-core on every screen reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, screenshot, startHarness, validBsn, type Harness } from './harness.js';

describe('clients in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers demo data on first start and can start empty', async () => {
    const dialog = h.page.getByRole('dialog', { name: 'Welkom bij Caseload' });
    await dialog.waitFor();
    expect(await axe(h.page)).toEqual([]);
    await screenshot(h.page, '01-eerste-start');
    await dialog.getByRole('button', { name: 'Leeg beginnen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await h.page.getByRole('heading', { name: 'Klanten' }).waitFor();
    expect(await axe(h.page)).toEqual([]);
  });

  it('refuses an invalid BSN with a Dutch message and registers a valid client', async () => {
    const p = h.page;
    await p.getByRole('link', { name: 'Nieuwe klant' }).click();
    await p.getByRole('heading', { name: 'Nieuwe klant registreren' }).waitFor();
    await p.getByLabel('BSN').fill('123456789');
    await p.getByLabel('Voornaam').fill('Zoë');
    await p.getByLabel('Tussenvoegsel').fill('van der');
    await p.getByLabel('Achternaam *').fill('Müller');
    await p.getByLabel('Geboortedatum').fill('12-04-1990');
    await p.getByLabel('Postcode').fill('8302 AB');
    await p.getByLabel('Woonplaats').fill('Emmeloord');
    await p.getByLabel('Verwijzer').selectOption('social_team');
    await p.getByRole('button', { name: 'Klant registreren' }).click();
    await p.getByText('Dit BSN klopt niet (elfproef). Controleer de negen cijfers.').waitFor();
    expect(await p.getByLabel('BSN').getAttribute('aria-invalid')).toBe('true');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('client-bsn');
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '02-nieuwe-klant-fout');
    await p.getByLabel('BSN').fill(validBsn('50000005'));
    await p.getByRole('button', { name: 'Klant registreren' }).click();
    await p.getByRole('heading', { name: /Zoë van der Müller/ }).waitFor();
    await p.getByText(/is geregistreerd/).waitFor();
    await p.getByText('12-04-1990').waitFor();
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '03-klant');
    const count = h.store.db.prepare("SELECT count(*) FROM clients WHERE last_name = 'Müller'").pluck().get();
    expect(count).toBe(1);
  });

  it('finds the client by search, typed without diacritics, and opens it by keyboard', async () => {
    const p = h.page;
    await p.getByRole('link', { name: 'Klanten', exact: true }).click();
    await p.getByLabel('Zoeken op naam, BSN, registratienummer of woonplaats').fill('zoe muller');
    const grid = p.getByRole('grid', { name: 'Klantenlijst' });
    await grid.getByRole('row', { name: /Zoë van der Müller/ }).waitFor();
    expect(await grid.getByRole('row').count()).toBe(2);
    await screenshot(p, '04-zoeken');
    expect(await axe(p)).toEqual([]);
    await p.getByLabel('Zoeken op naam, BSN, registratienummer of woonplaats').press('ArrowDown');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /Zoë van der Müller/ }).waitFor();
  });

  it('refuses the same BSN a second time, keeps what was typed and links to the existing client', async () => {
    const p = h.page;
    await p.goto(h.base + '#/klanten/nieuw');
    await p.getByLabel('BSN').fill(validBsn('50000005'));
    await p.getByLabel('Achternaam *').fill('Muller');
    await p.getByRole('button', { name: 'Klant registreren' }).click();
    await p.getByText('Dit BSN is al geregistreerd bij een andere klant.').waitFor();
    expect(await p.getByLabel('Achternaam *').inputValue()).toBe('Muller');
    expect(await axe(p)).toEqual([]);
    await p.getByRole('link', { name: 'Open de klant met dit BSN' }).click();
    await p.getByRole('heading', { name: /Zoë van der Müller/ }).waitFor();
    expect(h.store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
  });

  it('has no accessibility violations on any screen of the main navigation', async () => {
    const p = h.page;
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    const names = await nav.getByRole('link').allTextContents();
    expect(names).toEqual([
      'Mijn werk',
      'Klanten',
      'Werkgevers',
      'Vacatures',
      'Plaatsingen',
      'Rapportages',
      'Export',
      'Synchronisatie',
      'Beheer',
    ]);
    for (const name of names) {
      const link = nav.getByRole('link', { name, exact: true });
      await link.click();
      // The hash change reaches the app a moment after the click; then the screen's heading has the focus.
      await expect.poll(() => link.getAttribute('aria-current'), { timeout: 15_000 }).toBe('page');
      await expect
        .poll(() => p.evaluate(() => document.activeElement?.tagName), { timeout: 15_000, message: name })
        .toBe('H1');
      expect(await p.title()).toBe(`${name} – Caseload`);
      expect(await axe(p), name).toEqual([]);
    }
  });
});
