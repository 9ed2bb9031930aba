// PDF of a printable report document, rendered by Chromium through playwright-core (the tests
// and the command line; the desktop app prints the same HTML with Electron's printToPDF).
// Chromium runs headless, offline, with the page's network requests refused: the document is
// self-contained, and a report must never reach out.
import { existsSync } from 'node:fs';
import { AppError } from '../../model/errors.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(explicit?: string): string {
  const p = explicit ?? process.env.CASELOAD_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(p))
    throw new AppError('not_available', `Chromium niet gevonden (${p}): installeer chromium of zet CASELOAD_CHROMIUM`);
  return p;
}

const FOOTER = `<div style="font-family: Arial, sans-serif; font-size: 8px; color: #666; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;">
  <span class="title"></span><span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`;

export async function htmlToPdf(html: string, opts: { chromium?: string } = {}): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(opts.chromium),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
