// End-to-end harness: a temp database, the web shell in this process serving the built renderer
// (npm run test:e2e builds it first), and Debian's Chromium driven by playwright-core.
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startWebShell, type WebShell } from '../../electron/web.js';
import { Store } from '../../db/journal/store.js';

export const REPO = resolve(import.meta.dirname, '../..');
// CASELOAD_RENDERER_DIR lets a developer test a private build while out/renderer is rebuilt by
// someone else (vite empties its outDir first).
export const RENDERER = process.env.CASELOAD_RENDERER_DIR ?? join(REPO, 'out/renderer');
export const ARTIFACTS = join(REPO, 'artifacts/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  store: Store;
  shell: WebShell;
  /** The app's address once the one-time link has been used: add a route (`#/klanten`). */
  base: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { prepare?: (store: Store) => void | Promise<void>; now?: () => number } = {},
): Promise<Harness> {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error('out/renderer ontbreekt: draai eerst `npm run build:renderer`');
  const dir = mkdtempSync(join(tmpdir(), 'caseload-e2e-'));
  const store = Store.open(join(dir, 'caseload.sqlite'), { deviceName: 'e2e-laptop', now: opts.now });
  await opts.prepare?.(store);
  const shell = await startWebShell({ store, port: 0, rendererDir: RENDERER });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 850 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // A CSP refusal (inline script or style, a foreign origin) is a bug even when the page still works.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.goto(shell.url);
  return {
    store,
    shell,
    base: `http://127.0.0.1:${shell.port}/`,
    browser,
    page,
    async close() {
      await browser.close();
      await shell.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
      if (consoleErrors.length) throw new Error(`Fouten in de pagina: ${consoleErrors.join('; ')}`);
    },
  };
}

/** axe-core on the current screen (WCAG 2.1 A/AA); returns the violations, empty when clean. */
export async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** A synthetic BSN that passes the eleven-check. */
export function validBsn(prefix8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(prefix8[i]);
  const c = sum % 11;
  if (c > 9) throw new Error('geen controlecijfer');
  return prefix8 + String(c);
}
