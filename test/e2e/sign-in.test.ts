// Sign-in in the real web shell and Chromium: a database with users starts at the sign-in screen;
// a wrong passphrase is refused in Dutch; the right one opens the app as that user, and the app
// hides what their role may not do (the contract's role table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { createApi } from '../../db/api/dispatch.js';

let h: Harness;

describe('signing in', () => {
  beforeAll(async () => {
    h = await startHarness({
      prepare: async (store) => {
        const api = createApi(store, { user: 'beheer', name: 'Beheer', role: 'beheerder' });
        const users = [
          { display_name: 'Beheer Gemeente', role: 'beheerder', pin: 'beheer-polder-2026' },
          { display_name: 'Mark Visser', role: 'werkgeversadviseur', pin: 'vissers-van-urk-1' },
        ] as const;
        for (const u of users) {
          const r = await api.call('users.create', u);
          if (!r.ok) throw new Error(r.error.message);
        }
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows only the sign-in screen, refuses a wrong passphrase and signs in with the right one', async () => {
    const p = h.page;
    await p.getByRole('heading', { level: 1, name: 'Aanmelden bij Caseload' }).waitFor();
    expect(await p.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await p.getByLabel('Naam').selectOption({ label: 'Mark Visser' });
    await p.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await p.getByRole('alert').getByText('onjuist wachtwoord').waitFor();
    await p.getByLabel('Wachtwoord').fill('vissers-van-urk-1');
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await p.getByText('Mark Visser (werkgeversadviseur)').waitFor();
    const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Klanten', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Klanten' }).waitFor();
    // A werkgeversadviseur may not register clients: the button is not there.
    expect(await p.getByRole('link', { name: 'Nieuwe klant' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Werkgevers', exact: true }).click();
    await p.getByRole('link', { name: 'Nieuwe werkgever' }).waitFor();
    const audit = h.store.db
      .prepare("SELECT result FROM audit_log WHERE action = 'session.switch' ORDER BY seq")
      .pluck()
      .all();
    expect(audit).toEqual(['refused', 'ok']);
  });

  it('signs out back to the sign-in screen, and a reload stays signed out', async () => {
    const p = h.page;
    await p.getByRole('button', { name: 'Afmelden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Aanmelden bij Caseload' }).waitFor();
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Aanmelden bij Caseload' }).waitFor();
  });
});
