// Every screen and every correction form, filled with demo data: no internal ids in the visible
// text (people read names, refs and dates; DESIGN: "No internal ids on a screen"), and axe-core
// finds no violations. Report dates are typed the Dutch way (30-06-2026, 3006). Registering and
// correcting a client work with the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, startHarness, validBsn, type Harness } from './harness.js';
import { loadDemo } from '../../db/demo/generate.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i;
const HASH_REF = /\b[A-Z]{1,2}-[0-9a-f]{8,}\b/;

async function idsOnScreen(p: Page): Promise<string[]> {
  const text = await p.evaluate(() => document.body.innerText);
  return text.split('\n').filter((line) => UUID.test(line) || HASH_REF.test(line));
}

async function check(p: Page, name: string): Promise<void> {
  expect(await idsOnScreen(p), `ids op ${name}`).toEqual([]);
  expect(await axe(p), name).toEqual([]);
}

describe('every screen with demo data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ prepare: (store) => void loadDemo(store, { clients: 300, seed: 11 }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows no internal ids and has no accessibility violations, forms included', async () => {
    const p = h.page;
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const name of await nav.getByRole('link').allTextContents()) {
      const link = nav.getByRole('link', { name, exact: true });
      await link.click();
      await expect.poll(() => link.getAttribute('aria-current'), { timeout: 15_000 }).toBe('page');
      await p.getByRole('heading', { level: 1, name }).waitFor();
      await p.waitForLoadState('networkidle');
      await check(p, name);
    }

    // A client, the correction form, and an activity's correction form.
    await nav.getByRole('link', { name: 'Klanten', exact: true }).click();
    const grid = p.getByRole('grid', { name: 'Klantenlijst' });
    await grid.getByRole('row').nth(1).getByRole('link').click();
    await p.getByRole('heading', { name: 'Dossier' }).waitFor();
    await p.getByRole('region', { name: 'Dossier' }).getByRole('listitem').first().waitFor();
    await check(p, 'klant');
    const activities = p.getByRole('region', { name: 'Activiteiten' });
    if (await activities.getByRole('button', { name: /wijzigen$/ }).count()) {
      await activities
        .getByRole('button', { name: /wijzigen$/ })
        .first()
        .click();
      await activities.getByRole('form').waitFor();
      await check(p, 'activiteit wijzigen');
    }
    await p.getByRole('button', { name: 'Kalender openen' }).first().click();
    await p.getByRole('dialog').first().waitFor();
    await check(p, 'kalender');
    await p.keyboard.press('Escape');
    await p.getByRole('link', { name: 'Klantgegevens wijzigen' }).click();
    await p.getByRole('heading', { name: 'Klantgegevens wijzigen' }).waitFor();
    await check(p, 'klant wijzigen');

    // An employer and its correction form.
    await nav.getByRole('link', { name: 'Werkgevers' }).click();
    await p.getByRole('table', { name: 'Werkgeverslijst' }).getByRole('link').first().click();
    await p.getByRole('heading', { name: 'Contactpersonen' }).waitFor();
    await p.getByRole('button', { name: 'Werkgever wijzigen' }).click();
    await p.getByRole('form', { name: 'Werkgever wijzigen' }).waitFor();
    await check(p, 'werkgever wijzigen');

    // A vacancy and its correction form.
    await nav.getByRole('link', { name: 'Vacatures' }).click();
    await p.getByRole('table', { name: 'Vacaturelijst' }).getByRole('link').first().click();
    await p.getByRole('button', { name: 'Vacature wijzigen' }).click();
    await p.getByRole('form', { name: 'Vacature wijzigen' }).waitFor();
    await check(p, 'vacature wijzigen');

    // A placement's correction form.
    await nav.getByRole('link', { name: 'Plaatsingen' }).click();
    const placements = p.getByRole('table', { name: 'Plaatsingenlijst' });
    await placements
      .getByRole('button', { name: /wijzigen$/ })
      .first()
      .click();
    await p.getByRole('form', { name: /^Plaatsing van .* wijzigen$/ }).waitFor();
    await check(p, 'plaatsing wijzigen');
  }, 400_000);

  it('takes report dates typed as 30-06-2026 and 3006', async () => {
    const p = h.page;
    await p.goto(h.base + '#/rapportages/caseload-development');
    await p.getByRole('heading', { level: 1, name: 'Rapportages' }).waitFor();
    const from = p.getByLabel('Van', { exact: true });
    await from.fill('0101');
    await p.getByLabel('Tot en met', { exact: true }).fill('3006');
    await p.getByLabel('Tot en met', { exact: true }).press('Tab');
    expect(await p.getByLabel('Tot en met', { exact: true }).inputValue()).toMatch(/^30-06-\d{4}$/);
    await p.getByLabel('Tot en met', { exact: true }).fill('30-06-2026');
    await p.getByRole('button', { name: 'Rapportage maken' }).click();
    await p.getByText(/Periode 01-01-\d{4} t\/m 30-06-2026/).waitFor();
    await p.getByLabel('Tot en met', { exact: true }).fill('30062026x');
    await p.getByRole('button', { name: 'Rapportage maken' }).click();
    await p.getByText('Vul een geldige datum in als dd-mm-jjjj.').waitFor();
    await check(p, 'rapportage');
    expect(await p.locator('input[type="date"]').count()).toBe(0);
  });
});

describe('keyboard only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const dialog = h.page.getByRole('dialog', { name: 'Welkom bij Caseload' });
    await dialog.getByRole('button', { name: 'Leeg beginnen' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Presses Tab until the element with `id` (or the link or button named `name`) has the focus. */
  async function tabTo(p: Page, target: { id?: string; name?: string }): Promise<void> {
    for (let i = 0; i < 80; i++) {
      const here = await p.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        name: (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '',
      }));
      if ((target.id && here.id === target.id) || (target.name && here.name === target.name)) return;
      await p.keyboard.press('Tab');
    }
    throw new Error(`Tab bereikt ${JSON.stringify(target)} niet`);
  }

  it('registers a client and corrects the phone number without a mouse', async () => {
    const p = h.page;
    await tabTo(p, { name: 'Nieuwe klant' });
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Nieuwe klant registreren' }).waitFor();
    await tabTo(p, { id: 'client-bsn' });
    await p.keyboard.type(validBsn('60000123'));
    await tabTo(p, { id: 'client-last_name' });
    await p.keyboard.type('Jansen');
    await tabTo(p, { id: 'client-gender' });
    await p.keyboard.press('ArrowDown');
    await tabTo(p, { id: 'client-birth_date' });
    await p.keyboard.type('14031988');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /Jansen/ }).waitFor();
    await p.getByText('14-03-1988').waitFor();

    await tabTo(p, { name: 'Klantgegevens wijzigen' });
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Klantgegevens wijzigen' }).waitFor();
    await tabTo(p, { id: 'client-phone' });
    await p.keyboard.type('0527-123456');
    await p.keyboard.press('Enter');
    await p.getByText('De klantgegevens zijn bijgewerkt.').waitFor();
    expect(h.store.db.prepare("SELECT phone, birth_date FROM clients WHERE last_name = 'Jansen'").get()).toEqual({
      phone: '0527-123456',
      birth_date: '1988-03-14',
    });
  });
});
