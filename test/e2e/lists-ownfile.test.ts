// Lists that work and the client's own file, in Chromium through the web shell: sort and export
// the client list to XLSX (the file read back), print one client's own file to PDF (pdftotext
// shows the name and a period), add an SROI obligation and a measure; axe-core finds no
// violations on each touched screen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { axe, startHarness, validBsn, type Harness } from './harness.js';
import { createApi } from '../../db/api/dispatch.js';
import type { Result } from '../../db/model/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'caseload-lists-'));
const ids = { noor: '', employer: '' };

async function save(p: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

describe('lists and the own file in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      prepare: async (store) => {
        const api = createApi(store);
        const must = async <T>(r: Promise<Result<unknown>>) => {
          const x = await r;
          if (!x.ok) throw new Error(x.error.message);
          return x.value as T;
        };
        const client = (last: string, first: string, bsn: string, birth: string, am: string) =>
          must<{ id: string }>(
            api.call('clients.create', {
              bsn: validBsn(bsn),
              first_name: first,
              last_name: last,
              birth_date: birth,
              intake_date: '2026-01-05',
              referrer: 'social_team',
              account_manager: am,
            }),
          );
        ids.noor = (await client('Visser', 'Noor', '60000011', '1990-04-01', 'Anna de Jong')).id;
        await client('Bakker', 'Sanne', '60000012', '1985-02-03', 'Anna de Jong');
        await client('Mulder', 'Ties', '60000013', '2001-09-09', 'Piet Smit');
        ids.employer = (await must<{ id: string }>(api.call('employers.create', { name: 'Bouwbedrijf De Polder' }))).id;
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sorts and exports the client list to xlsx as shown', async () => {
    const p = h.page;
    await p.goto(h.base + '#/klanten');
    const grid = p.getByRole('grid', { name: 'Klantenlijst' });
    await grid.getByRole('row').nth(3).waitFor();
    const birth = grid.getByRole('columnheader', { name: /Geboortedatum/ });
    await birth.getByRole('button').click();
    await expect.poll(() => birth.getAttribute('aria-sort')).toBe('ascending');
    // Keyboard: the header's button works with Enter.
    await birth.getByRole('button').focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => birth.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => grid.getByRole('row').nth(1).innerText()).toContain('Ties Mulder');
    await p.getByLabel('Klantmanager').fill('Anna de Jong');
    await expect.poll(() => grid.getByRole('row').count()).toBe(3);
    expect(await axe(p), 'klanten').toEqual([]);
    const file = await save(p, () => p.getByRole('button', { name: 'Excel (xlsx)' }).click(), 'klanten.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Naam');
    expect([ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value]).toEqual(['Noor Visser', 'Sanne Bakker']);
    expect(ws.getRow(4).getCell(1).value).toBeNull();
    await p.getByText(/2 regels geëxporteerd/).waitFor();
  });

  it('shows sortable, filterable, exportable lists of employers, vacancies and placements', async () => {
    const p = h.page;
    for (const [route, title] of [
      ['werkgevers', 'Werkgevers'],
      ['vacatures', 'Vacatures'],
      ['plaatsingen', 'Plaatsingen'],
    ] as const) {
      await p.goto(h.base + `#/${route}`);
      await p.getByRole('heading', { level: 1, name: title }).waitFor();
      await p.getByRole('button', { name: 'Excel (xlsx)' }).waitFor();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), title).toEqual([]);
    }
  });

  it("prints one client's own file to PDF and registers a measure", async () => {
    const p = h.page;
    await p.goto(h.base + `#/klanten/${ids.noor}`);
    await p.getByRole('heading', { level: 1, name: /Noor Visser/ }).waitFor();
    await p.getByRole('button', { name: 'Inzageverzoek (AVG)' }).click();
    await p.getByRole('heading', { name: 'Inzageverzoek (AVG art. 15)' }).waitFor();
    expect(await axe(p), 'inzageverzoek').toEqual([]);
    const pdf = await save(p, () => p.getByRole('button', { name: 'Download PDF' }).click(), 'inzage.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Noor Visser');
    expect(text).toContain('Caseloadperiodes');
    expect(text).toContain('05-01-2026');
    expect(text).toContain('Anna de Jong');

    const measures = p.getByRole('region', { name: 'Maatregelen' });
    await measures.getByRole('button', { name: 'Maatregel vastleggen' }).click();
    const form = measures.getByRole('form', { name: 'Maatregel vastleggen' });
    await form.getByRole('button', { name: 'Maatregel opslaan' }).click();
    await form.getByText(/Vul datum in/i).waitFor();
    expect(await axe(p), 'maatregel vastleggen').toEqual([]);
    await form.getByLabel(/^Datum/).fill('10-06-2026');
    await form.getByLabel(/^Soort maatregel/).selectOption('warning');
    await form.getByLabel(/^Reden/).fill('Afspraak niet nagekomen');
    await form.getByRole('button', { name: 'Maatregel opslaan' }).click();
    await measures.getByText('De maatregel is vastgelegd.').waitFor();
    await measures.getByRole('cell', { name: 'Waarschuwing', exact: true }).waitFor();
    expect(await axe(p), 'maatregelen').toEqual([]);
  });

  it('adds an SROI obligation on the employer page', async () => {
    const p = h.page;
    await p.goto(h.base + `#/werkgevers/${ids.employer}`);
    await p.getByRole('heading', { level: 1, name: /Bouwbedrijf De Polder/ }).waitFor();
    const sroi = p.getByRole('region', { name: 'SROI-verplichtingen' });
    await sroi.getByRole('button', { name: 'SROI-verplichting toevoegen' }).click();
    const form = sroi.getByRole('form', { name: 'SROI-verplichting toevoegen' });
    await form.getByLabel(/^Contract/).fill('Renovatie gemeentehuis');
    await form.getByLabel(/^Verplichting/).fill('120,5');
    await form.getByLabel(/^Begindatum/).fill('01-01-2026');
    expect(await axe(p), 'sroi toevoegen').toEqual([]);
    await form.getByRole('button', { name: 'Verplichting opslaan' }).click();
    await sroi.getByText('De SROI-verplichting is vastgelegd.').waitFor();
    await sroi.getByRole('cell', { name: 'Renovatie gemeentehuis', exact: true }).waitFor();
    expect(await sroi.getByRole('row').nth(1).innerText()).toContain('120,5');
    expect(await axe(p), 'werkgever met sroi').toEqual([]);
  });
});
