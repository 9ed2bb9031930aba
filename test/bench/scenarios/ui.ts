// The UI at scale: the web shell (electron/web.ts) serving the built renderer over the demo
// database, driven in Debian's Chromium by playwright-core. Measured without knowing the DOM:
// - start screen (Mijn werk): navigation start until its data (mywork.get) is painted;
// - list first paint: navigation start of a load of #/klanten until the name of the first
//   client of the list (asked from the same contract) is on the page;
// - search-as-you-type: per keystroke, from the keydown to the first animation frame after the
//   clients.search answer for exactly the typed text arrived (debounce included, as users feel it).
// The backend's memory is this process (the web shell); Chromium runs in its own processes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../../db/journal/store.js';
import { searchClients } from '../../../db/search/clients.js';
import { REPO } from '../lib/demo-cache.js';
import { latency } from '../lib/measure.js';
import { startWebShell } from '../../../electron/web.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const QUERY = 'jansen';

/** Injected before the page loads: timestamps of keydowns and of painted contract answers. */
function instrument(): void {
  const w = window as unknown as {
    __bench: { keys: { t: number; value: string }[]; answers: { method: string; query: string; t: number }[] };
  };
  w.__bench = { keys: [], answers: [] };
  document.addEventListener(
    'keydown',
    (e) => {
      const t = performance.now();
      const el = e.target as HTMLInputElement;
      // The value after this key is known only after the input event.
      setTimeout(() => w.__bench.keys.push({ t, value: el.value ?? '' }), 0);
    },
    true,
  );
  const orig = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await orig(input, init);
    try {
      const body =
        typeof init?.body === 'string'
          ? (JSON.parse(init.body) as { method?: string; input?: { query?: string } })
          : null;
      if (body?.method) {
        const copy = res.clone();
        void copy.json().then(() => {
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              w.__bench.answers.push({ method: body.method!, query: body.input?.query ?? '', t: performance.now() }),
            ),
          );
        });
      }
    } catch {
      /* not a contract call */
    }
    return res;
  };
}

export async function ui(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const rendererDir = join(REPO, 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) return { missing: 'out/renderer (npm run build:renderer)' };
  if (!existsSync(CHROMIUM)) return { missing: CHROMIUM };
  const db = String(args.db);
  const probe = Store.open(db);
  const first = searchClients(probe, { query: '', limit: 1, after: null, onlyCaseload: false }).items[0]?.name ?? '';
  probe.close();

  const { chromium } = await import('playwright-core');
  const shell = await startWebShell({ dbFile: db, rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const paints: number[] = [];
    const startScreen: number[] = [];
    let typing: number[] = [];
    let finalMs: number | null = null;
    type Answers = { method: string; query: string; t: number }[];
    const answered = (method: string) =>
      page.waitForFunction(
        (m) => {
          const a = (window as unknown as { __bench: { answers: Answers } }).__bench.answers.find(
            (x) => x.method === m,
          );
          return a ? a.t : false;
        },
        method,
        { timeout: 60_000 },
      );
    // The one-time link signs this browser context in (an HttpOnly cookie); later pages of the
    // context load the app's own address.
    const context = await browser.newContext();
    const base = `http://127.0.0.1:${shell.port}/`;
    let page = await context.newPage();
    await page.goto(shell.url);
    for (let run = 0; run < 4; run++) {
      await page.close();
      page = await context.newPage();
      await page.addInitScript(instrument);
      // First run warms the server and the browser cache; the rest are measured.
      // The start screen (Mijn werk) after a cold load: until its data is painted.
      await page.goto(base);
      const start = (await (await answered('mywork.get')).jsonValue()) as number;
      if (run > 0) startScreen.push(start);
      // A cold load of the client list (#/klanten).
      await page.evaluate(() => void (window.location.hash = '#/klanten'));
      await page.reload();
      const handle = await page.waitForFunction(
        (name) => document.body?.innerText.includes(name) && performance.now(),
        first,
        { timeout: 30_000, polling: 'raf' },
      );
      const painted = (await handle.jsonValue()) as number;
      if (run > 0) paints.push(painted);
      if (run === 3) {
        const box = page
          .getByRole('searchbox')
          .or(page.locator('input[type=search]'))
          .or(page.getByPlaceholder(/zoek/i))
          .first();
        await box.click();
        await page.keyboard.type(QUERY, { delay: 120 });
        await page.waitForFunction(
          (q) =>
            (window as unknown as { __bench: { answers: Answers } }).__bench.answers.some(
              (a) => a.method === 'clients.search' && a.query === q,
            ),
          QUERY,
          { timeout: 30_000 },
        );
        const m = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as {
          keys: { t: number; value: string }[];
          answers: Answers;
        };
        typing = m.keys
          .map(
            (k) => m.answers.find((a) => a.method === 'clients.search' && a.query === k.value && a.t >= k.t)?.t ?? NaN,
          )
          .map((t, i) => t - m.keys[i]!.t)
          .filter((x) => Number.isFinite(x));
        const last = m.keys[m.keys.length - 1];
        const answer =
          last && m.answers.find((a) => a.method === 'clients.search' && a.query === QUERY && a.t >= last.t);
        finalMs = last && answer ? answer.t - last.t : null;
      }
    }
    await page.close();
    return {
      firstPaint: latency(paints),
      startScreen: latency(startScreen),
      typing: latency(typing),
      finalMs,
      query: QUERY,
    };
  } finally {
    await browser.close();
    await shell.close();
  }
}
