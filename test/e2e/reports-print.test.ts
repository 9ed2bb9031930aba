// The half-year report as the municipality gets it: rendered to PDF by Chromium, then each page
// turned into an image by pdftoppm and checked for layout - a cover page, no blank pages, every
// section on its own page - and its text checked with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../db/reports/output.js';
import { runReport } from '../../db/reports/run.js';
import { Store } from '../../db/journal/store.js';
import { importClients, importCsv } from '../unit/reports/fixture.js';
import { seed2016 } from '../unit/reports/seed-2016.js';

const dir = mkdtempSync(join(tmpdir(), 'caseload-print-'));
const chromium = process.env.CASELOAD_CHROMIUM ?? '/usr/bin/chromium';
let pages: Gray[] = [];
let pdf = '';
let sections = 0;

interface Gray {
  width: number;
  height: number;
  /** 0 (black) .. 255 (white), row by row. */
  pixels: Uint8Array;
  /** Share of pixels in the charts' bar blue (#2f6f9f). */
  blue: number;
}

/** Decodes the 8-bit RGB(A)/gray PNGs that pdftoppm writes (non-interlaced). */
function readPng(file: string): Gray {
  const buf = readFileSync(file);
  let pos = 8;
  let width = 0,
    height = 0,
    colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      colorType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height);
  let blue = 0;
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const pred =
        filter === 1
          ? a
          : filter === 2
            ? b
            : filter === 3
              ? (a + b) >> 1
              : filter === 4
                ? Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c
                : 0;
      cur[x] = (line[x]! + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const i = x * channels;
      out[y * width + x] = channels >= 3 ? Math.round((cur[i]! + cur[i + 1]! + cur[i + 2]!) / 3) : cur[i]!;
      if (
        channels >= 3 &&
        Math.abs(cur[i]! - 0x2f) < 25 &&
        Math.abs(cur[i + 1]! - 0x6f) < 25 &&
        Math.abs(cur[i + 2]! - 0x9f) < 25
      )
        blue++;
    }
    prev = cur;
  }
  return { width, height, pixels: out, blue: blue / (width * height) };
}

/** Share of pixels with ink (clearly darker than white) in a band of rows. */
function ink(g: Gray, fromRow = 0, toRow = g.height): number {
  let n = 0;
  for (let y = fromRow; y < toRow; y++) for (let x = 0; x < g.width; x++) if (g.pixels[y * g.width + x]! < 200) n++;
  return n / (g.width * (toRow - fromRow));
}

function variance(g: Gray): number {
  let sum = 0,
    sq = 0;
  for (const v of g.pixels) {
    sum += v;
    sq += v * v;
  }
  const mean = sum / g.pixels.length;
  return sq / g.pixels.length - mean * mean;
}

const tools = existsSync(chromium) && existsSync('/usr/bin/pdftoppm');

beforeAll(async () => {
  if (!tools) return;
  const store = Store.open(join(dir, 'caseload.sqlite'));
  await importClients(store, seed2016().clients);
  await importCsv(store, 'employers', [
    { ref: 'W1', name: 'Kwekerij De Polder', exceptional_since: '2015-03-01' },
    { ref: 'W2', name: 'Transport Emmeloord', exceptional_since: '2015-09-01' },
  ]);
  await importCsv(store, 'contacts', [{ ref: 'C1', employer_ref: 'W2', date: '2016-05-02', kind: 'visit' }]);
  const params = { from: '2016-01-01', to: '2016-06-30' };
  sections = new Set(runReport(store, 'half-year', params).tables.map((t) => t.id.split('.')[0])).size;
  pdf = join(dir, 'halfjaar.pdf');
  writeFileSync(pdf, await renderReport(store, 'half-year', params, 'pdf', { today: '2016-07-15', chromium }));
  store.close();
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')]);
  pages = readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort()
    .map((f) => readPng(join(dir, f)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!tools)('the printed half-year report', () => {
  it('has a cover page and one page or more per section, A4 and none of them blank', () => {
    expect(sections).toBe(8);
    expect(pages.length).toBeGreaterThanOrEqual(1 + sections);
    for (const [i, p] of pages.entries()) {
      // A4 at 50 dpi: 413 x 585 pixels.
      expect(Math.abs(p.width - 413), `page ${i + 1} width`).toBeLessThanOrEqual(2);
      expect(Math.abs(p.height - 585), `page ${i + 1} height`).toBeLessThanOrEqual(2);
      expect(variance(p), `page ${i + 1} is blank`).toBeGreaterThan(50);
      expect(ink(p), `page ${i + 1} has no content`).toBeGreaterThan(0.01);
    }
  });

  it('starts with a cover page: title in the middle, empty top, text only on the cover', () => {
    const cover = pages[0]!;
    const third = Math.floor(cover.height / 3);
    expect(ink(cover, 0, Math.floor(cover.height / 5))).toBeLessThan(0.001);
    expect(ink(cover, third, 2 * third)).toBeGreaterThan(0.01);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Halfjaarrapportage eerste halfjaar 2016');
    expect(text).toContain('1 januari 2016 t/m 30 juni 2016');
    expect(text).not.toContain('Resultaatafspraken');
  });

  it('prints the figures, the charts and Dutch dates on the pages after the cover', () => {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/januari 2016\s+307\s+37\s+16\s+328/);
    expect(text).toContain('Niet-gesubsidieerd werk');
    expect(text).toContain('Kwekerij De Polder');
    expect(text).toMatch(/pagina 2 van \d+/);
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    // The charts are drawn (blue bars) on the pages of caseload development and exit reasons,
    // and nowhere else.
    const pageOf = (title: string) =>
      pages.findIndex((_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).includes(
          title,
        ),
      );
    const charts = [pageOf('Ontwikkeling caseload per maand'), pageOf('Uitstroom naar reden')];
    expect(charts.every((i) => i > 0)).toBe(true);
    pages.forEach((p, i) => {
      if (charts.includes(i)) expect(p.blue, `chart on page ${i + 1}`).toBeGreaterThan(0.01);
      else expect(p.blue, `no chart on page ${i + 1} (only the heading rule)`).toBeLessThan(0.004);
    });
  });
});
