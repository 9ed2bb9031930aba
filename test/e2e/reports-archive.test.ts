// Issue 14 end to end in Debian's Chromium: the seed's 2016 caseload was registered in June 2026;
// in July a late exit (dated March 2016) was entered. A beheerder makes the half-year work target
// "Stand van registratie op" 30-06-2026 (typed as 3006 in the DateInput): the screen says so and
// shows the figures without the late exit; delivers it; opens Geleverde rapportages, where
// Controleren says the report was made again identically and "Wat is er sindsdien veranderd"
// names the late exit. axe finds nothing on the Rapportages screen, the archive and the settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../db/api/dispatch.js';
import { importClients } from '../unit/reports/fixture.js';
import { seed2016 } from '../unit/reports/seed-2016.js';
import { axe, screenshot, startHarness, type Harness } from './harness.js';

describe('delivered reports in the browser', () => {
  let h: Harness;
  let page: Harness['page'];
  let lateRef = '';
  let fake: number | null = Date.UTC(2026, 5, 1, 9);

  beforeAll(async () => {
    h = await startHarness({
      now: () => fake ?? Date.now(),
      prepare: async (store) => {
        await importClients(store, seed2016().clients);
        fake = Date.UTC(2026, 6, 15, 9);
        const open = store.db
          .prepare(
            `SELECT c.id, c.ref FROM clients c JOIN caseload_periods p ON p.client_id = c.id
             WHERE p.exit_date IS NULL AND p.intake_date < '2016-03-01' ORDER BY c.ref LIMIT 1`,
          )
          .get() as { id: string; ref: string };
        lateRef = open.ref;
        const r = await createApi(store, { user: 'km1', name: 'K. Manager', role: 'klantmanager' }).call(
          'clients.exit',
          { clientId: open.id, exit_date: '2016-03-15', exit_reason: 'work_regular' },
        );
        if (!r.ok) throw new Error(r.error.message);
        fake = null;
      },
    });
    page = h.page;
    await page.goto(h.base + '#/rapportages/work-target');
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const realized = () =>
    page
      .getByRole('table')
      .first()
      .getByRole('row')
      .filter({ hasText: 'Gerealiseerd' })
      .getByRole('cell')
      .nth(1)
      .textContent();

  it('makes the report as known on a past moment, typed the Dutch way, and says so', async () => {
    await page.getByLabel('Van', { exact: true }).fill('01-01-2016');
    await page.getByLabel('Tot en met', { exact: true }).fill('30-06-2016');
    await page.getByRole('button', { name: 'Rapportage maken' }).click();
    await expect.poll(realized).not.toBeNull();
    const live = Number(await realized());

    const known = page.getByLabel('Stand van registratie op (datum)');
    await known.fill('3006');
    await known.blur();
    expect(await known.inputValue()).toBe('30-06-2026');
    await page.getByRole('button', { name: 'Rapportage maken' }).click();
    const banner = page.locator('.known-on-banner');
    await expect.poll(() => banner.textContent()).toContain('Stand van registratie op 30-06-2026 23:59');
    await expect.poll(async () => Number(await realized())).toBe(live - 1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'rapportage-stand-van-registratie');
  });

  it('delivers it with a note', async () => {
    await page.getByRole('button', { name: 'Leveren', exact: true }).click();
    await page.getByLabel('Notitie (bijvoorbeeld aan wie)').fill('Aan de gemeente, eerste halfjaar');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nu leveren' }).click();
    await expect
      .poll(() => page.locator('.deliver-panel [role="status"]').textContent())
      .toContain('De rapportage is geleverd');
  });

  it('lists the delivery in Geleverde rapportages and Controleren says it is reproduced', async () => {
    await page
      .getByRole('navigation', { name: 'Rapportages' })
      .getByRole('link', { name: 'Geleverde rapportages' })
      .click();
    const row = page.locator('.archive-table tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Resultaatafspraak uitstroom naar regulier werk');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('01-01-2016 t/m 30-06-2016');
    expect(text).toContain('30-06-2026 23:59');
    expect(text).toContain('Aan de gemeente, eerste halfjaar');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await axe(page)).toEqual([]);

    await row.getByRole('button', { name: /^Controleren/ }).click();
    const result = page.locator('.archive-result [role="status"]');
    await expect.poll(() => result.textContent()).toContain('Gecontroleerd');
    expect(await result.textContent()).toContain('precies gelijk aan wat geleverd is');

    await row.getByRole('button', { name: /^Wat is er sindsdien veranderd/ }).click();
    const changes = page.locator('.archive-changes');
    await expect.poll(() => changes.textContent()).toContain(lateRef);
    const words = (await changes.textContent()) ?? '';
    expect(words).toContain('Nu meegeteld (niet bij levering)');
    expect(words).toContain('15-03-2016');
    expect(words).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'geleverde-rapportages');
  });

  it('shows the report settings on Beheer without accessibility violations', async () => {
    await page.goto(h.base + '#/beheer');
    await page.getByRole('heading', { name: 'Instellingen rapportages' }).waitFor();
    expect(await page.getByLabel(/Naam van de gemeente/).inputValue()).toBe('Gemeente Noordoostpolder');
    expect(await axe(page)).toEqual([]);
  });
});
