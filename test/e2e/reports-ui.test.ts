// The Reports screen end to end through the web shell in Debian's Chromium: a manager opens the
// work-target report for January-August 2016 on the seed's caseload, reads 307 / 77 / 64 / on
// track, clicks the 64 to see exactly those clients, sees the caseload chart, and prints the
// screen (print CSS: the report alone). Needs the built renderer (out/renderer).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importClients } from '../unit/reports/fixture.js';
import { seed2016 } from '../unit/reports/seed-2016.js';
import { axe, screenshot, startHarness, type Harness } from './harness.js';

describe('reports in the browser', () => {
  let h: Harness;
  let page: Harness['page'];

  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await importClients(h.store, seed2016().clients);
    // Loaded on an empty store, the app offers demo data; with the caseload imported it does not.
    await page.reload();
    await page.getByRole('navigation', { name: /./ }).first().getByRole('link', { name: 'Rapportages' }).click();
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function open(title: string, from: string, to: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Rapportages' }).getByRole('link', { name: title }).click();
    await page.getByLabel('Van', { exact: true }).fill(from);
    await page.getByLabel('Tot en met', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Rapportage maken' }).click();
    await expect
      .poll(() => page.locator('.report-result .muted').first().textContent())
      .toContain(`Periode ${from.split('-').reverse().join('-')}`);
  }

  it('shows the work target of the seed: 307, 77, 64, on track', async () => {
    await open('Resultaatafspraak uitstroom naar regulier werk', '2016-01-01', '2016-08-31');
    const table = page.getByRole('table').first();
    const value = (label: string) =>
      table.getByRole('row').filter({ hasText: label }).getByRole('cell').nth(1).textContent();
    expect(await value('Caseload op de basisdatum')).toBe('307');
    expect(await value('Doel (aantal personen)')).toBe('77');
    expect(await value('Gerealiseerd')).toBe('64');
    expect(await value('Op koers')).toBe('ja');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'rapportage-resultaatafspraak');
  });

  it('opens exactly the 64 clients behind the realized figure', async () => {
    await page.getByRole('button', { name: /^64: toon de registraties/ }).click();
    const list = page.locator('.record-list');
    await expect
      .poll(() => list.getByRole('heading').textContent())
      .toBe('Uitstroom naar regulier werk: 64 registraties');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(64);
    const reasons = await list.locator('tbody tr td:nth-child(7)').allTextContents();
    expect(new Set(reasons)).toEqual(new Set(['Niet-gesubsidieerd werk', 'Zelfstandig ondernemerschap']));
    await screenshot(page, 'rapportage-registraties-achter-cijfer');
  });

  it('draws the caseload development with its January peak and lists the 37 newcomers', async () => {
    await open('Ontwikkeling caseload', '2016-01-01', '2016-08-31');
    await page.locator('.report-chart .recharts-surface').first().waitFor();
    expect(await page.locator('.report-chart .recharts-bar-rectangle').count()).toBe(16);
    await page.getByRole('button', { name: /^37: toon de registraties van januari 2016 Instroom/ }).click();
    await expect
      .poll(() => page.locator('.record-list').getByRole('heading').textContent())
      .toBe('Instroom januari 2016: 37 registraties');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'rapportage-ontwikkeling-caseload');
  });

  it('prints the report alone: no navigation, no buttons, the table and the chart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseload-print-ui-'));
    try {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-nav').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
      const file = join(dir, 'scherm.pdf');
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Ontwikkeling caseload per maand');
      expect(text).toMatch(/januari 2016\s+307\s+37\s+16\s+328/);
      expect(text).not.toContain('Rapportage maken');
      expect(text).not.toContain('Werkgevers');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
