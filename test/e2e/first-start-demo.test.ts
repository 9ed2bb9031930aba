// First start with demo data in Chromium: the offer loads 300 synthetic clients, the list pages
// through all of them by keyboard (keyset cursor), and the web-shell token leaves the address bar
// but survives a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../db/api/dispatch.js';
import { axe, screenshot, startHarness, type Harness } from './harness.js';

describe('first start with demo data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('loads 300 demo clients from the first-start offer', async () => {
    const p = h.page;
    // The one-time link was traded for a cookie: the address bar shows neither code nor token.
    expect(p.url()).toBe(`http://127.0.0.1:${h.shell.port}/`);
    const dialog = p.getByRole('dialog', { name: 'Welkom bij Caseload' });
    await dialog.getByRole('button', { name: 'Demogegevens laden' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 90_000 });
    expect(h.store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(300);
    await p.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
  });

  it('pages through all clients with the keyboard, 100 at a time', async () => {
    const p = h.page;
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Klanten', exact: true }).click();
    await p.getByText('300 klanten').waitFor();
    const grid = p.getByRole('grid', { name: 'Klantenlijst' });
    expect(await grid.getAttribute('aria-rowcount')).toBe('301');
    await grid.locator('[role=row][aria-rowindex="2"]').waitFor();
    // Virtualized: only the rows that fit (plus overscan) are in the DOM, not the first page of 100.
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    expect(await axe(p)).toEqual([]);
    await screenshot(p, '05-klanten-demo');
    await grid.focus();
    const last = grid.locator('[role=row][aria-rowindex="301"]');
    // End goes to the last loaded row; that loads the next page, so End again goes further.
    for (
      let i = 0;
      i < 6 && (await last.getAttribute('aria-selected', { timeout: 1000 }).catch(() => null)) !== 'true';
      i++
    ) {
      await p.keyboard.press('End');
      await p.waitForTimeout(400);
    }
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    // The last row is the last client in the contract's own order, fetched in one page of 300.
    const all = await createApi(h.store).call('clients.search', { query: '', limit: 300 });
    const ref = await last.getByRole('gridcell').nth(1).textContent();
    expect(all.ok && (all.value as { items: { ref: string }[] }).items[299]!.ref).toBe(ref);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: new RegExp(ref!) }).waitFor();
  });

  it('keeps the session after a reload, with the token only in an HttpOnly cookie', async () => {
    const p = h.page;
    await p.reload();
    await p.getByRole('heading', { level: 1 }).first().waitFor();
    expect(p.url()).not.toContain(h.shell.token);
    // Script on the page cannot read the token: not in document.cookie, not in storage.
    expect(
      await p.evaluate(() => document.cookie + JSON.stringify({ ...sessionStorage, ...localStorage })),
    ).not.toContain(h.shell.token);
    const cookies = await p.context().cookies();
    expect(cookies).toContainEqual(
      expect.objectContaining({ name: h.shell.cookieName, value: h.shell.token, httpOnly: true, sameSite: 'Strict' }),
    );
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Klanten', exact: true }).click();
    await p.getByText('300 klanten').waitFor();
  });
});
