// End to end through the web shell in Debian's Chromium: the entry assistant for one vacancy
// (WBS) and one client (GWS4all) - open the queue, copy a field, enter the target's number,
// mark "ingevoerd", and see the record leave the queue. Needs the built renderer (out/renderer).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordWriter, type RecordValues } from '../../db/records/upsert.js';
import type { RecordKind } from '../../db/model/records.js';
import type { Store } from '../../db/journal/store.js';
import { axe, screenshot, startHarness, validBsn, type Harness } from './harness.js';

const BSN = validBsn('12345678');

function seed(store: Store): void {
  const put = (kind: RecordKind, v: RecordValues) =>
    store.write('e2e', (w) => new RecordWriter(store, w).upsert(kind, v));
  put('employers', {
    ref: 'W000001',
    name: 'Bakkerij De Polder',
    kvk: '12345678',
    city: 'Emmeloord',
    contact_name: 'P. Bakker',
  });
  put('vacancies', {
    ref: 'V000001',
    employer_ref: 'W000001',
    title: 'Productiemedewerker bakkerij',
    hours_per_week: 32,
    opened_date: '2026-10-01',
    banenafspraak: true,
  });
  put('clients', {
    ref: 'K000001',
    bsn: BSN,
    initials: 'A.',
    first_name: 'Anna',
    last_name: 'Jansen',
    birth_date: '1990-03-14',
    intake_date: '2026-01-05',
    referrer: 'social_team',
    account_manager: 'M. Visser',
  });
}

describe('entry assistant in the browser', () => {
  let h: Harness;
  let page: Harness['page'];
  let store: Store;

  beforeAll(async () => {
    h = await startHarness({ prepare: seed });
    ({ page, store } = h);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.shell.url).origin });
    await page.getByRole('navigation').getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'Nog in te voeren in WBS' }).waitFor();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function copied(label: string): Promise<string> {
    await page.getByRole('button', { name: `Kopieer ${label}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Kopieer ${label}` }).textContent()).toBe('Gekopieerd');
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it('walks a vacancy from the WBS queue to "ingevoerd" with the WBS number', async () => {
    const queue = page.getByRole('list', { name: 'Nog in te voeren in WBS' });
    await queue.getByRole('button', { name: /V000001/ }).click();
    const panel = page.getByRole('region', { name: 'V000001 invoeren' });
    await expect
      .poll(() => panel.locator('output[aria-label="Vacaturetitel"]').textContent())
      .toBe('Productiemedewerker bakkerij');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'export-invoerhulp-wbs');
    expect(await copied('Vacaturetitel')).toBe('Productiemedewerker bakkerij');
    expect(await panel.locator('output[aria-label="Banenafspraak (LDR)"]').textContent()).toBe('Ja');
    await panel.getByRole('textbox', { name: 'WBS-vacaturenummer' }).fill('4471234');
    await panel.getByRole('button', { name: 'Ingevoerd' }).click();
    await expect.poll(() => panel.textContent()).toMatch(/Ingevoerd op \d{2}-\d{2}-\d{4}/);
    await expect.poll(() => queue.getByRole('button', { name: /V000001/ }).count()).toBe(0);
    const row = store.db
      .prepare("SELECT target_id, method FROM export_deliveries WHERE target = 'wbs' AND entity = 'vacancy'")
      .get();
    expect(row).toEqual({ target_id: '4471234', method: 'entry' });
  });

  it('walks a client from the GWS4all queue, with BSN and birth date as GWS4all wants them', async () => {
    await page.getByRole('radio', { name: 'GWS4all' }).check();
    await page.getByLabel('Klantmanager / accountmanager').selectOption({ label: 'M. Visser (1)' });
    const queue = page.getByRole('list', { name: 'Nog in te voeren in GWS4all' });
    await queue.getByRole('button', { name: /K000001/ }).click();
    const panel = page.getByRole('region', { name: /K000001 invoeren/ });
    await expect.poll(() => panel.locator('output[aria-label="Geboortedatum"]').textContent()).toBe('14-03-1990');
    expect(await copied('BSN')).toBe(BSN);
    expect(await panel.locator('output[aria-label="Verwijzer"]').textContent()).toBe('Sociaal Team');
    await panel.getByRole('textbox', { name: 'GWS-klantnummer' }).fill('GWS-88123');
    await panel.getByRole('button', { name: 'Ingevoerd' }).click();
    await expect.poll(() => queue.getByRole('button', { name: /K000001/ }).count()).toBe(0);
    const row = store.db
      .prepare("SELECT target_id FROM export_deliveries WHERE target = 'gws' AND entity = 'client'")
      .get();
    expect(row).toEqual({ target_id: 'GWS-88123' });
  });

  it('lets a beheerder copy a GWS4all profile, rename a column and put the copy in use', async () => {
    await page.getByRole('tab', { name: 'Profielen' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'GWS4all - klanten' });
    await item.getByRole('button', { name: 'Kopiëren en aanpassen' }).click();
    const labels = page.getByLabel('Kolom', { exact: true });
    await labels.first().waitFor();
    const values = await labels.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await labels.nth(values.indexOf('Datum aanmelding')).fill('Startdatum traject');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('GWS4all - klanten (aangepast): versie 1 opgeslagen en in gebruik.').waitFor();
    const saved = store.db
      .prepare("SELECT definition FROM export_profiles WHERE ref = 'gws-klanten-eigen' AND active = 1")
      .pluck()
      .get() as string;
    expect((JSON.parse(saved) as { columns: { label: string }[] }).columns.map((c) => c.label)).toContain(
      'Startdatum traject',
    );
    await page.getByRole('tab', { name: 'Batches' }).click();
    await page.getByText('GWS4all - klanten (aangepast) v1').waitFor();
  });

  it('writes a batch from the Batches tab into a chosen folder, then has nothing new', async () => {
    const out = mkdtempSync(join(tmpdir(), 'caseload-e2e-batch-'));
    try {
      await page.getByRole('tab', { name: 'Batches' }).click();
      await page.getByLabel('Map voor de batch').fill(out);
      const vum = page.getByRole('region', { name: 'VUM (JSON)' });
      await vum.getByRole('button', { name: 'Exporteer VUM (JSON)' }).click();
      await expect
        .poll(() => vum.getByRole('status').textContent())
        .toMatch(/Batch vum-\S+ voor VUM \(JSON\) geschreven: 1 vum-werkzoekenden\.json, 1 vum-vacatures\.json/);
      const [batch] = readdirSync(out);
      expect(readdirSync(join(out, batch!)).sort()).toEqual([
        'manifest.json',
        'vum-vacatures.json',
        'vum-werkzoekenden.json',
      ]);
      await vum.getByRole('button', { name: 'Exporteer VUM (JSON)' }).click();
      await expect.poll(() => vum.getByRole('status').textContent()).toMatch(/Niets nieuws of gewijzigd/);
      expect(readdirSync(out)).toHaveLength(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
