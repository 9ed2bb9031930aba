// Issue 13 in Chromium through the web shell: account managers are users. Anna hands a client to
// her colleague Mark from the dossier ("Overdragen"), and the client moves from Anna's Mijn werk
// to Mark's; an exit is recorded and undone with a reason, and the history says who and why.
// axe-core on every screen touched (dossier with its forms, Mijn werk with signals, handover).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, startHarness, validBsn, type Harness } from './harness.js';
import { createApi } from '../../db/api/dispatch.js';
import { addDays, dutchDay } from '../../db/model/calendar.js';

const today = () => dutchDay(Date.now());
let h: Harness;
let clientId = '';

async function signIn(p: Page, name: string, pin: string) {
  await p.goto(h.base + '#/mijn-werk');
  const signOut = p.getByRole('button', { name: 'Afmelden' });
  if (await signOut.count()) {
    await signOut.click();
  }
  await p.getByRole('heading', { level: 1, name: 'Aanmelden bij Caseload' }).waitFor();
  await p.getByLabel('Naam').selectOption({ label: name });
  await p.getByLabel('Wachtwoord').fill(pin);
  await p.getByRole('button', { name: 'Aanmelden' }).click();
  await p.getByText(`${name} (klantmanager)`).waitFor();
}

describe('handing a client to a colleague', () => {
  beforeAll(async () => {
    h = await startHarness({
      prepare: async (store) => {
        const boot = createApi(store, { user: 'beheer', name: 'Beheer', role: 'beheerder' });
        const users = [
          { display_name: 'Beheer Gemeente', role: 'beheerder', pin: 'beheer-polder-2026' },
          { display_name: 'Anna de Boer', role: 'klantmanager', pin: 'tulpen-in-emmeloord' },
          { display_name: 'Mark Visser', role: 'klantmanager', pin: 'kotters-op-urk-2026' },
        ] as const;
        for (const u of users) {
          const r = await boot.call('users.create', u);
          if (!r.ok) throw new Error(r.error.message);
        }
        const c = await boot.call('clients.create', {
          bsn: validBsn('61000006'),
          first_name: 'Sanne',
          last_name: 'Bakker',
          intake_date: addDays(today(), -60),
          referrer: 'social_team',
          account_manager: 'Anna de Boer',
        });
        if (!c.ok) throw new Error(c.error.message);
        clientId = (c.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the client on Anna's Mijn werk with a signal, and hands it to Mark from the dossier", async () => {
    const p = h.page;
    await signIn(p, 'Anna de Boer', 'tulpen-in-emmeloord');
    const idle = p.getByRole('region', { name: /Klanten zonder lopende activiteit/ });
    await idle.getByRole('link', { name: 'Sanne Bakker' }).waitFor();
    const signals = p.getByRole('region', { name: /Signalen/ });
    await signals.getByText('Nog geen contact').waitFor();
    expect(await axe(p)).toEqual([]);

    await signals.getByRole('link', { name: 'Sanne Bakker' }).click();
    await p.getByRole('heading', { name: /Sanne Bakker/ }).waitFor();
    await p.getByRole('button', { name: 'Overdragen', exact: true }).click();
    const form = p.getByRole('form', { name: 'Overdragen' });
    await form.getByRole('button', { name: 'Overdragen aan collega' }).click();
    await form.getByText('Vul Naar klantmanager in.').waitFor();
    expect(await axe(p)).toEqual([]);
    await form.getByLabel(/Naar klantmanager/).selectOption({ label: 'Mark Visser' });
    await form.getByLabel(/Toelichting/).fill('Anna gaat met verlof');
    await form.getByRole('button', { name: 'Overdragen aan collega' }).click();
    await p.getByText('De klant is overgedragen.').waitFor();
    await p
      .getByRole('region', { name: /Caseloadperiode/ })
      .getByText(/Overgedragen per .* van Anna de Boer aan Mark Visser, door Anna de Boer/)
      .waitFor();
    await p.getByText('Toelichting: Anna gaat met verlof').waitFor();
    expect(await axe(p)).toEqual([]);

    await p.goto(h.base + '#/mijn-werk');
    await p.getByRole('region', { name: /Klanten zonder lopende activiteit \(0\)/ }).waitFor();
  });

  it("shows the client on Mark's Mijn werk now, and Mark records and undoes an exit", async () => {
    const p = h.page;
    await signIn(p, 'Mark Visser', 'kotters-op-urk-2026');
    await p
      .getByRole('region', { name: /Klanten zonder lopende activiteit/ })
      .getByRole('link', { name: 'Sanne Bakker' })
      .click();
    await p.getByRole('heading', { name: /Sanne Bakker/ }).waitFor();
    await p.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    const exit = p.getByRole('form', { name: 'Uitstroom vastleggen' });
    await exit.getByLabel(/Reden uitstroom/).selectOption('moved');
    await exit.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await p.getByText('De uitstroom is vastgelegd.').waitFor();
    await p.getByRole('button', { name: 'Uitstroom ongedaan maken' }).waitFor();
    expect(await p.getByRole('button', { name: 'Uitstroom vastleggen' }).count()).toBe(0);

    await p.getByRole('button', { name: 'Uitstroom ongedaan maken' }).click();
    const undo = p.getByRole('form', { name: 'Uitstroom ongedaan maken' });
    await undo.getByRole('button', { name: 'Uitstroom ongedaan maken' }).click();
    await undo.getByText('Vul Reden in.').waitFor();
    expect(await axe(p)).toEqual([]);
    await undo.getByLabel(/Reden/).fill('Verkeerde klant aangeklikt');
    await undo.getByRole('button', { name: 'Uitstroom ongedaan maken' }).click();
    await p.getByText(/De uitstroom is ongedaan gemaakt/).waitFor();
    await p.getByRole('button', { name: 'Uitstroom vastleggen' }).waitFor();
    const row = h.store.db
      .prepare('SELECT exit_date, exit_note FROM caseload_periods WHERE client_id = ?')
      .get(clientId) as { exit_date: string | null; exit_note: string };
    expect(row).toEqual({ exit_date: null, exit_note: 'Verkeerde klant aangeklikt' });
  });

  it('hands over a whole caseload on its own screen without violations', async () => {
    const p = h.page;
    await p.goto(h.base + '#/mijn-werk/overdracht');
    await p.getByRole('heading', { level: 1, name: 'Caseload overdragen' }).waitFor();
    const form = p.getByRole('form', { name: 'Overdracht' });
    await form.getByLabel(/Naar klantmanager/).selectOption({ label: 'Anna de Boer' });
    await form.getByRole('button', { name: 'Caseload overdragen' }).click();
    await p.getByText('1 klant is overgedragen.').waitFor();
    expect(await axe(p)).toEqual([]);
  });
});
